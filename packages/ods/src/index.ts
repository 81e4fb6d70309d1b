// The names every Platform client shares (errors, unwrap, result and option types, tokens): one list in core.
export * from "@offerkit/core/platform";
export { etagOf, propositionIdOf } from "./answers.js";
export {
  createOdsClient,
  DECISION_REQUEST_MEDIA_TYPE,
  DECISION_RESPONSE_MEDIA_TYPE,
  DECISIONS_PATH,
  type DecisionsResult,
  type OdsCallOptions,
  type OdsClient,
  type OdsClientOptions,
  type OdsOperationId,
} from "./client.js";
export type { components, operations, paths } from "./generated/schema.js";
export type * from "./types.js";
export { VERSION } from "./version.js";
