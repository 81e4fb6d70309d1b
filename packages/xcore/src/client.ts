import {
  type PlatformCallOptions,
  type PlatformClientOptions,
  ValidationError,
  type WithMetadata,
} from "@offerkit/core";
import {
  createRunner,
  hasItems,
  isArray,
  isObject,
  isOneOf,
  isString,
  matches,
  type PreparedRequest,
  parameter,
  setUpPlatformClient,
  withConnection,
} from "@offerkit/core/internal";
import { requestRules } from "./generated/request-rules.js";
import type { operations, paths } from "./generated/schema.js";
import type {
  Envelope,
  Etag,
  HalMediaType,
  HomeDocument,
  Instance,
  InstanceOf,
  PatchMediaType,
  PatchOperation,
  Problem,
  Receipt,
  ResultsPage,
  SchemaId,
  SchemaInstanceMediaType,
} from "./types.js";
import { VERSION } from "./version.js";

// ---------------------------------------------------------------- schema ids and media types

// Written out, not built from a shared prefix: a template that reads another constant is code to a bundler, which
// then keeps it (and, in dist/, the module it sits in) even where no one uses it.
/** Personalized offer. */
export const PERSONALIZED_OFFER_SCHEMA =
  "https://ns.adobe.com/experience/offer-management/personalized-offer;version=0.5" as const satisfies SchemaId;
/** Fallback offer. */
export const FALLBACK_OFFER_SCHEMA =
  "https://ns.adobe.com/experience/offer-management/fallback-offer;version=0.1" as const satisfies SchemaId;
/** Placement (`offer-placement`). */
export const PLACEMENT_SCHEMA =
  "https://ns.adobe.com/experience/offer-management/offer-placement;version=0.4" as const satisfies SchemaId;
/** Decision, formerly "offer activity" (`offer-activity`). */
export const DECISION_SCHEMA =
  "https://ns.adobe.com/experience/offer-management/offer-activity;version=0.5" as const satisfies SchemaId;
/** Collection, the API's "offer filter" (`offer-filter`). */
export const COLLECTION_SCHEMA =
  "https://ns.adobe.com/experience/offer-management/offer-filter;version=0.1" as const satisfies SchemaId;
/** Collection qualifier, the API's "tag" (`tag`). */
export const COLLECTION_QUALIFIER_SCHEMA =
  "https://ns.adobe.com/experience/offer-management/tag;version=0.1" as const satisfies SchemaId;
/** Decision rule, the API's "eligibility rule" (`eligibility-rule`). */
export const DECISION_RULE_SCHEMA =
  "https://ns.adobe.com/experience/offer-management/eligibility-rule;version=0.3" as const satisfies SchemaId;

type Ops = operations;
type ReadMediaType = keyof Ops["getInstance"]["responses"][200]["content"];
type WriteMediaType = keyof NonNullable<Ops["createInstance"]["requestBody"]>["content"];
type PatchBodyMediaType = keyof NonNullable<Ops["patchInstance"]["requestBody"]>["content"];

// Checked against the spec's media type keys: a renamed schema or a version bump in specs/xcore.yaml breaks the
// build until these follow. Adobe's parameters are kept byte for byte, quotes and spacing included.
/** Answer of `listContainers`. */
export const HOME_MEDIA_TYPE =
  "application/vnd.adobe.platform.xcore.home.hal+json" as const satisfies keyof Ops["listContainers"]["responses"][200]["content"];
/** Answer of `list` and `search`: a page of results, whatever the type listed. */
export const RESULTS_MEDIA_TYPE =
  'application/vnd.adobe.platform.xcore.hal+json; schema="https://ns.adobe.com/experience/xcore/hal/results"' as const satisfies keyof Ops["searchInstances"]["responses"][200]["content"] &
    keyof Ops["listInstances"]["responses"][200]["content"];
/** Answer of every write: a receipt. */
export const RECEIPT_MEDIA_TYPE =
  "application/vnd.adobe.platform.xcore.xdm.receipt+json; version=1" as const satisfies keyof Ops["createInstance"]["responses"][201]["content"] &
    keyof Ops["replaceInstance"]["responses"][200]["content"] &
    keyof Ops["deleteInstance"]["responses"][202]["content"];

/** An object of one type, as sent by `create`/`replace` (HAL envelope) and answered by `get`. */
export const halMediaType = (<S extends SchemaId>(schema: S): HalMediaType<S> =>
  `application/vnd.adobe.platform.xcore.hal+json; schema="${schema}"`) satisfies (
  schema: SchemaId,
) => ReadMediaType & WriteMediaType;
/** A bare object of one type, as `create`/`replace` send it with `format: "schema-instance"`. */
export const schemaInstanceMediaType = (<S extends SchemaId>(schema: S): SchemaInstanceMediaType<S> =>
  `application/schema-instance+json; version=1; schema="${schema}"`) satisfies (schema: SchemaId) => WriteMediaType;
/** JSON Patch operations on an object of one type. */
export const patchMediaType = (<S extends SchemaId>(schema: S): PatchMediaType<S> =>
  `application/vnd.adobe.platform.xcore.patch.hal+json; version=1; schema="${schema}"`) satisfies (
  schema: SchemaId,
) => PatchBodyMediaType;

/** The repository's path prefix; `_links[*].href` values are relative to it. */
export const XCORE_BASE_PATH = "/data/core/xcore";
// Written out, as the schema ids above; `satisfies` checks each against the spec's paths.
const HOME_PATH = "/data/core/xcore/" as const satisfies keyof paths;
const INSTANCES_PATH = "/data/core/xcore/{containerId}/instances" as const satisfies keyof paths;
const SEARCH_PATH = "/data/core/xcore/{containerId}/queries/core/search" as const satisfies keyof paths;
const INSTANCE_PATH = "/data/core/xcore/{containerId}/instances/{instanceId}" as const satisfies keyof paths;

// ---------------------------------------------------------------- inputs and results

type KeysOf<T> = T extends unknown ? keyof T : never;

/**
 * An object of type `S` as `create` and `replace` take it. Keys that only other types have are refused, so a
 * `Placement` does not pass for a `PersonalizedOffer`.
 */
export type InstanceInput<S extends SchemaId> = InstanceOf<S> & {
  [K in Exclude<KeysOf<Instance>, keyof InstanceOf<S>>]?: never;
};

/**
 * `"hal"` (default): `{ "_instance": …, "_links": {} }` with `application/vnd.adobe.platform.xcore.hal+json`, the
 * repository API's own format. `"schema-instance"`: the bare instance with `application/schema-instance+json`, as
 * Adobe's 2021–2023 Offer Library pages send it.
 */
export type BodyFormat = "hal" | "schema-instance";

/** Input of `create`: the container, the object's type and its content. */
export interface CreateInput<S extends SchemaId> {
  readonly containerId: string;
  /** The type, e.g. `PERSONALIZED_OFFER_SCHEMA`; it types `instance`. */
  readonly schema: S;
  readonly instance: InstanceInput<S>;
  readonly format?: BodyFormat | undefined;
}

/** Names one object: its container, type and `instanceId`. */
export interface InstanceRef<S extends SchemaId> {
  readonly containerId: string;
  readonly schema: S;
  /** The object's `instanceId` (not its `@id`). */
  readonly instanceId: string;
}

/** Input of `get`: the object, and optionally a revision you already have. */
export interface GetInput<S extends SchemaId> extends InstanceRef<S> {
  /** A revision you already have: the answer is 304 (no data) while it is current. Quoted for you. */
  readonly ifNoneMatch?: Etag | undefined;
}

/** Input of `replace`: the object, its new content and the revision it is based on. */
export interface ReplaceInput<S extends SchemaId> extends InstanceRef<S> {
  readonly instance: InstanceInput<S>;
  readonly format?: BodyFormat | undefined;
  /** The revision (`repo:etag`) the new content is based on; sent quoted as `If-Match`. A lost race answers 409. */
  readonly ifMatch?: Etag | undefined;
}

/** Input of `patch`: the object, JSON Patch operations and the revision they are based on. */
export interface PatchInput<S extends SchemaId> extends InstanceRef<S> {
  /** Applied in order, all or none; paths are checked against the type where TypeScript can. */
  readonly operations: readonly PatchOperation<S>[];
  /** The revision (`repo:etag`) the change is based on; sent quoted as `If-Match`. A lost race answers 409. */
  readonly ifMatch?: Etag | undefined;
}

/** Input of `delete`: the container and the object's `instanceId`. */
export interface DeleteInput {
  readonly containerId: string;
  readonly instanceId: string;
}

/** Filters of `listContainers`. */
export interface ContainerQuery {
  /** Product contexts, e.g. `["acp"]`; sent as repeated `product` parameters. */
  readonly product?: readonly string[] | undefined;
  /** Conditions such as `_instance.containerType==decisioning`; sent as repeated `property` parameters. */
  readonly property?: readonly string[] | undefined;
}

/** Order, paging and filters of `list`. */
export interface ListQuery {
  /** Comma-separated property paths, `-` for descending: `-repo:createdDate`. */
  readonly orderby?: string | undefined;
  /** Opaque page cursor; prefer following `nextPageOf(page)` with `href`. */
  readonly start?: string | undefined;
  /** Page size hint, at least 1. */
  readonly limit?: number | undefined;
  /** Conditions `<path><op><value>` (`_instance.xdm:status==approved`), all must hold; sent as repeated parameters. */
  readonly property?: readonly string[] | undefined;
  /** `@id`s to look up; not together with `name`. */
  readonly id?: readonly string[] | undefined;
  /** `xdm:name` to look up (exact, `*` wildcard); not together with `id`. */
  readonly name?: string | undefined;
}

/** Everything `list` takes, plus full-text search terms. */
export interface SearchQuery extends ListQuery {
  /** Search terms, lower case; quote a phrase. */
  readonly q?: string | undefined;
  /** How terms combine: `AND` or `OR` (default), either case. */
  readonly qop?: "AND" | "OR" | "and" | "or" | undefined;
  /** Dotted paths to search in, e.g. `_instance.xdm:name`. */
  readonly field?: readonly string[] | undefined;
}

/** Input of `list`: a container, a type, and order, paging and filters. */
export interface ListInput<S extends SchemaId> extends ListQuery {
  readonly containerId: string;
  /** The type to list; it types the results. */
  readonly schema: S;
  readonly href?: undefined;
}

/** Input of `search`: a container, a type, search terms, and order, paging and filters. */
export interface SearchInput<S extends SchemaId> extends SearchQuery {
  readonly containerId: string;
  readonly schema: S;
  readonly href?: undefined;
}

/**
 * Follows a page link exactly as the server wrote it (`nextPageOf(page).href`): its query is sent byte for byte,
 * so no query option may be given beside it.
 */
export interface PageLinkInput<S extends SchemaId> {
  readonly containerId: string;
  readonly schema: S;
  /** `_links.next.href` of the previous page, relative to `/data/core/xcore`. */
  readonly href: string;
}

/** openapi-fetch's `{ data, error, response }`, with `data` typed by the schema asked for. */
export type XcoreResult<Data> = WithMetadata<
  | { readonly data: Data; readonly error?: never; readonly response: Response }
  | { readonly data?: never; readonly error: Problem; readonly response: Response }
>;

/** The operation ids of `specs/xcore.yaml`. */
export type XcoreOperationId = keyof operations;

/** Options of `createXcoreClient`: credentials, org, sandbox, and how calls are sent. */
export interface XcoreClientOptions extends PlatformClientOptions<XcoreOperationId> {}

/** Per-call options of every Offer Library call: cancellation, timeout, retries, sandbox and request id. */
export interface XcoreCallOptions extends PlatformCallOptions {}

/** An Offer Library (xcore repository API) client, from `createXcoreClient`. */
export interface XcoreClient {
  /** `GET /data/core/xcore/`: the containers you can access; an Offer Library one has `containerType: "decisioning"`. */
  listContainers(query?: ContainerQuery, options?: XcoreCallOptions): Promise<XcoreResult<HomeDocument>>;
  /** Creates an object of type `schema`; the receipt names its `instanceId`, `@id` and first `repo:etag`. */
  create<S extends SchemaId>(input: CreateInput<S>, options?: XcoreCallOptions): Promise<XcoreResult<Receipt>>;
  /** Reads one object, typed by `schema`. With `ifNoneMatch`, a 304 answer (no data) means unchanged. */
  get<S extends SchemaId>(input: GetInput<S>, options?: XcoreCallOptions): Promise<XcoreResult<Envelope<S>>>;
  /** One page of objects of type `schema` (filter, look up by `id` or `name`); page on with `nextPageOf`. */
  list<S extends SchemaId>(
    input: ListInput<S> | PageLinkInput<S>,
    options?: XcoreCallOptions,
  ): Promise<XcoreResult<ResultsPage<S>>>;
  /** Like `list`, plus full-text search (`q`, `qop`, `field`). */
  search<S extends SchemaId>(
    input: SearchInput<S> | PageLinkInput<S>,
    options?: XcoreCallOptions,
  ): Promise<XcoreResult<ResultsPage<S>>>;
  /**
   * Replaces the whole object. With `ifMatch`, a concurrent change answers 409 (`unwrap` throws `ConflictError`)
   * and nothing is written. Retried on 429/5xx only (a PUT is idempotent), never after a 409.
   */
  replace<S extends SchemaId>(input: ReplaceInput<S>, options?: XcoreCallOptions): Promise<XcoreResult<Receipt>>;
  /**
   * Applies JSON Patch operations. With `ifMatch`, a concurrent change answers 409 (`unwrap` throws
   * `ConflictError`). Not retried unless `retry: { retryNonIdempotent: true }`, and never after a 409.
   */
  patch<S extends SchemaId>(input: PatchInput<S>, options?: XcoreCallOptions): Promise<XcoreResult<Receipt>>;
  /** Deletes an object; the answer is 202, with a receipt from older servers and no body from newer ones. */
  delete(input: DeleteInput, options?: XcoreCallOptions): Promise<XcoreResult<Receipt | undefined>>;
  readonly baseUrl: string;
}

// ---------------------------------------------------------------- paging

/** Where the next page is: the server's link, and what it says. */
export interface PageLink {
  /** The link as the server wrote it, relative to `/data/core/xcore`; pass it back as `href`. */
  readonly href: string;
  readonly containerId: string;
  /** Which call the link is for. */
  readonly operation: "list" | "search";
  /** The cursor (`start`) and page size (`limit`) the link carries. */
  readonly start: string | undefined;
  readonly limit: number | undefined;
}

// A link into a container's listing or search, with nothing that could leave the repository's path.
const PAGE_LINK = /^\/([^/?#]+)\/(instances|queries\/core\/search)(?:\?([^#]*))?$/;

/**
 * The next page of a `list` or `search` answer, or `undefined` on the last page (or when the server's link is
 * not one this client can follow). `client.list({ containerId, schema, href: next.href })` reads it.
 */
export function nextPageOf(
  page: { readonly _links?: { readonly self?: unknown; readonly next?: { readonly href?: string } } } | undefined,
): PageLink | undefined {
  const href = page?._links?.next?.href;
  const parsed = typeof href === "string" ? parsePageLink(href) : undefined;
  if (!href || !parsed) return undefined;
  const limit = parsed.query.get("limit");
  return {
    href,
    containerId: parsed.containerId,
    operation: parsed.operation,
    start: parsed.query.get("start") ?? undefined,
    limit: limit === null || limit === "" || !Number.isFinite(Number(limit)) ? undefined : Number(limit),
  };
}

function parsePageLink(href: string) {
  const match = PAGE_LINK.exec(href);
  if (!match) return undefined;
  let containerId: string;
  try {
    containerId = decodeURIComponent(match[1] ?? "");
  } catch {
    return undefined;
  }
  const search = match[3] ?? "";
  return {
    containerId,
    operation: match[2] === "instances" ? ("list" as const) : ("search" as const),
    search,
    query: new URLSearchParams(search),
  };
}

// ---------------------------------------------------------------- the client

type Operation = keyof typeof requestRules;

/** One call's request; `path` is one of the spec's. */
interface Prepared extends PreparedRequest {
  readonly path: keyof paths;
}

/**
 * A client for Adobe's Offer Library (xcore) repository API. Authenticates with IMS (or the token you give),
 * sends the org, sandbox, a fresh `x-request-id` and Adobe's vendor media types with every call, and types each
 * object by the schema id you name.
 */
export function createXcoreClient(options: XcoreClientOptions): XcoreClient {
  const connection = setUpPlatformClient(options, {
    packageName: "xcore",
    version: VERSION,
    rules: requestRules,
    headerRulesOf: "listContainers",
  });
  // `T` defaults to never: each method's signature in `XcoreClient` says what it resolves to.
  const run = createRunner(connection);
  const call = <T = never>(call: XcoreCallOptions | undefined, operation: Operation, prepare: () => Prepared) =>
    run<T>(call, operation, prepare);

  function write<S extends SchemaId>(
    input: CreateInput<S> | ReplaceInput<S>,
    replace: boolean,
    options?: XcoreCallOptions,
  ): Promise<XcoreResult<Receipt>> {
    return call(options, replace ? "replaceInstance" : "createInstance", (): Prepared => {
      const { containerId, schema, instance, format = "hal" } = checked(input);
      checkSchema(schema);
      if (format !== "hal" && format !== "schema-instance") {
        throw new ValidationError("format", '"hal" or "schema-instance"');
      }
      // The rest of the instance is checked against its own type's schema by the opt-in `validation`.
      if (!instance || typeof instance !== "object" || Array.isArray(instance)) {
        throw new ValidationError("instance", "an object");
      }
      const common = {
        body: format === "hal" ? { _instance: instance, _links: {} } : instance,
        accept: RECEIPT_MEDIA_TYPE,
        contentType: format === "hal" ? halMediaType(schema) : schemaInstanceMediaType(schema),
      };
      if (!replace) return { ...common, method: "POST", path: INSTANCES_PATH, pathParams: { containerId } };
      const { instanceId, ifMatch } = input as ReplaceInput<S>;
      return {
        ...common,
        method: "PUT",
        path: INSTANCE_PATH,
        pathParams: { containerId, instanceId },
        headers: { "If-Match": entityTag(ifMatch, "ifMatch") },
      };
    });
  }

  function page<S extends SchemaId>(
    input: SearchInput<S> | PageLinkInput<S>,
    operation: "list" | "search",
    options?: XcoreCallOptions,
  ): Promise<XcoreResult<ResultsPage<S>>> {
    return call(options, operation === "list" ? "listInstances" : "searchInstances", () => {
      const { containerId, schema, href, ...query } = checked(input) as SearchInput<S> & { href?: string };
      let search: string | undefined;
      if (href !== undefined) {
        search = linkQuery(href, operation, containerId, schema);
        const extra = Object.keys(query).find((key) => query[key as keyof typeof query] !== undefined);
        if (extra) throw new ValidationError(extra, "left out when href is given: the link carries the whole query");
      } else if (query.id !== undefined && query.name !== undefined) {
        throw new ValidationError("name", "left out when id is given: id and name are mutually exclusive");
      }
      return {
        method: "GET",
        path: operation === "list" ? INSTANCES_PATH : SEARCH_PATH,
        pathParams: { containerId },
        query: { schema, ...query } as Prepared["query"],
        rawQuery: search,
        accept: RESULTS_MEDIA_TYPE,
      };
    });
  }

  return withConnection(
    {
      baseUrl: connection.baseUrl,
      listContainers(query, options) {
        return call(options, "listContainers", () => ({
          method: "GET",
          path: HOME_PATH,
          query: { product: query?.product, property: query?.property },
          accept: HOME_MEDIA_TYPE,
        }));
      },
      create(input, options) {
        return write(input, false, options);
      },
      get(input, options) {
        return call(options, "getInstance", () => {
          const { containerId, instanceId, schema, ifNoneMatch } = checked(input);
          checkSchema(schema);
          return {
            method: "GET",
            path: INSTANCE_PATH,
            pathParams: { containerId, instanceId },
            headers: { "If-None-Match": entityTag(ifNoneMatch, "ifNoneMatch") },
            accept: halMediaType(schema),
          };
        });
      },
      list(input, options) {
        return page(input, "list", options);
      },
      search(input, options) {
        return page(input, "search", options);
      },
      replace(input, options) {
        return write(input, true, options);
      },
      patch(input, options) {
        return call(options, "patchInstance", () => {
          const { containerId, instanceId, schema, operations, ifMatch } = checked(input);
          checkSchema(schema);
          checkPatch(operations);
          return {
            method: "PATCH",
            path: INSTANCE_PATH,
            pathParams: { containerId, instanceId },
            headers: { "If-Match": entityTag(ifMatch, "ifMatch") },
            body: operations,
            accept: RECEIPT_MEDIA_TYPE,
            contentType: patchMediaType(schema),
          };
        });
      },
      delete(input, options) {
        return call(options, "deleteInstance", () => {
          const { containerId, instanceId } = checked(input);
          return {
            method: "DELETE",
            path: INSTANCE_PATH,
            pathParams: { containerId, instanceId },
            accept: RECEIPT_MEDIA_TYPE,
            // Newer servers accept a deletion without a receipt.
            noContent: [202, 204],
          };
        });
      },
    } satisfies XcoreClient,
    connection,
  );
}

function checked<T>(input: T): T {
  if (!input || typeof input !== "object") throw new ValidationError("input", "an object");
  return input;
}

/** Refuses anything but the seven documented schema ids: the spec's rule for the `schema` query parameter. */
function checkSchema(schema: unknown): asserts schema is SchemaId {
  requestRules.listInstances.query.schema(schema, "schema");
}

// The spec's `JsonPatchOperation` rules that every patch checks (the opt-in `validation` checks all of them);
// test/client.test.ts asserts these equal the generated ones.
/** What `op` may be. */
export const PATCH_OP_RULE = { type: "string", enum: ["add", "replace", "remove"] } as const;
/** What `path` may be: inside the envelope's instance or links. */
export const PATCH_PATH_RULE = { type: "string", pattern: "^/(_instance|_links)(/.*)?$" } as const;
// The same values again, not read from the objects above: reading a property is code to a bundler (see the schema ids).
const PATCH_OPS = ["add", "replace", "remove"] as const satisfies typeof PATCH_OP_RULE.enum;
const PATCH_PATH_PATTERN = "^/(_instance|_links)(/.*)?$" as const satisfies typeof PATCH_PATH_RULE.pattern;

const checkOperations = /* @__PURE__ */ parameter(true, isArray, /* @__PURE__ */ hasItems(1));
const checkOperation = /* @__PURE__ */ parameter(true, isObject);
const checkOp = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ isOneOf(PATCH_OPS));
const checkPath = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ matches(PATCH_PATH_PATTERN));

/** At least one operation; each an object with a known `op`, a path inside the envelope, a `value` unless removing. */
function checkPatch(operations: unknown): void {
  checkOperations(operations, "body");
  (operations as unknown[]).forEach((operation, i) => {
    const field = `body[${i}]`;
    checkOperation(operation, field);
    const { op, path } = operation as { op?: unknown; path?: unknown };
    checkOp(op, `${field}.op`);
    checkPath(path, `${field}.path`);
    if (op !== "remove" && (operation as { value?: unknown }).value === undefined) {
      throw new ValidationError(`${field}.value`, "present");
    }
  });
}
/**
 * A revision as the quoted entity tag Adobe's examples send (`If-Match: "3"`); an already quoted tag is kept.
 * Weak tags (`W/"3"`) are refused: `If-Match` compares strongly, so they could never match.
 */
function entityTag(etag: Etag | undefined, field: string): string | undefined {
  if (etag === undefined) return undefined;
  const valid =
    typeof etag === "number" ? Number.isInteger(etag) && etag >= 0 : typeof etag === "string" && etag !== "";
  const tag = valid && /^".*"$/.test(String(etag)) ? String(etag) : `"${String(etag)}"`;
  if (!valid || !/^"[^"]*"$/.test(tag)) {
    throw new ValidationError(field, "a repo:etag: a whole number, or a string without double quotes inside");
  }
  return tag;
}

/** The query of a page link, checked to be a link of this operation, container and schema. */
function linkQuery(href: unknown, operation: "list" | "search", containerId: string, schema: string): string {
  const link = typeof href === "string" ? parsePageLink(href) : undefined;
  const fits = link?.operation === operation && link.containerId === containerId && link.query.get("schema") === schema;
  if (!link || !fits) {
    throw new ValidationError(
      "href",
      `a ${operation === "list" ? "/{containerId}/instances" : "/{containerId}/queries/core/search"} link of this container and schema, as nextPageOf(page).href gives it`,
    );
  }
  return link.search;
}
