import type { PlatformCallOptions, PlatformClientOptions, WithMetadata } from "@offerkit/core";
import { createRunner, setUpPlatformClient, withConnection } from "@offerkit/core/internal";
import type { FetchResponse } from "openapi-fetch";
import { requestRules } from "./generated/request-rules.js";
import type { operations, paths } from "./generated/schema.js";
import type { DecisionRequest } from "./types.js";
import { VERSION } from "./version.js";

/** Path of the Decisioning API's one operation, `makeDecisions`. */
export const DECISIONS_PATH = "/data/core/ods/decisions" as const satisfies keyof paths;

type MakeDecisions = operations["makeDecisions"];
type RequestMediaType = keyof NonNullable<MakeDecisions["requestBody"]>["content"];
type ResponseMediaType = keyof MakeDecisions["responses"][200]["content"];

// Checked against the spec's media type keys: a version bump in specs/ods.yaml breaks the build until these follow.
/** The request media type Adobe documents, byte for byte. */
export const DECISION_REQUEST_MEDIA_TYPE =
  'application/vnd.adobe.xdm+json; schema="https://ns.adobe.com/experience/offer-management/decision-request;version=1.0"' as const satisfies RequestMediaType;
/** The response media type Adobe documents, sent as `Accept`. */
export const DECISION_RESPONSE_MEDIA_TYPE =
  'application/vnd.adobe.xdm+json; schema="https://ns.adobe.com/experience/offer-management/decision-response;version=1.0"' as const satisfies ResponseMediaType;

/** The operation ids of `specs/ods.yaml`. */
export type OdsOperationId = keyof operations;

/** Options of `createOdsClient`: credentials, org, sandbox, and how calls are sent. */
export interface OdsClientOptions extends PlatformClientOptions<OdsOperationId> {}

/** Per-call options of `makeDecisions`: cancellation, timeout, retries, sandbox and request id. */
export interface OdsCallOptions extends PlatformCallOptions {}

/** What `makeDecisions` resolves to: openapi-fetch's `{ data, error, response }`, typed by the spec, and `metadata`. */
export type DecisionsResult = WithMetadata<
  FetchResponse<MakeDecisions, { body: DecisionRequest }, `${string}/${string}`>
>;

/** An Offer Decisioning (real-time Decisioning API) client, from `createOdsClient`. */
export interface OdsClient {
  /**
   * `POST /data/core/ods/decisions`: the best options of each decision scope for one profile. Input is checked
   * against the spec first (a bad field throws `ValidationError` naming it); resolves with `{ data }` on 2xx and
   * `{ error, response }` otherwise. Not retried unless `retry: { retryNonIdempotent: true }`, because a decision
   * can count against frequency caps.
   */
  makeDecisions(request: DecisionRequest, options?: OdsCallOptions): Promise<DecisionsResult>;
  readonly baseUrl: string;
}

/**
 * A client for Adobe's Offer Decisioning API. Authenticates with IMS (or the token you give), sends the org,
 * sandbox, a fresh `x-request-id` and Adobe's vendor media types with every call.
 */
export function createOdsClient(options: OdsClientOptions): OdsClient {
  const connection = setUpPlatformClient(options, {
    packageName: "ods",
    version: VERSION,
    rules: requestRules,
    headerRulesOf: "makeDecisions",
  });
  const run = createRunner(connection);
  return withConnection(
    {
      baseUrl: connection.baseUrl,
      makeDecisions: (request, call) =>
        run(call, "makeDecisions", () => ({
          method: "POST",
          path: DECISIONS_PATH,
          body: request,
          accept: DECISION_RESPONSE_MEDIA_TYPE,
          contentType: DECISION_REQUEST_MEDIA_TYPE,
        })),
    } satisfies OdsClient,
    connection,
  );
}
