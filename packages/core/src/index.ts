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
export {
  type PlatformAuthOptions,
  type PlatformCredentials,
  platformAuth,
  type RequestAuthenticator,
  staticToken,
  type TokenProvider,
} from "./auth/credentials.js";
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
  parameter,
  type RequestRules,
  type RequestValidation,
} from "./checks/default-checks.js";
export {
  type CompactSchema,
  checkValue,
  createRequestValidation,
  type OperationInput,
  type OperationRules,
  type ParameterRule,
  type SchemaTable,
  validate,
  validateOperation,
} from "./checks/full-validation.js";
export { assertSafeHeaders, type HeaderInput, userAgent } from "./checks/headers.js";
export {
  checkOptions,
  isBooleanOption,
  isFunctionOption,
  isSignalOption,
  isStringOption,
  MAX_TIMER_MS,
  millis,
  type OptionCheck,
  wholeNumber,
  withChecks,
} from "./checks/options.js";
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
export {
  PaginationError,
  type PaginationFailureReason,
  type Paginator,
} from "./paging/paginate.js";
export type { Acceptor, PollProgress, PollState, PollTiming } from "./paging/poll.js";
export {
  type BaseCallOptions,
  CALL_OPTION_CHECKS,
  newRequestId,
  PLATFORM_BASE_URL,
  PLATFORM_CALL_OPTION_CHECKS,
  PLATFORM_OPTION_CHECKS,
  type PlatformCallOptions,
  type PlatformClientOptions,
  type PlatformClientSetup,
  type PlatformIdentityHeaders,
  runCall,
  setUpPlatformClient,
  withMediaTypes,
} from "./runner/platform.js";
export { apiErrorFrom, type CallResult, type DataOf, requestIdOf, unwrap } from "./runner/result.js";
export {
  type RawClientOptions,
  rawClientOptions,
  type SendInput,
  type SendResult,
  send,
  withConnection,
} from "./runner/runner.js";
export type {
  CallHooks,
  ErrorEvent,
  Logger,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from "./transport/observe.js";
export { checkHooks, checkLogger } from "./transport/observe.js";
export { DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, type RetryOptions } from "./transport/retry-policy.js";
export {
  type CallOverrides,
  type CallScope,
  type CallTransport,
  checkBaseUrl,
  checkMaxResponseBytes,
  checkRetry,
  checkTimeout,
  createCallTransport,
  createTransport,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT,
  type FetchLike,
  fetchOf,
  isJsonMediaType,
  omitUndefined,
  requestSummaryOf,
  serializeJsonBody,
  TRANSPORT_OPTION_CHECKS,
  type Transport,
  type TransportOptions,
} from "./transport/transport.js";
export { VERSION } from "./version.js";
