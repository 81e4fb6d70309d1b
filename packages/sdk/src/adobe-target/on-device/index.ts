// `@offerkit/sdk/target/on-device`: createTargetClient with on-device and hybrid decisioning, on @offerkit/target-rules.
// A separate entry, so that server-side users' bundles never carry the rules engine.

import type { DeliveryRequest } from "@offerkit/delivery";
import type { DeliveryRequest as EngineRequest, RulesArtifact } from "@offerkit/target-rules";
import {
  decide,
  decodeArtifactBin,
  geoFromLookup,
  needsGeoLookup,
  needsServer,
  parseArtifact,
} from "@offerkit/target-rules";
import { createOnDeviceTargetClient, type OnDeviceTargetClient, type OnDeviceTargetClientOptions } from "./client.js";
import type { Decision, DecisionEngine } from "./engine.js";

// The engine types its own view of the Delivery API request and response; they are the same JSON as the client's.
const asEngineRequest = (request: DeliveryRequest) => request as unknown as EngineRequest;

const ENGINE: DecisionEngine<RulesArtifact> = {
  parse: parseArtifact,
  decodeBin: (bytes, organizationId) => parseArtifact(decodeArtifactBin(bytes, organizationId)),
  decide: (artifact, request, context) => decide(artifact, asEngineRequest(request), context) as unknown as Decision,
  needsServer: (artifact, request) => needsServer(artifact, asEngineRequest(request)),
  needsGeoLookup: (artifact, request) => needsGeoLookup(artifact, asEngineRequest(request)),
  geoFromLookup,
};

/**
 * `createTargetClient` with Adobe's on-device options: `decisioningMethod: "on-device" | "hybrid"` decides from
 * Target's rules artifact, downloaded from Target's CDN (or given as `artifactPayload`) and refreshed every
 * `pollingInterval`. Await `client.ready` before on-device calls; call `client.close()` to stop polling.
 */
export function createTargetClient(options: OnDeviceTargetClientOptions): OnDeviceTargetClient {
  return createOnDeviceTargetClient(options, ENGINE);
}

export { ArtifactError } from "@offerkit/target-rules";
export type { DecisioningMethod, ResponseMeta, TargetDeliveryResponse } from "../client.js";
export { ArtifactUnavailableError } from "./artifact.js";
export {
  DecisioningNotReadyError,
  type OnDeviceGetAttributesOptions,
  type OnDeviceGetOffersOptions,
  type OnDeviceTargetClient,
  type OnDeviceTargetClientOptions,
} from "./client.js";
export type { DomainParts } from "./engine.js";
export type {
  OnDeviceEmitter,
  OnDeviceEventListeners,
  OnDeviceEventName,
  OnDeviceEvents,
  OnDeviceListener,
} from "./events.js";
