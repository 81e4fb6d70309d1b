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
 * Copies `value` without `null` properties, with number and boolean parameter values as strings, and with a
 * missing mbox `index` set to the entry's position. Nothing else changes: the delivery client then checks the
 * result against the spec like any other request.
 */
function normalize(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) {
    return value.map((item, position) => {
      const copy = normalize(item);
      if (MBOX_LISTS.has(key) && isRecord(copy) && copy.index === undefined) copy.index = position;
      return copy;
    });
  }
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    if (field === null || field === undefined) continue;
    copy[name] = PARAMETER_MAPS.has(name) && isRecord(field) ? stringValues(field) : normalize(field, name);
  }
  return copy;
}

function stringValues(parameters: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parameters)) {
    copy[name] = typeof value === "number" || typeof value === "boolean" ? String(value) : value;
  }
  return copy;
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
  const context = (request.context ?? {}) as Partial<Context>;
  const result: Record<string, unknown> = { ...request, context: { ...context, channel: context.channel ?? "web" } };

  const id = { ...(request.id as Partial<VisitorId> | undefined) };
  if (!id.tntId && visitor.tntId) id.tntId = visitor.tntId;
  const mcid = visitor.visitorValues?.MCMID;
  if (!id.marketingCloudVisitorId && mcid) id.marketingCloudVisitorId = mcid;
  const customerIds = [...toCustomerIds(visitor.customerIds), ...(id.customerIds ?? [])];
  if (customerIds.length > 0) id.customerIds = customerIds;
  if (Object.keys(id).length > 0) result.id = id;

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

function toCustomerIds(ids: CustomerIds | undefined): CustomerId[] {
  if (!ids) return [];
  if (Array.isArray(ids)) return [...(ids as readonly CustomerId[])];
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

/**
 * A supplemental data id (SDID) as the Experience Cloud ID service makes them: two groups of 16 upper-case hex
 * digits, the first digit of each below 8 (both halves are positive signed 64-bit numbers).
 */
export function newSupplementalDataId(): string {
  const half = () => {
    const bytes = crypto.getRandomValues(new Uint8Array(8));
    bytes[0] = (bytes[0] as number) & 0x7f;
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0"))
      .join("")
      .toUpperCase();
  };
  return `${half()}-${half()}`;
}
