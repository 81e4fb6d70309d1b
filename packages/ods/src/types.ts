import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

// Readable names for the generated component types, so users never spell `components["schemas"]["X"]`.

/** Body of `POST /data/core/ods/decisions`: decision scopes, one profile, and how to shape the answer. */
export type DecisionRequest = Schemas["DecisionRequest"];
/** One decision scope: a decision (activity), a placement, and how many options to return (1–30). */
export type PropositionRequest = Schemas["PropositionRequest"];
/** The profile to decide for, by its identities. */
export type ProfileRequest = Schemas["ProfileRequest"];
/** Identities by namespace code (`ECID`, `Email`, custom namespaces). */
export type IdentityMap = Schemas["IdentityMap"];
/** One identity of the profile within a namespace. */
export type Identity = Schemas["Identity"];
/** Extra context for decision rules, typed by `@type`. */
export type ContextData = Schemas["ContextData"];
/** Whether one option may be proposed across several decisions or placements. */
export type AllowDuplicatePropositions = Schemas["AllowDuplicatePropositions"];
/** The merge policy used to assemble the profile for the decision. */
export type MergePolicy = Schemas["MergePolicy"];
/** Whether to return content and which metadata. */
export type ResponseFormat = Schemas["ResponseFormat"];
/** Metadata fields to add to the answer, per kind of object. */
export type IncludeMetadata = Schemas["IncludeMetadata"];
/**
 * The 200 body: one proposition per decision scope. Current servers spell its id `xdm:propositionId`; answers
 * of 2020 spell it `xdm:propositionID`. Neither is guaranteed, so read it with `propositionIdOf(answer)`.
 */
export type DecisionResponse = Schemas["DecisionResponse"];
/** The options chosen for one decision scope, or its fallback. */
export type Proposition = Schemas["Proposition"];
/** A reference to a decision (activity) or placement, with the metadata asked for. */
export type EntityRef = Schemas["EntityRef"];
/** One offer: id, revision, component type, content, score. */
export type Option = Schemas["Option"];
/**
 * A `repo:etag`: an integer from current servers (`4`), a string in answers of 2020 (`"4"`). Read it as one
 * type with `etagOf(entity)`, which returns the string form.
 */
export type Etag = Schemas["Etag"];
/** The error body of 4xx/5xx answers: Platform problem details, or the API gateway's `{ error_code, message }`. */
export type Problem = Schemas["Problem"];
