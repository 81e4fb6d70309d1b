// What every waiter of the facade shares: its options checked before the first call, a status call polled with
// core's `poll` until the acceptor says done or failed, progress reported, and the request id of the last answer.
import {
  type Acceptor,
  type CallResult,
  type PollTiming,
  UnexpectedResponseError,
  unwrap,
  ValidationError,
} from "@offerkit/core";
import {
  checkedLater,
  checkOptions,
  isFunctionOption,
  isSignalOption,
  type OptionCheck,
  type PollOutcome,
  poll,
  requestIdOf,
} from "@offerkit/core/internal";

/** When a check was made and when the next one will be: part of every waiter's progress report. */
export interface CheckTiming {
  /** 1 for the first check. */
  readonly attempt: number;
  /** Milliseconds since waiting started. */
  readonly elapsed: number;
  /** Milliseconds until the next check, when there will be one. */
  readonly nextDelay: number | undefined;
}

/** Reported after every status check, by each waiter under its own names. */
export interface StatusCheck<Resource> extends CheckTiming {
  readonly result: Resource;
}

/** How a waiter waits (every duration in milliseconds), and what it reports after each check. */
export interface WaiterOptions<Progress> extends PollTiming {
  /** Called after every status check, e.g. to show progress. An exception it throws ends waiting. */
  readonly onProgress?: ((progress: Progress) => void) | undefined;
}

/** A waiter's config as the caller gave it: a client, the timing, a signal and a progress callback. */
export interface WaiterConfig<Client, Progress> extends WaiterOptions<Progress> {
  readonly client: Client;
}

/** What one waiter adds to the shared loop. */
export interface StatusWaiter<Client, Resource, Progress> {
  /** Checks `config.client` (present, with the status call the waiter needs); throws `ValidationError`. */
  readonly checkClient: OptionCheck;
  readonly defaults: { readonly minDelay: number; readonly maxDelay: number; readonly maxWaitTime: number };
  /** One status call with the config's client. */
  readonly call: (client: Client, signal: AbortSignal | undefined) => Promise<CallResult<Resource>>;
  /** Whether an answer is one the acceptor can judge (it has a status at all); else `UnexpectedResponseError`. */
  readonly hasStatus: (resource: Resource) => boolean;
  /** What an answer without a status is, for the error: `"a workload without ode:status"`. */
  readonly missingStatus: string;
  readonly acceptor: Acceptor<Resource>;
  /** One check as the caller's `onProgress` gets it, under the waiter's own names. */
  readonly progress: (check: StatusCheck<Resource>) => Progress;
}

/** How waiting ended when it did not throw, and the request id of the answer that ended it (for support). */
export interface StatusOutcome<Resource> extends PollOutcome<Resource> {
  readonly requestId: string | undefined;
}

/**
 * Polls `waiter.call` until its acceptor says `success` or `failure`. The config's keys and values are checked
 * before the first call (the delays by the poller, which knows their bounds). A failed status call ends waiting
 * with its own error: the client has already retried what retrying can fix.
 */
export async function waitForStatus<Client, Resource, Progress>(
  config: WaiterConfig<Client, Progress>,
  waiter: StatusWaiter<Client, Resource, Progress>,
): Promise<StatusOutcome<Resource>> {
  checkOptions(config, "config", {
    // Checked below, where a missing client is caught too.
    client: checkedLater,
    minDelay: checkedLater,
    maxDelay: checkedLater,
    maxWaitTime: checkedLater,
    signal: isSignalOption,
    onProgress: isFunctionOption,
  });
  // `undefined` is what checkOptions lets through; the client is required.
  waiter.checkClient(config?.client, "config.client");
  const { client, onProgress, minDelay, maxDelay, maxWaitTime, signal } = config;
  let requestId: string | undefined;
  const outcome = await poll<Resource>({
    minDelay,
    maxDelay,
    maxWaitTime,
    signal,
    defaults: waiter.defaults,
    check: async ({ signal }) => {
      const result = await waiter.call(client, signal);
      const resource = await unwrap(result);
      requestId = requestIdOf(result.response, resource);
      if (resource === null || typeof resource !== "object" || !waiter.hasStatus(resource)) {
        throw new UnexpectedResponseError({
          status: result.response.status,
          requestId,
          contentType: result.response.headers.get("content-type") ?? undefined,
          bodyStart: JSON.stringify(resource ?? null).slice(0, 200),
          reason: waiter.missingStatus,
        });
      }
      return resource;
    },
    acceptor: waiter.acceptor,
    onProgress:
      onProgress &&
      (({ result, attempt, elapsed, nextDelay }) =>
        onProgress(waiter.progress({ result, attempt, elapsed, nextDelay }))),
  });
  return { ...outcome, requestId };
}

/** A check that `client` has the status call `method`. */
export function clientWith(method: string, what: string): OptionCheck {
  return (client, field) => {
    const call =
      client !== null && typeof client === "object" ? (client as Record<string, unknown>)[method] : undefined;
    if (typeof call !== "function") throw new ValidationError(field, what);
  };
}

/**
 * One line of what a server said about a failure (its detail's `errorMessage`, `message`, `detail`, `reason` or
 * `error`, else the detail as JSON), at most 300 characters; "" when it said nothing.
 */
export function describeDetail(detail: Readonly<Record<string, unknown>> | undefined): string {
  if (!detail) return "";
  for (const key of ["errorMessage", "message", "detail", "reason", "error"]) {
    const value = detail[key];
    if (typeof value === "string" && value) return value.slice(0, 300);
  }
  return JSON.stringify(detail).slice(0, 300);
}
