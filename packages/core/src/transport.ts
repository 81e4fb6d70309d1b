import {
  AbortError,
  NetworkError,
  OfferkitError,
  type RequestSummary,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from "./errors.js";
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

export interface TransportOptions {
  /**
   * The fetch to send with. Default: `globalThis.fetch`, looked up on every call so that test doubles
   * installed later still apply.
   */
  readonly fetch?: FetchLike | undefined;
  /** Milliseconds one call may take in all, retries and waits included; `0` for no limit. Default 10000. */
  readonly timeout?: number | undefined;
  /** Retry policy, or `false` for a single attempt. */
  readonly retry?: RetryOptions | false | undefined;
  /** Sent as `User-Agent` outside browsers (browsers own that header). */
  readonly userAgent?: string | undefined;
}

/** A fetch-compatible function with offerkit's timeout, abort, retry and response checks built in. */
export interface Transport extends FetchLike {
  /** The same transport with some options replaced, for one call. */
  with(overrides: Pick<TransportOptions, "timeout" | "retry">): Transport;
}

export const DEFAULT_TIMEOUT = 10_000;

/** How much of an unreadable body an error keeps. */
const BODY_START_LENGTH = 500;

/** Which request each buffered response answered, so an `ApiError` built later from the response can say. */
const answeredRequests = new WeakMap<Response, RequestSummary>();

export function requestSummaryOf(response: Response): RequestSummary | undefined {
  return answeredRequests.get(response);
}

const isBrowser = typeof (globalThis as { document?: unknown }).document !== "undefined";

export function createTransport(options: TransportOptions = {}): Transport {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (!(Number.isFinite(timeout) && timeout >= 0)) {
    throw new ValidationError("timeout", "a number of milliseconds, 0 or more");
  }
  const policy = resolveRetryPolicy(options.retry);
  const userAgent = isBrowser ? undefined : options.userAgent;

  const transport = ((request: Request, init?: RequestInit) =>
    send(request, init, { fetch: options.fetch, timeout, policy, userAgent })) as Transport;
  transport.with = (overrides) => createTransport({ ...options, ...overrides });
  return transport;
}

interface SendConfig {
  readonly fetch: FetchLike | undefined;
  readonly timeout: number;
  readonly policy: ResolvedRetryPolicy;
  readonly userAgent: string | undefined;
}

async function send(request: Request, init: RequestInit | undefined, config: SendConfig): Promise<Response> {
  const summary = summarize(request);
  const callerSignal = request.signal;
  if (callerSignal.aborted) throw new AbortError(summary, { cause: callerSignal.reason });
  if (config.userAgent && !request.headers.has("user-agent")) request.headers.set("user-agent", config.userAgent);

  // One controller for the whole call: the caller's signal and our deadline both end up aborting it, so the
  // socket, the body read and any backoff wait stop together and nothing runs on after the caller has its error.
  const controller = new AbortController();
  const deadline = config.timeout > 0 ? Date.now() + config.timeout : Number.POSITIVE_INFINITY;
  let timedOut = false;
  const onCallerAbort = () => controller.abort(callerSignal.reason);
  callerSignal.addEventListener("abort", onCallerAbort, { once: true });
  const timer =
    config.timeout > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new TimeoutError(config.timeout, summary));
        }, config.timeout)
      : undefined;
  const abortOutcome = () =>
    timedOut ? new TimeoutError(config.timeout, summary) : new AbortError(summary, { cause: callerSignal.reason });

  const fetchImpl = config.fetch ?? globalThis.fetch;
  const retryable = mayRetryRequest(request, config.policy);
  try {
    for (let attempt = 1; ; attempt++) {
      const hasNextAttempt = retryable && attempt < config.policy.attempts;
      // A body can be sent once, so every attempt but the last one sends a copy.
      const attemptRequest = new Request(hasNextAttempt ? request.clone() : request, { signal: controller.signal });
      let response: Response;
      try {
        response = await fetchImpl(attemptRequest, init);
        if (typeof response?.status !== "number" || typeof response.headers?.get !== "function") {
          throw new OfferkitError("The `fetch` option resolved to something that is not a Response.");
        }
      } catch (error) {
        if (error instanceof OfferkitError) throw error;
        if (controller.signal.aborted) throw abortOutcome();
        const delay = backoffDelay(attempt, config.policy, Math.random);
        if (hasNextAttempt && Date.now() + delay < deadline && (await sleep(delay, controller.signal))) continue;
        if (controller.signal.aborted) throw abortOutcome();
        throw new NetworkError(summary, attempt, { cause: error });
      }
      if (hasNextAttempt && isRetryableStatus(response.status)) {
        const delay = retryDelay(response, attempt, config.policy);
        if (delay !== undefined && Date.now() + delay < deadline) {
          await discard(response);
          if (await sleep(delay, controller.signal)) continue;
          throw abortOutcome();
        }
      }
      return await buffer(response, summary, controller.signal, abortOutcome);
    }
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener("abort", onCallerAbort);
  }
}

function retryDelay(response: Response, attempt: number, policy: ResolvedRetryPolicy): number | undefined {
  const retryAfter = parseRetryAfter(response.headers.get("retry-after"), Date.now());
  if (retryAfter === undefined) return backoffDelay(attempt, policy, Math.random);
  return retryAfter <= policy.maxRetryAfter ? retryAfter : undefined;
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
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
 * The returned Response hands the already-parsed JSON to openapi-fetch instead of parsing it twice.
 */
async function buffer(
  response: Response,
  request: RequestSummary,
  signal: AbortSignal,
  abortOutcome: () => Error,
): Promise<Response> {
  const requestId = response.headers.get("x-request-id") ?? undefined;
  const contentType = response.headers.get("content-type") ?? undefined;
  let text: string;
  try {
    text = await readText(response);
  } catch (error) {
    if (signal.aborted) throw abortOutcome();
    const partial = error instanceof PartialBodyError ? error.partial : "";
    throw new UnexpectedResponseError(
      { status: response.status, requestId, contentType, bodyStart: partial, request, reason: "a body cut short" },
      { cause: error instanceof PartialBodyError ? error.cause : error },
    );
  }

  const headers = new Headers(response.headers);
  // The body is decoded text now; stale length/encoding headers would mislead anyone reading them.
  headers.delete("content-encoding");
  headers.set("content-length", String(new TextEncoder().encode(text).byteLength));
  const init = { status: response.status, statusText: response.statusText, headers };
  const hasBody = text.length > 0 && response.status !== 204 && response.status !== 205 && response.status !== 304;
  const copy = new Response(hasBody ? text : null, init);
  Object.defineProperty(copy, "url", { value: response.url });
  answeredRequests.set(copy, request);

  if (!hasBody || !response.ok) return copy;
  if (contentType && !isJsonMediaType(contentType)) {
    throw new UnexpectedResponseError({
      status: response.status,
      requestId,
      contentType,
      bodyStart: text.slice(0, BODY_START_LENGTH),
      request,
      reason: `a ${contentType.split(";")[0]} body where JSON was expected`,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UnexpectedResponseError(
      {
        status: response.status,
        requestId,
        contentType,
        bodyStart: text.slice(0, BODY_START_LENGTH),
        request,
        reason: "a body that is not valid JSON",
      },
      { cause: error },
    );
  }
  Object.defineProperty(copy, "json", { value: () => Promise.resolve(parsed) });
  return copy;
}

class PartialBodyError extends Error {
  constructor(
    readonly partial: string,
    options: { cause: unknown },
  ) {
    super("body read failed", options);
  }
}

async function readText(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    throw new PartialBodyError(text.slice(0, BODY_START_LENGTH), { cause: error });
  }
}

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

/** Method and URL without the query string: enough to say which call failed, without echoing parameters. */
export function summarize(request: Request): RequestSummary {
  const queryStart = request.url.indexOf("?");
  return { method: request.method, url: queryStart === -1 ? request.url : request.url.slice(0, queryStart) };
}
