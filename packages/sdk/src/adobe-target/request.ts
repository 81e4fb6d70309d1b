import type { Channel, Context, CustomerId, DeliveryRequest, VisitorId } from "@offerkit/delivery";

/** What Adobe's SDK users put in mbox and profile parameters: numbers and booleans go out as strings. */
export type ParameterValues = Readonly<Record<string, string | number | boolean>>;

/**
 * The spec's shape, as Adobe's SDK users write it: an optional object may be `null` (treated as absent),
 * `parameters`/`profileParameters` values may be numbers or booleans, and an mbox `index` may be left out (it
 * becomes the entry's position, as in Adobe's SDK).
 */
export type Lenient<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer Item)[]
    ? readonly Lenient<Item>[]
    : {
        [K in keyof T as K extends "index" ? never : K]: K extends "parameters" | "profileParameters"
          ? ParameterValues | null | undefined
          : undefined extends T[K]
            ? Lenient<NonNullable<T[K]>> | null | undefined
            : Lenient<T[K]>;
      } & ("index" extends keyof T ? { index?: number } : unknown);

/** A Delivery API request as `getOffers` accepts it; `context` defaults to `{ channel: "web" }`. */
export type TargetDeliveryRequest = Omit<Lenient<DeliveryRequest>, "context"> & {
  context?: (Omit<Lenient<Context>, "channel"> & { channel?: Channel }) | null;
};

/** Adobe's `Visitor.AuthState` values (`0` unknown, `1` authenticated, `2` logged out) or the API's names. */
export type AuthState = 0 | 1 | 2 | CustomerId["authenticatedState"];

/**
 * Customer ids as Adobe's Node SDK takes them (`{ [integrationCode]: id | { id, authState } }`) or as the API
 * takes them (`CustomerId[]`).
 */
export type CustomerIds =
  | Readonly<Record<string, string | { readonly id: string; readonly authState?: AuthState }>>
  | readonly CustomerId[];

/** Visitor.AuthState numbers to the API's names. */
const AUTH_STATES = ["unknown", "authenticated", "logged_out"] as const;

const PARAMETER_MAPS = new Set(["parameters", "profileParameters"]);
const MBOX_LISTS = new Set(["mboxes"]);

/**
 * `value` without `null` properties, with number and boolean parameter values as strings, and with a missing mbox
 * `index` set to the entry's position. Nothing else changes, and what needs no change is not copied: an object or
 * array comes back as it was given unless something in it changed (the input itself is never modified). The
 * delivery client then checks the result against the spec like any other request.
 */
function normalize(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) {
    const indexed = MBOX_LISTS.has(key);
    let copy: unknown[] | undefined;
    for (let position = 0; position < value.length; position++) {
      const item: unknown = value[position];
      let normalized = normalize(item);
      if (indexed && isRecord(normalized) && normalized.index === undefined) {
        normalized = { ...normalized, index: position };
      }
      if (normalized !== item && copy === undefined) copy = value.slice(0, position);
      copy?.push(normalized);
    }
    return copy ?? value;
  }
  if (!isRecord(value)) return value;
  let copy: Record<string, unknown> | undefined;
  const names = Object.keys(value);
  for (let position = 0; position < names.length; position++) {
    const name = names[position] as string;
    const field = value[name];
    const normalized =
      field === null || field === undefined
        ? DROPPED
        : PARAMETER_MAPS.has(name) && isRecord(field)
          ? stringValues(field)
          : normalize(field, name);
    if (normalized !== field && copy === undefined) copy = pick(value, names, position);
    if (copy !== undefined && normalized !== DROPPED) copy[name] = normalized;
  }
  return copy ?? value;
}

/** Marks a property `normalize` leaves out. */
const DROPPED = Symbol("dropped");

/** A new object with the first `count` of `names` copied from `value`. */
function pick(value: Record<string, unknown>, names: readonly string[], count: number): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (let position = 0; position < count; position++) {
    const name = names[position] as string;
    copy[name] = value[name];
  }
  return copy;
}

/** `parameters` with number and boolean values as strings; the same object when they are all strings already. */
function stringValues(parameters: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  const names = Object.keys(parameters);
  for (let position = 0; position < names.length; position++) {
    const name = names[position] as string;
    const value = parameters[name];
    const text = typeof value === "number" || typeof value === "boolean" ? String(value) : value;
    if (text !== value && copy === undefined) copy = pick(parameters, names, position);
    if (copy !== undefined) copy[name] = text;
  }
  return copy ?? parameters;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface VisitorInput {
  /** The tnt id from the visitor's `mbox` cookie, used when the request names none. */
  readonly tntId?: string | undefined;
  readonly customerIds?: CustomerIds | undefined;
  /** `MCMID`, `MCAAMLH`, `MCAAMB` from the visitor's `AMCV_` cookie. */
  readonly visitorValues?: Readonly<Record<string, string>> | undefined;
  readonly propertyToken?: string | undefined;
  readonly environmentId?: number | undefined;
  /** Adds `experienceCloud.analytics` for Analytics for Target (A4T), as Adobe's SDK does on every call. */
  readonly supplementalDataId?: () => string;
}

/** The request `getOffers` sends: normalised, with the visitor's ids and the client's defaults filled in. */
export function buildDeliveryRequest(input: TargetDeliveryRequest | undefined, visitor: VisitorInput): DeliveryRequest {
  const request = (normalize(input ?? {}) ?? {}) as Record<string, unknown> & Partial<DeliveryRequest>;
  // Unchanged parts of the input are shared with the request, not copied (the client never modifies either).
  const context = (request.context ?? {}) as Partial<Context>;
  const result: Record<string, unknown> = {
    ...request,
    context: context.channel === undefined ? { ...context, channel: "web" } : context,
  };

  const given = request.id as Partial<VisitorId> | undefined;
  const tntId = given?.tntId ? undefined : visitor.tntId;
  const mcid = given?.marketingCloudVisitorId ? undefined : visitor.visitorValues?.MCMID;
  const customerIds = toCustomerIds(visitor.customerIds);
  if (tntId || mcid || customerIds.length > 0) {
    const id: Partial<VisitorId> = { ...given };
    if (tntId) id.tntId = tntId;
    if (mcid) id.marketingCloudVisitorId = mcid;
    if (customerIds.length > 0) id.customerIds = [...customerIds, ...(id.customerIds ?? [])];
    result.id = id;
  }

  if (!request.property && visitor.propertyToken) result.property = { token: visitor.propertyToken };
  if (request.environmentId === undefined && visitor.environmentId !== undefined) {
    result.environmentId = visitor.environmentId;
  }
  const experienceCloud = { ...request.experienceCloud };
  if (visitor.supplementalDataId) {
    const analytics = { ...experienceCloud.analytics };
    analytics.logging ??= "server_side";
    analytics.supplementalDataId ??= visitor.supplementalDataId();
    experienceCloud.analytics = analytics;
  }
  const hint = visitor.visitorValues?.MCAAMLH;
  const blob = visitor.visitorValues?.MCAAMB;
  if (!experienceCloud.audienceManager && (hint || blob)) {
    const locationHint = hint === undefined ? Number.NaN : Number.parseInt(hint, 10);
    experienceCloud.audienceManager = {
      ...(Number.isNaN(locationHint) ? {} : { locationHint }),
      ...(blob ? { blob } : {}),
    };
  }
  if (Object.keys(experienceCloud).length > 0) result.experienceCloud = experienceCloud;
  return result as unknown as DeliveryRequest;
}

const NO_CUSTOMER_IDS: readonly CustomerId[] = [];

function toCustomerIds(ids: CustomerIds | undefined): readonly CustomerId[] {
  if (!ids) return NO_CUSTOMER_IDS;
  if (Array.isArray(ids)) return ids as readonly CustomerId[];
  const list: CustomerId[] = [];
  for (const [integrationCode, value] of Object.entries(ids as Exclude<CustomerIds, readonly CustomerId[]>)) {
    if (!value) continue;
    const { id, authState = 0 } = typeof value === "string" ? { id: value } : value;
    list.push({
      id,
      integrationCode,
      authenticatedState: typeof authState === "number" ? (AUTH_STATES[authState] ?? "unknown") : authState,
    });
  }
  return list;
}

/**
 * The values of an `AMCV_<orgId>` cookie (the Experience Cloud ID service's): `KEY[-expiry]|value` pairs,
 * URI-encoded, after an optional numeric settings digest. Returns `{}` for anything unreadable.
 */
export function parseVisitorCookie(cookie: string | null | undefined): Record<string, string> {
  if (!cookie || cookie === "T") return {};
  let fields: string[];
  try {
    fields = decodeURIComponent(cookie).split("|");
  } catch {
    return {};
  }
  if (/^[-0-9]+$/.test(fields[0] ?? "")) fields.shift();
  const values: Record<string, string> = {};
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const key = (fields[index] as string).split("-")[0] as string;
    if (key === "MCMID" || key === "MCAAMLH" || key === "MCAAMB") values[key] = fields[index + 1] as string;
  }
  return values;
}

/** Each byte as two upper-case hex digits. */
const HEX = /* @__PURE__ */ Array.from({ length: 256 }, (_, byte) => byte.toString(16).toUpperCase().padStart(2, "0"));

/** Random bytes for 64 supplemental data ids, drawn at once: one draw per id costs more than the id itself. */
const RANDOM_POOL_SIZE = 16 * 64;
let randomPool: Uint8Array | undefined;
let randomOffset = RANDOM_POOL_SIZE;

/**
 * A supplemental data id (SDID) as the Experience Cloud ID service makes them: two groups of 16 upper-case hex
 * digits, the first digit of each below 8 (both halves are positive signed 64-bit numbers). 16 random bytes each.
 */
export function newSupplementalDataId(): string {
  if (randomOffset === RANDOM_POOL_SIZE || randomPool === undefined) {
    randomPool = crypto.getRandomValues(new Uint8Array(RANDOM_POOL_SIZE));
    randomOffset = 0;
  }
  const bytes = randomPool;
  const start = randomOffset;
  randomOffset += 16;
  let id = "";
  for (let index = 0; index < 16; index++) {
    const byte = bytes[start + index] as number;
    // The top bit of each half's first byte is cleared.
    id += index === 8 ? `-${HEX[byte & 0x7f]}` : HEX[index === 0 ? byte & 0x7f : byte];
  }
  return id;
}
