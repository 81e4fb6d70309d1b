// The names every Platform client shares (errors, unwrap, result and option types, tokens): one list in core.
export * from "@offerkit/core/platform";
export {
  createDpsClient,
  DPS_BASE_PATH,
  type DpsCallOptions,
  type DpsClient,
  type DpsClientOptions,
  type DpsOperationId,
  type DpsResource,
  type DpsResult,
  type ExdPlacementResource,
  type ListQuery,
  MIGRATION_ORIGIN,
  type MigrationClient,
  nextPageOf,
  type OfferItemCallOptions,
  PATCH_OPS,
  PATCH_POINTER_PATTERN,
  type PageLinkInput,
  type PatchableResource,
  type ReplaceableResource,
  TERMINAL_WORKFLOW_STATUSES,
} from "./client.js";
export type { components, operations, paths } from "./generated/schema.js";
export type * from "./types.js";
export { VERSION } from "./version.js";
