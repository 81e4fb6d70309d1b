// The shapes the engine reads and writes: the rules artifact as Target publishes it, and structural equivalents of
// the Delivery API request/response (assignable to and from @offerkit/delivery's types; a type test checks that).

/** A JSON-logic condition as Target's artifacts write them (`{"and":[{"<=":[0,{"var":"allocation"}]}, …]}`). */
export type JsonLogic = boolean | number | string | null | readonly JsonLogic[] | { readonly [op: string]: JsonLogic };

/** One option of a rule's consequence. */
export interface ArtifactOption {
  /** `json`, `html`, `actions`, `redirect` or `dynamic`. */
  readonly type?: string;
  readonly content?: unknown;
  readonly eventToken?: string;
  readonly responseTokens?: Readonly<Record<string, unknown>>;
}

export interface ArtifactMetric {
  /** `click` or `display`. */
  readonly type?: string;
  readonly eventToken?: string;
  readonly selector?: string;
  readonly selectors?: readonly string[];
  readonly analytics?: unknown;
}

export interface RuleConsequence {
  /** The mbox or view name. */
  readonly name?: string;
  readonly key?: string;
  readonly options?: readonly ArtifactOption[];
  readonly metrics?: readonly ArtifactMetric[];
}

/** The rule meta Target writes; every key may appear in response tokens and campaign macros. */
export interface RuleMeta {
  readonly "activity.id"?: number;
  readonly "activity.name"?: string;
  /** `ab` or `landing` (experience targeting). */
  readonly "activity.type"?: string;
  readonly "activity.receivedTime"?: number;
  readonly "experience.id"?: number;
  readonly "experience.name"?: string;
  readonly "location.id"?: number;
  readonly "location.name"?: string;
  /** `mbox` or `view`. */
  readonly "location.type"?: string;
  readonly "offer.id"?: number;
  readonly "offer.name"?: string;
  readonly "option.id"?: number;
  readonly "option.name"?: string;
  readonly "audience.ids"?: readonly number[];
  readonly [key: string]: unknown;
}

export interface Rule {
  /** Rules with the same key belong to one activity: the global mbox and views take at most one of them. */
  readonly ruleKey?: string;
  readonly activityId?: number;
  /** Declared by Adobe's artifact types; no engine reads it (allocation salts with the activity id). */
  readonly seed?: string;
  readonly propertyTokens?: readonly string[];
  readonly condition: JsonLogic;
  readonly consequence: RuleConsequence;
  readonly meta: RuleMeta;
}

/** `rules.json`, as published at `https://assets.adobetarget.com/{client}/{environment}/v1/[{propertyToken}/]rules.json`. */
export interface RulesArtifact {
  /** Semantic version; only major 1 is understood. */
  readonly version: string;
  readonly meta?: {
    readonly generatedAt?: string;
    readonly organizationId?: string;
    readonly clientCode?: string;
    readonly workspace?: string | number;
    readonly environment?: string | number;
    readonly [key: string]: unknown;
  };
  /** The mbox name a `pageLoad` request is decided as (default `target-global-mbox`). */
  readonly globalMbox: string;
  /** When true, geo audiences need the visitor's location (see `needsGeoLookup`). */
  readonly geoTargetingEnabled: boolean;
  /** The response tokens the client enabled in Target (`activity.id`, `geo.city`, …). */
  readonly responseTokens: readonly string[];
  /** Mboxes/views with activities only the server can decide. */
  readonly remoteMboxes: readonly string[];
  readonly remoteViews: readonly string[];
  /** Mboxes/views with on-device activities. */
  readonly localMboxes: readonly string[];
  readonly localViews: readonly string[];
  readonly rules: {
    readonly mboxes: Readonly<Record<string, readonly Rule[]>>;
    readonly views: Readonly<Record<string, readonly Rule[]>>;
  };
  readonly targetAdminActivityUrls?: readonly string[];
}

// ---- Delivery API shapes (structural; only what the engine reads or writes) ----

export interface VisitorId {
  tntId?: string;
  thirdPartyId?: string;
  marketingCloudVisitorId?: string;
  customerIds?: {
    id: string;
    integrationCode: string;
    authenticatedState: "unknown" | "authenticated" | "logged_out";
  }[];
}

export interface Address {
  url?: string;
  referringUrl?: string;
}

export interface Geo {
  ipAddress?: string;
  latitude?: number;
  longitude?: number;
  countryCode?: string;
  stateCode?: string;
  city?: string;
  zip?: string;
}

export interface ClientHints {
  mobile?: boolean;
  model?: string;
  platform?: string;
  platformVersion?: string;
  browserUAWithMajorVersion?: string;
  browserUAWithFullVersion?: string;
  architecture?: string;
  bitness?: string;
}

export interface Context {
  channel: "web" | "mobile";
  address?: Address;
  geo?: Geo;
  userAgent?: string;
  clientHints?: ClientHints;
  beacon?: boolean;
  timeOffsetInMinutes?: number;
  [key: string]: unknown;
}

export interface RequestDetails {
  address?: Address;
  parameters?: Record<string, string>;
  profileParameters?: Record<string, string>;
  order?: unknown;
  product?: unknown;
}

export interface MboxRequest extends RequestDetails {
  index: number;
  name: string;
}

export interface ViewRequest extends RequestDetails {
  name?: string;
  key?: string;
}

export interface DeliveryRequest {
  requestId?: string;
  impressionId?: string;
  id?: VisitorId;
  environmentId?: number;
  property?: { token: string };
  trace?: { authorizationToken: string; usage?: Record<string, string> };
  context: Context;
  experienceCloud?: unknown;
  execute?: { pageLoad?: RequestDetails; mboxes?: MboxRequest[] };
  prefetch?: { pageLoad?: RequestDetails; mboxes?: MboxRequest[]; views?: ViewRequest[] };
  notifications?: unknown[];
  qaMode?: unknown;
  preview?: unknown;
  telemetry?: unknown;
}

export interface Option {
  type?: "html" | "json" | "redirect" | "dynamic" | "actions";
  /** JSON for `json`, HTML for `html`, a list of actions for `actions`, a URL for `redirect`. */
  content?: string | Record<string, unknown> | unknown[] | number | boolean;
  eventToken?: string;
  responseTokens?: Record<string, unknown>;
}

export interface Metric {
  type?: "click" | "display";
  selector?: string;
  eventToken?: string;
  analytics?: { payload?: { pe?: string; tnta?: string } };
}

export interface MboxResponse {
  index?: number;
  name?: string;
  options?: Option[];
  metrics?: Metric[];
  trace?: Record<string, unknown>;
}

export interface PageLoadResponse {
  options?: Option[];
  metrics?: Metric[];
  trace?: Record<string, unknown>;
}

export interface ViewResponse {
  name?: string;
  key?: string;
  options?: Option[];
  metrics?: Metric[];
  trace?: Record<string, unknown>;
}

/** How the response was decided, as Adobe's SDK reports it next to the response. */
export interface DecisionMeta {
  decisioningMethod: "on-device";
  /** Requested mboxes that only the server can decide (empty when none). */
  remoteMboxes: string[];
  remoteViews: string[];
}

export interface DeliveryResponse {
  /** 200, or 206 when a requested mbox or view needs the server (`remoteMboxes`/`remoteViews` say which). */
  status?: number;
  requestId?: string;
  id?: VisitorId;
  client?: string;
  edgeHost?: string;
  execute?: { pageLoad?: PageLoadResponse; mboxes?: MboxResponse[] };
  prefetch?: { pageLoad?: PageLoadResponse; mboxes?: MboxResponse[]; views?: ViewResponse[]; metrics?: Metric[] };
}

/** The engine's answer: the Delivery response plus Adobe's on-device fields. */
export interface DecisionResponse extends DeliveryResponse {
  status: 200 | 206;
  requestId: string;
  id: VisitorId;
  client: string;
  remoteMboxes: string[];
  remoteViews: string[];
}

/** A display notification for an executed decision, ready for `POST /rest/v1/delivery` `notifications`. */
export interface Notification {
  id: string;
  impressionId: string;
  timestamp: number;
  type: "display";
  mbox: { name: string };
  tokens: string[];
}

/** A host split into Target's page parts. */
export interface DomainParts {
  /** Registrable domain (`example.co.uk`). */
  domain: string;
  /** What precedes the registrable domain, without a leading `www` label. */
  subdomain: string;
  /** Public suffix (`co.uk`). */
  topLevelDomain: string;
}

/** Everything `decide` needs besides the artifact and request; the engine has no clock, randomness or network. */
export interface DecisionContext {
  /** Target client code (it salts allocation: `{client}.{activityId}.{visitorId}.0`). */
  clientCode: string;
  /** The time of the decision, in ms since the epoch (UTC). */
  now: number;
  /** Source of UUIDs (notification ids, a minted tntId or requestId); e.g. `() => crypto.randomUUID()`. */
  randomUUID: () => string;
  /** Visitor ids to use where the request's `id` has none (e.g. from the mbox cookie). */
  id?: VisitorId;
  /** Edge location hint (e.g. `"35"`); a minted tntId gets `.{hint}_0`, as Target's SDK does. */
  targetLocationHint?: string;
  /** The session id; decisions do not depend on it, traces (`request.trace`) report it. */
  sessionId?: string;
  /** Used when the request has no `requestId`; otherwise a UUID is minted. */
  requestId?: string;
  /** Default property token when the request has no `property.token`. */
  propertyToken?: string;
  /** Geo from a lookup (see `needsGeoLookup`); fields override the request's `context.geo`. */
  geo?: Geo;
  /** User agent / client hints when the request's context has none. */
  userAgent?: string;
  clientHints?: ClientHints;
  /** What a response's `trace.artifact` says when `request.trace` is set (artifact location, polling, …). */
  artifactTrace?: Record<string, unknown>;
  /**
   * Splits a host into registrable domain and public suffix (plug in a public-suffix list, e.g. `psl`).
   * Without it a small built-in table of common multi-label suffixes is used.
   */
  parseDomain?: (host: string) => DomainParts | undefined;
}

export interface Decision {
  response: DecisionResponse;
  /** Display notifications for executed mboxes/pageLoad, to send in the background (never for prefetch). */
  notifications: Notification[];
  /** How it was decided, as Adobe's SDK reports it beside the response. */
  meta: DecisionMeta;
}

/** What a rule's JSON-logic condition reads (`{"var": "page.domain_lc"}`, `{"var": "mbox.color_lc"}`, …). */
export interface ConditionData {
  /** 0–99.99: the visitor's bucket in the rule's activity. */
  allocation: number;
  current_timestamp: number;
  /** `HHmm`, UTC. */
  current_time: string;
  /** 1 = Monday … 7 = Sunday, UTC. */
  current_day: number;
  user: { browserType: string; platform: string; locale: string; browserVersion: number };
  page: PageParts;
  referring: PageParts;
  /** The mbox's (or pageLoad's, or view's) parameters, dotted keys expanded, with `_lc` copies of strings. */
  mbox: Record<string, unknown>;
  geo: { country?: string; region?: string; city?: string; latitude?: number; longitude?: number };
}

type PagePart = "url" | "path" | "query" | "fragment" | "domain" | "subdomain" | "topLevelDomain";
export type PageParts = Record<PagePart | `${PagePart}_lc`, string>;
