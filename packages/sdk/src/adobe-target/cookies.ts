/**
 * The Target cookie codec: pure functions with no imports, so a page or edge worker that only reads or writes
 * the cookies bundles nothing else. The format is the one Adobe's at.js and server-side SDKs share: the `mbox`
 * cookie holds `name#value#expiry` entries joined by `|` (name and value URI-encoded, expiry in Unix seconds),
 * and `mboxEdgeCluster` holds the number of the edge cluster that keeps the visitor's profile.
 */

/** Name of the Target cookie (session id and tnt id). */
export const TARGET_COOKIE = "mbox";
/** Name of the location hint cookie (the visitor's edge cluster). */
export const LOCATION_HINT_COOKIE = "mboxEdgeCluster";
/** Seconds a session lasts after the last call: Target keeps a session 30 minutes, at.js one more. */
export const SESSION_ID_MAX_AGE = 1860;
/** Seconds the tnt id (`PC` entry) is kept: 732 days. */
export const DEVICE_ID_MAX_AGE = 63_244_800;
/** Seconds the location hint cookie is kept. */
export const LOCATION_HINT_MAX_AGE = 1860;

const SESSION_ENTRY = "session";
const DEVICE_ID_ENTRY = "PC";

/** A cookie ready to set on an HTTP response: `Set-Cookie: name=value; Max-Age=maxAge; Path=/`. */
export interface TargetCookie {
  readonly name: string;
  readonly value: string;
  /** Seconds from now. */
  readonly maxAge: number;
}

/** One `name#value#expiry` entry of the `mbox` cookie. */
export interface TargetCookieEntry {
  readonly name: string;
  readonly value: string;
  /** Unix time in seconds. */
  readonly expires: number;
}

/** What an `mbox` cookie value holds: the session id and tnt id, when present and unexpired. */
export interface ParsedTargetCookie {
  /** The `session` entry, when present and unexpired. */
  readonly sessionId: string | undefined;
  /** The `PC` entry (Target's device id), when present and unexpired. */
  readonly tntId: string | undefined;
  /** Every unexpired entry by name, later duplicates winning, including ones written by at.js. */
  readonly entries: Readonly<Record<string, TargetCookieEntry>>;
  /** Why the cookie was ignored as a whole, when it was: the caller should log it. No cookie value is quoted. */
  readonly problem: string | undefined;
}

/** Session ids Target accepts: 1–128 printable characters without space, `?`, `/`, `{`, `}`. */
const SESSION_ID = /^[!-.0->@-z|~]{1,128}$/;
/** A tnt id: printable, at most 128 characters, a `.` only as the cluster separator. */
const TNT_ID = /^[!-\-/-~]+(?:\.[!-\-/-~]+)?$/;
const EXPIRY = /^\d{1,12}$/;
/** Edge clusters are small decimal numbers (1, 21, 28, 31, 45, ...). */
const CLUSTER = /^\d{1,5}$/;

const nowInSeconds = (now: number) => Math.ceil(now / 1000);

/** Percent-decoding, skipped for the usual value that has nothing to decode. Throws on bad encoding. */
const decode = (text: string): string => (text.includes("%") ? decodeURIComponent(text) : text);

const empty = (problem?: string): ParsedTargetCookie => ({
  sessionId: undefined,
  tntId: undefined,
  entries: {},
  problem,
});

/**
 * Reads an `mbox` cookie value. Expired entries are dropped, as Adobe's SDKs do. A cookie that is not
 * well-formed throughout (an entry that is not `name#value#expiry`, bad percent-encoding, a session id or tnt id
 * Target would refuse) is ignored as a whole and `problem` says why: a tampered cookie never yields a
 * half-parsed id. Never throws.
 */
export function parseTargetCookie(value: string | null | undefined, now: number = Date.now()): ParsedTargetCookie {
  if (typeof value !== "string" || value === "") return empty();
  const seconds = nowInSeconds(now);
  // A plain object, not `Object.create(null)`: V8 keeps a prototype-less object in slow dictionary mode, which made
  // a parse + serialize about 20% slower.
  let entries: Record<string, TargetCookieEntry> = {};
  const parts = value.split("|");
  for (let index = 0; index < parts.length; index++) {
    const fields = (parts[index] as string).split("#");
    const expiry = fields[2];
    if (fields.length !== 3 || expiry === undefined || !EXPIRY.test(expiry)) {
      return empty(`entry ${index + 1} of the mbox cookie is not name#value#expiry`);
    }
    let name: string;
    let entryValue: string;
    try {
      name = decode(fields[0] as string);
      entryValue = decode(fields[1] as string);
    } catch {
      return empty(`entry ${index + 1} of the mbox cookie is not valid percent-encoding`);
    }
    const expires = Number(expiry);
    if (expires < seconds) continue;
    if (name === SESSION_ENTRY && !SESSION_ID.test(entryValue)) {
      return empty("the session entry of the mbox cookie is not a session id Target accepts");
    }
    if (name === DEVICE_ID_ENTRY && !(entryValue.length <= 128 && TNT_ID.test(entryValue))) {
      return empty("the PC entry of the mbox cookie is not a tnt id");
    }
    const entry = { name, value: entryValue, expires };
    // An entry named `__proto__` is data like any other: assigned, it would set the prototype; a computed key in a
    // literal defines it.
    if (name === "__proto__") entries = { ...entries, [name]: entry };
    else entries[name] = entry;
  }
  return {
    sessionId: entries[SESSION_ENTRY]?.value,
    tntId: entries[DEVICE_ID_ENTRY]?.value,
    entries,
    problem: undefined,
  };
}

/** Writes entries as an `mbox` cookie whose `maxAge` reaches the furthest expiry. */
export function serializeTargetCookie(entries: readonly TargetCookieEntry[], now: number = Date.now()): TargetCookie {
  let furthest = 0;
  let value = "";
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as TargetCookieEntry;
    furthest = Math.max(furthest, entry.expires);
    value += `${index === 0 ? "" : "|"}${encodeURIComponent(entry.name)}#${encodeURIComponent(entry.value)}#${entry.expires}`;
  }
  return { name: TARGET_COOKIE, value, maxAge: Math.ceil(Math.abs(furthest * 1000 - now) / 1000) };
}

/**
 * The `mbox` cookie to set after a call: the session id for 31 minutes and, when Target returned one, the
 * tnt id for 732 days.
 */
export function createTargetCookie(
  visitor: { readonly sessionId: string; readonly tntId?: string | undefined },
  now: number = Date.now(),
): TargetCookie {
  const seconds = nowInSeconds(now);
  const entries: TargetCookieEntry[] = [
    { name: SESSION_ENTRY, value: visitor.sessionId, expires: seconds + SESSION_ID_MAX_AGE },
  ];
  if (visitor.tntId)
    entries.push({ name: DEVICE_ID_ENTRY, value: visitor.tntId, expires: seconds + DEVICE_ID_MAX_AGE });
  return serializeTargetCookie(entries, now);
}

/** The edge cluster in a tnt id shaped `<id>.<cluster>_<node>` (`…e.28_0` → `"28"`), else undefined. */
export function clusterFromTntId(tntId: string | null | undefined): string | undefined {
  if (!tntId) return undefined;
  const parts = tntId.split(".");
  if (parts.length !== 2) return undefined;
  const node = (parts[1] as string).split("_");
  return node.length === 2 ? parseLocationHint(node[0]) : undefined;
}

/** The edge cluster named by an `edgeHost` such as `mboxedge28.tt.omtrdc.net`, else undefined. */
export function clusterFromEdgeHost(edgeHost: string | null | undefined): string | undefined {
  if (!edgeHost) return undefined;
  const parts = edgeHost.split(".");
  if (parts.length !== 4) return undefined;
  const match = /^mboxedge(\d+)$/.exec(parts[0] as string);
  return match ? parseLocationHint(match[1]) : undefined;
}

/** A location hint (`mboxEdgeCluster` value) if it is a cluster number, else undefined. */
export function parseLocationHint(value: string | null | undefined): string | undefined {
  return typeof value === "string" && CLUSTER.test(value) ? value : undefined;
}

/** The `mboxEdgeCluster` cookie naming `cluster`. */
export function createLocationHintCookie(cluster: string): TargetCookie {
  return { name: LOCATION_HINT_COOKIE, value: cluster, maxAge: LOCATION_HINT_MAX_AGE };
}

/** The host of an edge cluster: `mboxedge28.tt.omtrdc.net`. */
export function edgeClusterHost(cluster: string): string {
  return `mboxedge${cluster}.tt.omtrdc.net`;
}
