// What a call resolves to and how it becomes data or a typed error: results with their metadata, `unwrap`, and the
// `ApiError` of a failed answer (its request, id, attempts and body, with the call's credentials taken out).
import {
  ApiError,
  ConflictError,
  type ProblemBody,
  type RequestSummary,
  UnexpectedResponseError,
} from "../errors/errors.js";
import { answerOf, summarize } from "../transport/transport.js";

/** What offerkit knows of a call besides its answer, on every result of a client method (as AWS SDK's `$metadata`). */
export interface CallMetadata {
  /** Method and URL of the request, without the query string. */
  readonly request: RequestSummary;
  /** The id to quote to Adobe: the answer's `x-request-id`, else the one sent. */
  readonly requestId: string | undefined;
  /** Attempts the call made, retries counted (a resend with a fresh token after a 401 is not one). */
  readonly attempts: number;
}

/** What every call resolves to: a client method's result, or an openapi-fetch (`/raw`) one without `metadata`. */
export interface CallResult<Data> {
  // `| undefined` keeps `Data` free of undefined under exactOptionalPropertyTypes, where openapi-fetch's
  // `data: T | undefined` would otherwise infer `Data` as `T | undefined`.
  readonly data?: Data | undefined;
  readonly error?: unknown;
  readonly response: Response;
  readonly metadata?: CallMetadata | undefined;
}

/** A client method's result type: openapi-fetch's `{ data, error, response }` and the call's `metadata`. */
export type WithMetadata<Result> = Result & { readonly metadata: CallMetadata };

/** 2xx statuses that carry no body by their nature; any other 2xx without data was an empty answer. */
const NO_CONTENT_STATUSES = [202, 204, 205];

/**
 * The data of a successful call, or an `ApiError` carrying the status, request id and server body of a failed
 * one. Accepts the promise a client call returns, so `await unwrap(client.deliver(...))` reads naturally. A 2xx
 * without data is an `UnexpectedResponseError` (the client methods already refuse one where their spec promises
 * a body), except for 202, 204 and 205, which resolve `undefined` where the operation's types say so.
 */
export async function unwrap<Result extends CallResult<unknown>>(
  call: Result | Promise<Result>,
): Promise<DataOf<Result>> {
  const { response, data, error } = await call;
  if (!response.ok) throw apiErrorFrom(response, error);
  if (data === undefined && !NO_CONTENT_STATUSES.includes(response.status)) {
    throw emptyBodyError(response, requestIdOf(response));
  }
  return data as DataOf<Result>;
}

/** A 2xx without the body its spec promises: never `data: undefined` where the types say there is data. */
export function emptyBodyError(response: Response, requestId: string | undefined): UnexpectedResponseError {
  return new UnexpectedResponseError({
    status: response.status,
    requestId,
    contentType: response.headers.get("content-type") ?? undefined,
    bodyStart: "",
    request: answerOf(response)?.request,
    reason: "an empty body where the API promises JSON",
  });
}

/**
 * The `data` of a result's successful variants: what `unwrap` resolves to. A variant whose `data` may be
 * `undefined` (a beacon's 204) makes it possibly undefined; error variants (`data?: never`) add nothing.
 */
export type DataOf<Result> = Result extends { readonly data: infer Data } ? Data : never;

/**
 * Builds the `ApiError` for a non-2xx response whose body openapi-fetch has already read: a `ConflictError` for
 * 409, so that a lost update race can be caught by type.
 */
export function apiErrorFrom(response: Response, body: unknown, request?: Request): ApiError {
  const answer = answerOf(response);
  return new (response.status === 409 ? ConflictError : ApiError)({
    status: response.status,
    statusText: response.statusText,
    requestId: requestIdOf(response, body, request),
    body: asProblemBody(answer ? withoutSecrets(body, answer.redact) : body),
    request: request ? summarize(request) : answer?.request,
    attempts: answer?.attempts,
  });
}

/**
 * The id the server (or we) gave the request: the `x-request-id` response header, else a `requestId` in the
 * body (Target puts it there), else the `x-request-id` we sent.
 */
export function requestIdOf(response: Response, body?: unknown, request?: Request): string | undefined {
  const fromHeader = response.headers.get("x-request-id");
  if (fromHeader) return fromHeader;
  if (body && typeof body === "object" && "requestId" in body && typeof body.requestId === "string") {
    return body.requestId;
  }
  return request?.headers.get("x-request-id") ?? answerOf(response)?.sentRequestId;
}

/** A parsed body with the call's credentials taken out of every string in it. */
function withoutSecrets(body: unknown, redact: (text: string) => string): unknown {
  if (typeof body === "string") return redact(body);
  if (!body || typeof body !== "object") return body;
  const text = JSON.stringify(body);
  const clean = redact(text);
  // A JSON string holds a secret escaped as JSON would escape it; the redaction knows the secret's other spellings.
  return clean === text ? body : JSON.parse(clean);
}

function asProblemBody(body: unknown): ProblemBody {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (typeof body === "object") return body as Record<string, unknown>;
  return String(body);
}
