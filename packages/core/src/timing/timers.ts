// Waiting without outliving a signal, shared by the transport (retry waits, body reads), IMS, polling and paging:
// an abortable sleep, a race with a signal, the exponential backoff ceiling, and the caller's abort as a typed error.
import { AbortError } from "../errors/errors.js";

/** Resolves true after `ms`, or false as soon as `signal` aborts (and the timer is cleared). */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** `promise`, or a rejection with the signal's reason as soon as `signal` aborts. */
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

/**
 * The longest wait of the `exponent`-th backoff step: `minDelay * 2^exponent`, capped at `maxDelay`. Retries and
 * polling each draw their jittered wait below it.
 */
export function backoffCeiling(exponent: number, minDelay: number, maxDelay: number): number {
  // 2^30 times any delay is past every cap; a larger exponent would only risk Infinity.
  return Math.min(maxDelay, minDelay * 2 ** Math.min(exponent, 30));
}

/** The `AbortError` of waiting that the caller's `signal` ended; `cause` is the signal's reason. */
export function callerAbort(signal: AbortSignal | undefined, cause?: unknown): AbortError {
  return new AbortError(undefined, { cause: signal?.reason ?? cause });
}
