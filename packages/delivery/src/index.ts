// The names every offerkit client shares (errors, unwrap, result and option types): one list in core.
export * from "@offerkit/core/common";
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
