// Header checks: values a header can carry (no CR, LF, NUL or characters above U+00FF), and the User-Agent.
import { ValidationError } from "../errors/errors.js";

/** Header names are RFC 9110 tokens. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * CR, LF and NUL would let a value smuggle in extra headers, and a character above U+00FF is not a byte: fetch
 * refuses both with a bare TypeError that names no header.
 */
const UNSAFE_VALUE = /[\r\n\0\u0100-\uffff]/;

/** Headers by name; an `undefined` value leaves the header out. */
export type HeaderInput = Readonly<Record<string, string | undefined>>;

/**
 * Refuses header names that are not tokens and values with CR, LF or NUL, naming the header but never its value
 * (values are often credentials). Undefined values are skipped.
 */
export function assertSafeHeaders(headers: HeaderInput | undefined, field = "headers"): void {
  if (headers === undefined) return;
  if (headers === null || typeof headers !== "object" || Array.isArray(headers)) {
    throw new ValidationError(field, "an object of header names to string values");
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) throw new ValidationError(`${field}[${JSON.stringify(name)}]`, "a valid header name");
    if (value === undefined) continue;
    if (typeof value !== "string") throw new ValidationError(`${field}.${name}`, "a string");
    if (UNSAFE_VALUE.test(value)) {
      throw new ValidationError(`${field}.${name}`, "a value without CR, LF, NUL or characters above U+00FF");
    }
  }
}

/** `offerkit-<package>/<version>`, plus the runtime when it tells us, so server logs show who called. */
export function userAgent(packageName: string, version: string): string {
  const runtime = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  return `offerkit-${packageName}/${version}${runtime ? ` ${runtime}` : ""}`;
}

/** Visible ASCII only: what an access token is made of, and all a header value may safely hold. */
export const VISIBLE_ASCII = /^[\x21-\x7E]+$/;

export function requireText(value: unknown, field: string, what: string): string {
  if (typeof value !== "string" || value.length === 0) throw new ValidationError(field, `a non-empty string: ${what}`);
  return value;
}

/** Refuses CR, LF and every other character that could break out of a header value, without echoing the value. */
export function requireHeaderSafe(value: unknown, field: string, what: string): string {
  const text = requireText(value, field, what);
  if (!VISIBLE_ASCII.test(text)) throw new ValidationError(field, `${what}, without spaces or control characters`);
  return text;
}
