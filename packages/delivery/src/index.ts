export {
  AbortError,
  ApiError,
  NetworkError,
  OfferkitError,
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
