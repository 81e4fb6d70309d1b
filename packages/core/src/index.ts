// biome-ignore-all assist/source/organizeImports: the exports are grouped by what users do with them, not sorted.
// `@offerkit/core`: what users of the offerkit clients call and name, grouped below. What sibling packages need
// besides is in `@offerkit/core/internal`.

// What every client re-exports (errors, results and `unwrap`, per-call options, hooks and the logger), and what the
// Platform clients add (IMS and fixed tokens): ./exports/common.ts and ./exports/platform.ts.
export * from "./exports/platform.js";
export type { ApiErrorInit } from "./errors/errors.js";

// Auth for a transport of one's own, and IMS in detail.
export {
  IMS_HOST,
  IMS_TOKEN_PATH,
  type ImsCredentials,
  type ImsTokenProvider,
  type ImsTokenProviderOptions,
} from "#ims";
export { type PlatformAuthOptions, type PlatformCredentials, platformAuth } from "./auth/credentials.js";
export type { RequestAuthenticator } from "./transport/steps.js";

// Client options and their defaults.
export { PLATFORM_BASE_URL, type PlatformClientOptions } from "./runner/platform.js";
export type { RequestValidation } from "./checks/default-checks.js";
export { DEFAULT_RETRY } from "./transport/retry-policy.js";
export { MAX_TIMER_MS } from "./checks/options.js";

// The transport on its own: a fetch with offerkit's deadline, retries, auth and response limit, to call any API with.
export {
  type CallOverrides,
  createTransport,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT,
  type FetchFunction,
  type FetchLike,
  type Transport,
  type TransportOptions,
} from "./transport/transport.js";

// Paging and polling, as the facade's paginators and waiters hand them out.
export { PaginationError, type PaginationFailureReason, type Paginator } from "./paging/paginate.js";
export type { Acceptor, PollProgress, PollState, PollTiming } from "./paging/poll.js";

export { VERSION } from "./version.js";
