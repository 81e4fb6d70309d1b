import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** `specs/` at the repository root, found from this file whether it runs from `src/` or `dist/`. */
export const SPECS_DIR = fileURLToPath(new URL("../../../specs/", import.meta.url));

/** Fixed ports for `pnpm mock`, so the README and examples can name them. New specs get the next free ones. */
export const MOCK_PORTS: Readonly<Record<string, number>> = { delivery: 4010, ods: 4011, xcore: 4012, ode: 4013 };

export function specPath(name: string): string {
  return `${SPECS_DIR}${name}.yaml`;
}

export function listSpecs(): string[] {
  return readdirSync(SPECS_DIR)
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => file.slice(0, -".yaml".length))
    .sort();
}

export interface OpenApiDocument {
  readonly paths?: Record<string, Record<string, unknown>>;
  readonly components?: Record<string, Record<string, unknown>>;
  readonly [key: string]: unknown;
}

const cache = new Map<string, OpenApiDocument>();

export function loadSpec(name: string): OpenApiDocument {
  let doc = cache.get(name);
  if (!doc) {
    doc = parse(readFileSync(specPath(name), "utf8")) as OpenApiDocument;
    cache.set(name, doc);
  }
  return doc;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface SpecOperation {
  readonly operationId: string;
  readonly method: Uppercase<(typeof METHODS)[number]>;
  readonly path: string;
  /** Documented statuses as numbers; `default` is left out (it has no status of its own). */
  readonly statuses: readonly number[];
  readonly successStatuses: readonly number[];
  readonly errorStatuses: readonly number[];
  /** Response media types by status. */
  readonly mediaTypes: Readonly<Record<number, readonly string[]>>;
  readonly hasDefaultResponse: boolean;
}

export function listOperations(name: string): SpecOperation[] {
  const doc = loadSpec(name);
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as
        | { operationId?: string; responses?: Record<string, { content?: Record<string, unknown>; $ref?: string }> }
        | undefined;
      if (!op) continue;
      if (!op.operationId) throw new Error(`${name}.yaml: ${method.toUpperCase()} ${path} has no operationId`);
      const responses = op.responses ?? {};
      const statuses = Object.keys(responses)
        .filter((code) => /^\d{3}$/.test(code))
        .map(Number)
        .sort((a, b) => a - b);
      const mediaTypes: Record<number, string[]> = {};
      for (const status of statuses) {
        const response = resolveResponse(doc, responses[String(status)]);
        mediaTypes[status] = Object.keys(response?.content ?? {});
      }
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase() as SpecOperation["method"],
        path,
        statuses,
        successStatuses: statuses.filter((s) => s < 300),
        errorStatuses: statuses.filter((s) => s >= 400),
        mediaTypes,
        hasDefaultResponse: "default" in responses,
      });
    }
  }
  return operations;
}

/** The operation as the spec declares it; throws when a contract test names one the spec does not have. */
export function contractOperation(spec: string, operationId: string): SpecOperation {
  const found = listOperations(spec).find((op) => op.operationId === operationId);
  if (!found) throw new Error(`specs/${spec}.yaml has no operation "${operationId}"`);
  return found;
}

function resolveResponse(
  doc: OpenApiDocument,
  response: { content?: Record<string, unknown>; $ref?: string } | undefined,
): { content?: Record<string, unknown> } | undefined {
  if (!response?.$ref) return response;
  const name = response.$ref.replace("#/components/responses/", "");
  return doc.components?.responses?.[name] as { content?: Record<string, unknown> } | undefined;
}
