import type { components, operations } from "./generated/schema.js";

type Schemas = components["schemas"];

// Readable names for the generated component types, so users never spell `components["schemas"]["X"]`. Adobe's
// current names first; the names the API itself uses (offer activity, offer filter, tag, eligibility rule) in docs.

/** Schema id, with version, of one of the seven Offer Library object types; see the `*_SCHEMA` constants. */
export type SchemaId = Schemas["SchemaId"];
/** A personalized offer (`personalized-offer;version=0.5`): content per placement, eligibility, priority, capping. */
export type PersonalizedOffer = Schemas["PersonalizedOffer"];
/** A fallback offer (`fallback-offer;version=0.1`): what a decision proposes when no personalized offer qualifies. */
export type FallbackOffer = Schemas["FallbackOffer"];
/** A placement (`offer-placement;version=0.4`): where offers appear, on which channel, with which content. */
export type Placement = Schemas["Placement"];
/** A decision, formerly "offer activity" (`offer-activity;version=0.5`): collections to placements, and a fallback. */
export type Decision = Schemas["Decision"];
/** One decision scope of a decision: placements, the collection to pick from, rules and ranking. */
export type Criterion = Schemas["Criterion"];
/** A collection, the API's "offer filter" (`offer-filter;version=0.1`): offers listed or chosen by qualifiers. */
export type Collection = Schemas["Collection"];
/** A collection qualifier, the API's "tag" (`tag;version=0.1`): a label grouping offers into collections. */
export type CollectionQualifier = Schemas["CollectionQualifier"];
/** A decision rule, the API's "eligibility rule" (`eligibility-rule;version=0.3`): a PQL condition on the profile. */
export type DecisionRule = Schemas["DecisionRule"];
/** An object of any of the seven types. */
export type Instance = Schemas["Instance"];
/** How an offer looks in one placement. */
export type Representation = Schemas["Representation"];
/** One piece of content of a representation (HTML, text, JSON or an image link). */
export type ContentComponent = Schemas["ContentComponent"];
/** URI of a content component type. */
export type ComponentType = Schemas["ComponentType"];
/** Lifecycle of an offer; only `approved` offers are proposed. */
export type OfferStatus = Schemas["OfferStatus"];
/** When and for whom an offer is eligible. */
export type SelectionConstraint = Schemas["SelectionConstraint"];
/** How often an offer may be proposed (Adobe allows at most 10 capping rules per offer). */
export type CappingConstraint = Schemas["CappingConstraint"];
/** An object's revision: Adobe documents an integer, real servers also send strings. */
export type Etag = Schemas["Etag"];
/** The answer to a write: which object, and its revision after the write. */
export type Receipt = Schemas["Receipt"];
/** A HAL link; `href` is relative to `/data/core/xcore`. */
export type Link = Schemas["Link"];
/** The repository's home document: the containers the caller can access. */
export type HomeDocument = Schemas["HomeDocument"];
/** A container, whose `instanceId` is the `containerId` of every other call. */
export type ContainerEnvelope = Schemas["ContainerEnvelope"];
/** A container's own fields. */
export type Container = Schemas["Container"];
/** One JSON Patch operation as the spec describes it, for any type; `PatchOperation<S>` checks paths by type. */
export type JsonPatchOperation = Schemas["JsonPatchOperation"];
/** The error body of 4xx/5xx answers: Platform problem details, or the API gateway's `{ error_code, message }`. */
export type Problem = Schemas["Problem"];

type ReadContent = operations["getInstance"]["responses"][200]["content"];

/** `application/vnd.adobe.platform.xcore.hal+json; schema="<schema id>"`: an object of one type. */
export type HalMediaType<S extends SchemaId> = `application/vnd.adobe.platform.xcore.hal+json; schema="${S}"`;
/** `application/schema-instance+json; version=1; schema="<schema id>"`: a bare object of one type. */
export type SchemaInstanceMediaType<S extends SchemaId> = `application/schema-instance+json; version=1; schema="${S}"`;
/** `application/vnd.adobe.platform.xcore.patch.hal+json; version=1; schema="<schema id>"`: JSON Patch of one type. */
export type PatchMediaType<S extends SchemaId> =
  `application/vnd.adobe.platform.xcore.patch.hal+json; version=1; schema="${S}"`;

/** An object of type `S` with its repository fields (`instanceId`, `repo:etag`, `_links`), as the spec declares it. */
export type Envelope<S extends SchemaId> =
  HalMediaType<S> extends keyof ReadContent ? ReadContent[HalMediaType<S>] : never;
/** The object of type `S` itself (`_instance`): `InstanceOf<typeof PLACEMENT_SCHEMA>` is `Placement`. */
export type InstanceOf<S extends SchemaId> = Envelope<S>["_instance"];

/** A personalized offer with its repository fields. */
export type PersonalizedOfferEnvelope = Schemas["PersonalizedOfferEnvelope"];
/** A fallback offer with its repository fields. */
export type FallbackOfferEnvelope = Schemas["FallbackOfferEnvelope"];
/** A placement with its repository fields. */
export type PlacementEnvelope = Schemas["PlacementEnvelope"];
/** A decision with its repository fields. */
export type DecisionEnvelope = Schemas["DecisionEnvelope"];
/** A collection with its repository fields. */
export type CollectionEnvelope = Schemas["CollectionEnvelope"];
/** A collection qualifier with its repository fields. */
export type CollectionQualifierEnvelope = Schemas["CollectionQualifierEnvelope"];
/** A decision rule with its repository fields. */
export type DecisionRuleEnvelope = Schemas["DecisionRuleEnvelope"];

type ResultsPageOfAny = Schemas["ResultsPage"];
/** One page of objects of type `S`; `_links.next` is there unless it is the last page (see `nextPageOf`). */
export type ResultsPage<S extends SchemaId> = Omit<ResultsPageOfAny, "_embedded"> & {
  _embedded: Omit<ResultsPageOfAny["_embedded"], "results"> & { results: Envelope<S>[] };
};

// JSON Patch paths start at the envelope. Top-level keys of the instance are spelled out, so a typo or a key of
// another type does not compile; below an array or object key any pointer is allowed (`/-` appends).
type Key<S extends SchemaId> = Exclude<keyof InstanceOf<S>, "@id"> & string;
type NestedKey<S extends SchemaId> = {
  [K in Key<S>]-?: NonNullable<InstanceOf<S>[K]> extends object ? K : never;
}[Key<S>];
type NestedPath<S extends SchemaId> = `/_instance/${NestedKey<S>}/${string}` | "/_links" | `/_links/${string}`;

/** A JSON Pointer an operation on an object of type `S` may name. */
export type PatchPath<S extends SchemaId> = `/_instance/${Key<S>}` | NestedPath<S>;

/**
 * One JSON Patch operation on an object of type `S`: `add`, `replace` or `remove` (the only ones the API takes).
 * On a top-level key the value is typed by that key (`/_instance/xdm:status` takes an `OfferStatus`).
 */
export type PatchOperation<S extends SchemaId> =
  | { [K in Key<S>]: { op: "add" | "replace"; path: `/_instance/${K}`; value: NonNullable<InstanceOf<S>[K]> } }[Key<S>]
  | { op: "add" | "replace"; path: NestedPath<S>; value: unknown }
  | { op: "remove"; path: PatchPath<S> };
