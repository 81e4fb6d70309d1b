import {
  type PlatformCallOptions,
  type PlatformClientOptions,
  runCall,
  serializeJsonBody,
  setUpPlatformClient,
  validateOperation,
  withMediaTypes,
} from "@offerkit/core";
import createClient, { type Client, type FetchResponse } from "openapi-fetch";
import type { operations, paths } from "./generated/schema.js";
import { operations as rules, schemas } from "./generated/validator.js";
import type { DecisionRequest } from "./types.js";
import { VERSION } from "./version.js";

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

export interface OdsClientOptions extends PlatformClientOptions {}

export interface OdsCallOptions extends PlatformCallOptions {}

/** What `makeDecisions` resolves to: openapi-fetch's `{ data, error, response }`, typed by the spec. */
export type DecisionsResult = FetchResponse<MakeDecisions, { body: DecisionRequest }, `${string}/${string}`>;

export interface OdsClient {
  /**
   * `POST /data/core/ods/decisions`: the best options of each decision scope for one profile. Input is checked
   * against the spec first (a bad field throws `ValidationError` naming it); resolves with `{ data }` on 2xx and
   * `{ error, response }` otherwise. Not retried unless `retry: { retryNonIdempotent: true }`, because a decision
   * can count against frequency caps.
   */
  makeDecisions(request: DecisionRequest, options?: OdsCallOptions): Promise<DecisionsResult>;
  readonly baseUrl: string;
  /** The generated openapi-fetch client (authenticated, same transport) for anything `makeDecisions` does not cover. */
  readonly raw: Client<paths>;
}

/**
 * A client for Adobe's Offer Decisioning API. Authenticates with IMS (or the token you give), sends the org,
 * sandbox, a fresh `x-request-id` and Adobe's vendor media types with every call.
 */
export function createOdsClient(options: OdsClientOptions): OdsClient {
  const setup = setUpPlatformClient(options, {
    packageName: "ods",
    version: VERSION,
    schemas,
    headerRules: rules.makeDecisions.header,
  });
  const raw = createClient<paths>({
    baseUrl: setup.baseUrl,
    fetch: setup.transport,
    headers: setup.headers,
    bodySerializer: serializeJsonBody,
  });
  return {
    baseUrl: setup.baseUrl,
    raw,
    makeDecisions(request, call) {
      return runCall(setup.transport, call, (scope) => {
        const header = setup.identity(call);
        validateOperation(schemas, rules.makeDecisions, { header: { ...call?.headers, ...header }, body: request });
        return raw.POST(DECISIONS_PATH, {
          params: { header },
          body: request,
          headers: withMediaTypes(call?.headers, DECISION_RESPONSE_MEDIA_TYPE, DECISION_REQUEST_MEDIA_TYPE),
          signal: scope.signal,
          fetch: scope.fetch,
        }) as Promise<DecisionsResult>;
      });
    },
  };
}
