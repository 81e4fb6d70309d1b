// What the on-device client needs from the rules engine, and the request-side helpers it computes itself.
import type { DeliveryRequest, DeliveryResponse, Notification } from "@offerkit/delivery";

/** The artifact fields the facade reads itself; the engine's parsed artifact has more. */
export interface ArtifactFacts {
  readonly version?: string;
  readonly globalMbox?: string;
  readonly geoTargetingEnabled?: boolean;
  readonly remoteMboxes?: readonly string[];
  readonly remoteViews?: readonly string[];
  readonly localMboxes?: readonly string[];
  readonly localViews?: readonly string[];
}

/** The per-call inputs of a decision that do not come from the request: clock, randomness, location hint, geo. */
export interface DecisionContext {
  readonly clientCode: string;
  readonly sessionId: string;
  readonly now: number;
  readonly randomUUID: () => string;
  readonly targetLocationHint?: string | undefined;
}

export interface Decision {
  readonly response: DeliveryResponse;
  readonly notifications: readonly Notification[];
}

/** The engine as the facade uses it: `@offerkit/target-rules` behind a thin adapter (`load-engine.ts`). */
export interface DecisionEngine<A extends ArtifactFacts = ArtifactFacts> {
  /** Checks a rules.json value; throws (the engine's `ArtifactError`) for another major version or a malformed one. */
  parse(value: unknown): A;
  /** Decodes and checks an obfuscated rules.bin. */
  decodeBin(bytes: Uint8Array, organizationId: string): A;
  decide(artifact: A, request: DeliveryRequest, context: DecisionContext): Decision;
}

const DEFAULT_GLOBAL_MBOX = "target-global-mbox";

export interface RemoteDependency {
  readonly remoteMboxes: string[];
  readonly remoteViews: string[];
}

/**
 * The requested mboxes (the global mbox for a page load) and views that only the server can decide: listed as
 * remote, or not listed as local. A request for views without names asks for every view, so every remote one counts.
 */
export function remoteDependency(artifact: ArtifactFacts, request: DeliveryRequest): RemoteDependency {
  const mboxes = new Set<string>();
  const views = new Set<string>();
  let allViews = false;
  for (const part of [request.execute, request.prefetch]) {
    if (part === undefined) continue;
    for (const mbox of part.mboxes ?? []) if (mbox.name) mboxes.add(mbox.name);
    if (part.pageLoad) mboxes.add(artifact.globalMbox ?? DEFAULT_GLOBAL_MBOX);
  }
  for (const view of request.prefetch?.views ?? []) {
    if (view.name) views.add(view.name);
    else allViews = true;
  }
  const remoteMboxes = artifact.remoteMboxes ?? [];
  const localMboxes = new Set(artifact.localMboxes ?? []);
  const remoteViews = artifact.remoteViews ?? [];
  const localViews = new Set(artifact.localViews ?? []);
  const mboxesRemote = new Set([
    ...remoteMboxes.filter((name) => mboxes.has(name)),
    ...[...mboxes].filter((name) => !localMboxes.has(name)),
  ]);
  const viewsRemote =
    allViews && views.size === 0
      ? new Set(remoteViews)
      : new Set([
          ...remoteViews.filter((name) => views.has(name)),
          ...[...views].filter((name) => !localViews.has(name)),
        ]);
  return { remoteMboxes: [...mboxesRemote], remoteViews: [...viewsRemote] };
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;
/** Adobe's marker for "look the caller's own address up". */
export const UNKNOWN_IP_ADDRESS = "unknownIpAddress";

/**
 * A geo lookup is needed when the artifact targets by geo and the request's geo holds an IP address (or Adobe's
 * unknown-address marker) and nothing else.
 */
export function needsGeoLookup(artifact: ArtifactFacts, request: DeliveryRequest): boolean {
  const geo = request.context?.geo;
  if (!artifact.geoTargetingEnabled || geo === undefined) return false;
  const ip = geo.ipAddress;
  if (ip === undefined || !(ip === UNKNOWN_IP_ADDRESS || IPV4.test(ip) || (ip.includes(":") && IPV6.test(ip)))) {
    return false;
  }
  return (
    geo.latitude === undefined &&
    geo.longitude === undefined &&
    geo.countryCode === undefined &&
    geo.stateCode === undefined &&
    geo.city === undefined
  );
}
