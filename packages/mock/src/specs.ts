// Where the served specs live, and what each one routes: path templates, methods and declared statuses.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/**
 * The folder of OpenAPI specs the mocks serve: `dist/specs/` in the published package (copied from the
 * repository's `specs/` at build time), or the repository's `specs/` when running from source.
 */
export const MOCK_SPECS_DIR: string = (() => {
  const shipped = fileURLToPath(new URL("./specs/", import.meta.url));
  return existsSync(shipped) ? shipped : fileURLToPath(new URL("../../../specs/", import.meta.url));
})();

/** The names of the served specs (`delivery`, `ode`, `ods`, `xcore`, ...), sorted. */
export function listMockSpecs(): string[] {
  return readdirSync(MOCK_SPECS_DIR)
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => file.slice(0, -".yaml".length))
    .sort();
}

/** The file of a served spec, by name. */
export function mockSpecPath(name: string): string {
  return `${MOCK_SPECS_DIR}${name}.yaml`;
}

interface ServerObject {
  readonly url?: string;
}

/** A path item: its own servers, and an operation per method. */
interface PathItem {
  readonly servers?: readonly ServerObject[];
  readonly [method: string]: { readonly responses?: Record<string, unknown> } | readonly ServerObject[] | undefined;
}

interface SpecDocument {
  readonly servers?: readonly ServerObject[];
  readonly paths?: Record<string, PathItem>;
}

/**
 * The path part of a server URL, without a trailing slash: `/data/core/dps` for
 * `https://platform.adobe.io/data/core/dps`, `""` for an origin. Read as text, since a URL with variables
 * (`https://{clientCode}.tt.omtrdc.net`) is not one `URL` parses.
 */
export function basePathOf(serverUrl: string | undefined): string {
  const path = (serverUrl ?? "").replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/\/+$/, "");
  return path.startsWith("/") ? path : "";
}

/** One path template of one spec, with the statuses each of its methods declares. */
export interface Route {
  readonly spec: string;
  readonly template: string;
  readonly pattern: RegExp;
  /** Declared statuses by upper-case method; `default` counts as declaring every status. */
  readonly methods: ReadonlyMap<string, { readonly statuses: ReadonlySet<number>; readonly hasDefault: boolean }>;
}

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

const documents = new Map<string, unknown>();

/** A served spec, parsed once per process: the routes and the Delivery answers read the same document. */
export function mockSpecDocument(name: string): unknown {
  let document = documents.get(name);
  if (document === undefined) {
    document = parse(readFileSync(mockSpecPath(name), "utf8"));
    documents.set(name, document);
  }
  return document;
}

export function loadRoutes(specs: readonly string[]): Route[] {
  const routes: Route[] = [];
  for (const spec of specs) {
    const doc = mockSpecDocument(spec) as SpecDocument;
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      // Served at the path-level server's base path, else the document's, as startPrism serves it.
      const servers = item.servers ?? doc.servers;
      const template = `${basePathOf(servers?.[0]?.url)}${path}`;
      const methods = new Map<string, { statuses: Set<number>; hasDefault: boolean }>();
      for (const method of HTTP_METHODS) {
        const responses = (item[method] as { readonly responses?: Record<string, unknown> } | undefined)?.responses;
        if (!responses) continue;
        const codes = Object.keys(responses);
        methods.set(method.toUpperCase(), {
          statuses: new Set(codes.filter((code) => /^\d{3}$/.test(code)).map(Number)),
          hasDefault: codes.includes("default"),
        });
      }
      const source = template
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
        .join("[^/]+");
      routes.push({ spec, template, pattern: new RegExp(`^${source}$`), methods });
    }
  }
  // Literal paths first, so `/x/search` wins over `/x/{id}`.
  return routes.sort((a, b) => a.template.split("{").length - b.template.split("{").length);
}
