import { ApiError, ConflictError, type ProblemBody } from "./errors.js";
import { requestSummaryOf, sentRequestIdOf, summarize } from "./transport.js";

/** What every openapi-fetch call resolves to. */
export interface CallResult<Data> {
  // `| undefined` keeps `Data` free of undefined under exactOptionalPropertyTypes, where openapi-fetch's
  // `data: T | undefined` would otherwise infer `Data` as `T | undefined`.
  readonly data?: Data | undefined;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * The data of a successful call, or an `ApiError` carrying the status, request id and server body of a failed
 * one. Accepts the promise a client call returns, so `await unwrap(client.deliver(...))` reads naturally.
 */
export async function unwrap<Data>(call: CallResult<Data> | Promise<CallResult<Data>>): Promise<Data> {
  const result = await call;
  if (result.response.ok) return result.data as Data;
  throw apiErrorFrom(result.response, result.error);
}

/**
 * Builds the `ApiError` for a non-2xx response whose body openapi-fetch has already read: a `ConflictError` for
 * 409, so that a lost update race can be caught by type.
 */
export function apiErrorFrom(response: Response, body: unknown, request?: Request): ApiError {
  return new (response.status === 409 ? ConflictError : ApiError)({
    status: response.status,
    statusText: response.statusText,
    requestId: requestIdOf(response, body, request),
    body: asProblemBody(body),
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

function asProblemBody(body: unknown): ProblemBody {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (typeof body === "object") return body as Record<string, unknown>;
  return String(body);
}
