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
  createRunner,
  isOneOf,
  isString,
  isStringOption,
  matches,
  type OptionCheck,
  PLATFORM_CALL_OPTION_CHECKS,
  type PreparedRequest,
  parameter,
  setUpPlatformClient,
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

/** Where one resource lives and which operations serve it. */
interface ResourceSpec {
  readonly collection: Path;
  readonly item: Path;
  readonly list: Operation;
  readonly create: Operation;
  readonly get: Operation;
  readonly update: Operation;
  readonly delete: Operation | undefined;
  /** `/offers` serves both offer kinds: this one's `offer-type`. */
  readonly offerType?: OfferType | undefined;
}

const checkedLater: OptionCheck = () => {};
const OFFER_ITEM_CALL_CHECKS = /* @__PURE__ */ withChecks(PLATFORM_CALL_OPTION_CHECKS, {
  schemaId: checkedLater,
}) as Record<keyof OfferItemCallOptions, OptionCheck>;
const LIST_KEYS = ["property", "orderby", "limit", "start"];

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
  if (new URL(connection.baseUrl).pathname.replace(/\/+$/, "").endsWith(DPS_BASE_PATH)) {
    throw new ValidationError(
      "baseUrl",
      `the gateway origin, such as https://platform.adobe.io: the client adds ${DPS_BASE_PATH}`,
    );
  }
  const baseUrl = `${connection.baseUrl}${DPS_BASE_PATH}`;
  const migrationBaseUrl = checkBaseUrl(
    options.migrationBaseUrl ?? MIGRATION_ORIGIN,
    "migrationBaseUrl",
    MIGRATION_ORIGIN,
  );
  const defaultSchemaId = options.schemaId === undefined ? undefined : checkSchemaId(options.schemaId, "schemaId");
  // The resource calls' base carries the path prefix, so `/raw` gets the same one; migration calls name their own.
  const dps = { ...connection, baseUrl };
  // `T` defaults to never: each method's signature in `DpsClient` says what it resolves to.
  const runDps = createRunner(dps);
  const runItems = createRunner({ ...dps, callChecks: OFFER_ITEM_CALL_CHECKS });
  const call = <T = never>(options: DpsCallOptions | undefined, operation: Operation, prepare: () => Prepared) =>
    runDps<T>(options, operation, prepare);

  function resource(spec: ResourceSpec) {
    const offerItems = spec.collection === "/offer-items";
    const run = <T = never>(
      options: OfferItemCallOptions | undefined,
      operation: Operation,
      prepare: () => Prepared,
    ) =>
      offerItems
        ? runItems<T>(options, operation, () => {
            // The catalog's schema, the call's or the client's; refused before the network when neither is given.
            const given = options?.schemaId;
            const schemaId = given === undefined ? defaultSchemaId : checkSchemaId(given, "options.schemaId");
            if (schemaId === undefined) {
              throw new ValidationError(
                "schemaId",
                "the item catalog's schema id (sent as x-schema-id), given to createDpsClient or in the call's options",
              );
            }
            const prepared = prepare();
            return { ...prepared, headers: { ...prepared.headers, "x-schema-id": schemaId } };
          })
        : runDps<T>(options, operation, prepare);
    const offerType = spec.offerType === undefined ? undefined : { "offer-type": spec.offerType };
    const json = { accept: JSON_MEDIA_TYPE, contentType: JSON_MEDIA_TYPE };
    const at = (id: unknown) => ({ path: spec.item, pathParams: { id: checkId(id, "path.id") }, query: offerType });
    return {
      create: (body: unknown, options?: OfferItemCallOptions) =>
        run(options, spec.create, () => ({
          method: "POST",
          path: spec.collection,
          query: offerType,
          body: checkObject(body, "body"),
          ...json,
        })),
      list: (query?: ListQuery | PageLinkInput, options?: OfferItemCallOptions) =>
        run(options, spec.list, () => {
          const request = { method: "GET", path: spec.collection, accept: JSON_MEDIA_TYPE } as const;
          if (query !== undefined && (query === null || typeof query !== "object")) {
            throw new ValidationError("query", "an object: a ListQuery, or nextPageOf(page)");
          }
          if (query !== undefined && "next" in query) {
            return { ...request, query: offerType, rawQuery: linkQuery(query, spec) };
          }
          return { ...request, query: { ...listQuery(query), ...offerType } };
        }),
      get: (id: string, options?: OfferItemCallOptions) =>
        run(options, spec.get, () => ({ method: "GET", ...at(id), accept: JSON_MEDIA_TYPE })),
      update: (id: string, body: unknown, options?: OfferItemCallOptions) =>
        run(options, spec.update, () => {
          const patch = spec.update?.startsWith("patch");
          return {
            method: patch ? "PATCH" : "PUT",
            ...at(id),
            body: patch ? checkPatch(body) : checkObject(body, "body"),
            ...json,
          };
        }),
      delete: (id: string, options?: OfferItemCallOptions) =>
        // 200 without a body, as every delete page of Adobe's documents.
        run(options, spec.delete as Operation, () => ({
          method: "DELETE",
          ...at(id),
          accept: JSON_MEDIA_TYPE,
          noContent: [200, 204],
        })),
    };
  }

  const patchable = (spec: ResourceSpec) => {
    const { update, ...rest } = resource(spec);
    return { ...rest, patch: update };
  };
  const replaceable = (spec: ResourceSpec) => {
    const { update, ...rest } = resource(spec);
    return { ...rest, replace: update };
  };
  // The spec's operation ids of one resource, typed: a name the spec lacks does not compile.
  const ops = <Name extends string, Plural extends string = `${Name}s`>(name: Name, plural?: Plural) => ({
    list: `list${plural ?? `${name}s`}` as `list${Plural}`,
    create: `create${name}` as `create${Name}`,
    get: `get${name}` as `get${Name}`,
    delete: `delete${name}` as `delete${Name}`,
  });

  const offers = (offerType: OfferType) =>
    patchable({
      collection: "/offers",
      item: "/offers/{id}",
      ...ops("Offer"),
      update: "patchOffer",
      offerType,
    });

  // Migration: its own origin, plain JSON both ways.
  const migrationCall = (
    options: DpsCallOptions | undefined,
    operation: Operation,
    prepare: () => Omit<Prepared, "baseUrl" | "accept">,
  ) => call(options, operation, () => ({ ...prepare(), baseUrl: migrationBaseUrl, accept: JSON_MEDIA_TYPE }));
  const start =
    (operation: Operation, path: Path) => (requestLevel: unknown, body: unknown, options?: DpsCallOptions) =>
      migrationCall(options, operation, () => ({
        method: "POST",
        path,
        query: { "request-level": checkRequestLevel(requestLevel) },
        body: checkObject(body, "body"),
        contentType: JSON_MEDIA_TYPE,
      }));
  const poll = (operation: Operation, path: Path, name: string) => (workflowId: unknown, options?: DpsCallOptions) =>
    migrationCall(options, operation, () => ({
      method: "GET",
      path,
      pathParams: { [name]: checkId(workflowId, `path.${name}`) },
    }));

  const client: DpsClient = {
    baseUrl,
    migrationBaseUrl,
    offerItems: patchable({
      collection: "/offer-items",
      item: "/offer-items/{id}",
      ...ops("OfferItem"),
      update: "patchOfferItem",
    }),
    itemCollections: patchable({
      collection: "/item-collections",
      item: "/item-collections/{id}",
      ...ops("ItemCollection"),
      update: "patchItemCollection",
    }),
    selectionStrategies: patchable({
      collection: "/selection-strategies",
      item: "/selection-strategies/{id}",
      ...ops("SelectionStrategy", "SelectionStrategies"),
      update: "patchSelectionStrategy",
    }),
    eligibilityRules: replaceable({
      collection: "/offer-rules",
      item: "/offer-rules/{id}",
      ...ops("OfferRule"),
      update: "replaceOfferRule",
    }),
    rankingFormulas: replaceable({
      collection: "/ranking-formulas",
      item: "/ranking-formulas/{id}",
      ...ops("RankingFormula"),
      update: "replaceRankingFormula",
    }),
    exdPlacements: (({ delete: _, ...rest }) => rest)(
      replaceable({
        collection: "/exd-placements",
        item: "/exd-placements/{id}",
        ...ops("ExdPlacement"),
        update: "replaceExdPlacement",
        delete: undefined,
      }),
    ),
    personalizedOffers: offers("personalized"),
    fallbackOffers: offers("fallback"),
    placements: patchable({
      collection: "/placements",
      item: "/placements/{id}",
      ...ops("Placement"),
      update: "patchPlacement",
    }),
    offerCollections: patchable({
      collection: "/offer-collections",
      item: "/offer-collections/{id}",
      ...ops("OfferCollection"),
      update: "patchOfferCollection",
    }),
    decisionRules: patchable({
      collection: "/offer-rules",
      item: "/offer-rules/{id}",
      ...ops("OfferRule"),
      update: "patchOfferRule",
    }),
    tags: patchable({ collection: "/tags", item: "/tags/{id}", ...ops("Tag"), update: "patchTag" }),
    decisions: patchable({
      collection: "/offer-decisions",
      item: "/offer-decisions/{id}",
      ...ops("OfferDecision"),
      update: "patchOfferDecision",
    }),
    migration: {
      startDependencyAnalysis: start("startDependencyAnalysis", "/workflows/generate-dependencies"),
      getDependencyAnalysis: poll("getDependencyAnalysis", "/workflows/generate-dependencies/{id}", "id"),
      startMigration: start("startMigration", "/workflows/migration"),
      getMigration: poll("getMigration", "/workflows/migration/{id}", "id"),
      startRollback: (migrationWorkflowId, options) =>
        migrationCall(options, "startRollback", () => ({
          method: "POST",
          path: "/workflows/rollback",
          body: { rollbackWorkflowId: checkId(migrationWorkflowId, "body.rollbackWorkflowId") },
          contentType: JSON_MEDIA_TYPE,
        })),
      getRollback: poll("getRollback", "/workflows/rollback/{rollbackWorkflowId}", "rollbackWorkflowId"),
    },
  };
  return withConnection(client, dps);
}

// ---------------------------------------------------------------- input checks

/**
 * Ids are opaque (`dps:offer-item:19af09a9ae45a8d3`) and go into the path percent-encoded, so `:`, `/` or `?` stay
 * inside their segment. The empty id and `.`/`..` are refused: URL parsers collapse such segments into another
 * endpoint.
 */
const checkIdRule = /* @__PURE__ */ parameter(true, (value: unknown, field: string) => {
  if (typeof value !== "string" || value === "" || value === "." || value === "..") {
    throw new ValidationError(field, 'a non-empty string other than "." and ".."');
  }
});
function checkId(value: unknown, field: string): string {
  checkIdRule(value, field);
  return value as string;
}

function checkObject(value: unknown, field: string): object {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new ValidationError(field, "an object");
  return value;
}

function checkSchemaId(value: unknown, field: string): string {
  isStringOption(value, field);
  if (!/^[\x21-\x7e]+$/.test(value as string)) {
    throw new ValidationError(
      field,
      "a schema id without spaces or control characters, such as https://ns.adobe.com/<tenant>/schemas/<id>",
    );
  }
  return value as string;
}

/** The levels of a migration workflow, as the spec's `RequestLevel` lists them. */
export const REQUEST_LEVELS = ["sandbox", "offer", "decision"] as const satisfies readonly RequestLevel[];
const checkLevel = /* @__PURE__ */ parameter(true, /* @__PURE__ */ isOneOf(REQUEST_LEVELS));
function checkRequestLevel(value: unknown): RequestLevel {
  checkLevel(value, "query.request-level");
  return value as RequestLevel;
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
 * or `from` (copy) as its op needs: the spec's `PatchOperation` rules, checked by default because a wrong patch
 * would otherwise reach the server.
 */
function checkPatch(operations: unknown): readonly PatchOperation[] {
  if (!Array.isArray(operations)) throw new ValidationError("body", "an array of JSON Patch operations");
  if (operations.length === 0) throw new ValidationError("body", "at least 1 operation");
  operations.forEach((operation: unknown, i) => {
    const field = `body[${i}]`;
    checkObject(operation, field);
    const { op, path, from, value } = operation as Record<string, unknown>;
    checkOp(op, `${field}.op`);
    checkPointer(path, `${field}.path`);
    if (op === "copy") checkPointer(from, `${field}.from`);
    if ((op === "add" || op === "replace" || op === "test") && value === undefined) {
      throw new ValidationError(`${field}.value`, "present");
    }
  });
  return operations as readonly PatchOperation[];
}

/** A `ListQuery` as query parameters: `property` repeated, `orderby` joined with commas. */
function listQuery(query: ListQuery | undefined): Record<string, string | number | readonly string[] | undefined> {
  if (query === undefined) return {};
  const unknown = Object.keys(query).find((key) => !LIST_KEYS.includes(key));
  if (unknown !== undefined) throw new ValidationError(`query.${unknown}`, `one of ${LIST_KEYS.join(", ")}`);
  const { property, orderby, limit, start } = query;
  const strings = (value: unknown, field: string): readonly string[] | undefined => {
    if (value === undefined) return undefined;
    const list = typeof value === "string" ? [value] : value;
    if (!Array.isArray(list)) throw new ValidationError(field, "a string or an array of strings");
    list.forEach((item: unknown, i) => {
      if (typeof item !== "string" || item === "") throw new ValidationError(`${field}[${i}]`, "a non-empty string");
    });
    return list as readonly string[];
  };
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    throw new ValidationError("query.limit", "a whole number, at least 1");
  }
  if (start !== undefined && typeof start !== "string") throw new ValidationError("query.start", "a string");
  return {
    property: strings(property, "query.property"),
    orderby: strings(orderby, "query.orderby")?.join(","),
    limit,
    start,
  };
}

/**
 * The query of a next link, checked to be a link into this resource's collection (and, on `/offers`, of its offer
 * type); a link without `offer-type` gets this resource's, which the API requires.
 */
function linkQuery(input: PageLinkInput, spec: ResourceSpec): string {
  const extra = Object.keys(input).find((key) => key !== "next");
  if (extra !== undefined) {
    throw new ValidationError(`query.${extra}`, "left out when next is given: the link carries the whole query");
  }
  const match = typeof input.next === "string" ? PAGE_LINK.exec(input.next) : null;
  const search = match?.[2] ?? "";
  const kind = new URLSearchParams(search).get("offer-type")?.toLowerCase();
  if (!match || `/${match[1]}` !== spec.collection || (kind !== undefined && kind !== spec.offerType)) {
    throw new ValidationError(
      "query.next",
      `a ${spec.collection} link relative to ${DPS_BASE_PATH}${spec.offerType ? ` of ${spec.offerType} offers` : ""}, as nextPageOf(page) gives it`,
    );
  }
  if (spec.offerType === undefined || kind !== undefined) return search;
  return `${search}${search ? "&" : ""}offer-type=${spec.offerType}`;
}
