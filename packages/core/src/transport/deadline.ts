// The deadline step's pieces: one AbortSignal per call that the caller's signal and the timeout both abort, and
// the waits and races that every other step uses so that nothing outlives it.
import { AbortError, type RequestSummary, TimeoutError } from "../errors/errors.js";

/** One call's governing signal and deadline. */
export interface Call {
  /** Aborts when the caller's signal does or the deadline passes; governs every send, wait and body read. */
  readonly signal: AbortSignal;
  /** When the call must have settled, in epoch ms (Infinity without a timeout). */
  readonly deadline: number;
  /** The error the caller gets once `signal` has aborted: a `TimeoutError` or an `AbortError`. */
  outcome(request: RequestSummary): Error;
  /** Clears the timer and the listener on the caller's signal. */
  end(): void;
}

/**
 * Opens one call. Its controller is referenced by the returned object (and so by every step running the call), not
 * only through an event listener that a runtime may hold weakly: the deadline reaches the socket for as long as the
 * call runs. `end()` clears the timer, so a settled call leaves nothing behind that keeps a process alive.
 */
export function openCall(callerSignal: AbortSignal | undefined, timeout: number): Call {
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
    deadline: timeout > 0 ? Date.now() + timeout : Number.POSITIVE_INFINITY,
    outcome: (request) =>
      timedOut ? new TimeoutError(timeout, request) : new AbortError(request, { cause: callerSignal?.reason }),
    end() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
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

/** Resolves true after `ms`, or false as soon as `signal` aborts (and the timer is cleared). */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
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
