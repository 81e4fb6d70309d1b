// Readable names for the generated component types of specs/dps.yaml, so users never spell
// `components["schemas"]["X"]`, and the pages typed by offer kind.
import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

// ---------------------------------------------------------------- Experience Decisioning (current generation)

/** A decision item ("offer item"): `_experience.decisioning` fields plus the catalog schema's custom attributes. */
export type OfferItem = Schemas["OfferItem"];
/** An item collection: items of one catalog chosen by attribute constraints. */
export type ItemCollection = Schemas["ItemCollection"];
/** A selection strategy: a collection, an eligibility rule and how its items are ranked. */
export type SelectionStrategy = Schemas["SelectionStrategy"];
/** An eligibility rule of Experience Decisioning (`exdRule: true`): a PQL condition on profile and context. */
export type EligibilityRule = Schemas["EligibilityRule"];
/** A ranking formula (`exdFunction: true`): a PQL expression that scores items. */
export type RankingFormula = Schemas["RankingFormula"];
/** An Experience Decisioning placement (`/exd-placements`): where items appear, on which channel. */
export type ExdPlacement = Schemas["ExdPlacement"];

// ---------------------------------------------------------------- Decision Management (legacy generation)

/** A personalized offer of Decision Management (`/offers?offer-type=personalized`). */
export type PersonalizedOffer = Schemas["PersonalizedOffer"];
/** A fallback offer of Decision Management (`/offers?offer-type=fallback`). */
export type FallbackOffer = Schemas["FallbackOffer"];
/** A Decision Management placement (`/placements`). */
export type Placement = Schemas["Placement"];
/** A Decision Management collection (`/offer-collections`): offers listed, or chosen by tags. */
export type OfferCollection = Schemas["OfferCollection"];
/** A Decision Management decision rule (`/offer-rules`, the same path as eligibility rules). */
export type DecisionRule = Schemas["DecisionRule"];
/** A collection qualifier (`/tags`): a label that groups offers into collections. */
export type Tag = Schemas["Tag"];
/** A decision (`/offer-decisions`, formerly "offer activity"): placements, collections, ranking and a fallback. */
export type OfferDecision = Schemas["OfferDecision"];

// ---------------------------------------------------------------- shared shapes

/** What every create, PATCH and PUT answers: the object's id and its revision after the write. */
export type Receipt = Schemas["Receipt"];
/** One JSON Patch (RFC 6902) operation; `path` is a JSON Pointer from the object's root. */
export type PatchOperation = Schemas["PatchOperation"];
/** The `_links` of a page: `self`, and `next` unless it is the last page. */
export type PageLinks = Schemas["PageLinks"];
/** A link; `href` is relative to `/data/core/dps`. */
export type Link = Schemas["Link"];
/** The error body of 4xx/5xx answers: Platform problem details (or the gateway's `{ error_code, message }`). */
export type Problem = Schemas["Problem"];

/** One page of decision items. */
export type OfferItemPage = Schemas["OfferItemPage"];
/** One page of item collections. */
export type ItemCollectionPage = Schemas["ItemCollectionPage"];
/** One page of selection strategies. */
export type SelectionStrategyPage = Schemas["SelectionStrategyPage"];
/** One page of `/offer-rules`: eligibility rules and decision rules share the path, and a page may hold both. */
export type OfferRulePage = Schemas["OfferRulePage"];
/** One page of ranking formulas (Adobe's list also returns `xcore:ranking-function:…` objects). */
export type RankingFormulaPage = Schemas["RankingFormulaPage"];
/** One page of Experience Decisioning placements. */
export type ExdPlacementPage = Schemas["ExdPlacementPage"];
/** One page of `/offers`, personalized or fallback as the `offer-type` asked. */
export type OfferPage = Schemas["OfferPage"];
/** One page of Decision Management placements. */
export type PlacementPage = Schemas["PlacementPage"];
/** One page of Decision Management collections. */
export type OfferCollectionPage = Schemas["OfferCollectionPage"];
/** One page of collection qualifiers. */
export type TagPage = Schemas["TagPage"];
/** One page of decisions. */
export type OfferDecisionPage = Schemas["OfferDecisionPage"];

// `offer-type` makes the server list one kind only, so these pages are typed by that kind.
/** One page of personalized offers: an `OfferPage` whose results are all `PersonalizedOffer`s. */
export type PersonalizedOfferPage = Omit<OfferPage, "results"> & { results: PersonalizedOffer[] };
/** One page of fallback offers: an `OfferPage` whose results are all `FallbackOffer`s. */
export type FallbackOfferPage = Omit<OfferPage, "results"> & { results: FallbackOffer[] };

// ---------------------------------------------------------------- request bodies

/** Body of `offerItems.create`. */
export type OfferItemInput = Schemas["OfferItemInput"];
/** Body of `itemCollections.create`. */
export type ItemCollectionInput = Schemas["ItemCollectionInput"];
/** Body of `selectionStrategies.create`. */
export type SelectionStrategyInput = Schemas["SelectionStrategyInput"];
/** Body of `eligibilityRules.create` and `eligibilityRules.replace`. */
export type EligibilityRuleInput = Schemas["EligibilityRuleInput"];
/** Body of `rankingFormulas.create` and `rankingFormulas.replace`. */
export type RankingFormulaInput = Schemas["RankingFormulaInput"];
/** Body of `exdPlacements.create`. */
export type ExdPlacementInput = Schemas["ExdPlacementInput"];
/** Body of `exdPlacements.replace`: nothing is required, as Adobe's example sends only some fields. */
export type ExdPlacementUpdate = Schemas["ExdPlacementUpdate"];
/** Body of `personalizedOffers.create`. */
export type PersonalizedOfferInput = Schemas["PersonalizedOfferInput"];
/** Body of `fallbackOffers.create`. */
export type FallbackOfferInput = Schemas["FallbackOfferInput"];
/** Body of `placements.create`. */
export type PlacementInput = Schemas["PlacementInput"];
/** Body of `offerCollections.create`. */
export type OfferCollectionInput = Schemas["OfferCollectionInput"];
/** Body of `decisionRules.create`. */
export type DecisionRuleInput = Schemas["DecisionRuleInput"];
/** Body of `tags.create`. */
export type TagInput = Schemas["TagInput"];
/** Body of `decisions.create`. */
export type OfferDecisionInput = Schemas["OfferDecisionInput"];
/** Body of `POST /offers` in the spec: either offer kind (the client's `create` of each kind takes its own). */
export type OfferInput = Schemas["OfferInput"];
/** Body of `POST /offer-rules` in the spec: either rule kind (each kind's `create` takes its own). */
export type OfferRuleInput = Schemas["OfferRuleInput"];

// ---------------------------------------------------------------- parts of objects

/** What the server keeps on every stored object: `id`, `etag`, `created`, `modified`, `schemas` and authors. */
export type ResourceMetadata = Schemas["ResourceMetadata"];
/** A stored offer of either kind, as `/offers/{id}` answers it; its `schemas` tell which. */
export type Offer = Schemas["Offer"];
/** A stored rule of either generation, as `/offer-rules/{id}` answers it; `exdRule: true` marks a Decisioning one. */
export type OfferRule = Schemas["OfferRule"];
/** A PQL expression: a rule's condition or a formula's expression. */
export type PqlExpression = Schemas["PqlExpression"];
/** The variables an expression uses, by name. */
export type DefinedOn = Schemas["DefinedOn"];
/** What one variable of an expression is bound to. */
export type DefinedOnVariable = Schemas["DefinedOnVariable"];
/** Priority and, where there is a choice, how items are ordered. */
export type Rank = Schemas["Rank"];
/** Who qualifies: everyone, or the profiles an eligibility rule accepts. */
export type ProfileConstraint = Schemas["ProfileConstraint"];
/** Where the candidate items come from (a collection id). */
export type OptionSelection = Schemas["OptionSelection"];
/** How an offer looks in one placement of one channel. */
export type Representation = Schemas["Representation"];
/** One piece of content of a representation. */
export type OfferComponent = Schemas["OfferComponent"];
/** When and to whom an offer may be proposed. */
export type SelectionConstraint = Schemas["SelectionConstraint"];
/** One frequency-capping rule of an offer (at most 10 per offer). */
export type FrequencyCappingConstraint = Schemas["FrequencyCappingConstraint"];
/** One decision scope of a decision: placements, a collection, eligibility and ranking. */
export type DecisionCriterion = Schemas["DecisionCriterion"];

// ---------------------------------------------------------------- Decisioning Migration API

/** What a migration workflow covers: the whole sandbox, listed offers, or listed decisions. */
export type RequestLevel = Schemas["RequestLevel"];
/** Body of `migration.startDependencyAnalysis`: org, source and target sandboxes (and the offers or decisions). */
export type DependencyRequest = Schemas["DependencyRequest"];
/** Body of `migration.startMigration`: as a dependency request, plus the dependency mappings and data stream choice. */
export type MigrationRequest = Schemas["MigrationRequest"];
/** Body of `startRollback`, which the client writes from the migration workflow id. */
export type RollbackRequest = Schemas["RollbackRequest"];
/** A dependency analysis, migration or rollback workflow: its id, status, and result or errors once it ends. */
export type Workflow = Schemas["Workflow"];
/** A sandbox, by name, as the migration bodies name their source and target. */
export type SandboxDetails = Schemas["SandboxDetails"];
/** The mappings a migration applies, built from a completed dependency analysis. */
export type MigrationDependency = Schemas["MigrationDependency"];
/** The target-sandbox audience a source segment maps to. */
export type SegmentMapping = Schemas["SegmentMapping"];
/** Where a workflow is: `New`, `Running`, then `Completed` or `Failed`. */
export type WorkflowStatus = Schemas["WorkflowStatus"];
