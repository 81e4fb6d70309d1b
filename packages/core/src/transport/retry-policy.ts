// The retry policy: which calls and statuses are retried, how long to wait, and what `Retry-After` means.
import { checkOptions, isBooleanOption, MAX_TIMER_MS, millis, wholeNumber } from "../checks/options.js";
import { ValidationError } from "../errors/errors.js";
import { backoffCeiling } from "../timing/timers.js";

/** When and how long to wait before trying a request again. */
export interface RetryOptions {
  /** Total attempts, the first one included. `1` turns retries off. Default 3. */
  readonly attempts?: number;
  /** Base delay of the exponential backoff, in ms. Default 200. */
  readonly minDelay?: number;
  /** Upper bound of one backoff delay, in ms. Default 5000. */
  readonly maxDelay?: number;
  /**
   * A server's `Retry-After` longer than this (ms) is not waited for: the response is returned as it is.
   * Default 60000.
   */
  readonly maxRetryAfter?: number;
  /**
   * Retry POST and PATCH too (exactly `true`). Off by default because they may not be idempotent: a retried Target
   * `execute` call counts impressions twice. Requests with an `Idempotency-Key` header are retried either way.
   */
  readonly retryNonIdempotent?: boolean;
}

export interface ResolvedRetryPolicy {
  readonly attempts: number;
  readonly minDelay: number;
  readonly maxDelay: number;
  readonly maxRetryAfter: number;
  readonly retryNonIdempotent: boolean;
}

/** The retry policy a client uses when given no `retry` option: 3 attempts, backoff from 200 ms to 5 s, idempotent calls only. */
export const DEFAULT_RETRY: ResolvedRetryPolicy = {
  attempts: 3,
  minDelay: 200,
  maxDelay: 5_000,
  maxRetryAfter: 60_000,
  retryNonIdempotent: false,
};

const RETRY_OPTIONS = {
  attempts: /* @__PURE__ */ wholeNumber(1, 100),
  minDelay: /* @__PURE__ */ millis(0),
  maxDelay: /* @__PURE__ */ millis(0),
  maxRetryAfter: /* @__PURE__ */ millis(0),
  retryNonIdempotent: isBooleanOption,
};

/** The policy of a `retry` option, checked: `false`, or an object of known keys with values in range. */
export function resolveRetryPolicy(options: RetryOptions | false | undefined, field = "retry"): ResolvedRetryPolicy {
  if (options === false) return { ...DEFAULT_RETRY, attempts: 1 };
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw new ValidationError(field, "false, or an object such as { attempts: 3 }");
  }
  checkOptions(options, field, RETRY_OPTIONS);
  const policy = { ...DEFAULT_RETRY };
  for (const [key, value] of Object.entries(options ?? {}))
    if (value !== undefined) Object.assign(policy, { [key]: value });
  return policy;
}

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

export function mayRetryRequest(method: string, headers: Headers, policy: ResolvedRetryPolicy): boolean {
  if (policy.attempts < 2) return false;
  return policy.retryNonIdempotent || IDEMPOTENT_METHODS.has(method) || headers.has("idempotency-key");
}

/**
 * 408, 429 and 5xx are worth another try. 501 and 505 say the server will never do it, and every other 4xx
 * (400, 401, 403, 404, 409, 422, ...) means the request itself must change.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/**
 * The delay before attempt `retryNumber + 1` (retryNumber starts at 1): exponential, capped, with equal jitter
 * so that a burst of clients spreads out but no delay collapses to zero.
 */
export function backoffDelay(retryNumber: number, policy: ResolvedRetryPolicy, random: () => number): number {
  const ceiling = backoffCeiling(retryNumber - 1, policy.minDelay, policy.maxDelay);
  return ceiling / 2 + random() * (ceiling / 2);
}

/** Every HTTP date form (IMF-fixdate, RFC 850, asctime) opens with a day name and holds a time of day. */
const HTTP_DATE = /^[A-Z][a-z]{2}[a-z]*,? .*\d\d:\d\d:\d\d/;

/**
 * `Retry-After` as a delay in ms: delta-seconds (digits only) or an HTTP date. Anything else (`-5`, `1.5`, a bare
 * year) is unreadable and returns undefined, so the caller falls back to its own backoff instead of retrying at
 * once. The result is capped at what a timer can hold.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_TIMER_MS);
  if (!HTTP_DATE.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), MAX_TIMER_MS);
}
