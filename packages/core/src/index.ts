// `@offerkit/core`: what users of the offerkit clients call and name. Everything sibling packages need besides is in
// `@offerkit/core/internal`; the clients re-export the user-facing names below from one list (`./user-facing.ts`).

// Errors: every one extends OfferkitError, and each carries what is needed to act on it.
// Auth: IMS tokens for OAuth Server-to-Server credentials, a fixed token, and Platform auth for a transport of one's own.
export {
  createImsTokenProvider,
  IMS_HOST,
  IMS_TOKEN_PATH,
  ImsAuthError,
  type ImsCredentials,
  type ImsFailureReason,
  type ImsTokenProvider,
  type ImsTokenProviderOptions,
} from "#ims";
export { type PlatformAuthOptions, type PlatformCredentials, platformAuth } from "./auth/credentials.js";
export { staticToken, type TokenProvider } from "./auth/token.js";
// Options: of the clients, of each call, and of what a call may be observed and bounded by.
export type { RequestValidation } from "./checks/default-checks.js";
export type { HeaderInput } from "./checks/headers.js";
export { MAX_TIMER_MS } from "./checks/options.js";
export {
  AbortError,
  ApiError,
  type ApiErrorInit,
  ConflictError,
  NetworkError,
  OfferkitError,
  type ProblemBody,
  type RequestSummary,
  ResponseTooLargeError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from "./errors/errors.js";
// Paging and polling, as the facade's paginators and waiters hand them out.
export type { Paginator } from "./paging/paginate.js";
export { PaginationError, type PaginationFailureReason } from "./paging/paginate.js";
export type { Acceptor, PollProgress, PollState, PollTiming } from "./paging/poll.js";
export { PLATFORM_BASE_URL, type PlatformCallOptions, type PlatformClientOptions } from "./runner/platform.js";
// Results: what a call resolves to, its metadata, and `unwrap` to data or a typed error.
export { type CallMetadata, type CallResult, type DataOf, unwrap, type WithMetadata } from "./runner/result.js";
export type { BaseCallOptions } from "./runner/runner.js";
export type {
  CallHooks,
  ErrorEvent,
  Logger,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from "./transport/observe.js";
export { DEFAULT_RETRY, type RetryOptions } from "./transport/retry-policy.js";
export type { RequestAuthenticator } from "./transport/steps.js";
// The transport on its own: a fetch with offerkit's deadline, retries, auth and response limit, to call any API with.
export {
  type CallOverrides,
  createTransport,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT,
  type FetchLike,
  type Transport,
  type TransportOptions,
} from "./transport/transport.js";

export { VERSION } from "./version.js";
