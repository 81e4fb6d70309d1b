import type { DecisionResponse, Etag } from "./types.js";

// Decision answers differ between versions of the service (see "Answers differ between versions" in specs/ods.yaml):
// these read the fields that vary, so callers never branch on the version themselves.

/**
 * The id of a decision answer, whichever spelling the server used: `xdm:propositionId` (current servers) or
 * `xdm:propositionID` (answers of 2020). `undefined` only when the answer has neither.
 *
 * @example
 * const answer = await unwrap(ods.makeDecisions(request));
 * const id = propositionIdOf(answer); // the same string from either spelling
 */
export function propositionIdOf(
  answer: Pick<DecisionResponse, "xdm:propositionId" | "xdm:propositionID">,
): string | undefined {
  // The legacy spelling is marked deprecated so that callers come here instead of reading it themselves.
  return answer["xdm:propositionId"] ?? answer["xdm:propositionID"];
}

/**
 * The revision (`repo:etag`) of a decision, placement or offer as a string, whether the server sent it as an
 * integer (`4`, current servers) or as a string (`"4"`, answers of 2020): `"4"` either way. A string because the
 * etag is an opaque revision, compared for equality and sent back in `If-Match`, never computed with.
 *
 * @example
 * for (const option of proposition["xdm:options"] ?? []) seen.set(option["xdm:id"], etagOf(option));
 */
export function etagOf(entity: { readonly "repo:etag": Etag }): string;
export function etagOf(entity: { readonly "repo:etag"?: Etag | undefined }): string | undefined;
export function etagOf(entity: { readonly "repo:etag"?: Etag | undefined }): string | undefined {
  const etag = entity["repo:etag"];
  return etag === undefined ? undefined : String(etag);
}
