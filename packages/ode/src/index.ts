export {
  AbortError,
  ApiError,
  type CallHooks,
  createImsTokenProvider,
  type ErrorEvent,
  ImsAuthError,
  type Logger,
  NetworkError,
  OfferkitError,
  type RequestEvent,
  type ResponseEvent,
  ResponseTooLargeError,
  type RetryEvent,
  staticToken,
  TimeoutError,
  type TokenProvider,
  UnexpectedResponseError,
  unwrap,
  ValidationError,
} from "@offerkit/core";
export {
  createOdeClient,
  type GetWorkloadResult,
  isTerminalStatus,
  type OdeCallOptions,
  type OdeClient,
  type OdeClientOptions,
  type OdeEndpoint,
  type OdeOperationId,
  type StartWorkloadResult,
  WORKLOAD_MEDIA_TYPE,
  WORKLOAD_PATHS,
} from "./client.js";
export type { components, operations, paths } from "./generated/schema.js";
export type * from "./types.js";
export { VERSION } from "./version.js";
