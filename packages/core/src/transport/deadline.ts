// The deadline step's call: one AbortSignal per call that the caller's signal and the timeout both abort, which every
// other step waits and reads under (with timing/timers.ts) so that nothing outlives it.
import { AbortError, type RequestSummary, TimeoutError } from "../errors/errors.js";

/** One call's governing signal and deadline. */
export interface Call {
  /** Aborts when the caller's signal does or the deadline passes; governs every send, wait and body read. */
  readonly signal: AbortSignal;
  /** When the call must have settled, in epoch ms (far in the future without a timeout). */
  readonly deadline: number;
  /**
   * `promise`, or a rejection with the signal's reason as soon as the call ends early: what a step awaits from code
   * that may ignore the signal (a caller's fetch, a body stream). The call settles it directly, with no listener.
   */
  race<T>(promise: Promise<T>): Promise<T>;
  /** Runs `listener` when the call aborts (now, if it has): cheaper than a listener on the signal, never removed. */
  onAbort(listener: () => void): void;
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
  const { signal } = controller;
  let timedOut = false;
  // Told directly when the call aborts: cheaper than listeners on the signal, and never removed (the list goes with
  // the call).
  const listeners: (() => void)[] = [];
  const onAbort = (listener: () => void) => {
    if (signal.aborted) listener();
    else listeners.push(listener);
  };
  const abort = (reason: unknown) => {
    controller.abort(reason);
    for (const listener of listeners) listener();
  };
  const onCallerAbort = () => abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const timer =
    timeout > 0
      ? setTimeout(() => {
          timedOut = true;
          abort(new TimeoutError(timeout));
        }, timeout)
      : undefined;
  return {
    signal,
    race: (promise) =>
      new Promise((resolve, reject) => {
        onAbort(() => reject(signal.reason));
        promise.then(resolve, reject);
      }),
    onAbort,
    // Without a timeout, a deadline no wait reaches (a timer holds at most 2^31 - 1 ms).
    deadline: Date.now() + (timeout || 2 ** 53),
    outcome: (request) =>
      timedOut ? new TimeoutError(timeout, request) : new AbortError(request, { cause: callerSignal?.reason }),
    end() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}
