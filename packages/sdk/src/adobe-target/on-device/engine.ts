// What the on-device client needs from the rules engine (`@offerkit/target-rules`, bound in index.ts).
import type { DeliveryRequest, DeliveryResponse, Geo, Notification } from "@offerkit/delivery";

/** A host split as a public-suffix list splits it (`psl`, for example). */
export interface DomainParts {
  /** The registrable domain, e.g. `example.co.uk`. */
  readonly domain: string;
  /** What precedes it, without a leading `www`. */
  readonly subdomain: string;
  /** The public suffix, e.g. `co.uk`. */
  readonly topLevelDomain: string;
}

/** The parsed artifact, opaque to the facade. */
export interface ArtifactFacts {
  readonly version?: string;
}

/** The per-call inputs of a decision that do not come from the request: clock, randomness, location hint, geo. */
export interface DecisionContext {
  readonly clientCode: string;
  readonly sessionId: string;
  readonly now: number;
  readonly randomUUID: () => string;
  readonly targetLocationHint?: string | undefined;
  /** From a geo lookup: overrides the request's `context.geo`. */
  readonly geo?: Geo | undefined;
  /** The public-suffix split of page and referring hosts; the engine's small built-in table without it. */
  readonly parseDomain?: ((host: string) => DomainParts | undefined) | undefined;
  /** What `trace.artifact` reports when the request asks for a trace. */
  readonly artifactTrace?: Record<string, unknown> | undefined;
}

export interface Decision {
  readonly response: DeliveryResponse;
  readonly notifications: readonly Notification[];
  readonly meta: { readonly remoteMboxes: readonly string[]; readonly remoteViews: readonly string[] };
}

/** The engine as the facade uses it; tests plug in a stand-in to drive the lifecycle. */
export interface DecisionEngine<A extends ArtifactFacts = ArtifactFacts> {
  /** Checks a rules.json value; throws (the engine's `ArtifactError`) for another major version or a malformed one. */
  parse(value: unknown): A;
  /** Decodes and checks an obfuscated rules.bin. */
  decodeBin(bytes: Uint8Array, organizationId: string): A;
  decide(artifact: A, request: DeliveryRequest, context: DecisionContext): Decision;
  /** The requested mboxes (the global mbox for a page load) and views only the server can decide. */
  needsServer(artifact: A, request: DeliveryRequest): RemoteDependency;
  /** The artifact targets by geo and the request's geo is only an IP address. */
  needsGeoLookup(artifact: A, request: DeliveryRequest): boolean;
  /** The geo endpoint's `x-geo-*` answer as a request `context.geo`. */
  geoFromLookup(body: Record<string, unknown>): Geo;
}

/** Adobe's marker for "look up the caller's own address". */
export const UNKNOWN_IP_ADDRESS = "unknownIpAddress";

export interface RemoteDependency {
  readonly remote: boolean;
  readonly remoteMboxes: string[];
  readonly remoteViews: string[];
}
