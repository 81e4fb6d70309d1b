// The names every Platform client shares (errors, unwrap, result and option types, tokens): one list in core.

export { PaginationError, type Paginator, type PollTiming } from "@offerkit/core";
export * from "@offerkit/core/platform";
// The Offer Library's schema ids, for paginateInstances/paginateSearchInstances and the facade's xcore client.
export {
  COLLECTION_QUALIFIER_SCHEMA,
  COLLECTION_SCHEMA,
  DECISION_RULE_SCHEMA,
  DECISION_SCHEMA,
  FALLBACK_OFFER_SCHEMA,
  PERSONALIZED_OFFER_SCHEMA,
  PLACEMENT_SCHEMA,
  type SchemaId,
} from "@offerkit/xcore";
export * from "./adobe-target/index.js";
export {
  type DecidedOption,
  type DecidedProposition,
  type Decision,
  type DecisionEntity,
  decide,
  type JsonValue,
  type OfferContent,
  parseDecision,
} from "./platform/decisions.js";
export {
  type AttributeConstraint,
  addOfferToCollection,
  attachRuleToOffer,
  attachRuleToOfferItem,
  attributeConstraint,
  createOfferInCollection,
  createOfferItemInCollection,
  type DpsUpdate,
  IncompleteFlowError,
  type PatchTarget,
  updateWith,
} from "./platform/dps-flows.js";
export {
  type DpsItemOf,
  type DpsListCallOptions,
  type DpsListName,
  type DpsPageOf,
  type DpsPaginationConfig,
  type DpsPaginator,
  paginateDps,
} from "./platform/dps-pages.js";
export {
  WORKFLOW_WAITER_DEFAULTS,
  WorkflowFailedError,
  type WorkflowKind,
  type WorkflowProgress,
  type WorkflowWaiterConfig,
  type WorkflowWaiterInput,
  type WorkflowWaiterOptions,
  waitUntilDependencyAnalysisComplete,
  waitUntilMigrationComplete,
  waitUntilRollbackComplete,
  workflowCompleteAcceptor,
} from "./platform/migration-waiters.js";
export {
  type ListPagesInput,
  type OfferLibraryPaginator,
  type PaginationConfig,
  paginateCollectionQualifiers,
  paginateCollections,
  paginateDecisionRules,
  paginateDecisions,
  paginateFallbackOffers,
  paginateInstances,
  paginatePersonalizedOffers,
  paginatePlacements,
  paginateSearchCollectionQualifiers,
  paginateSearchCollections,
  paginateSearchDecisionRules,
  paginateSearchDecisions,
  paginateSearchFallbackOffers,
  paginateSearchInstances,
  paginateSearchPersonalizedOffers,
  paginateSearchPlacements,
  type SearchPagesInput,
} from "./platform/offer-library-pages.js";
export {
  createOfferkit,
  type DpsPagingOptions,
  type Offerkit,
  type OfferkitOptions,
  type OfferkitValidation,
  type OfferLibraryPagingShortcuts,
  type PagingOptions,
} from "./platform/offerkit.js";
export {
  WORKLOAD_WAITER_DEFAULTS,
  WorkloadFailedError,
  type WorkloadProgress,
  type WorkloadWaiterConfig,
  type WorkloadWaiterInput,
  type WorkloadWaiterOptions,
  waitUntilWorkloadComplete,
  workloadCompleteAcceptor,
} from "./platform/workload-waiter.js";
export { VERSION } from "./version.js";
