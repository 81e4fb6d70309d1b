import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** `specs/` at the repository root, found from this file whether it runs from `src/` or `dist/`. */
export const SPECS_DIR = fileURLToPath(new URL("../../../specs/", import.meta.url));

/** Fixed ports for `pnpm mock`, so the README and examples can name them. New specs get the next free ones. */
export const MOCK_PORTS: Readonly<Record<string, number>> = {
  delivery: 4010,
  ods: 4011,
  xcore: 4012,
  ode: 4013,
  dps: 4014,
};

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

/**
 * A spec as one document: what it takes from other files (`specs/shared/platform.yaml`) is copied in where it is
 * referred to, so lookups of its responses and examples, and ajv, need no other file. Its own `#/...` references
 * are kept.
 */
export function loadSpec(name: string): OpenApiDocument {
  let doc = cache.get(name);
  if (!doc) {
    doc = inlineOtherFiles(specPath(name)) as OpenApiDocument;
    cache.set(name, doc);
  }
  return doc;
}

/**
 * The YAML file with each `$ref` into another file replaced by a copy of its target. A copy comes with its own
 * references resolved the same way, those inside its file (`#/...`) too, since they would mean another thing in the
 * spec. Sibling keys of such a `$ref` would be dropped by openapi-typescript, so they are refused rather than read.
 */
function inlineOtherFiles(root: string): unknown {
  const files = new Map<string, unknown>();
  const read = (file: string) => {
    if (!files.has(file)) files.set(file, parse(readFileSync(file, "utf8")));
    return files.get(file);
  };
  const copy = (node: unknown, file: string, foreign: boolean, seen: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => copy(item, file, foreign, seen));
    if (!node || typeof node !== "object") return node;
    const { $ref, ...siblings } = node as Record<string, unknown>;
    if (typeof $ref === "string" && (foreign || !$ref.startsWith("#"))) {
      const hash = $ref.indexOf("#");
      const path = hash === -1 ? $ref : $ref.slice(0, hash);
      const pointer = hash === -1 ? "" : $ref.slice(hash + 1);
      const target = path === "" ? file : resolve(dirname(file), path);
      const key = `${target}#${pointer}`;
      if (seen.includes(key)) throw new Error(`${file}: circular $ref ${$ref}`);
      if (Object.keys(siblings).length > 0) throw new Error(`${file}: $ref ${$ref} has sibling keys`);
      return copy(resolvePointer(read(target), pointer, `${file}: $ref ${$ref}`), target, true, [...seen, key]);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, copy(v, file, foreign, seen)]));
  };
  return copy(read(root), root, false, []);
}

function resolvePointer(doc: unknown, pointer: string, where: string): unknown {
  let node = doc;
  for (const token of pointer.split("/").slice(1)) {
    const key = decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~");
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) throw new Error(`${where} not found`);
  }
  return node;
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
