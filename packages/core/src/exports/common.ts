// `@offerkit/core/common`: the names every offerkit client re-exports (`export *`), so that a user of any one client
// has its errors, `unwrap`, result and option types without a second import. One list for all clients.

export type { HeaderInput } from "../checks/headers.js";
export {
  AbortError,
  ApiError,
  ConflictError,
  NetworkError,
  OfferkitError,
  type ProblemBody,
  type RequestSummary,
  ResponseTooLargeError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from "../errors/errors.js";
export { type CallMetadata, type CallResult, type DataOf, unwrap, type WithMetadata } from "../runner/result.js";
export type { BaseCallOptions } from "../runner/runner.js";
export type { CallHooks, ErrorEvent, Logger, RequestEvent, ResponseEvent, RetryEvent } from "../transport/observe.js";
export type { RetryOptions } from "../transport/retry-policy.js";
export type { ConnectionOptions, FetchFunction } from "../transport/transport.js";
