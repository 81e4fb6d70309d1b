export {
  AbortError,
  ApiError,
  type ApiErrorInit,
  NetworkError,
  OfferkitError,
  type ProblemBody,
  type RequestSummary,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from "./errors.js";
export { assertSafeHeaders, type HeaderInput, userAgent } from "./headers.js";
export { apiErrorFrom, type CallResult, requestIdOf, unwrap } from "./result.js";
export { DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, type RetryOptions } from "./retry.js";
export {
  type CallOverrides,
  type CallScope,
  createTransport,
  DEFAULT_TIMEOUT,
  type FetchLike,
  isJsonMediaType,
  omitUndefined,
  requestSummaryOf,
  serializeJsonBody,
  type Transport,
  type TransportOptions,
} from "./transport.js";
export {
  type CompactSchema,
  type OperationInput,
  type OperationRules,
  type ParameterRule,
  type SchemaTable,
  validate,
  validateOperation,
} from "./validate.js";
export { VERSION } from "./version.js";
