import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

// Readable names for the generated component types, so users never spell `components["schemas"]["X"]`.

/** Body of a start-workload POST: one audience, one output dataset, the decision scopes. */
export type WorkloadRequest = Schemas["WorkloadRequest"];
/** One decision scope: a decision (activity) and a placement, and how many options to pick (1–30). */
export type PropositionRequest = Schemas["PropositionRequest"];
/** A batch decision workload as both calls return it. */
export type Workload = Schemas["Workload"];
/** `QUEUED` → `PROCESSING` → `INGESTING` → `COMPLETED`, or `ERROR`. */
export type WorkloadStatus = Schemas["WorkloadStatus"];
/** Free-form progress or error details (spark job id, batch id, error message); Adobe does not document the shape. */
export type WorkloadStatusDetail = Schemas["WorkloadStatusDetail"];
/** The error body of 4xx/5xx answers: Platform problem details, or the API gateway's `{ error_code, message }`. */
export type Problem = Schemas["Problem"];
