import { startPrism } from "@offerkit/mock";
import { specPath } from "./specs.js";

export interface PrismMock {
  /** Origin of the mock, e.g. `http://127.0.0.1:40123`. Prism ignores the servers' base path: use it as baseUrl. */
  readonly url: string;
  close(): Promise<void>;
}

export interface PrismMockOptions {
  /** Spec name under `specs/` (`delivery`) or a path to a YAML file. */
  readonly spec: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Answer browsers' CORS preflights and add CORS headers, for pages served from another origin. Default false. */
  readonly cors?: boolean;
}

/**
 * Prism in this process: no child process to leak, about 50 ms to start once its modules are loaded. Requests
 * are validated against the spec (violations come back as 422/400 with an `sl-violations` header), responses are
 * the spec's examples, and `Prefer: code=NNN` or `Prefer: example=name` pick which.
 */
export async function startPrismMock(options: PrismMockOptions): Promise<PrismMock> {
  // Prism setup lives once, in @offerkit/mock; this resolves names against the repository's specs/.
  const spec = options.spec.endsWith(".yaml") ? options.spec : specPath(options.spec);
  return startPrism({ ...options, spec });
}
