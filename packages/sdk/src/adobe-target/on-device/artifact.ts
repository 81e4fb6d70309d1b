// The artifact lifecycle: the first artifact (given or downloaded), ETag polling, and the last good one kept on failure.

import type { FetchFunction } from "@offerkit/core";
import { OfferkitError } from "@offerkit/core";
import type { ArtifactFacts, DecisionEngine } from "./engine.js";
import type { Emitter } from "./events.js";

/** Adobe's default and minimum polling interval: five minutes. */
export const DEFAULT_POLLING_INTERVAL = 300_000;
/** Attempts per download; every failed one is reported as `artifactDownloadFailed`. */
const ATTEMPTS = 3;
const RETRY_DELAY = 500;

/** The first artifact could not be had, or did not come within `maximumWaitReady`. */
export class ArtifactUnavailableError extends OfferkitError {
  override name = "ArtifactUnavailableError";
  declare readonly artifactLocation: string;
  constructor(artifactLocation: string, reason: string, options?: { cause?: unknown }) {
    super(
      `No rules artifact from ${artifactLocation}: ${reason}. Check the client code, environment and property token, or pass artifactPayload.`,
      options,
    );
    this.artifactLocation = artifactLocation;
  }
}

export interface ArtifactSourceOptions<A extends ArtifactFacts> {
  readonly engine: DecisionEngine<A>;
  readonly location: string;
  readonly format: "json" | "bin";
  /** The artifact given as `artifactPayload`, already checked: no first download. */
  readonly initial: A | undefined;
  /** Already resolved: 0 disables polling. */
  readonly pollingInterval: number;
  readonly maximumWaitReady: number | undefined;
  readonly organizationId: string | undefined;
  readonly timeout: number;
  readonly fetch: FetchFunction;
  readonly emitter: Emitter;
}

export interface ArtifactSource<A extends ArtifactFacts> {
  /** The artifact in use, or `undefined` before the first one arrives. */
  current(): A | undefined;
  /** Resolves once an artifact is in use; rejects with `ArtifactUnavailableError` when the first one cannot be had. */
  readonly ready: Promise<void>;
  /** Stops polling and any download under way; the current artifact stays in use. */
  close(): void;
}

type Timer = ReturnType<typeof setTimeout>;

/** A timer that does not keep a Node process alive (browsers and edge runtimes have no `unref`). */
function backgroundTimer(callback: () => void, delay: number): Timer {
  const timer = setTimeout(callback, delay);
  if (typeof timer === "object" && timer !== null && typeof (timer as { unref?: unknown }).unref === "function") {
    (timer as { unref(): void }).unref();
  }
  return timer;
}

export function createArtifactSource<A extends ArtifactFacts>(options: ArtifactSourceOptions<A>): ArtifactSource<A> {
  const { engine, location, emitter } = options;
  let artifact: A | undefined;
  let etag: string | undefined;
  let closed = false;
  let timer: Timer | undefined;
  let waitTimer: Timer | undefined;
  const controller = new AbortController();
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // A caller who never awaits `ready` must not get an unhandled rejection; one who does still sees it.
  ready.catch(() => {});

  /** Puts `next` in use, announces the download, then (the first time) readiness, in Adobe's order. */
  const use = (next: A, payload: unknown) => {
    const first = artifact === undefined;
    artifact = next;
    if (first) {
      if (waitTimer !== undefined) clearTimeout(waitTimer);
      settle?.resolve();
    }
    emitter.emit("artifactDownloadSucceeded", { artifactLocation: location, artifactPayload: payload });
    if (first) emitter.emit("clientReady", undefined);
  };
  const fail = (reason: string, cause?: unknown) => {
    if (artifact === undefined) settle?.reject(new ArtifactUnavailableError(location, reason, { cause }));
  };

  const decode = async (response: Response): Promise<{ parsed: A; payload: unknown }> => {
    if (options.format === "bin") {
      const bytes = new Uint8Array(await response.arrayBuffer());
      const parsed = engine.decodeBin(bytes, options.organizationId ?? "");
      return { parsed, payload: parsed };
    }
    const payload: unknown = await response.json();
    return { parsed: engine.parse(payload), payload };
  };

  /** One download with its retries: true when an artifact is in use afterwards (new or unchanged). */
  const download = async (): Promise<boolean> => {
    for (let attempt = 1; attempt <= ATTEMPTS && !closed; attempt++) {
      const deadline = AbortSignal.timeout(options.timeout);
      const signal = AbortSignal.any([controller.signal, deadline]);
      try {
        const headers = new Headers();
        if (etag !== undefined && artifact !== undefined) headers.set("If-None-Match", etag);
        const response = await options.fetch(location, { headers, signal });
        if (response.status === 304 && artifact !== undefined) {
          await response.body?.cancel();
          return true;
        }
        if (!response.ok) {
          await response.body?.cancel();
          throw new OfferkitError(`The artifact download answered ${response.status}.`);
        }
        const { parsed, payload } = await decode(response);
        etag = response.headers.get("ETag") ?? undefined;
        use(parsed, payload);
        return true;
      } catch (error) {
        if (closed) return false;
        emitter.emit("artifactDownloadFailed", { artifactLocation: location, error });
        if (attempt === ATTEMPTS) {
          fail(`${ATTEMPTS} download attempts failed`, error);
          return false;
        }
        // Before the first artifact, someone may be awaiting `ready`: the retry keeps the process alive until then.
        await new Promise<void>((resolve) =>
          artifact === undefined
            ? setTimeout(resolve, RETRY_DELAY * attempt)
            : backgroundTimer(resolve, RETRY_DELAY * attempt),
        );
      }
    }
    return false;
  };

  const schedule = () => {
    if (closed || options.pollingInterval === 0) return;
    timer = backgroundTimer(() => {
      timer = undefined;
      void download().then(schedule);
    }, options.pollingInterval);
  };

  if (options.initial !== undefined) {
    // In use at once, but announced after creation returns, so listeners added with `on` hear it too.
    artifact = options.initial;
    settle?.resolve();
    queueMicrotask(() => emitter.emit("clientReady", undefined));
    schedule();
  } else {
    if (options.maximumWaitReady !== undefined) {
      const limit = options.maximumWaitReady;
      // Not a background timer: a process awaiting `ready` must live to see it reject.
      waitTimer = setTimeout(() => fail(`none within maximumWaitReady (${limit} ms)`), limit);
    }
    void download().then(schedule);
  }

  return {
    current: () => artifact,
    ready,
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      if (waitTimer !== undefined) clearTimeout(waitTimer);
      controller.abort();
      fail("the client was closed");
    },
  };
}
