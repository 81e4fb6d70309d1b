// `@offerkit/core/internal`: what offerkit's own packages build on (the clients, their generated checks, the facade).
// Not part of the public API: it may change in any release. What users need of it is re-exported where they use it.

// The runner: a client method describes its request, the runner makes the call.
export { type ResolvedCredentials, resolveCredentials } from "./auth/credentials.js";
// Default checks (generated per operation into each client's src/generated/request-rules.ts).
export {
  type Check,
  checkRequest,
  eachItem,
  hasItems,
  hasLength,
  inRange,
  isArray,
  isBoolean,
  isInteger,
  isNoneOf,
  isNull,
  isNumber,
  isObject,
  isOneOf,
  isString,
  matches,
  type OperationInput,
  parameter,
  type RequestRules,
  type RequestValidation,
} from "./checks/default-checks.js";
// The opt-in full validation behind each client's `/validation` export.
export {
  type CompactSchema,
  checkValue,
  createRequestValidation,
  type OperationRules,
  type ParameterRule,
  type SchemaTable,
  validate,
  validateOperation,
} from "./checks/full-validation.js";
// Checks of option objects.
export { assertSafeHeaders, userAgent, VISIBLE_ASCII } from "./checks/headers.js";
export {
  checkedLater,
  checkOptions,
  isBooleanOption,
  isFunctionOption,
  isSignalOption,
  isStringOption,
  millis,
  type OptionCheck,
  wholeNumber,
  withChecks,
} from "./checks/options.js";
// Everything of the root too, so that a sibling package loads this one module of core at run time: its build takes
// what it imports from `@offerkit/core`, `/common` and `/platform` from here (scripts/build-package.mjs).
export * from "./index.js";
// Paging and polling engines of the facade's paginators and waiters.
export { type PaginateOptions, paginate } from "./paging/paginate.js";
export { type PollOptions, type PollOutcome, poll } from "./paging/poll.js";
export {
  newRequestId,
  PLATFORM_CALL_OPTION_CHECKS,
  PLATFORM_OPTION_CHECKS,
  setUpPlatformClient,
} from "./runner/platform.js";
export { type RawClientOptions, rawClientOptions, withConnection } from "./runner/raw.js";
export { apiErrorFrom, requestIdOf } from "./runner/result.js";
export {
  CALL_OPTION_CHECKS,
  type Connection,
  createRunner,
  type PreparedRequest,
  type Runner,
} from "./runner/runner.js";
export { checkHooks, checkLogger } from "./transport/observe.js";
export { isRetryableStatus, parseRetryAfter } from "./transport/retry-policy.js";
export {
  type CallTransport,
  checkBaseUrl,
  checkMaxResponseBytes,
  checkRetry,
  checkTimeout,
  createCallTransport,
  TRANSPORT_OPTION_CHECKS,
} from "./transport/transport.js";
