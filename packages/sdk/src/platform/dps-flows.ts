// Small helpers for the common Decisioning flows (`@offerkit/dps`): update with a JSON Patch computed and guarded for
// the caller, put a new offer or offer item into a collection, attach an eligibility rule.
import { ApiError, ConflictError, OfferkitError, unwrap, ValidationError } from "@offerkit/core";
import type {
  DpsCallOptions,
  DpsClient,
  DpsResult,
  OfferCollection,
  OfferItem,
  OfferItemCallOptions,
  OfferItemInput,
  PatchOperation,
  PersonalizedOffer,
  PersonalizedOfferInput,
  Receipt,
} from "@offerkit/dps";

// ---------------------------------------------------------------- update with a JSON Patch

/** What `updateWith` needs of a resource: `get` and `patch` (every Decisioning resource updated with JSON Patch). */
export interface PatchTarget<Item, Options extends DpsCallOptions = DpsCallOptions> {
  /** Reads the object to change. */
  get(id: string, options?: Options): Promise<DpsResult<Item>>;
  /** Sends the JSON Patch computed from the change. */
  patch(id: string, operations: readonly PatchOperation[], options?: Options): Promise<DpsResult<Receipt>>;
}

/** What `updateWith` did. */
export interface DpsUpdate<Item> {
  /** The PATCH's receipt (the new `etag`); `undefined` when the change changed nothing and nothing was sent. */
  readonly receipt: Receipt | undefined;
  /** The operations sent, each change preceded by a `test` of the value it replaces or removes. */
  readonly operations: readonly PatchOperation[];
  /** The object as the change left it (not read back from the server). */
  readonly item: Item;
}

/** Fields the server owns on every stored object: a change to one of them is refused, not sent. */
const SERVER_OWNED = ["id", "etag", "created", "modified", "createdBy", "lastModifiedBy", "schemas"];

/**
 * Reads object `id`, lets `change` edit a copy (change it in place, or return a new object), and sends the
 * difference as one JSON Patch: `add` for new members, `replace` and `remove` for changed and removed ones, each of
 * those preceded by a `test` of the value read, and arrays replaced whole (after a `test` of the whole array). Adobe
 * documents no `If-Match` for these APIs, so the `test` operations are what makes a concurrent change fail instead
 * of being overwritten; a member that did not exist when read is added unguarded (JSON Patch cannot test absence).
 * A change that changes nothing sends nothing.
 *
 * What the server answers to a failed `test` is UNDOCUMENTED (RFC 5789 suggests 409, servers also use 400, 412 or
 * 422), and whether a refused patch can have been applied in part is UNDOCUMENTED too (RFC 6902 says it cannot).
 * A 409 is a `ConflictError` already; a 400, 412 or 422 answer is checked by reading the object again: if a value
 * the patch tested has changed, `ConflictError` is thrown (with the server's status, request id and body), so a lost
 * race is caught by type whatever status the server chose; read, change and send again. Any other failure throws the
 * server's `ApiError`. The PATCH is not retried unless the client's `retry` allows non-idempotent calls.
 *
 * ```ts
 * await updateWith(dps.offerCollections, collectionId, (collection) => {
 *   collection.description = "Summer 2027";
 * });
 * ```
 */
export async function updateWith<Item extends object, Options extends DpsCallOptions = DpsCallOptions>(
  resource: PatchTarget<Item, Options>,
  id: string,
  // biome-ignore lint/suspicious/noConfusingVoidType: a change that edits in place returns nothing (void), which `undefined` would not accept.
  change: (item: Item) => Item | void,
  options?: Options,
): Promise<DpsUpdate<Item>> {
  if (!resource || typeof resource.get !== "function" || typeof resource.patch !== "function") {
    throw new ValidationError("resource", "a Decisioning resource updated with JSON Patch, such as dps.offerItems");
  }
  if (typeof change !== "function") throw new ValidationError("change", "a function that edits the object it is given");
  const before = await unwrap(resource.get(id, options));
  const copy = structuredClone(before);
  const after = (change(copy) as Item | undefined) ?? copy;
  if (after === null || typeof after !== "object" || Array.isArray(after)) {
    throw new ValidationError("change", "a function that edits its argument or returns the changed object");
  }
  const operations = jsonPatch(before, after);
  for (const operation of operations) {
    const member = operation.path.split("/")[1] ?? "";
    if (SERVER_OWNED.includes(member))
      throw new ValidationError(`change: ${member}`, "left as read: the server owns it");
  }
  if (operations.length === 0) return { receipt: undefined, operations, item: after };
  try {
    const receipt = await unwrap(resource.patch(id, operations, options));
    return { receipt, operations, item: after };
  } catch (error) {
    throw await asConflict(error, resource, id, operations, options);
  }
}

/** The JSON Patch that turns `before` into `after`, each `replace` and `remove` guarded by a `test` of the old value. */
export function jsonPatch(before: unknown, after: unknown, path = ""): PatchOperation[] {
  if (sameJson(before, after)) return [];
  if (!isRecord(before) || !isRecord(after)) {
    return [
      { op: "test", path, value: before },
      { op: "replace", path, value: after },
    ];
  }
  const operations: PatchOperation[] = [];
  for (const [key, value] of Object.entries(before)) {
    const at = `${path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    if (after[key] === undefined) operations.push({ op: "test", path: at, value }, { op: "remove", path: at });
    else operations.push(...jsonPatch(value, after[key], at));
  }
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && !Object.hasOwn(before, key)) {
      operations.push({ op: "add", path: `${path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`, value });
    }
  }
  return operations;
}

/**
 * The patch's failure as a `ConflictError` when a value it tested has changed since it was read (the statuses a
 * failed `test` may get; which one is UNDOCUMENTED), else as it came.
 */
async function asConflict<Item, Options extends DpsCallOptions>(
  error: unknown,
  resource: PatchTarget<Item, Options>,
  id: string,
  operations: readonly PatchOperation[],
  options: Options | undefined,
): Promise<unknown> {
  if (!(error instanceof ApiError) || error instanceof ConflictError || ![400, 412, 422].includes(error.status)) {
    return error;
  }
  const now = await unwrap(resource.get(id, options)).catch(() => undefined);
  const changed = operations.some(
    (operation) => operation.op === "test" && !sameJson(valueAt(now, operation.path), operation.value),
  );
  return now !== undefined && changed ? new ConflictError(error) : error;
}

function valueAt(document: unknown, pointer: string): unknown {
  let value = document;
  for (const token of pointer.split("/").slice(1)) {
    if (!isRecord(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[token.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Equal as JSON: the same members (in any order), the same items in the same order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  return (
    keys.length === Object.keys(b).filter((key) => b[key] !== undefined).length &&
    keys.every((key) => sameJson(a[key], b[key]))
  );
}

// ---------------------------------------------------------------- collections

/**
 * A flow stopped after its first write: the object was created, but what came next failed. `createdId` is its id,
 * to finish the flow (`addOfferToCollection`) or delete it; `cause` is the error of the step that failed.
 */
export class IncompleteFlowError extends OfferkitError {
  override name = "IncompleteFlowError";
  readonly createdId: string;

  constructor(what: string, createdId: string, next: string, cause: unknown) {
    super(
      `Created ${what} ${createdId}, but ${next} failed: ${cause instanceof Error ? cause.message : String(cause)} The ${what} exists: finish with addOfferToCollection, or delete it.`,
      { cause },
    );
    this.createdId = createdId;
  }
}

/**
 * Adds an offer to a Decision Management collection. Only a collection with `filterType: "offers"` lists its offers
 * (in `ids`); one that selects by collection qualifier (`any-tags`, and INFERENCE `all-tags`) is refused with
 * `ValidationError`, since no Decision Management offer page shows how an offer carries a qualifier (UNDOCUMENTED).
 * The change is one guarded JSON Patch of `ids` (`updateWith`), so an offer added or removed by someone else
 * meanwhile makes it fail with `ConflictError` instead of being lost. An offer already listed sends nothing.
 * Adobe's guardrail: at most 500 offers per collection.
 */
export async function addOfferToCollection(
  client: Pick<DpsClient, "offerCollections">,
  collectionId: string,
  offerId: string,
  options?: DpsCallOptions,
): Promise<DpsUpdate<OfferCollection>> {
  if (typeof offerId !== "string" || offerId === "") throw new ValidationError("offerId", "a non-empty string");
  return updateWith(
    client.offerCollections,
    collectionId,
    (collection) => {
      const ids = listedOffers(collection);
      if (!ids.includes(offerId)) collection.ids = [...ids, offerId];
    },
    options,
  );
}

/**
 * Creates a personalized offer and adds it to a Decision Management collection of `filterType: "offers"`. The
 * collection is read first, so a missing or tag-filtered one is refused before the offer exists. If adding fails
 * after the offer was created, `IncompleteFlowError` carries the new offer's id (`createdId`) and the cause.
 */
export async function createOfferInCollection(
  client: Pick<DpsClient, "personalizedOffers" | "offerCollections">,
  offer: PersonalizedOfferInput,
  collectionId: string,
  options?: DpsCallOptions,
): Promise<{ readonly offer: Receipt; readonly collection: Receipt | undefined }> {
  listedOffers(await unwrap(client.offerCollections.get(collectionId, options)));
  const created = await unwrap(client.personalizedOffers.create(offer, options));
  try {
    const added = await addOfferToCollection(client, collectionId, created.id, options);
    return { offer: created, collection: added.receipt };
  } catch (error) {
    throw new IncompleteFlowError("personalized offer", created.id, `adding it to collection ${collectionId}`, error);
  }
}

function listedOffers(collection: OfferCollection): readonly string[] {
  if (collection.filterType !== "offers") {
    throw new ValidationError(
      "collectionId",
      `a collection with filterType "offers" (this one has ${JSON.stringify(collection.filterType)}, which selects offers by collection qualifier)`,
    );
  }
  const ids = collection.ids ?? [];
  if (ids.length >= 500)
    throw new ValidationError("collectionId", "a collection with fewer than 500 offers (Adobe's limit)");
  return ids;
}

/** An item collection's condition on one attribute, as `itemCollections.create` takes it in `constraints`. */
export interface AttributeConstraint {
  readonly itemCatalogId?: string | undefined;
  /** The condition as Adobe stores it: a JSON document in a string. */
  readonly uiModel: string;
}

/**
 * One constraint of an Experience Decisioning item collection: items whose `attribute` (a path such as
 * `_experience.decisioning.decisionitem.itemName` or a custom `_<tenant>.season`) equals `value`. Adobe stores it as
 * JSON inside a string (`uiModel`); operators other than `equals` appear in Adobe's pages (`greater than`, ...) but
 * their list is UNDOCUMENTED, so only `equals` is built here, the one `createOfferItemInCollection` can satisfy.
 */
export function attributeConstraint(input: {
  readonly itemCatalogId?: string | undefined;
  readonly attribute: string;
  readonly value: string | number;
}): AttributeConstraint {
  const { itemCatalogId, attribute, value } = input ?? {};
  if (typeof attribute !== "string" || !/^[\w-]+(\.[\w-]+)*$/.test(attribute)) {
    throw new ValidationError("attribute", "an attribute path such as _experience.decisioning.decisionitem.itemName");
  }
  if (typeof value !== "string" && !(typeof value === "number" && Number.isFinite(value))) {
    throw new ValidationError("value", "a string or a finite number");
  }
  const uiModel = JSON.stringify({ operator: "equals", value: { left: attribute, right: value } });
  return itemCatalogId === undefined ? { uiModel } : { itemCatalogId, uiModel };
}

/**
 * Creates an Experience Decisioning offer item that its item collection selects. Unlike Decision Management,
 * an item collection lists no ids: it selects the items of a catalog by conditions on their attributes, evaluated
 * by Adobe (when, and whether several conditions must all hold, is UNDOCUMENTED). So the item is made to match: for
 * each of the collection's `equals` conditions (see `attributeConstraint`), the attribute is set on the item (and
 * `itemCatalogID` to the condition's catalog), then the item is created. A condition this cannot satisfy (another
 * operator, an attribute the item already has with another value, another catalog) throws `ValidationError` before
 * anything is created: set the attributes yourself and use `offerItems.create`. Resolves with the receipt and the
 * item as sent.
 */
export async function createOfferItemInCollection(
  client: Pick<DpsClient, "offerItems" | "itemCollections">,
  item: OfferItemInput,
  collectionId: string,
  options?: OfferItemCallOptions,
): Promise<{ readonly receipt: Receipt; readonly item: OfferItemInput }> {
  const { schemaId: _, ...collectionOptions } = options ?? {};
  const collection = await unwrap(client.itemCollections.get(collectionId, collectionOptions));
  const matching = structuredClone(item);
  for (const [index, constraint] of (collection.constraints ?? []).entries()) {
    const field = `collection.constraints[${index}]`;
    const condition = parseUiModel(constraint.uiModel);
    if (condition?.operator !== "equals") {
      throw new ValidationError(field, `a condition "equals" (this one is ${constraint.uiModel ?? "missing"})`);
    }
    setAttribute(matching, condition.left, condition.right, field);
    if (constraint.itemCatalogId !== undefined) {
      setAttribute(matching, "_experience.decisioning.decisionitem.itemCatalogID", constraint.itemCatalogId, field);
    }
  }
  return { receipt: await unwrap(client.offerItems.create(matching, options)), item: matching };
}

function parseUiModel(uiModel: unknown): { operator: unknown; left: string; right: unknown } | undefined {
  let model: { readonly operator?: unknown; readonly value?: { readonly left?: unknown; readonly right?: unknown } };
  try {
    model = typeof uiModel === "string" ? JSON.parse(uiModel) : undefined;
  } catch {
    return undefined;
  }
  const left = model?.value?.left;
  return typeof left === "string" ? { operator: model.operator, left, right: model.value?.right } : undefined;
}

/** Sets `path` (dot-separated) on `target`, creating objects on the way; refuses to overwrite another value. */
function setAttribute(target: object, path: string, value: unknown, field: string): void {
  const keys = path.split(".");
  const last = keys.pop() as string;
  let node = target as Record<string, unknown>;
  for (const key of keys) {
    const next = node[key];
    if (next === undefined) node[key] = {};
    else if (!isRecord(next))
      throw new ValidationError(field, `a condition on an attribute the item can have (${path})`);
    node = node[key] as Record<string, unknown>;
  }
  if (node[last] !== undefined && !sameJson(node[last], value)) {
    throw new ValidationError(field, `a condition the item meets: it selects ${path} = ${JSON.stringify(value)}`);
  }
  node[last] = value;
}

// ---------------------------------------------------------------- rules

/**
 * Makes an eligibility rule decide who may get an Experience Decisioning offer item: sets the item's
 * `_experience.decisioning.decisionitem.itemConstraints` to `{ profileConstraintType: "eligibilityRule",
 * eligibilityRule: ruleId }` with one guarded JSON Patch (`updateWith`). Whether a Decision Management rule (one
 * without `exdRule: true`) is accepted there is UNDOCUMENTED: use an Experience Decisioning rule.
 */
export function attachRuleToOfferItem(
  client: Pick<DpsClient, "offerItems">,
  itemId: string,
  ruleId: string,
  options?: OfferItemCallOptions,
): Promise<DpsUpdate<OfferItem>> {
  return attachRule(client.offerItems, itemId, ruleId, options, (item, constraint) => {
    const decisionitem = item._experience?.decisioning?.decisionitem;
    if (!decisionitem) throw new ValidationError("itemId", "an offer item (its answer has no decisionitem)");
    decisionitem.itemConstraints = constraint;
  });
}

/**
 * Makes an eligibility rule decide who may get a Decision Management personalized offer: sets the offer's
 * `selectionConstraint` to `profileConstraintType: "eligibilityRule"` with `eligibilityRule: ruleId`, keeping its
 * dates, with one guarded JSON Patch (`updateWith`). Adobe's offer pages only ever show `profileConstraintType:
 * "none"`; these two fields are how the Offer Library and Experience Decisioning name a rule (INFERENCE).
 */
export function attachRuleToOffer(
  client: Pick<DpsClient, "personalizedOffers">,
  offerId: string,
  ruleId: string,
  options?: DpsCallOptions,
): Promise<DpsUpdate<PersonalizedOffer>> {
  return attachRule(client.personalizedOffers, offerId, ruleId, options, (offer, constraint) => {
    offer.selectionConstraint = { ...offer.selectionConstraint, ...constraint };
  });
}

/** The constraint that names a rule, put in place by `place` with one guarded patch. */
async function attachRule<Item extends object, Options extends DpsCallOptions>(
  resource: PatchTarget<Item, Options>,
  id: string,
  ruleId: string,
  options: Options | undefined,
  place: (item: Item, constraint: { profileConstraintType: string; eligibilityRule: string }) => void,
): Promise<DpsUpdate<Item>> {
  if (typeof ruleId !== "string" || ruleId === "") throw new ValidationError("ruleId", "a non-empty string");
  const constraint = { profileConstraintType: "eligibilityRule", eligibilityRule: ruleId };
  return updateWith(resource, id, (item) => place(item, constraint), options);
}
