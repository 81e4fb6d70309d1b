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
} from "./auth.js";
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
} from "./errors.js";
export { assertSafeHeaders, type HeaderInput, userAgent } from "./headers.js";
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
} from "./options.js";
export {
  PaginationError,
  type PaginationFailureReason,
  type Paginator,
} from "./paginate.js";
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
} from "./platform.js";
export type { Acceptor, PollProgress, PollState, PollTiming } from "./poll.js";
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
} from "./request-check.js";
export { apiErrorFrom, type CallResult, type DataOf, requestIdOf, unwrap } from "./result.js";
export { DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, type RetryOptions } from "./retry.js";
export {
  type RawClientOptions,
  rawClientOptions,
  type SendInput,
  type SendResult,
  send,
  withConnection,
} from "./send.js";
export type {
  CallHooks,
  ErrorEvent,
  Logger,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from "./transport/observe.js";
export { checkHooks, checkLogger } from "./transport/observe.js";
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
} from "./transport.js";
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
} from "./validate.js";
export { VERSION } from "./version.js";
