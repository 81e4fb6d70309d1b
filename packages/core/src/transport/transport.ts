// The transport: a chain of one-concern steps over a base fetch. A call goes down it once and back up once:
//   deadline (this file: the call's signal and timer, and the final error) -> retry -> auth (transport/steps.ts)
//   -> send and read (this file and transport/read.ts: the hop under the call's signal, every byte within the limit)
//   -> redirects (redirect.ts) -> the base fetch (#base-fetch: the Node transport, or global fetch) or the `fetch` option.
import { baseFetch, followRedirects } from "#base-fetch";
import { isFunctionOption, isStringOption, millis, type OptionCheck, wholeNumber } from "../checks/options.js";
import { OfferkitError, type RequestSummary, ValidationError } from "../errors/errors.js";
import { type Call, openCall } from "./deadline.js";
import { type CallHooks, checkHooks, checkLogger, type Logger, observer } from "./observe.js";
import { answerOf, buffer, DEFAULT_MAX_RESPONSE_BYTES, everyReader } from "./read.js";
import { isBrowser } from "./redirect.js";
import { type ResolvedRetryPolicy, type RetryOptions, resolveRetryPolicy } from "./retry-policy.js";
import {
  authStep,
  type Exchange,
  type RequestAuthenticator,
  retryStep,
  SendFailure,
  type Step,
  sentId,
} from "./steps.js";

export { type Answer, answerOf, DEFAULT_MAX_RESPONSE_BYTES, isJsonMediaType } from "./read.js";

/** The shape openapi-fetch calls: a `Request` in, a `Response` out. Any WHATWG `fetch` fits. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/**
 * What the `fetch` option is: a function called as the global `fetch` is, `fetch(url, init)`, with the method,
 * headers, body (a string or bytes, never a stream), the call's signal and the redirect mode in `init`. The global
 * `fetch`, undici's, or any wrapper that forwards both arguments fits; one that wants a `Request` makes it with
 * `new Request(url, init)`.
 */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** How a client sends its calls: the options every client (and `createTransport`) takes. */
export interface ConnectionOptions {
  /**
   * The fetch to send with (a Platform client's IMS token requests too, unless its `auth` names another). Default:
   * on Node, the Node transport (undici with a keep-alive pool); elsewhere `globalThis.fetch`, looked up on every
   * call so that test doubles installed later still apply. Whichever it is, redirects are followed here, and
   * credential headers never follow one to another origin. It is called as the global `fetch` is,
   * `fetch(url, init)`, once per attempt and redirect hop, with `init.signal` the call's signal: forward both
   * arguments (`(url, init) => fetch(url, { ...init, dispatcher })`) so that the deadline reaches the socket.
   */
  readonly fetch?: FetchFunction | undefined;
  /** Milliseconds one call may take in all, token request, retries, waits and the body read included; `0` for no limit. Default 10000. */
  readonly timeout?: number | undefined;
  /** Retries on network errors, 408, 429 and 5xx; `false` for a single attempt. A POST is only retried with `retryNonIdempotent: true`. */
  readonly retry?: RetryOptions | false | undefined;
  /** The most bytes an answer's body may have (after decompression); a larger one is a `ResponseTooLargeError`. Default 16 MiB. */
  readonly maxResponseBytes?: number | undefined;
  /** Called as each call is sent, answered, retried or fails (for metrics and tracing). Never given a secret. */
  readonly hooks?: CallHooks | undefined;
  /** Logs each call: requests and answers at `debug`, retries at `warn`, failures at `error`. `console` fits. */
  readonly logger?: Logger | undefined;
}

/** The options of a transport: how calls are sent, the `User-Agent`, and the credentials of every attempt. */
export interface TransportOptions extends ConnectionOptions {
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
   * Opens one call. Hand its `fetch` the call's request (its `signal` is the call's); `end()` when the call settles.
   */
  begin(overrides?: CallOverrides & { readonly signal?: AbortSignal | undefined }): CallScope;
}

/** A fetch-compatible function with offerkit's timeout, abort, retry and response checks built in. */
export interface Transport extends FetchLike, CallTransport {
  /** The same transport with some options replaced, for one call. */
  with(overrides: CallOverrides): Transport;
}

/** What one call may set for itself. */
export interface CallOverrides {
  readonly timeout?: number | undefined;
  readonly retry?: RetryOptions | false | undefined;
  readonly maxResponseBytes?: number | undefined;
}

/** One call's signal (its deadline and the caller's abort) and the fetch bound to it. */
export interface CallScope {
  readonly signal: AbortSignal;
  readonly fetch: FetchLike;
  /** Closes the call: clears its timer and its listener on the caller's signal. */
  end(): void;
}

/** Milliseconds a call may take, retries and body included, when no `timeout` is given. */
export const DEFAULT_TIMEOUT = 10_000;

/** Checks a `timeout` option: milliseconds from 0 (no limit) to what a timer can hold. */
export const checkTimeout: OptionCheck = /* @__PURE__ */ millis(0);
/** Checks a `retry` option: `false` or a retry policy of known keys. */
export const checkRetry: OptionCheck = (value, field) => void resolveRetryPolicy(value as RetryOptions, field);
/** Checks a `maxResponseBytes` option: a whole number of bytes, at least 1. */
export const checkMaxResponseBytes: OptionCheck = /* @__PURE__ */ wholeNumber(1);

/** The checks of the transport's own options, shared by every client's option checks. */
export const TRANSPORT_OPTION_CHECKS = {
  fetch: isFunctionOption,
  timeout: checkTimeout,
  retry: checkRetry,
  maxResponseBytes: checkMaxResponseBytes,
  hooks: checkHooks,
  logger: checkLogger,
} satisfies Record<string, OptionCheck>;

/** The default base fetch with offerkit's redirect handling, shared by every transport that names no fetch. */
const defaultSend = /* @__PURE__ */ followRedirects(baseFetch);

/**
 * A fetch-compatible transport with the whole chain: deadline and abort, retries, auth, the response read and its
 * limit, redirects, over the base fetch.
 */
export function createTransport(options: TransportOptions = {}): Transport {
  // The clients check their options (and each call's) before they make a call transport; these are the checks of
  // those who build a transport themselves.
  checkTransportOptions(options, "");
  if (options.userAgent !== undefined) isStringOption(options.userAgent, "userAgent");
  const { auth } = options;
  const base = createCallTransport(options, auth && ((next) => authStep(auth, next)));
  return Object.assign(fetchOf(base), {
    begin: (call?: Parameters<CallTransport["begin"]>[0]) => {
      checkTransportOptions(call ?? {}, "options.");
      return base.begin(call);
    },
    with: (overrides: CallOverrides) => createTransport({ ...options, ...omitUndefined(overrides) }),
  });
}

/** The transport's options that `options` gives, each checked by its rule; unknown keys are the caller's concern. */
function checkTransportOptions(options: object, prefix: string): void {
  for (const [name, check] of Object.entries(TRANSPORT_OPTION_CHECKS)) {
    const value = options[name as keyof typeof options];
    if (value !== undefined) check(value, `${prefix}${name}`);
  }
}

/**
 * The transport of a client's methods: what `createTransport` makes, without its fetch-compatible wrapper. The auth
 * step comes as `authenticated` (from `authStep`) rather than as the `auth` option, so that a client without
 * credentials (Delivery) bundles none of it.
 */
export function createCallTransport(
  /** Checked by the caller (a client's option checks, the runner's per-call ones). */
  options: Omit<TransportOptions, "auth"> = {},
  authenticated?: (next: Step) => Step,
): CallTransport {
  const config = resolveConfig(options, "", authenticated);
  return {
    begin({ signal, timeout, retry, maxResponseBytes } = {}) {
      const callConfig =
        timeout === undefined && retry === undefined && maxResponseBytes === undefined
          ? config
          : resolveConfig(
              {
                ...options,
                timeout: timeout ?? options.timeout,
                retry: retry ?? options.retry,
                maxResponseBytes: maxResponseBytes ?? options.maxResponseBytes,
              },
              "options.",
              authenticated,
            );
      const call = openCall(signal, callConfig.timeout);
      return { signal: call.signal, end: call.end, fetch: (request, init) => run(request, init, callConfig, call) };
    },
  };
}

/**
 * A fetch-compatible function over `transport`, for the raw (openapi-fetch) path: each call is opened with the
 * Request's signal, and the answer has every body reader (blob, arrayBuffer, stream, clone) replayable.
 */
export function fetchOf(transport: CallTransport): FetchLike {
  return (request, init) => {
    const scope = transport.begin({ signal: request.signal });
    return scope.fetch(request, init).then(everyReader).finally(scope.end);
  };
}

interface TransportConfig {
  readonly timeout: number;
  readonly userAgent: string | undefined;
  readonly hooks: CallHooks | undefined;
  /** The retry step, over the auth step, over the send step. */
  readonly chain: Step;
}

function resolveConfig(
  options: Omit<TransportOptions, "auth">,
  prefix: string,
  authenticated: ((next: Step) => Step) | undefined,
): TransportConfig {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const fetch = options.fetch;
  const hooks = observer(options.hooks, options.logger);
  const policy: ResolvedRetryPolicy = resolveRetryPolicy(options.retry, `${prefix}retry`);
  const send = sendStep(
    // A caller's fetch is one hop, called exactly as the default base fetch is: no Request is made for it.
    fetch ? followRedirects(fetch) : defaultSend,
    options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    hooks,
  );
  return {
    timeout,
    userAgent: isBrowser() ? undefined : options.userAgent,
    hooks,
    chain: retryStep(policy, hooks, authenticated ? authenticated(send) : send),
  };
}

/** The bottom step: one hop under the call's signal, its whole body read within the limit. */
function sendStep(
  send: (request: Request, init?: RequestInit) => Promise<Response>,
  limit: number,
  hooks: CallHooks | undefined,
): Step {
  return async (exchange) => {
    const { call, request } = exchange;
    const requestId = sentId(exchange);
    hooks?.onRequest?.({ call: exchange.id, request, attempt: exchange.attempt, requestId });
    const started = Date.now();
    let response: Response;
    try {
      // Raced with the signal: a fetch that ignores its signal must not hold the call past its deadline.
      response = await call.race(send(exchange as unknown as Request, { body: exchange.body, signal: call.signal }));
    } catch (error) {
      if (call.signal.aborted || error instanceof OfferkitError) throw error;
      throw new SendFailure(undefined, { cause: error });
    }
    if (typeof response?.status !== "number" || typeof response.headers?.get !== "function") {
      throw new OfferkitError("The `fetch` option resolved to something that is not a Response.");
    }
    const read = await buffer(response, {
      request,
      sentRequestId: requestId,
      call,
      limit,
      aborted: () => call.outcome(request),
    });
    hooks?.onResponse?.({
      call: exchange.id,
      request,
      attempt: exchange.attempt,
      status: read.status,
      requestId: read.headers.get("x-request-id") ?? requestId,
      duration: Date.now() - started,
    });
    return read;
  };
}

/** Calls run by any transport of this process so far: numbers each call for the hooks. */
let calls = 0;

/**
 * The deadline step: runs one call down the chain under `call`'s signal. Whatever fails once that signal has
 * aborted becomes the call's `TimeoutError` or `AbortError`, with the request's details; every failure is reported
 * to the hooks once.
 */
async function run(
  request: Request,
  init: RequestInit | undefined,
  config: TransportConfig,
  call: Call,
): Promise<Response> {
  const summary = summarize(request);
  if (call.signal.aborted) throw call.outcome(summary);
  const { headers } = request;
  if (config.userAgent && !headers.has("user-agent")) headers.set("user-agent", config.userAgent);
  const started = Date.now();
  const exchange: Exchange = {
    url: request.url,
    method: request.method,
    headers,
    // The body comes as `init.body` (a scope's own requests) or is read from the Request once: every attempt and
    // every redirect hop sends the same one.
    body:
      (init?.body as Exchange["body"] | undefined) ??
      (request.body ? new Uint8Array(await request.arrayBuffer()) : null),
    redirect: request.redirect ?? "follow",
    request: summary,
    call,
    attempt: 1,
    id: ++calls,
  };
  try {
    const response = await config.chain(exchange);
    const answer = answerOf(response);
    if (answer) answer.attempts = exchange.attempt;
    return response;
  } catch (error) {
    const final = call.signal.aborted ? call.outcome(summary) : error;
    if (final instanceof OfferkitError) {
      config.hooks?.onError?.({
        call: exchange.id,
        request: summary,
        error: final,
        attempts: exchange.attempt,
        duration: Date.now() - started,
      });
    }
    throw final;
  }
}

/**
 * What `send` hands a call scope's `fetch`, with its body as `init.body`: the parts of a Request that the transport
 * reads, without making one (on Node, a Request that follows a signal costs about 5% of a loopback call).
 */
export function scopeRequest(url: string, method: string, headers: Headers): Request {
  // `url` is already in the form a Request would give it: its base URL was normalized when it was checked
  // (`checkBaseUrl`), and the runner appends an encoded path and query. Parsing it again cost about 8 µs per call.
  // No body (it comes as `init.body`) and no redirect mode (`run` follows by default), so neither is read from it.
  return { url, method, headers } as unknown as Request;
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
 * An absolute http(s) origin (a path prefix is allowed) without query, fragment or credentials, in the form a
 * Request gives it (host in lower case, no default port, IDN in punycode, its path resolved) and without trailing
 * slashes; anything else is a `ValidationError` naming `field`. Calls append their path and query to it as they are.
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
  return url.href.replace(/\/+$/, "");
}

/** Method and URL without the query string: enough to say which call failed, without echoing parameters. */
export function summarize(request: { readonly url: string; readonly method: string }): RequestSummary {
  const queryStart = request.url.indexOf("?");
  return { method: request.method, url: queryStart === -1 ? request.url : request.url.slice(0, queryStart) };
}
