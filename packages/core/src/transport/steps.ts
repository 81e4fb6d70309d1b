// The retry and auth steps of the transport, and the exchange every step passes down: one call's request as plain
// data, the call that governs it, and its attempt count. Each step is `(exchange) => Promise<Response>` over the next.
import { NetworkError, type RequestSummary, redact, UnexpectedResponseError } from "../errors/errors.js";
import { sleep } from "../timing/timers.js";
import type { Call } from "./deadline.js";
import type { CallHooks } from "./observe.js";
import { keepSecret } from "./read.js";
import type { HopInit } from "./redirect.js";
import {
  backoffDelay,
  isRetryableStatus,
  mayRetryRequest,
  parseRetryAfter,
  type ResolvedRetryPolicy,
} from "./retry-policy.js";

/** Adds credentials to each attempt of a request; the transport calls it below retries. */
export interface RequestAuthenticator {
  /** Sets the credential headers on one attempt and resolves with the token it used. */
  authorize(headers: Headers, signal: AbortSignal): Promise<string>;
  /** An attempt sent with `token` was answered 401: true when sending it again with a new token may succeed. */
  unauthorized(token: string): boolean;
  /** Whether `unauthorized` can ever return true; when not, the transport keeps no copy of the body for a resend. */
  readonly refreshable: boolean;
}

/** One call as the steps see it. */
export interface Exchange {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  // Spelled through HopInit, which consumers' compilers read too (no DOM types, no typed-array generic).
  readonly body: HopInit["body"];
  readonly redirect: HopInit["redirect"];
  /** Method and URL without query: what errors and hooks show. */
  readonly request: RequestSummary;
  readonly call: Call;
  /** The attempt under way, 1 for the first; the retry step counts. */
  attempt: number;
  /** The call's number in this process, for the hooks' events. */
  readonly id: number;
}

export type Step = (exchange: Exchange) => Promise<Response>;

/** The base fetch failed (refused, reset, DNS, TLS): what the retry step may try again, as a `NetworkError` at last. */
export class SendFailure extends Error {}

/**
 * Sends again after a network failure or a retryable status (408, 429, 5xx but 501/505) while the policy allows,
 * the request may be repeated (idempotent, or opted in) and the wait fits before the deadline. A server's
 * `Retry-After` sets the wait (beyond `maxRetryAfter` the answer is returned as it is); else jittered backoff.
 */
export function retryStep(policy: ResolvedRetryPolicy, hooks: CallHooks | undefined, next: Step): Step {
  return async (exchange) => {
    const { call } = exchange;
    const retryable = mayRetryRequest(exchange.method, exchange.headers, policy);
    for (;;) {
      const hasNextAttempt = retryable && exchange.attempt < policy.attempts;
      let response: Response;
      try {
        response = await next(exchange);
      } catch (error) {
        // Only a failed connection is worth another try; a bad body, an IMS failure or the deadline is final.
        if (!(error instanceof SendFailure) || call.signal.aborted) throw error;
        const delay = backoffDelay(exchange.attempt, policy, Math.random);
        if (hasNextAttempt && (await wait(exchange, delay, "network", hooks))) continue;
        throw new NetworkError(exchange.request, exchange.attempt, { cause: error.cause });
      }
      if (hasNextAttempt && isRetryableStatus(response.status)) {
        const retryAfter = parseRetryAfter(response.headers.get("retry-after"), Date.now());
        const delay =
          retryAfter === undefined
            ? backoffDelay(exchange.attempt, policy, Math.random)
            : retryAfter <= policy.maxRetryAfter
              ? retryAfter
              : undefined;
        if (delay !== undefined && (await wait(exchange, delay, response.status, hooks))) continue;
      }
      return response;
    }
  };
}

/** Waits `delay` before the next attempt when it fits before the deadline; false when it does not fit. */
async function wait(
  exchange: Exchange,
  delay: number,
  reason: number | "network",
  hooks: CallHooks | undefined,
): Promise<boolean> {
  const { call } = exchange;
  if (Date.now() + delay >= call.deadline) return false;
  hooks?.onRetry?.({
    call: exchange.id,
    request: exchange.request,
    attempt: exchange.attempt,
    requestId: sentId(exchange),
    reason,
    delay,
  });
  // The call ended during the wait: the deadline step turns the signal's reason into the call's error.
  if (!(await sleep(delay, call.signal))) throw call.signal.reason;
  exchange.attempt++;
  return true;
}

/**
 * Sets the credentials on every attempt, so a retry carries a current token. An attempt answered 401 is sent once
 * more with a fresh token when the authenticator says that can help; that resend is not a retry.
 */
export function authStep(auth: RequestAuthenticator, next: Step): Step {
  return async (exchange) => {
    const { headers, call } = exchange;
    const token = await auth.authorize(headers, call.signal);
    const response = await answerWithout(token, next(exchange));
    if (response.status !== 401 || !auth.refreshable || !auth.unauthorized(token)) return response;
    return answerWithout(await auth.authorize(headers, call.signal), next(exchange));
  };
}

/**
 * The answer to a request that carried `token`, remembered as such so that an `ApiError` built from it leaves the
 * token out, and a body error without it: a server may echo the request, headers included.
 */
async function answerWithout(token: string, answer: Promise<Response>): Promise<Response> {
  try {
    const response = await answer;
    keepSecret(response, token);
    return response;
  } catch (error) {
    if (error instanceof UnexpectedResponseError) {
      Object.defineProperty(error, "bodyStart", { value: redact(error.bodyStart, [token]) });
      error.message = redact(error.message, [token]);
      if (error.stack) error.stack = redact(error.stack, [token]);
    }
    throw error;
  }
}

export function sentId(exchange: Exchange): string | undefined {
  return exchange.headers.get("x-request-id") ?? undefined;
}
