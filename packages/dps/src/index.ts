// `@offerkit/dps`: the client, its types and constants, and (from one list in core) the names every Platform client
// shares: errors, unwrap, result and option types, tokens.
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
