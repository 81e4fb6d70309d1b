// Readable names for the generated component types of specs/dps.yaml, so users never spell
// `components["schemas"]["X"]`, and the create bodies and pages each resource method takes and answers.
import type { components, operations } from "./generated/schema.js";

type Schemas = components["schemas"];
type JsonBody<Op extends keyof operations> = NonNullable<operations[Op]["requestBody"]>["content"]["application/json"];

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

// ---------------------------------------------------------------- create bodies

/** Body of `offerItems.create`. */
export type OfferItemInput = JsonBody<"createOfferItem">;
/** Body of `itemCollections.create`. */
export type ItemCollectionInput = JsonBody<"createItemCollection">;
/** Body of `selectionStrategies.create`. */
export type SelectionStrategyInput = JsonBody<"createSelectionStrategy">;
/** Body of `eligibilityRules.create` and `eligibilityRules.replace`. */
export type EligibilityRuleInput = Extract<JsonBody<"createOfferRule">, EligibilityRule>;
/** Body of `rankingFormulas.create` and `rankingFormulas.replace`. */
export type RankingFormulaInput = JsonBody<"createRankingFormula">;
/** Body of `exdPlacements.create` and `exdPlacements.replace`. */
export type ExdPlacementInput = JsonBody<"createExdPlacement">;
/** Body of `personalizedOffers.create`. */
export type PersonalizedOfferInput = Extract<JsonBody<"createOffer">, PersonalizedOffer>;
/** Body of `fallbackOffers.create`. */
export type FallbackOfferInput = Extract<JsonBody<"createOffer">, FallbackOffer>;
/** Body of `placements.create`. */
export type PlacementInput = JsonBody<"createPlacement">;
/** Body of `offerCollections.create`. */
export type OfferCollectionInput = JsonBody<"createOfferCollection">;
/** Body of `decisionRules.create`. */
export type DecisionRuleInput = Extract<JsonBody<"createOfferRule">, DecisionRule>;
/** Body of `tags.create`. */
export type TagInput = JsonBody<"createTag">;
/** Body of `decisions.create`. */
export type OfferDecisionInput = JsonBody<"createOfferDecision">;

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
/** Where a workflow is: `New`, `Running`, then `Completed` or `Failed`. */
export type WorkflowStatus = Schemas["WorkflowStatus"];
