// The response read step: every byte of a body is read under the call's signal and within `maxResponseBytes`,
// then kept, so a slow, endless, oversized, cut-short or non-JSON body becomes a typed error that keeps the status
// and request id, and every reader of the returned Response answers from memory.
import { readBytes } from "#base-fetch";
import { type RequestSummary, ResponseTooLargeError, redact, UnexpectedResponseError } from "../errors/errors.js";
import type { Call } from "./deadline.js";
import { isOverLimit } from "./read-limit.js";

/** 16 MiB: far above any real answer of these APIs (a few hundred KB at most), far below what hurts a server. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16_777_216; // 16 MiB, as a literal so that bundlers can fold it

/** How much of an unreadable body an error keeps. */
const BODY_START_LENGTH = 500;

/**
 * What the transport knows of one answer, kept on the Response it hands back (under a symbol, never enumerated):
 * the request that got it, the bytes its readers replay, how many attempts the call took, and how to take the
 * credentials that request carried out of anything built from the answer. The runner turns it into a result's
 * `metadata`; `unwrap` into an `ApiError`'s.
 */
export interface Answer {
  readonly request: RequestSummary;
  /** The `x-request-id` the request carried: the id to quote when the server sent none. */
  readonly sentRequestId: string | undefined;
  readonly bytes: Uint8Array;
  /** Attempts the call made, retries counted (a resend with a fresh token after a 401 is not one). */
  attempts: number;
  /** Takes the credentials the request carried (its token) out of a text; a closure, so no secret is stored here. */
  redact: (text: string) => string;
}

const ANSWER = Symbol("offerkit.answer");

/** The transport's record of `response`, when an offerkit transport answered it. */
export function answerOf(response: Response): Answer | undefined {
  return (response as { [ANSWER]?: Answer })[ANSWER];
}

function keepAnswer(response: Response, answer: Answer): void {
  Object.defineProperty(response, ANSWER, { value: answer });
}

/** Notes that `response` answered a request carrying `secret`, so that errors built from it leave the secret out. */
export function keepSecret(response: Response, secret: string): void {
  const answer = answerOf(response);
  if (!answer) return;
  const before = answer.redact;
  // Also as a JSON string holds it, for a parsed body that is searched as JSON text.
  const spellings = [secret, JSON.stringify(secret).slice(1, -1)];
  answer.redact = (text) => redact(before(text), spellings);
}

export interface ReadContext {
  readonly request: RequestSummary;
  readonly sentRequestId: string | undefined;
  /** The call: every byte is read under its signal, and its race. */
  readonly call: Pick<Call, "signal" | "race" | "onAbort">;
  readonly limit: number;
  /** The error to throw once `signal` has aborted. */
  aborted(): Error;
}

/**
 * Reads the whole body under the call's signal (a stalled body ends with the deadline, and the connection is
 * closed) and at most `limit` bytes of it. The same Response is returned, its `text`, `json` and `bytes` answering
 * from the buffer (all a client's methods read; `everyReader` adds the rest for the raw path), and `json()` handing
 * over the value parsed here. (Rebuilding a Response instead costs about 10% of a loopback call.)
 */
export async function buffer(response: Response, context: ReadContext): Promise<Response> {
  const { request, call, limit } = context;
  const { signal } = call;
  const contentType = response.headers.get("content-type") ?? undefined;
  const requestId = response.headers.get("x-request-id") ?? undefined;
  const fail = (bodyStart: string, reason: string, cause?: unknown) =>
    new UnexpectedResponseError(
      {
        status: response.status,
        requestId,
        contentType,
        bodyStart: bodyStart.slice(0, BODY_START_LENGTH),
        request,
        reason,
      },
      { cause },
    );
  const tooLarge = () => new ResponseTooLargeError({ status: response.status, requestId, request, limit });
  if (Number(response.headers.get("content-length")) > limit) {
    response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  let bytes: Uint8Array;
  try {
    // Raced as well: a body stream that ignores cancellation must not hold the call past its deadline.
    bytes = await call.race(readBytes(response, limit, call));
  } catch (error) {
    if (signal.aborted) throw context.aborted();
    if (isOverLimit(error)) throw tooLarge();
    const partial = (error as { partial?: unknown }).partial;
    throw partial instanceof Uint8Array
      ? fail(decoder.decode(partial), "a body cut short", (error as Error).cause)
      : fail("", "a body that could not be read", error);
  }
  const text = decoder.decode(bytes);
  const answer: Answer = { request, sentRequestId: context.sentRequestId, bytes, attempts: 1, redact: (text) => text };
  let json = () => Promise.resolve(text).then(JSON.parse);
  if (bytes.byteLength > 0 && response.ok && response.status !== 204 && response.status !== 205) {
    if (contentType && !isJsonMediaType(contentType)) {
      throw fail(text, `a ${contentType.split(";")[0]} body where JSON was expected`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw fail(text, "a body that is not valid JSON", error);
    }
    json = () => Promise.resolve(value);
  }
  // One defineProperties: the record and the readers together.
  return Object.defineProperties(response, {
    [ANSWER]: { value: answer },
    text: { value: () => Promise.resolve(text) },
    json: { value: json },
    bytes: { value: () => Promise.resolve(bytes.slice()) },
    bodyUsed: { value: false },
  });
}

function withReaders(response: Response, readers: Record<string, unknown>): Response {
  for (const [name, value] of Object.entries(readers)) Object.defineProperty(response, name, { value });
  return response;
}

/** The other body readers of a buffered response (openapi-fetch's `parseAs` blob, arrayBuffer and stream; clone). */
export function everyReader(response: Response): Response {
  const entry = answerOf(response);
  if (!entry) return response;
  const { bytes } = entry;
  const copy = () => new Response(bytes.byteLength > 0 ? bytes.slice() : null, response);
  withReaders(response, {
    arrayBuffer: () => copy().arrayBuffer(),
    blob: () => copy().blob(),
    clone: () => {
      const twin = copy();
      keepAnswer(twin, entry);
      return everyReader(
        withReaders(twin, { text: response.text, json: response.json, bytes: response.bytes, bodyUsed: false }),
      );
    },
  });
  return Object.defineProperty(response, "body", { get: () => copy().body });
}

const decoder = /* @__PURE__ */ new TextDecoder();

/** Whether a `Content-Type` is JSON: `application/json` or any `+json` type, parameters ignored. */
export function isJsonMediaType(contentType: string): boolean {
  return JSON_MEDIA_TYPE.test(contentType);
}

/** `application/json` or `…+json`, before any parameters, whitespace around it ignored. */
const JSON_MEDIA_TYPE = /^\s*(?:application\/json|[^;]*\+json)\s*(?:;|$)/i;
