// The call lifecycle as events, for a client's `hooks` and `logger`: what was sent, what came back, which retry
// was scheduled and how a call failed. Events carry summaries only (method, URL without query, status, request id,
// attempt, duration), never headers or bodies, so no token, key or secret can reach a hook or a log line.

import { methods, type OptionCheck } from "../checks/options.js";
import type { OfferkitError, RequestSummary } from "../errors/errors.js";

/** An attempt is about to be sent. */
export interface RequestEvent {
  /** Numbers the calls of this process: every event of one call has the same, so a span can be keyed by it. */
  readonly call: number;
  /** Method and URL, without the query string. */
  readonly request: RequestSummary;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** The `x-request-id` sent, when the request has one. */
  readonly requestId: string | undefined;
}

/** An attempt was answered and its whole body read. */
export interface ResponseEvent extends RequestEvent {
  readonly status: number;
  /** The id the server gave the answer (`x-request-id`), else the one sent. */
  readonly requestId: string | undefined;
  /** Milliseconds from sending this attempt to its whole body being read. */
  readonly duration: number;
}

/** Another attempt is scheduled after this one. */
export interface RetryEvent extends RequestEvent {
  /** Why: the status that is worth another try, or `"network"` for a failed connection. */
  readonly reason: number | "network";
  /** Milliseconds until the next attempt. */
  readonly delay: number;
}

/** A call failed without a usable answer (timeout, abort, network, bad body, IMS): reported once per call. */
export interface ErrorEvent {
  /** The call's number, as in its other events. */
  readonly call: number;
  readonly request: RequestSummary;
  readonly error: OfferkitError;
  /** Attempts made, the first one included. */
  readonly attempts: number;
  /** Milliseconds from the start of the call. */
  readonly duration: number;
}

/**
 * Called at each step of every call; each is optional. Use them to log, count or trace calls (a span per call from
 * `onRequest` to `onResponse`/`onError`). A hook that throws is ignored: it never breaks a call.
 */
export interface CallHooks {
  /** Before each attempt is sent. */
  onRequest?(event: RequestEvent): void;
  /** After each attempt's answer has been read. */
  onResponse?(event: ResponseEvent): void;
  /** When a retry is scheduled, before its wait. */
  onRetry?(event: RetryEvent): void;
  /** When a call fails for good; an answer with an error status is a response, not an error. */
  onError?(event: ErrorEvent): void;
}

/** Where a client logs: `console` fits. Requests and responses go to `debug`, retries to `warn`, failures to `error`. */
export interface Logger {
  /** Each attempt sent and answered. */
  debug?(...messages: unknown[]): void;
  /** Each retry scheduled. */
  warn?(...messages: unknown[]): void;
  /** Each call that failed. */
  error?(...messages: unknown[]): void;
}

export const HOOK_NAMES = ["onRequest", "onResponse", "onRetry", "onError"] as const;
/** Checks a `hooks` option: an object of the four hook functions, nothing else. */
export const checkHooks: OptionCheck = /* @__PURE__ */ methods(HOOK_NAMES, true);
/** Checks a `logger` option: an object whose `debug`, `warn` and `error`, where present, are functions. */
export const checkLogger: OptionCheck = /* @__PURE__ */ methods(["debug", "warn", "error"], false);

/** The hooks and logger of one client as one set of hooks; undefined when there are none (no cost per call). */
export function observer(hooks: CallHooks | undefined, logger: Logger | undefined): CallHooks | undefined {
  if (!hooks && !logger) return undefined;
  const attemptLine = (event: RequestEvent) =>
    `offerkit: ${event.request.method} ${event.request.url} (attempt ${event.attempt}${event.requestId ? `, request id ${event.requestId}` : ""})`;
  return {
    onRequest(event) {
      safely(() => hooks?.onRequest?.(event));
      safely(() => logger?.debug?.(`${attemptLine(event)} sent`));
    },
    onResponse(event) {
      safely(() => hooks?.onResponse?.(event));
      safely(() => logger?.debug?.(`${attemptLine(event)} answered ${event.status} in ${event.duration} ms`));
    },
    onRetry(event) {
      safely(() => hooks?.onRetry?.(event));
      const what = event.reason === "network" ? "failed" : `answered ${event.reason}`;
      safely(() => logger?.warn?.(`${attemptLine(event)} ${what}; retrying in ${Math.round(event.delay)} ms`));
    },
    onError(event) {
      safely(() => hooks?.onError?.(event));
      safely(() => logger?.error?.(`offerkit: ${event.error.message}`));
    },
  };
}

function safely(run: () => void): void {
  try {
    run();
  } catch {
    // A hook or logger that throws must not change the call's outcome.
  }
}
