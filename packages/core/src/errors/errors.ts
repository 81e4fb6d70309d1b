// Every error offerkit throws, and `redact`, which takes secrets out of anything a server sends back.
/**
 * Every error offerkit throws extends `OfferkitError`, so callers can tell ours from everything else with one
 * `instanceof`, and each subclass carries what is needed to act on it. Messages never contain secrets: callers
 * pass field paths, header names and server bodies, never header values or tokens.
 */
export class OfferkitError extends Error {
  override name = "OfferkitError";
}

/** Where a failed request went, kept on every error that comes from a call. Query strings are left out. */
export interface RequestSummary {
  readonly method: string;
  /** Origin and path, without the query string. */
  readonly url: string;
}

/** Input was refused before any network call. `field` is a dotted path such as `body.context.channel`. */
export class ValidationError extends OfferkitError {
  override name = "ValidationError";
  declare readonly field: string;
  /** What the field would have to be, in words (`"one of web, mobile"`, `"at most 128 characters"`). */
  declare readonly allowed: string;

  constructor(field: string, allowed: string, options?: { cause?: unknown }) {
    super(`Invalid ${field}: must be ${allowed}.`, options);
    this.field = field;
    this.allowed = allowed;
  }
}

/** Details the server sent with a failed call: Platform APIs use RFC 7807 problem details, Target `{status, message}`. */
export type ProblemBody = Readonly<Record<string, unknown>> | string | undefined;

/** What an `ApiError` is built from: the answer's status, request id, server body and the request that got it. */
export interface ApiErrorInit {
  readonly status: number;
  readonly statusText?: string;
  readonly requestId?: string | undefined;
  readonly body?: ProblemBody;
  readonly request?: RequestSummary | undefined;
  /** Attempts the call made, retries counted; undefined when the answer did not come through an offerkit transport. */
  readonly attempts?: number | undefined;
}

/** The server answered with a status outside 2xx. Nothing the server said is dropped. */
export class ApiError extends OfferkitError {
  override name = "ApiError";
  declare readonly status: number;
  declare readonly statusText: string;
  declare readonly requestId: string | undefined;
  /** The parsed JSON body when there was one, else the raw text (possibly empty). */
  declare readonly body: ProblemBody;
  declare readonly request: RequestSummary | undefined;
  /** Attempts the call made before this answer, retries counted (the same number as a result's `metadata`). */
  declare readonly attempts: number | undefined;

  constructor(init: ApiErrorInit) {
    super(describeApiError(init));
    this.status = init.status;
    this.statusText = init.statusText ?? "";
    this.requestId = init.requestId;
    this.body = init.body;
    this.request = init.request;
    this.attempts = init.attempts;
  }
}

/**
 * The server answered 409 Conflict: the resource changed after the revision the request was based on (an
 * `If-Match` that lost a race), so nothing was written. offerkit never retries it; read the resource again and
 * reapply the change to its current revision.
 */
export class ConflictError extends ApiError {
  override name = "ConflictError";

  constructor(init: ApiErrorInit) {
    super(init);
    this.message = `${this.message}. Nothing was written: the resource changed since it was read, so read it again and reapply your change.`;
  }
}

/** The server answered 2xx but the body is not what the API promises (not JSON, cut short, ...). */
export class UnexpectedResponseError extends OfferkitError {
  override name = "UnexpectedResponseError";
  declare readonly status: number;
  declare readonly requestId: string | undefined;
  declare readonly contentType: string | undefined;
  /** The first characters of the raw body, for diagnosis. */
  declare readonly bodyStart: string;
  declare readonly request: RequestSummary | undefined;

  constructor(
    init: {
      status: number;
      requestId?: string | undefined;
      contentType?: string | undefined;
      bodyStart: string;
      request?: RequestSummary | undefined;
      reason: string;
    },
    options?: { cause?: unknown },
  ) {
    super(
      `${prefix(init.request)}answered ${init.status} with ${init.reason}${suffix(init.requestId)}. Body starts: ${JSON.stringify(init.bodyStart)}`,
      options,
    );
    this.status = init.status;
    this.requestId = init.requestId;
    this.contentType = init.contentType;
    this.bodyStart = init.bodyStart;
    this.request = init.request;
  }
}

/**
 * The response body was larger than `maxResponseBytes`: reading stopped at the limit and the connection was closed,
 * so an oversized or endless body costs at most the limit in memory. Keeps the status and request id.
 */
export class ResponseTooLargeError extends OfferkitError {
  override name = "ResponseTooLargeError";
  declare readonly status: number;
  declare readonly requestId: string | undefined;
  declare readonly request: RequestSummary | undefined;
  /** The limit that was reached, in bytes. */
  declare readonly limit: number;

  constructor(init: {
    status: number;
    requestId?: string | undefined;
    request?: RequestSummary | undefined;
    limit: number;
  }) {
    super(
      `${prefix(init.request)}answered ${init.status} with a body over its ${init.limit}-byte \`maxResponseBytes\`${suffix(init.requestId)}.`,
    );
    this.status = init.status;
    this.requestId = init.requestId;
    this.request = init.request;
    this.limit = init.limit;
  }
}

/** The request never got a complete answer: DNS, connection refused or reset, TLS. */
export class NetworkError extends OfferkitError {
  override name = "NetworkError";
  declare readonly request: RequestSummary | undefined;
  /** How many attempts were made before giving up. */
  declare readonly attempts: number;

  constructor(request: RequestSummary | undefined, attempts: number, options?: { cause?: unknown }) {
    const cause = options?.cause;
    const detail = cause instanceof Error ? describeCause(cause) : "network failure";
    super(
      `${prefix(request)}failed: ${detail}${attempts > 1 ? ` (after ${attempts} attempts)` : ""}. Check the base URL and connectivity.`,
      options,
    );
    this.request = request;
    this.attempts = attempts;
  }
}

/** The call took longer than its `timeout`; the underlying request was aborted. */
export class TimeoutError extends OfferkitError {
  override name = "TimeoutError";
  declare readonly timeout: number;
  declare readonly request: RequestSummary | undefined;

  constructor(timeout: number, request?: RequestSummary) {
    super(`${prefix(request)}timed out after ${timeout} ms. Raise the \`timeout\` option if the API is slow.`);
    this.timeout = timeout;
    this.request = request;
  }
}

/** The caller's `AbortSignal` fired; the underlying request was aborted. `cause` is the signal's reason. */
export class AbortError extends OfferkitError {
  override name = "AbortError";
  declare readonly request: RequestSummary | undefined;

  constructor(request?: RequestSummary, options?: { cause?: unknown }) {
    super(`${prefix(request)}was aborted by the caller.`, options);
    this.request = request;
  }
}

function prefix(request: RequestSummary | undefined): string {
  return request ? `${request.method} ${request.url} ` : "The request ";
}

function suffix(requestId: string | undefined): string {
  return requestId ? ` (request id ${requestId})` : "";
}

function describeCause(error: Error): string {
  // undici wraps the useful part ("ECONNREFUSED 127.0.0.1:1") in `cause`.
  const inner = (error as { cause?: unknown }).cause;
  if (inner instanceof Error && inner.message) return `${error.message} (${inner.message})`;
  return error.message || error.name;
}

function describeApiError(init: ApiErrorInit): string {
  const statusLine = `${init.status}${init.statusText ? ` ${init.statusText}` : ""}`;
  const detail = problemDetail(init.body);
  return `${prefix(init.request)}answered ${statusLine}${detail ? `: ${detail}` : ""}${suffix(init.requestId)}`;
}

/** The most useful human-readable line in a problem body, whatever convention the API follows. */
function problemDetail(body: ProblemBody): string {
  if (typeof body === "string") return body.slice(0, 200);
  if (!body) return "";
  for (const key of ["detail", "message", "title", "error_description", "error"]) {
    const value = body[key];
    if (typeof value === "string" && value) return value.slice(0, 200);
  }
  return "";
}

/**
 * `text` with each secret taken out in every spelling an echo could have: as written, form-encoded (`+` for a
 * space) and percent-encoded, with upper- or lower-case escapes. Used on whatever a server sends back, since a
 * server may echo what it was sent (a token, a submitted form).
 */
export function redact(text: string, secrets: readonly string[]): string {
  const spellings = new Set<string>();
  for (const secret of secrets) {
    // A string this short is no credential, and taking it out of every word would garble the text.
    if (secret.length < 8) continue;
    for (const spelling of [
      secret,
      new URLSearchParams({ s: secret }).toString().slice(2),
      encodeURIComponent(secret),
    ]) {
      spellings.add(spelling);
      spellings.add(spelling.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
    }
  }
  let clean = text;
  // Longest first, so that a spelling containing another is replaced whole.
  for (const spelling of [...spellings].sort((a, b) => b.length - a.length))
    clean = clean.replaceAll(spelling, "[redacted]");
  return clean;
}
