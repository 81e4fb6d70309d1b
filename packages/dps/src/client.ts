// The Decisioning client: one object per resource of /data/core/dps (both generations) and the Decisioning Migration
// API on its own origin, each method describing its request for core's runner.
import {
  type PlatformCallOptions,
  type PlatformClientOptions,
  ValidationError,
  type WithMetadata,
} from "@offerkit/core";
import {
  checkBaseUrl,
  checkedLater,
  createRunner,
  isOneOf,
  isString,
  matches,
  type OptionCheck,
  PLATFORM_CALL_OPTION_CHECKS,
  type PreparedRequest,
  parameter,
  setUpPlatformClient,
  VISIBLE_ASCII,
  withChecks,
  withConnection,
} from "@offerkit/core/internal";
import { requestRules } from "./generated/request-rules.js";
import type { operations, paths } from "./generated/schema.js";
import type {
  DecisionRule,
  DecisionRuleInput,
  DependencyRequest,
  EligibilityRule,
  EligibilityRuleInput,
  ExdPlacement,
  ExdPlacementInput,
  ExdPlacementPage,
  ExdPlacementUpdate,
  FallbackOffer,
  FallbackOfferInput,
  FallbackOfferPage,
  ItemCollection,
  ItemCollectionInput,
  ItemCollectionPage,
  MigrationRequest,
  OfferCollection,
  OfferCollectionInput,
  OfferCollectionPage,
  OfferDecision,
  OfferDecisionInput,
  OfferDecisionPage,
  OfferItem,
  OfferItemInput,
  OfferItemPage,
  OfferRule,
  OfferRulePage,
  PatchOperation,
  PersonalizedOffer,
  PersonalizedOfferInput,
  PersonalizedOfferPage,
  Placement,
  PlacementInput,
  PlacementPage,
  Problem,
  RankingFormula,
  RankingFormulaInput,
  RankingFormulaPage,
  Receipt,
  RequestLevel,
  SelectionStrategy,
  SelectionStrategyInput,
  SelectionStrategyPage,
  Tag,
  TagInput,
  TagPage,
  Workflow,
  WorkflowStatus,
} from "./types.js";
import { VERSION } from "./version.js";

// ---------------------------------------------------------------- constants

/** The path prefix of both generations on the Platform gateway; `_links[*].href` values are relative to it. */
export const DPS_BASE_PATH = "/data/core/dps";
/** Origin of the Decisioning Migration API, which is not behind the Platform gateway. */
export const MIGRATION_ORIGIN = "https://decisioning-migration.adobe.io";
/** The statuses after which a workflow no longer changes. */
export const TERMINAL_WORKFLOW_STATUSES: readonly WorkflowStatus[] = ["Completed", "Failed"];

// Every body and answer of both APIs is plain JSON, JSON Patch included (Adobe's pages send `application/json`, not
// `application/json-patch+json`); checked against the spec so that a media type change there breaks the build.
const JSON_MEDIA_TYPE = "application/json" as const satisfies keyof NonNullable<
  operations["patchOfferItem"]["requestBody"]
>["content"] &
  keyof operations["getOfferItem"]["responses"][200]["content"] &
  keyof NonNullable<operations["startMigration"]["requestBody"]>["content"];

type Path = keyof paths;

// ---------------------------------------------------------------- options and results

/** The operation ids of `specs/dps.yaml`. */
export type DpsOperationId = keyof operations;

/** Options of `createDpsClient`: credentials, org, sandbox, the migration API's origin, and how calls are sent. */
export interface DpsClientOptions extends PlatformClientOptions<DpsOperationId> {
  /** Origin of the Decisioning Migration API. Default `https://decisioning-migration.adobe.io`; a mock's in tests. */
  readonly migrationBaseUrl?: string | undefined;
  /**
   * Default `x-schema-id` of the decision item calls: the id of the schema behind the item catalog, e.g.
   * `https://ns.adobe.com/<tenant>/schemas/<id>`. A call's own `schemaId` wins.
   */
  readonly schemaId?: string | undefined;
}

/** Per-call options of every Decisioning call: cancellation, timeout, retries, sandbox and request id. */
export interface DpsCallOptions extends PlatformCallOptions {}

/** Per-call options of the decision item calls, which also name the item catalog's schema. */
export interface OfferItemCallOptions extends DpsCallOptions {
  /** `x-schema-id` for this call; default the client's `schemaId`. */
  readonly schemaId?: string | undefined;
}

/** openapi-fetch's `{ data, error, response }` with the call's `metadata`; `data` typed by the spec. */
export type DpsResult<Data> = WithMetadata<
  | { readonly data: Data; readonly error?: never; readonly response: Response }
  | { readonly data?: never; readonly error: Problem; readonly response: Response }
>;

/** Filters, order and paging of a `list` call. */
export interface ListQuery {
  /**
   * Conditions `[!]field[op]value` with `op` one of `==` `!=` `<=` `>=` `<` `>` `~` (regex), e.g. `name~^Summer` or
   * `exdRule==true`; all must hold. Sent as repeated `property` parameters, operators percent-encoded.
   */
  readonly property?: string | readonly string[] | undefined;
  /** Sort keys, `-` for descending, e.g. `-modified`; several are joined with commas. */
  readonly orderby?: string | readonly string[] | undefined;
  /** Page size, at least 1. */
  readonly limit?: number | undefined;
  /** Opaque cursor, as a next link carries it; prefer passing `nextPageOf(page)` instead. */
  readonly start?: string | undefined;
}

/** A page's `_links.next.href` as the server wrote it (relative to `/data/core/dps`): `list` follows it as is. */
export interface PageLinkInput {
  readonly next: string;
}

// ---------------------------------------------------------------- resources

/** What every resource has: create, list (or follow a next link) and read. */
export interface DpsResource<Item, Input, Page, Options extends DpsCallOptions = DpsCallOptions> {
  /** Creates an object; the receipt names its `id` and first `etag`. */
  create(body: Input, options?: Options): Promise<DpsResult<Receipt>>;
  /** One page, filtered and ordered by `query`; pass `nextPageOf(page)` to read the next one. */
  list(query?: ListQuery | PageLinkInput, options?: Options): Promise<DpsResult<Page>>;
  /** Reads one object by id (ids are opaque, e.g. `dps:offer-item:19af09a9ae45a8d3`, and sent percent-encoded). */
  get(id: string, options?: Options): Promise<DpsResult<Item>>;
}

/** A resource updated with JSON Patch. */
export interface PatchableResource<Item, Input, Page, Options extends DpsCallOptions = DpsCallOptions>
  extends DpsResource<Item, Input, Page, Options> {
  /**
   * Applies JSON Patch operations in order; the receipt names the new `etag`. Not retried unless
   * `retry: { retryNonIdempotent: true }`.
   */
  patch(id: string, operations: readonly PatchOperation[], options?: Options): Promise<DpsResult<Receipt>>;
  /** Deletes an object; the answer is 200 without a body, so `data` is `undefined`. */
  delete(id: string, options?: Options): Promise<DpsResult<undefined>>;
}

/** A resource updated by sending the whole object (PUT). */
export interface ReplaceableResource<Item, Input, Page, Options extends DpsCallOptions = DpsCallOptions>
  extends DpsResource<Item, Input, Page, Options> {
  /** Sends the object's new content; the receipt names the new `etag`. */
  replace(id: string, body: Input, options?: Options): Promise<DpsResult<Receipt>>;
  /** Deletes an object; the answer is 200 without a body, so `data` is `undefined`. */
  delete(id: string, options?: Options): Promise<DpsResult<undefined>>;
}

/** Experience Decisioning placements: replaced with PUT; Adobe documents no way to delete one. */
export interface ExdPlacementResource extends DpsResource<ExdPlacement, ExdPlacementInput, ExdPlacementPage> {
  /**
   * Sends the placement's new content (Adobe's example sends only some fields; whether the rest is kept is
   * undocumented); the receipt names the new `etag`.
   */
  replace(id: string, body: ExdPlacementUpdate, options?: DpsCallOptions): Promise<DpsResult<Receipt>>;
}

/**
 * The Decisioning Migration API: moves Decision Management objects into Experience Decisioning. Each start is one
 * asynchronous workflow; poll its `get…` until its status is one of `TERMINAL_WORKFLOW_STATUSES`. An org runs one
 * workflow at a time: a second start answers 409, which `unwrap` throws as `ConflictError`. Starts are POSTs, so
 * they are not retried unless `retry: { retryNonIdempotent: true }`.
 */
export interface MigrationClient {
  /** Finds what the objects to migrate depend on (profile and context attributes, audiences). */
  startDependencyAnalysis(
    requestLevel: RequestLevel,
    body: DependencyRequest,
    options?: DpsCallOptions,
  ): Promise<DpsResult<Workflow>>;
  /** Reads a dependency analysis; once `Completed`, its result feeds the migration's `dependency` mappings. */
  getDependencyAnalysis(workflowId: string, options?: DpsCallOptions): Promise<DpsResult<Workflow>>;
  /** Starts a migration at the given level (a whole sandbox, listed offers or listed decisions). */
  startMigration(
    requestLevel: RequestLevel,
    body: MigrationRequest,
    options?: DpsCallOptions,
  ): Promise<DpsResult<Workflow>>;
  /** Reads a migration workflow. */
  getMigration(workflowId: string, options?: DpsCallOptions): Promise<DpsResult<Workflow>>;
  /** Rolls back what a migration created; takes the migration workflow's id. */
  startRollback(migrationWorkflowId: string, options?: DpsCallOptions): Promise<DpsResult<Workflow>>;
  /** Reads a rollback workflow. */
  getRollback(rollbackWorkflowId: string, options?: DpsCallOptions): Promise<DpsResult<Workflow>>;
}

/** A client of Adobe's Decisioning APIs (`/data/core/dps`) and the Decisioning Migration API, from `createDpsClient`. */
export interface DpsClient {
  /** Where the resource calls go: the gateway origin and `/data/core/dps`. */
  readonly baseUrl: string;
  /** Where the migration calls go. */
  readonly migrationBaseUrl: string;
  // Experience Decisioning
  /** Decision items (`/offer-items`); every call sends the item catalog's `x-schema-id`. */
  readonly offerItems: PatchableResource<OfferItem, OfferItemInput, OfferItemPage, OfferItemCallOptions>;
  /** Item collections (`/item-collections`). */
  readonly itemCollections: PatchableResource<ItemCollection, ItemCollectionInput, ItemCollectionPage>;
  /** Selection strategies (`/selection-strategies`). */
  readonly selectionStrategies: PatchableResource<SelectionStrategy, SelectionStrategyInput, SelectionStrategyPage>;
  /**
   * Eligibility rules (`/offer-rules`, replaced with PUT). The path is shared with Decision Management's rules, so
   * `list` answers both kinds unless filtered with `property: "exdRule==true"`, and `get` may answer either.
   */
  readonly eligibilityRules: ReplaceableResource<EligibilityRule | DecisionRule, EligibilityRuleInput, OfferRulePage>;
  /** Ranking formulas (`/ranking-formulas`, replaced with PUT); filter Decisioning's with `exdFunction==true`. */
  readonly rankingFormulas: ReplaceableResource<RankingFormula, RankingFormulaInput, RankingFormulaPage>;
  /** Experience Decisioning placements (`/exd-placements`). */
  readonly exdPlacements: ExdPlacementResource;
  // Decision Management (legacy)
  /** Personalized offers (`/offers?offer-type=personalized`). */
  readonly personalizedOffers: PatchableResource<PersonalizedOffer, PersonalizedOfferInput, PersonalizedOfferPage>;
  /** Fallback offers (`/offers?offer-type=fallback`). */
  readonly fallbackOffers: PatchableResource<FallbackOffer, FallbackOfferInput, FallbackOfferPage>;
  /** Decision Management placements (`/placements`). */
  readonly placements: PatchableResource<Placement, PlacementInput, PlacementPage>;
  /** Decision Management collections (`/offer-collections`). */
  readonly offerCollections: PatchableResource<OfferCollection, OfferCollectionInput, OfferCollectionPage>;
  /** Decision rules (`/offer-rules`, updated with JSON Patch); the path and its pages are shared with eligibility rules. */
  readonly decisionRules: PatchableResource<OfferRule, DecisionRuleInput, OfferRulePage>;
  /** Collection qualifiers (`/tags`). */
  readonly tags: PatchableResource<Tag, TagInput, TagPage>;
  /** Decisions (`/offer-decisions`). */
  readonly decisions: PatchableResource<OfferDecision, OfferDecisionInput, OfferDecisionPage>;
  /** The Decisioning Migration API, on `migrationBaseUrl`. */
  readonly migration: MigrationClient;
}

// ---------------------------------------------------------------- paging

// A link into one collection of /data/core/dps, nothing that could leave it: a single leading slash, a collection
// name, no fragment and no whitespace. The query is sent as the server wrote it.
const PAGE_LINK = /^\/([a-z-]+)(?:\?([^#\s]*))?$/;

/**
 * The next page of a `list` answer as `list` takes it, or `undefined` on the last page (or when the server's link is
 * not one this client can follow, such as a link to another origin).
 */
export function nextPageOf(
  page: { readonly _links?: { readonly next?: { readonly href?: string | undefined } | undefined } } | undefined,
): PageLinkInput | undefined {
  const href = page?._links?.next?.href;
  return typeof href === "string" && PAGE_LINK.test(href) ? { next: href } : undefined;
}

// ---------------------------------------------------------------- the client

type Operation = DpsOperationId;
type OfferType = "personalized" | "fallback";

/** One call's request; `path` is one of the spec's. */
interface Prepared extends PreparedRequest {
  readonly path: Path;
}

const OFFER_ITEM_CALL_CHECKS = /* @__PURE__ */ withChecks(PLATFORM_CALL_OPTION_CHECKS, {
  schemaId: checkedLater,
}) as Record<keyof OfferItemCallOptions, OptionCheck>;
const JSON_BODY = { accept: JSON_MEDIA_TYPE, contentType: JSON_MEDIA_TYPE } as const;

/**
 * A client for Adobe's Decisioning APIs: Experience Decisioning and Decision Management under
 * `https://platform.adobe.io/data/core/dps`, and the Decisioning Migration API. Authenticates with IMS (or the
 * token you give), sends the org, sandbox and a fresh `x-request-id` with every call, and refuses bad input before
 * the network.
 */
export function createDpsClient(options: DpsClientOptions): DpsClient {
  const connection = setUpPlatformClient(options, {
    packageName: "dps",
    version: VERSION,
    rules: requestRules,
    headerRulesOf: "listTags",
    // Checked below with their own wording.
    optionChecks: { migrationBaseUrl: checkedLater, schemaId: checkedLater },
  });
  // The client adds the path prefix; a base URL that has it already would double it.
  if (new URL(connection.baseUrl).pathname.replace(/\/+$/, "").endsWith(DPS_BASE_PATH)) {
    throw new ValidationError("baseUrl", `the gateway origin, without ${DPS_BASE_PATH}`);
  }
  const baseUrl = connection.baseUrl + DPS_BASE_PATH;
  const migrationBaseUrl = checkBaseUrl(
    options.migrationBaseUrl ?? MIGRATION_ORIGIN,
    "migrationBaseUrl",
    MIGRATION_ORIGIN,
  );
  const defaultSchemaId = options.schemaId === undefined ? undefined : checkSchemaId(options.schemaId, "schemaId");
  // The resource calls' base carries the path prefix, so `/raw` gets the same one; migration calls name their own.
  const dps = { ...connection, baseUrl };
  // `T` defaults to never: each method's signature in `DpsClient` says what it resolves to. Ids, query parameters,
  // the request level and the bodies' kind are checked by the spec's default rules (`path.id`, `query.limit`, ...).
  const runDps = createRunner(dps);
  const runItems = createRunner({ ...dps, callChecks: OFFER_ITEM_CALL_CHECKS });

  /**
   * One resource, by its name in the spec's operation ids (`listTags`, `createTag`, `getTag`, `patchTag` or
   * `replaceTag`, `deleteTag`), whose plural in kebab case is its path (`/tags`, `/offer-items`). The tests call
   * every method, so a name the spec lacks fails them.
   */
  function resource(name: string, update: "patch" | "replace", type?: OfferType, plural = `${name}s`) {
    const collection = `/${plural.replace(/\B[A-Z]/g, "-$&").toLowerCase()}` as Path;
    const offerItems = collection === "/offer-items";
    const run = <T = never>(call: OfferItemCallOptions | undefined, verb: string, prepare: () => Prepared) => {
      const operation = `${verb}${verb === "list" ? plural : name}` as Operation;
      if (!offerItems) return runDps<T>(call, operation, prepare);
      return runItems<T>(call, operation, () => {
        // The catalog's schema, the call's or the client's; refused before the network when neither is given.
        const schemaId =
          call?.schemaId === undefined ? defaultSchemaId : checkSchemaId(call.schemaId, "options.schemaId");
        if (schemaId === undefined) {
          throw new ValidationError("schemaId", "the item catalog's schema id (x-schema-id), per client or call");
        }
        // The resource methods set no headers of their own: this is the only one.
        return { ...prepare(), headers: { "x-schema-id": schemaId } };
      });
    };
    const query = type && { "offer-type": type };
    const item = (id: unknown) => ({
      path: `${collection}/{id}` as Path,
      pathParams: { id: id as string },
      query,
      accept: JSON_MEDIA_TYPE,
    });
    return {
      create: (body: unknown, call?: OfferItemCallOptions) =>
        run(call, "create", () => ({ method: "POST", path: collection, query, body, ...JSON_BODY })),
      list: (page?: ListQuery | PageLinkInput, call?: OfferItemCallOptions) =>
        run(call, "list", () => {
          const request = { method: "GET", path: collection, accept: JSON_MEDIA_TYPE } as const;
          if (page !== undefined && (page === null || typeof page !== "object")) {
            throw new ValidationError("query", "an object");
          }
          return page && "next" in page
            ? { ...request, query, rawQuery: linkQuery(page, collection, type) }
            : { ...request, query: { ...listQuery(page), ...query } };
        }),
      get: (id: unknown, call?: OfferItemCallOptions) => run(call, "get", () => ({ method: "GET", ...item(id) })),
      [update]: (id: unknown, body: unknown, call?: OfferItemCallOptions) =>
        run(call, update, () => ({
          method: update === "patch" ? "PATCH" : "PUT",
          ...item(id),
          body: update === "patch" ? checkPatch(body) : body,
          contentType: JSON_MEDIA_TYPE,
        })),
      // 200 without a body, as every delete page of Adobe's documents.
      delete: (id: unknown, call?: OfferItemCallOptions) =>
        run(call, "delete", () => ({ method: "DELETE", ...item(id), noContent: [200, 204] })),
    };
  }

  // Migration: its own origin, plain JSON both ways. Adobe's migration page lists only Authorization,
  // x-gw-ims-org-id and Content-Type; these calls also carry x-api-key (the auth step adds it to every call, and it
  // stays): the host is behind Adobe's API gateway on *.adobe.io, which identifies the calling project by it, and the
  // token was issued to that client id. The identity headers (x-sandbox-name, x-request-id) go too; the sandboxes that
  // count are named in the body.
  const migration = <T = never>(call: DpsCallOptions | undefined, operation: Operation, prepare: () => Prepared) =>
    runDps<T>(call, operation, () => ({ baseUrl: migrationBaseUrl, ...JSON_BODY, ...prepare() }));
  const start = (operation: Operation, path: Path) => (level: unknown, body: unknown, call?: DpsCallOptions) =>
    migration(call, operation, () => ({ method: "POST", path, query: { "request-level": level as string }, body }));
  // A workflow is read at its start path and its id.
  const poll =
    (operation: Operation, path: string, name = "id") =>
    (id: unknown, call?: DpsCallOptions) =>
      migration(call, operation, () => ({
        method: "GET",
        path: `${path}/{${name}}` as Path,
        pathParams: { [name]: id as string },
        contentType: undefined,
      }));

  const { delete: _, ...exdPlacements } = resource("ExdPlacement", "replace");
  const client = {
    baseUrl,
    migrationBaseUrl,
    offerItems: resource("OfferItem", "patch"),
    itemCollections: resource("ItemCollection", "patch"),
    selectionStrategies: resource("SelectionStrategy", "patch", undefined, "SelectionStrategies"),
    eligibilityRules: resource("OfferRule", "replace"),
    rankingFormulas: resource("RankingFormula", "replace"),
    exdPlacements,
    personalizedOffers: resource("Offer", "patch", "personalized"),
    fallbackOffers: resource("Offer", "patch", "fallback"),
    placements: resource("Placement", "patch"),
    offerCollections: resource("OfferCollection", "patch"),
    decisionRules: resource("OfferRule", "patch"),
    tags: resource("Tag", "patch"),
    decisions: resource("OfferDecision", "patch"),
    migration: {
      startDependencyAnalysis: start("startDependencyAnalysis", "/workflows/generate-dependencies"),
      getDependencyAnalysis: poll("getDependencyAnalysis", "/workflows/generate-dependencies"),
      startMigration: start("startMigration", "/workflows/migration"),
      getMigration: poll("getMigration", "/workflows/migration"),
      startRollback: (id: unknown, call?: DpsCallOptions) =>
        migration(call, "startRollback", () => {
          // In the body, so the spec's default rules see only an object: the id is checked here.
          if (typeof id !== "string" || id === "")
            throw new ValidationError("body.rollbackWorkflowId", "a non-empty string");
          return { method: "POST", path: "/workflows/rollback", body: { rollbackWorkflowId: id } };
        }),
      getRollback: poll("getRollback", "/workflows/rollback", "rollbackWorkflowId"),
    },
  } satisfies Record<keyof DpsClient, unknown>;
  // The resources are built from one function with `update` as a computed key; their types are `DpsClient`'s.
  return withConnection(client as unknown as DpsClient, dps);
}

// ---------------------------------------------------------------- input checks

/** A schema id for `x-schema-id`: visible ASCII only, so it is a valid header value. */
function checkSchemaId(value: unknown, field: string): string {
  if (typeof value !== "string" || !VISIBLE_ASCII.test(value)) {
    throw new ValidationError(field, "a schema id, https://ns.adobe.com/…");
  }
  return value;
}

/** The JSON Patch operations Adobe's pages list (no `move`), as the spec's `PatchOperation` does. */
export const PATCH_OPS = [
  "add",
  "replace",
  "remove",
  "copy",
  "test",
] as const satisfies readonly PatchOperation["op"][];
/** A JSON Pointer from the object's root, `~` escaped as `~0` or `~1`: the spec's rule for `path` and `from`. */
export const PATCH_POINTER_PATTERN = "^/([^~]|~[01])*$";
const checkOp = /* @__PURE__ */ parameter(true, /* @__PURE__ */ isOneOf(PATCH_OPS));
const checkPointer = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ matches(PATCH_POINTER_PATTERN));

/**
 * An array of operations, each an object with a known `op`, a JSON Pointer `path`, and `value` (add, replace, test)
 * or `from` (copy) as its op needs: the spec's `PatchOperation` rules, checked by default (the default rules only
 * see that a body is there) because a wrong patch would otherwise reach the server.
 */
function checkPatch(operations: unknown): unknown {
  if (!Array.isArray(operations) || operations.length === 0) {
    throw new ValidationError("body", "a non-empty array");
  }
  operations.forEach((operation: unknown, i) => {
    const field = `body[${i}]`;
    if (!operation || typeof operation !== "object") throw new ValidationError(field, "an object");
    const { op, path, from, value } = operation as Record<string, unknown>;
    checkOp(op, `${field}.op`);
    checkPointer(path, `${field}.path`);
    if (op === "copy") checkPointer(from, `${field}.from`);
    if (value === undefined && (op === "add" || op === "replace" || op === "test")) {
      throw new ValidationError(`${field}.value`, "present");
    }
  });
  return operations;
}

/** A `ListQuery` as query parameters: `property` repeated, `orderby` joined with commas; the spec's rules check them. */
function listQuery(query: ListQuery | undefined) {
  const { property, orderby, limit, start, ...unknown } = query ?? {};
  const extra = Object.keys(unknown)[0];
  if (extra !== undefined) throw new ValidationError(`query.${extra}`, "a ListQuery key");
  return {
    property: typeof property === "string" ? [property] : property,
    orderby: Array.isArray(orderby) ? orderby.join(",") : (orderby as string | undefined),
    limit,
    start,
  };
}

/**
 * The query of a next link, checked to be a link into this collection (and, on `/offers`, of this offer type); a
 * link without `offer-type` gets this resource's, which the API requires.
 */
function linkQuery(input: PageLinkInput, collection: string, type: OfferType | undefined): string {
  const extra = Object.keys(input).find((key) => key !== "next");
  if (extra !== undefined) throw new ValidationError(`query.${extra}`, "left out beside next");
  const match = typeof input.next === "string" ? PAGE_LINK.exec(input.next) : null;
  const search = match?.[2] ?? "";
  const kind = new URLSearchParams(search).get("offer-type")?.toLowerCase();
  if (match?.[1] !== collection.slice(1) || (kind !== undefined && kind !== type)) {
    throw new ValidationError("query.next", `a ${collection} link, from nextPageOf`);
  }
  return !type || kind ? search : `${search}${search && "&"}offer-type=${type}`;
}
