import { ApiError, ConflictError, type ProblemBody, redact, UnexpectedResponseError } from "../errors/errors.js";
import { requestSummaryOf, secretsOf, sentRequestIdOf, summarize } from "../transport/transport.js";

/** What every openapi-fetch call resolves to. */
export interface CallResult<Data> {
  // `| undefined` keeps `Data` free of undefined under exactOptionalPropertyTypes, where openapi-fetch's
  // `data: T | undefined` would otherwise infer `Data` as `T | undefined`.
  readonly data?: Data | undefined;
  readonly error?: unknown;
  readonly response: Response;
}

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
    throw new UnexpectedResponseError({
      status: response.status,
      requestId: requestIdOf(response),
      contentType: response.headers.get("content-type") ?? undefined,
      bodyStart: "",
      request: requestSummaryOf(response),
      reason: "an empty body where the API promises JSON",
    });
  }
  return data as DataOf<Result>;
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
  const secrets = secretsOf(response);
  return new (response.status === 409 ? ConflictError : ApiError)({
    status: response.status,
    statusText: response.statusText,
    requestId: requestIdOf(response, body, request),
    body: asProblemBody(secrets.length > 0 ? withoutSecrets(body, secrets) : body),
    request: request ? summarize(request) : requestSummaryOf(response),
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
  return request?.headers.get("x-request-id") ?? sentRequestIdOf(response);
}

/** A parsed body with the secrets taken out of every string in it. */
function withoutSecrets(body: unknown, secrets: readonly string[]): unknown {
  if (typeof body === "string") return redact(body, secrets);
  if (!body || typeof body !== "object") return body;
  return JSON.parse(
    redact(
      JSON.stringify(body),
      secrets.map((secret) => JSON.stringify(secret).slice(1, -1)),
    ),
  );
}

function asProblemBody(body: unknown): ProblemBody {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (typeof body === "object") return body as Record<string, unknown>;
  return String(body);
}
