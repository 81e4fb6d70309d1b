export {
  AbortError,
  ApiError,
  type CallHooks,
  type ErrorEvent,
  type Logger,
  NetworkError,
  OfferkitError,
  type RequestEvent,
  type ResponseEvent,
  ResponseTooLargeError,
  type RetryEvent,
  TimeoutError,
  UnexpectedResponseError,
  unwrap,
  ValidationError,
} from "@offerkit/core";
export {
  type BeaconInput,
  type BeaconResult,
  type CallOptions,
  createDeliveryClient,
  DELIVERY_PATH,
  type DeliverInput,
  type DeliveryClient,
  type DeliveryClientOptions,
  type DeliveryOperationId,
  type DeliveryResult,
} from "./client.js";
export type { components, operations, paths } from "./generated/schema.js";
export type * from "./types.js";
export { VERSION } from "./version.js";
