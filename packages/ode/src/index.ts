// The names every Platform client shares (errors, unwrap, result and option types, tokens): one list in core.
export * from "@offerkit/core/platform";
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
