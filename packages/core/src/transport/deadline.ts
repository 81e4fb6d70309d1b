// The deadline step's call: one AbortSignal per call that the caller's signal and the timeout both abort, which every
// other step waits and reads under (with timing/timers.ts) so that nothing outlives it.
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
