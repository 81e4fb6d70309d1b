import { baseFetch, followRedirects, readBytes } from "#base-fetch";
import type { RequestAuthenticator } from "./auth.js";
import {
  AbortError,
  NetworkError,
  OfferkitError,
  type RequestSummary,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from "./errors.js";
import { isBrowser } from "./redirect.js";
import {
  backoffDelay,
  isRetryableStatus,
  mayRetryRequest,
  parseRetryAfter,
  type ResolvedRetryPolicy,
  type RetryOptions,
  resolveRetryPolicy,
} from "./retry.js";

/** The shape openapi-fetch calls: a `Request` in, a `Response` out. Any WHATWG `fetch` fits. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Options of `createTransport`: the base fetch, timeout, retries and logging of every call. */
export interface TransportOptions {
  /**
   * The fetch to send with. Default: on Node, the Node transport (undici with a keep-alive pool); elsewhere
   * `globalThis.fetch`, looked up on every call so that test doubles installed later still apply. Whichever it is,
   * redirects are followed here, and credential headers never follow one to another origin.
   */
  readonly fetch?: FetchLike | undefined;
  /** Milliseconds one call may take in all, retries and waits included; `0` for no limit. Default 10000. */
  readonly timeout?: number | undefined;
  /** Retry policy, or `false` for a single attempt. */
  readonly retry?: RetryOptions | false | undefined;
  /** Sent as `User-Agent` outside browsers (browsers own that header). */
  readonly userAgent?: string | undefined;
  /**
   * Credentials added to every attempt, so each retry carries a current token. An attempt answered 401 is sent
   * once more with a fresh token when the authenticator says that can help; that resend is not a retry.
   */
  readonly auth?: RequestAuthenticator | undefined;
}

/**
 * What a client's own methods call through: `begin` opens one call with offerkit's timeout, abort, retry and response
 * checks. Without the fetch-compatible wrapper of `Transport`, which only the raw (openapi-fetch) path needs.
 */
export interface CallTransport {
  /**
   * Opens one call. Give its `signal` to openapi-fetch (so the Request is born governed by the deadline and the
   * caller's signal) and its `fetch` as the call's fetch; `end()` when the call settles. This skips re-wrapping
   * the Request, which plain use of the transport has to do.
   */
  begin(overrides?: CallOverrides & { readonly signal?: AbortSignal | undefined }): CallScope;
}

/** A fetch-compatible function with offerkit's timeout, abort, retry and response checks built in. */
export interface Transport extends FetchLike, CallTransport {
  /** The same transport with some options replaced, for one call. */
  with(overrides: CallOverrides): Transport;
}

/** Per-call changes to a transport's timeout and retries. */
export interface CallOverrides {
  readonly timeout?: number | undefined;
  readonly retry?: RetryOptions | false | undefined;
}

/** One call's signal (its deadline and the caller's abort) and the fetch bound to it. */
export interface CallScope {
  readonly signal: AbortSignal;
  readonly fetch: FetchLike;
  /** Ends the call: clears its timer and releases the caller's signal. */
  end(): void;
}

/** Milliseconds a call may take, retries and body included, when no `timeout` is given. */
export const DEFAULT_TIMEOUT = 10_000;

/** How much of an unreadable body an error keeps. */
const BODY_START_LENGTH = 500;

/** What a buffered response answered (for errors built later from it) and the bytes its readers replay. */
interface Answered {
  readonly request: RequestSummary;
  /** The `x-request-id` the request carried: the id to quote when the server sent none. */
  readonly sentRequestId: string | null;
  readonly bytes: Uint8Array;
}
const answered = new WeakMap<Response, Answered>();

/** The method and URL of the request that got `response`, when it went through an offerkit transport. */
export function requestSummaryOf(response: Response): RequestSummary | undefined {
  return answered.get(response)?.request;
}

export function sentRequestIdOf(response: Response): string | undefined {
  return answered.get(response)?.sentRequestId ?? undefined;
}

/** The default base fetch with offerkit's redirect handling, shared by every transport that names no fetch. */
const defaultSend = followRedirects(baseFetch);

/**
 * Builds the chain every client sends through: deadline and abort, retries, redirects and response checks over a base
 * fetch.
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const base = createCallTransport(options);
  return Object.assign(fetchOf(base), {
    begin: base.begin,
    with: (overrides: CallOverrides) => createTransport({ ...options, ...omitUndefined(overrides) }),
  });
}

/** The transport of a client's methods: what `createTransport` makes, without its fetch-compatible wrapper. */
export function createCallTransport(options: TransportOptions = {}): CallTransport {
  const config = resolveConfig(options);
  return {
    begin({ signal, timeout, retry } = {}) {
      const callConfig =
        timeout === undefined && retry === undefined
          ? config
          : resolveConfig({ ...options, timeout: timeout ?? options.timeout, retry: retry ?? options.retry });
      const call = openCall(signal, callConfig.timeout);
      return { signal: call.signal, end: call.end, fetch: (request, init) => attempt(request, init, callConfig, call) };
    },
  };
}

/**
 * A fetch-compatible function over `transport`, for the raw (openapi-fetch) path: each call is opened with the
 * Request's signal, and the answer has every body reader (blob, arrayBuffer, stream, clone) replayable.
 */
export function fetchOf(transport: CallTransport): FetchLike {
  return (request, init) => {
    const call = transport.begin({ signal: request.signal });
    // The caller's Request has the caller's signal; attempts must carry the call's own, which follows it.
    return call
      .fetch(new Request(request, { signal: call.signal }), init)
      .then(everyReader)
      .finally(call.end);
  };
}

interface TransportConfig {
  readonly send: FetchLike;
  readonly timeout: number;
  readonly policy: ResolvedRetryPolicy;
  readonly userAgent: string | undefined;
  readonly auth: RequestAuthenticator | undefined;
}

function resolveConfig(options: TransportOptions): TransportConfig {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (!(Number.isFinite(timeout) && timeout >= 0)) {
    throw new ValidationError("timeout", "a number of milliseconds, 0 or more");
  }
  const fetch = options.fetch;
  return {
    // A caller's fetch takes a Request: each hop, redirects included, reaches it as one.
    send: fetch ? followRedirects((url, init) => fetch(new Request(url, init))) : defaultSend,
    timeout,
    policy: resolveRetryPolicy(options.retry),
    userAgent: isBrowser ? undefined : options.userAgent,
    auth: options.auth,
  };
}

/**
 * A copy without the keys whose value is undefined: an explicit `undefined` option must not override a default
 * when spread, nor reach openapi-fetch as a query parameter or header.
 */
export function omitUndefined<T extends object>(record: T): Partial<T>;
export function omitUndefined<T extends object>(record: T | undefined): Partial<T> | undefined;
export function omitUndefined<T extends object>(record: T | undefined): Partial<T> | undefined {
  if (!record) return undefined;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) copy[key] = value;
  return copy as Partial<T>;
}

interface Call {
  readonly signal: AbortSignal;
  readonly deadline: number;
  /** The error the caller gets once the call's signal has aborted. */
  outcome(request: RequestSummary): Error;
  end(): void;
}

/**
 * One controller for the whole call: the caller's signal and the deadline both abort it, so the socket, the body
 * read and any backoff wait stop together and nothing runs on after the caller has its error.
 */
function openCall(callerSignal: AbortSignal | undefined, timeout: number): Call {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const timer =
    timeout > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new TimeoutError(timeout));
        }, timeout)
      : undefined;
  return {
    signal: controller.signal,
    deadline: Date.now() + (timeout || Number.POSITIVE_INFINITY),
    outcome: (request) =>
      timedOut ? new TimeoutError(timeout, request) : new AbortError(request, { cause: callerSignal?.reason }),
    end() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}

/**
 * Sends `request` (whose signal follows the call's) until it succeeds, may not be retried, or time runs out. The body
 * comes as `init.body` (a scope's own requests) or is read from the Request once: every attempt and every redirect
 * hop sends the same one.
 */
async function attempt(
  request: Request,
  init: RequestInit | undefined,
  config: TransportConfig,
  call: Call,
): Promise<Response> {
  const summary = summarize(request);
  const { signal, headers } = request;
  const aborted = () => call.outcome(summary);
  if (signal.aborted) throw aborted();
  if (config.userAgent && !headers.has("user-agent")) headers.set("user-agent", config.userAgent);
  const { policy, auth } = config;
  const retryable = mayRetryRequest(request, policy);
  let mayReauthorize = auth?.refreshable;
  const sent = { ...init, body: init?.body ?? (request.body ? new Uint8Array(await request.arrayBuffer()) : null) };
  for (let attemptNumber = 1; ; attemptNumber++) {
    const hasNextAttempt = retryable && attemptNumber < policy.attempts;
    let token: string | undefined;
    try {
      token = auth && (await auth.authorize(headers, signal));
    } catch (error) {
      throw signal.aborted ? aborted() : error;
    }
    let response: Response;
    try {
      // Raced with the signal: a fetch that ignores its signal must not hold the call past its deadline.
      response = await untilAborted(config.send(request, sent), signal);
      if (typeof response?.status !== "number" || typeof response.headers?.get !== "function") {
        throw new OfferkitError("The `fetch` option resolved to something that is not a Response.");
      }
    } catch (error) {
      // Checked first: the signal's own reason may be one of our errors, without the request's details.
      if (signal.aborted) throw aborted();
      if (error instanceof OfferkitError) throw error;
      const delay = backoffDelay(attemptNumber, policy, Math.random);
      if (hasNextAttempt && Date.now() + delay < call.deadline && (await sleep(delay, signal))) continue;
      throw signal.aborted ? aborted() : new NetworkError(summary, attemptNumber, { cause: error });
    }
    if (response.status === 401 && mayReauthorize && token !== undefined && auth?.unauthorized(token)) {
      // An expired or revoked token: one more send with a new one, not counted as a retry.
      mayReauthorize = false;
      await discard(response);
      attemptNumber--;
      continue;
    }
    if (hasNextAttempt && isRetryableStatus(response.status)) {
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"), Date.now());
      const delay =
        retryAfter === undefined
          ? backoffDelay(attemptNumber, policy, Math.random)
          : retryAfter <= policy.maxRetryAfter
            ? retryAfter
            : undefined;
      if (delay !== undefined && Date.now() + delay < call.deadline) {
        await discard(response);
        if (await sleep(delay, signal)) continue;
        throw aborted();
      }
    }
    return buffer(response, summary, headers.get("x-request-id"), aborted, signal);
  }
}

/**
 * What `send` hands a call scope's `fetch`, with its body as `init.body`: the parts of a Request that the transport
 * reads, without making one (on Node, a Request that follows a signal costs about 5% of a loopback call).
 */
export function scopeRequest(url: string, method: string, headers: Headers, signal: AbortSignal): Request {
  // Parsed as a Request would be: a malformed URL throws before the network, and error summaries show the normal form.
  return { url: new URL(url).href, method, headers, signal, body: null, redirect: "follow" } as unknown as Request;
}

/** `promise`, or a rejection as soon as `signal` aborts (the caller then reports why it aborted). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Resolves true after `ms`, or false as soon as `signal` aborts (and the timer is cleared). */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return untilAborted(new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, true))), signal).catch(() => {
    clearTimeout(timer);
    return false;
  });
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The connection is being dropped either way.
  }
}

/**
 * Reads the whole body while the call's signal still governs it, so a timeout also covers a slow body and a
 * cut-short or non-JSON body becomes a typed error that keeps the status, request id and the start of the body.
 * The same Response is returned, its `text`, `json` and `bytes` answering from the buffer (all a client's methods
 * and their callers read; `everyReader` adds the rest for the raw path), and `json()` handing over the value parsed
 * here. (Rebuilding a Response instead costs about 10% of a loopback call.)
 */
async function buffer(
  response: Response,
  request: RequestSummary,
  sentRequestId: string | null,
  aborted: () => Error,
  signal: AbortSignal,
): Promise<Response> {
  const contentType = response.headers.get("content-type") ?? undefined;
  const fail = (bodyStart: string, reason: string, cause?: unknown) =>
    new UnexpectedResponseError(
      {
        status: response.status,
        requestId: response.headers.get("x-request-id") ?? undefined,
        contentType,
        bodyStart: bodyStart.slice(0, BODY_START_LENGTH),
        request,
        reason,
      },
      { cause },
    );
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(response);
  } catch (error) {
    if (signal.aborted) throw aborted();
    const partial = (error as { partial?: unknown }).partial;
    throw partial instanceof Uint8Array
      ? fail(decoder.decode(partial), "a body cut short", (error as Error).cause)
      : fail("", "a body that could not be read", error);
  }
  const text = decoder.decode(bytes);
  answered.set(response, { request, sentRequestId, bytes });
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
  return withReaders(response, {
    text: () => Promise.resolve(text),
    json,
    bytes: () => Promise.resolve(bytes.slice()),
    bodyUsed: false,
  });
}

function withReaders(response: Response, readers: Record<string, unknown>): Response {
  for (const [name, value] of Object.entries(readers)) Object.defineProperty(response, name, { value });
  return response;
}

/** The other body readers of a buffered response (openapi-fetch's `parseAs` blob, arrayBuffer and stream; clone). */
function everyReader(response: Response): Response {
  const entry = answered.get(response);
  if (!entry) return response;
  const { bytes } = entry;
  const copy = () => new Response(bytes.byteLength > 0 ? bytes.slice() : null, response);
  withReaders(response, {
    arrayBuffer: () => copy().arrayBuffer(),
    blob: () => copy().blob(),
    clone: () => {
      const twin = copy();
      answered.set(twin, entry);
      return everyReader(
        withReaders(twin, { text: response.text, json: response.json, bytes: response.bytes, bodyUsed: false }),
      );
    },
  });
  return Object.defineProperty(response, "body", { get: () => copy().body });
}

const decoder = new TextDecoder();

/** Whether a `Content-Type` is JSON: `application/json` or any `+json` type, parameters ignored. */
export function isJsonMediaType(contentType: string): boolean {
  const essence = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return essence === "application/json" || essence.endsWith("+json");
}

/**
 * openapi-fetch's body serializer, made safe: a body JSON cannot represent (a cycle, a BigInt) is refused as a
 * `ValidationError` before the network instead of escaping as a bare `TypeError`.
 */
export function serializeJsonBody(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new ValidationError("body", "serializable as JSON (no cycles, no BigInt)", { cause: error });
  }
}

/**
 * An absolute http(s) origin (a path prefix is allowed) without query, fragment or credentials, with trailing
 * slashes removed; anything else is a `ValidationError` naming `field`.
 */
export function checkBaseUrl(value: unknown, field: string, example = "https://platform.adobe.io"): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new ValidationError(field, `an absolute http(s) URL such as ${example}`);
  }
  if (typeof value !== "string" || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new ValidationError(field, "an http: or https: URL");
  }
  if (url.search || url.hash || url.username || url.password || /[\s\0]/.test(value)) {
    throw new ValidationError(field, "an origin without query, fragment, credentials or whitespace");
  }
  return value.replace(/\/+$/, "");
}

/** Method and URL without the query string: enough to say which call failed, without echoing parameters. */
export function summarize(request: Request): RequestSummary {
  const queryStart = request.url.indexOf("?");
  return { method: request.method, url: queryStart === -1 ? request.url : request.url.slice(0, queryStart) };
}
