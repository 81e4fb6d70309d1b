// The polling engine of the facade's waiters: checks until done or failed, with jittered backoff and a deadline.
import { MAX_TIMER_MS } from "../checks/options.js";
import { type AbortError, TimeoutError, ValidationError } from "../errors/errors.js";
import { backoffCeiling, callerAbort, sleep } from "../timing/timers.js";

/** What one observed result means: done, failed for good, or not there yet. */
export type PollState = "success" | "failure" | "retry";

/** Decides from one observed result whether to stop. Pure: no I/O, no clock. */
export type Acceptor<Result> = (result: Result) => PollState;

/** How long to wait between checks and in all. Every duration is in milliseconds. */
export interface PollTiming {
  /** The shortest wait between two checks; waits grow from it exponentially. */
  readonly minDelay?: number | undefined;
  /** The longest wait between two checks. */
  readonly maxDelay?: number | undefined;
  /**
   * How long to keep checking in all. When the next check would fall after this deadline, polling throws
   * `TimeoutError` at once instead of sending it. A check already under way is bounded by the client's `timeout`.
   */
  readonly maxWaitTime?: number | undefined;
  /** Stops waiting: a pending wait ends at once and polling throws `AbortError`. */
  readonly signal?: AbortSignal | undefined;
}

/** Reported after every check. */
export interface PollProgress<Result> {
  /** 1 for the first check. */
  readonly attempt: number;
  readonly result: Result;
  readonly state: PollState;
  /** Milliseconds since polling started. */
  readonly elapsed: number;
  /** How long until the next check, when there will be one. */
  readonly nextDelay: number | undefined;
}

export interface PollOptions<Result> extends PollTiming {
  /** Makes one check, e.g. one status call. Errors it throws end polling (the transport already retried them). */
  readonly check: (options: { readonly signal: AbortSignal | undefined; readonly attempt: number }) => Promise<Result>;
  readonly acceptor: Acceptor<Result>;
  /** Called after every check with what was observed. An exception it throws ends polling. */
  readonly onProgress?: ((progress: PollProgress<Result>) => void) | undefined;
  /** Fills in what the caller left out (each waiter documents its own). */
  readonly defaults: { readonly minDelay: number; readonly maxDelay: number; readonly maxWaitTime: number };
}

/** How polling ended when it did not throw. */
export interface PollOutcome<Result> {
  readonly state: "success" | "failure";
  readonly result: Result;
  readonly attempts: number;
}

/**
 * Checks until the acceptor says `success` or `failure`, waiting between checks with jittered exponential
 * backoff: the n-th wait is drawn uniformly between `minDelay` and `min(maxDelay, minDelay * 2^n)`, so many
 * waiters started together spread out instead of polling in step.
 */
export async function poll<Result>(options: PollOptions<Result>): Promise<PollOutcome<Result>> {
  const timing = checkTiming(options);
  const { check, acceptor, onProgress, signal } = options;
  const started = Date.now();
  const deadline = started + timing.maxWaitTime;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortError(signal);
    const result = await check({ signal, attempt });
    const state = acceptor(result);
    const delay = state === "retry" ? backoff(attempt, timing.minDelay, timing.maxDelay) : undefined;
    onProgress?.({ attempt, result, state, elapsed: Date.now() - started, nextDelay: delay });
    if (state !== "retry") return { state, result, attempts: attempt };
    if (delay === undefined || Date.now() + delay > deadline) {
      const error = new TimeoutError(timing.maxWaitTime);
      error.message = `Stopped waiting after ${attempt} checks: the next would come after maxWaitTime (${timing.maxWaitTime} ms). Raise maxWaitTime, or check again later.`;
      throw error;
    }
    if (!(await sleep(delay, signal))) throw abortError(signal);
  }
}

/** The wait after the `attempt`-th check: anywhere from `minDelay` up to the backoff ceiling. */
function backoff(attempt: number, minDelay: number, maxDelay: number): number {
  return Math.round(minDelay + Math.random() * (backoffCeiling(attempt, minDelay, maxDelay) - minDelay));
}

function abortError(signal: AbortSignal | undefined): AbortError {
  const error = callerAbort(signal);
  error.message = "Waiting was aborted by the caller.";
  return error;
}

function checkTiming<Result>(options: PollOptions<Result>) {
  const minDelay = options.minDelay ?? options.defaults.minDelay;
  const maxDelay = options.maxDelay ?? Math.max(options.defaults.maxDelay, minDelay);
  const maxWaitTime = options.maxWaitTime ?? options.defaults.maxWaitTime;
  // Waits are timers, and a timer past 2^31-1 ms fires at once.
  if (!(typeof minDelay === "number" && minDelay > 0 && minDelay <= MAX_TIMER_MS)) {
    throw new ValidationError("minDelay", `a number of milliseconds greater than 0, at most ${MAX_TIMER_MS}`);
  }
  if (!(typeof maxDelay === "number" && maxDelay >= minDelay && maxDelay <= MAX_TIMER_MS)) {
    throw new ValidationError("maxDelay", `a number of milliseconds from minDelay (${minDelay}) to ${MAX_TIMER_MS}`);
  }
  if (!(typeof maxWaitTime === "number" && maxWaitTime > 0)) {
    throw new ValidationError("maxWaitTime", "a number of milliseconds greater than 0 (Infinity to wait forever)");
  }
  if (typeof options.check !== "function" || typeof options.acceptor !== "function") {
    throw new ValidationError("options", "an object with check and acceptor functions");
  }
  return { minDelay, maxDelay, maxWaitTime };
}
