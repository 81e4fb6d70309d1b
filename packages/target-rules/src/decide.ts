// decide(): one Delivery request against a compiled artifact, with Adobe's on-device semantics (first match for
// mboxes, all matches for the global mbox and views, response tokens, campaign macros, display notifications).
import { type CompiledArtifact, type CompiledRule, compileArtifact, DEFAULT_GLOBAL_MBOX } from "./artifact.js";
import { check } from "./errors.js";
import { allocation } from "./hash.js";
import type {
  ArtifactMetric,
  ArtifactOption,
  ConditionData,
  Decision,
  DecisionContext,
  DecisionResponse,
  DeliveryRequest,
  Geo,
  MboxRequest,
  Notification,
  RequestDetails,
  RulesArtifact,
  ViewRequest,
  VisitorId,
} from "./types.js";
import { IPV4, type PageContext, pageContext, parseDomainDefault } from "./url.js";
import { userContext } from "./user-agent.js";

type Mode = "execute" | "prefetch";
type Json = Record<string, unknown>;
type Detail = RequestDetails & { name?: string | undefined; index?: number | undefined };

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A deep copy of JSON content, so callers may change a response without changing the artifact. */
function cloneJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const copy: Json = {};
  for (const key in value) {
    const item = (value as Json)[key];
    if (item !== undefined) copy[key] = cloneJson(item);
  }
  return copy as T;
}

/** `mbox.*` condition data: parameters with dotted keys expanded, plus `_lc` copies of string values. */
function mboxContext(parameters: Record<string, unknown> | undefined): Json {
  const expanded: Json = {};
  if (!parameters) return expanded;
  for (const key in parameters) {
    const value = parameters[key];
    if (key.includes(".") && !key.includes("..") && key[0] !== "." && key[key.length - 1] !== ".") {
      const parts = key.split(".");
      let target = expanded;
      for (let i = 0; i < parts.length - 1; i++) {
        const part = parts[i] as string;
        if (!target[part]) target[part] = {};
        target = target[part] as Json;
      }
      target[parts[parts.length - 1] as string] = value;
    } else {
      expanded[key] = value;
    }
  }
  return withLowerCase(expanded);
}

function withLowerCase(source: Json): Json {
  const result: Json = {};
  for (const key in source) result[key] = source[key];
  // In key order, reading the copies made so far, as Adobe's engine does (`x` then `x_lc` gives `x_lc_lc` from
  // the lower-cased `x`).
  for (const key in source) {
    const value = result[key];
    if (typeof value === "string") result[`${key}_lc`] = value.toLowerCase();
    if (isObject(source[key])) result[key] = withLowerCase(value as Json);
  }
  return result;
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

function checkInput(request: DeliveryRequest, context: DecisionContext): void {
  check(isObject(context), "context");
  check(
    typeof context.clientCode === "string" && context.clientCode !== "",
    "context.clientCode",
    "a non-empty string",
  );
  check(Number.isFinite(context.now), "context.now", "a time in milliseconds");
  check(typeof context.randomUUID === "function", "context.randomUUID", "a function");
  check(isObject(request), "request");
  for (const mode of ["execute", "prefetch"] as const) {
    const part = request[mode] as Json | undefined;
    const at = `request.${mode}`;
    if (part === undefined) continue;
    check(isObject(part), at);
    check(part.pageLoad === undefined || isObject(part.pageLoad), `${at}.pageLoad`);
    for (const kind of ["mboxes", "views"]) {
      const list = part[kind];
      const where = `${at}.${kind}`;
      if (list === undefined) continue;
      check(Array.isArray(list), where, "a list");
      (list as Json[]).forEach((item, i) => {
        check(isObject(item), `${where}[${i}]`);
        // Views may be unnamed (all views); mboxes need a name.
        check(
          typeof item.name === "string" || (kind === "views" && item.name === undefined),
          `${where}[${i}].name`,
          "a string",
        );
      });
    }
  }
}

const hasVisitorId = (id: VisitorId): boolean =>
  !!(
    id.tntId ||
    id.marketingCloudVisitorId ||
    id.thirdPartyId ||
    id.customerIds?.some((customer) => customer.authenticatedState === "authenticated" && customer.id)
  );

/** Which requested mboxes and views only the server can decide (Adobe's `hasRemoteDependency`). */
export function needsServer(
  artifact: RulesArtifact,
  request: DeliveryRequest,
): { remote: boolean; remoteMboxes: string[]; remoteViews: string[] } {
  return remoteDependency(compileArtifact(artifact), request);
}

function requestedNames(request: DeliveryRequest, kind: "mboxes" | "views"): { names: Set<string>; asked: boolean } {
  const names = new Set<string>();
  let asked = false;
  for (const mode of ["prefetch", "execute"] as const) {
    const list = (request[mode] as Json | undefined)?.[kind];
    if (!Array.isArray(list)) continue;
    asked = true;
    for (const item of list as { name?: unknown }[]) {
      if (item?.name !== undefined) names.add(item.name as string);
    }
  }
  return { names, asked };
}

/** Requested names listed as remote, then requested names not listed as local (Adobe's order). */
function remoteOf(requested: string[], remote: readonly string[], local: ReadonlySet<string>): string[] {
  return [
    ...new Set([...remote.filter((name) => requested.includes(name)), ...requested.filter((name) => !local.has(name))]),
  ];
}

function remoteDependency(
  compiled: CompiledArtifact,
  request: DeliveryRequest,
): { remote: boolean; remoteMboxes: string[]; remoteViews: string[] } {
  const mboxes = [...requestedNames(request, "mboxes").names];
  if (isObject(request.execute?.pageLoad) || isObject(request.prefetch?.pageLoad)) mboxes.push(DEFAULT_GLOBAL_MBOX);
  const remoteMboxes = remoteOf(mboxes, compiled.remoteMboxes, compiled.localMboxes);
  const views = requestedNames(request, "views");
  const viewNames = [...views.names];
  // Only unnamed views requested: every remote view may be among them.
  const remoteViews =
    views.asked && viewNames.length === 0
      ? [...new Set(compiled.remoteViews)]
      : remoteOf(viewNames, compiled.remoteViews, compiled.localViews);
  return { remote: remoteMboxes.length > 0 || remoteViews.length > 0, remoteMboxes, remoteViews };
}

const UNKNOWN_IP = "unknownIpAddress";
const IP_V6 = /^[0-9a-f:.]*:[0-9a-f:.]*(%.+)?$/i;

/**
 * True when the artifact has geo targeting on and the request's geo is only an IP address (or Adobe's
 * `unknownIpAddress` marker): look the location up and pass it as `context.geo`.
 */
export function needsGeoLookup(artifact: RulesArtifact, request: DeliveryRequest): boolean {
  const geo = request?.context?.geo;
  if (!compileArtifact(artifact).artifact.geoTargetingEnabled || !geo) return false;
  const ip = typeof geo.ipAddress === "string" ? geo.ipAddress.trim() : "";
  return (
    (ip === UNKNOWN_IP || IPV4.test(ip) || IP_V6.test(ip)) &&
    (["latitude", "longitude", "countryCode", "stateCode", "city"] as const).every((key) => geo[key] === undefined)
  );
}

/**
 * A `context.geo` from Target's geo endpoint (`GET https://assets.adobetarget.com/v1/geo`, header `x-forwarded-for`):
 * its JSON body names the fields `x-geo-latitude`, `x-geo-country-code`, … (pass `Object.fromEntries(headers)` to
 * read them from response headers instead, as Adobe's Java SDK does).
 */
export function geoFromLookup(body: Record<string, unknown>): Geo {
  const geo: Record<string, string | number> = {};
  for (const [name, key] of GEO_FIELDS) {
    const value = body[`x-geo-${name}`];
    if (value !== null && value !== undefined)
      geo[key] = key.startsWith("l") ? Number.parseFloat(String(value)) : String(value);
  }
  return geo;
}

const GEO_FIELDS = [
  ["latitude", "latitude"],
  ["longitude", "longitude"],
  ["country-code", "countryCode"],
  ["region-code", "stateCode"],
  ["city", "city"],
] as const;

interface Tracer {
  request(mode: Mode, type: "mbox" | "view", detail: Detail): void;
  evaluated(rule: CompiledRule, data: ConditionData, satisfied: boolean): void;
  notified(rule: CompiledRule, notification: Notification): void;
  /** The trace as of now. */
  result(): Json;
  /**
   * A trace that, like Adobe's for an unmatched mbox and for pageLoad, keeps seeing rule conditions and
   * notifications recorded later in the same execute/prefetch part; `settle()` fixes it once the part is decided.
   */
  live(holder: Json): void;
  /** Settles `holder.trace` (a live trace taken from another holder) with the others. */
  track(holder: Json): void;
  settle(): void;
}

const snapshot = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Decides a Delivery request on the device. Pass the artifact `parseArtifact` returned; request and response follow
 * the Delivery API; clock, randomness and geo come from `context`.
 */
export function decide(artifact: RulesArtifact, request: DeliveryRequest, context: DecisionContext): Decision {
  const compiled = compileArtifact(artifact);
  checkInput(request, context);
  const { clientCode, now, randomUUID } = context;
  const requestContext = (request.context ?? { channel: "web" }) as DeliveryRequest["context"];

  const id: VisitorId = { ...context.id, ...request.id };
  if (!hasVisitorId(id)) {
    const hint = context.targetLocationHint?.trim() ? `.${context.targetLocationHint}_0` : "";
    id.tntId = `${randomUUID()}${hint}`;
  }
  const requestId = request.requestId || context.requestId || randomUUID();
  const visitorId =
    id.marketingCloudVisitorId || (id.tntId ? id.tntId.split(".")[0] : "") || id.thirdPartyId || randomUUID();

  const parseDomain = context.parseDomain ?? parseDomainDefault;
  const pages = new Map<string, PageContext>();
  const page = (url: unknown): PageContext => {
    const key = typeof url === "string" ? url : "";
    let parts = pages.get(key);
    if (!parts) {
      parts = pageContext(key, parseDomain);
      pages.set(key, parts);
    }
    return parts;
  };
  const time = new Date(now);
  const geoSource: Geo = { ...requestContext.geo, ...context.geo };
  const geo = {
    country: geoSource.countryCode,
    region: geoSource.stateCode,
    city: geoSource.city,
    latitude: geoSource.latitude,
    longitude: geoSource.longitude,
  };
  const base = {
    current_timestamp: now,
    current_time: two(time.getUTCHours()) + two(time.getUTCMinutes()),
    current_day: time.getUTCDay() || 7,
    user: userContext(requestContext.userAgent ?? context.userAgent, requestContext.clientHints ?? context.clientHints),
    page: page(requestContext.address?.url),
    referring: page(requestContext.address?.referringUrl),
    geo,
  };

  const propertyToken = request.property?.token || context.propertyToken;
  const allowed = (rule: CompiledRule): boolean =>
    propertyToken === undefined
      ? rule.propertyTokens.length === 0
      : rule.propertyTokens.length === 0 || rule.propertyTokens.includes(propertyToken);

  const allocations = new Map<unknown, number>();
  const allocate = (activityId: unknown): number => {
    let value = allocations.get(activityId);
    if (value === undefined) {
      value = allocation(clientCode, activityId, visitorId);
      allocations.set(activityId, value);
    }
    return value;
  };

  // Response tokens that do not depend on the rule.
  const fixedTokens: Json = { "activity.decisioningMethod": "on-device" };
  const geoTokenValues: [string, unknown][] = [
    ["geo.city", geo.city],
    ["geo.country", geo.country],
    ["geo.state", geo.region],
    ["geo.latitude", geo.latitude],
    ["geo.longitude", geo.longitude],
  ];
  for (const [token, value] of geoTokenValues) {
    if (compiled.geoTokens.has(token) && value !== undefined) fixedTokens[token] = value;
  }

  const notifications: Notification[] = [];
  const notified = new Set<string>();
  const tracing = request.trace !== undefined;
  const traceProfile = tracing ? profileOf(id) : undefined;

  const newTracer = (): Tracer | undefined =>
    tracing ? createTracer(compiled, base, clientCode, context, traceProfile) : undefined;

  function tokensFor(rule: CompiledRule): Json {
    const tokens: Json = {};
    const meta = rule.rule.meta;
    for (const key of compiled.metaTokens) {
      if (meta[key] !== undefined) tokens[key] = meta[key];
    }
    return Object.assign(tokens, fixedTokens);
  }

  function addNotification(rule: CompiledRule, tracer: Tracer | undefined): void {
    const name = rule.consequence.name;
    const tokens: string[] = [];
    for (const option of rule.consequence.options ?? []) {
      const token = option.eventToken;
      const key = `${name}-${token}`;
      if (token !== undefined && !notified.has(key)) {
        tokens.push(token);
        notified.add(key);
      }
    }
    if (tokens.length === 0) return;
    const notification: Notification = {
      id: randomUUID(),
      impressionId: randomUUID(),
      timestamp: now,
      type: "display",
      mbox: { name: name as string },
      tokens,
    };
    tracer?.notified(rule, notification);
    notifications.push(notification);
  }

  /** The response entry for a satisfied rule (Adobe's post-processors, in their order). */
  function outcome(
    rule: CompiledRule,
    detail: Detail,
    mode: Mode,
    isView: boolean,
    tracer: Tracer | undefined,
    liveTrace = false,
  ): Json {
    const consequence = rule.consequence;
    if (mode === "execute") addNotification(rule, tracer);
    const result: Json = {};
    for (const key of Object.keys(consequence)) {
      if (key !== "options" && key !== "metrics") {
        const value = (consequence as Json)[key];
        if (value !== undefined) result[key] = cloneJson(value);
      }
    }
    if (detail.index !== undefined) result.index = detail.index;
    const sourceMetrics: readonly ArtifactMetric[] = consequence.metrics ?? [];
    const tokens = tokensFor(rule);
    const options: Json[] = [];
    const sourceOptions: readonly ArtifactOption[] = consequence.options ?? [];
    for (let i = 0; i < sourceOptions.length; i++) {
      const source = sourceOptions[i] as ArtifactOption;
      let eventToken: string | undefined;
      if (mode === "execute") {
        if (source.type === undefined && source.content === undefined) continue;
      } else {
        const metric = sourceMetrics[i];
        eventToken = source.eventToken ?? (metric?.type === "display" ? metric.eventToken : undefined);
      }
      const option: Json = {};
      for (const key of Object.keys(source)) {
        if (key !== "eventToken" && key !== "responseTokens") {
          const value = (source as Json)[key];
          if (value !== undefined) option[key] = cloneJson(value);
        }
      }
      if (eventToken !== undefined) option.eventToken = eventToken;
      option.responseTokens = { ...tokens };
      if (source.type === "html") option.content = macros(option.content, rule, detail);
      else if (source.type === "actions" && Array.isArray(option.content)) {
        for (const action of option.content as Json[]) {
          if (isObject(action) && action.content !== undefined) action.content = macros(action.content, rule, detail);
        }
      }
      options.push(option);
    }
    result.options = options;
    if (mode === "execute") {
      const clicks = sourceMetrics.filter((metric) => metric.type === "click");
      if (clicks.length > 0) result.metrics = cloneJson(clicks);
    } else if (isView && consequence.metrics !== undefined) {
      result.metrics = cloneJson(consequence.metrics);
    }
    if (tracer && liveTrace) tracer.live(result);
    else if (tracer) result.trace = tracer.result();
    return result;
  }

  function evaluate(rule: CompiledRule, data: ConditionData, tracer: Tracer | undefined): boolean {
    data.allocation = allocate(rule.activityId);
    const satisfied = !!rule.test(data);
    tracer?.evaluated(rule, data, satisfied);
    return satisfied;
  }

  function dataFor(detail: Detail): ConditionData {
    const own = detail.address !== undefined ? page(detail.address?.url) : undefined;
    // One literal shape for every rule's data: cheaper than spreading `base`.
    return {
      current_timestamp: base.current_timestamp,
      current_time: base.current_time,
      current_day: base.current_day,
      user: base.user,
      page: own ?? base.page,
      referring: own ?? base.referring,
      geo: base.geo,
      mbox: mboxContext(detail.parameters),
      allocation: 0,
    };
  }

  function decideMbox(detail: Detail, mode: Mode, tracer: Tracer | undefined, pageLoad = false): Json[] {
    const name = detail.name as string;
    const isGlobal = name === compiled.globalMbox;
    tracer?.request(mode, "mbox", detail);
    const data = dataFor(detail);
    const results: Json[] = [];
    const matchedKeys = new Set<string | undefined>();
    for (const rule of compiled.mboxes.get(name) ?? []) {
      if (!allowed(rule) || (isGlobal && matchedKeys.has(rule.key))) continue;
      if (!evaluate(rule, data, tracer)) continue;
      results.push(outcome(rule, detail, mode, false, tracer, pageLoad));
      matchedKeys.add(rule.key);
      if (!isGlobal) return results;
    }
    if (!isGlobal && results.length === 0) {
      const blank: Json = { name, index: detail.index };
      tracer?.live(blank);
      results.push(blank);
    }
    return results;
  }

  function decidePageLoad(details: RequestDetails, mode: Mode, tracer: Tracer | undefined): Json {
    const results = decideMbox({ ...details, name: compiled.globalMbox }, mode, tracer, true);
    const result: Json = { options: results.flatMap((entry) => entry.options as Json[]) };
    const last = results[results.length - 1];
    if (last?.trace !== undefined) {
      // Still live (see Tracer.live): it is settled on the pageLoad result, with the rest of this part.
      result.trace = last.trace;
      tracer?.track(result);
    }
    const metrics = new Map<unknown, Json>();
    for (const entry of results) {
      for (const metric of (entry.metrics as Json[] | undefined) ?? []) metrics.set(metric.eventToken, metric);
    }
    if (metrics.size > 0) result.metrics = [...metrics.values()];
    return result;
  }

  function decideView(detail: ViewRequest, mode: Mode, tracer: Tracer | undefined): Json[] {
    tracer?.request(mode, "view", detail);
    const rules = detail.name !== undefined ? (compiled.views.get(detail.name) ?? []) : compiled.allViews;
    const data = dataFor(detail);
    const byName = new Map<unknown, Json>();
    const matchedKeys = new Set<string | undefined>();
    for (const rule of rules) {
      if (!allowed(rule) || matchedKeys.has(rule.key)) continue;
      if (!evaluate(rule, data, tracer)) continue;
      matchedKeys.add(rule.key);
      const entry = outcome(rule, detail, mode, true, tracer);
      const existing = byName.get(entry.name);
      if (!existing) byName.set(entry.name, entry);
      else {
        existing.options = [...((existing.options as Json[]) ?? []), ...((entry.options as Json[]) ?? [])];
        existing.metrics = [...((existing.metrics as Json[]) ?? []), ...((entry.metrics as Json[]) ?? [])];
      }
    }
    return [...byName.values()];
  }

  function decideMode(mode: Mode): Json | undefined {
    const part = request[mode] as
      | { mboxes?: MboxRequest[]; views?: ViewRequest[]; pageLoad?: RequestDetails }
      | undefined;
    if (!part) return undefined;
    const tracer = newTracer();
    const result: Json = {};
    if (part.mboxes) result.mboxes = part.mboxes.flatMap((mbox) => decideMbox(mbox, mode, tracer));
    if (part.views) result.views = part.views.flatMap((view) => decideView(view, mode, tracer));
    if (part.pageLoad) result.pageLoad = decidePageLoad(part.pageLoad, mode, tracer);
    tracer?.settle();
    return result;
  }

  const dependency = remoteDependency(compiled, request);
  const response: DecisionResponse = {
    status: dependency.remote ? 206 : 200,
    remoteMboxes: dependency.remoteMboxes,
    remoteViews: dependency.remoteViews,
    requestId,
    id,
    client: clientCode,
  };
  const execute = decideMode("execute");
  if (execute) response.execute = execute;
  const prefetch = decideMode("prefetch");
  if (prefetch) response.prefetch = prefetch;
  return {
    response,
    notifications,
    meta: {
      decisioningMethod: "on-device",
      remoteMboxes: [...dependency.remoteMboxes],
      remoteViews: [...dependency.remoteViews],
    },
  };
}

const MACRO = /\$\{([a-zA-Z0-9_.]*?)\}/g;
const MACRO_RENAMES = /campaign|recipe/gi;
const RENAMED: Readonly<Record<string, string>> = { campaign: "activity", recipe: "experience" };

/** Replaces `${campaign.id}`-style macros from the rule meta, then the mbox request, then its parameters. */
function macros(content: unknown, rule: CompiledRule, detail: Detail): unknown {
  if (typeof content !== "string" || !content.includes("${")) return content;
  return content.replace(MACRO, (whole, name: string) => {
    // Adobe's engine maps only the lower-case spellings; other casings become "undefined", as there.
    let parts = name.replace(MACRO_RENAMES, (word) => String(RENAMED[word])).split(".");
    if (parts.length > 2) parts = parts.slice(parts.length - 2);
    const key = parts.filter((part) => part !== "mbox").join(".");
    for (const source of [rule.rule.meta, detail, detail.parameters ?? {}] as Json[]) {
      if (isObject(source) && source[key] !== undefined) return String(source[key]);
    }
    return whole;
  });
}

function profileOf(id: VisitorId): Json {
  const [tntId, profileLocation] = typeof id.tntId === "string" ? id.tntId.split(".") : [];
  return { visitorId: { ...id, tntId, profileLocation } };
}

function createTracer(
  compiled: CompiledArtifact,
  base: { page: PageContext },
  clientCode: string,
  context: DecisionContext,
  profile: Json | undefined,
): Tracer {
  let current: Json = {};
  const pending: Json[] = [];
  const campaigns = new Map<unknown, Json & { notifications?: Notification[] }>();
  const targets = new Map<
    unknown,
    Json & { matched: Set<unknown>; unmatched: Set<unknown>; matchedRules: unknown[]; unmatchedRules: unknown[] }
  >();
  const environment = (compiled.artifact.meta as Json | undefined)?.environment;
  return {
    request(mode, type, detail) {
      current = { pageURL: base.page.url, host: base.page.domain, [type]: { ...detail, type: mode } };
    },
    evaluated(rule, data, satisfied) {
      const meta = rule.rule.meta;
      const activityId = meta["activity.id"];
      if (satisfied && !campaigns.has(activityId)) {
        campaigns.set(activityId, {
          id: activityId,
          campaignType: meta["activity.type"],
          branchId: meta["experience.id"],
          offers: meta["offer.id"] !== undefined ? [meta["offer.id"]] : [],
          environment,
        });
      }
      let target = targets.get(activityId);
      if (!target) {
        target = {
          context: snapshot(data),
          campaignId: activityId,
          campaignType: meta["activity.type"],
          matched: new Set(),
          unmatched: new Set(),
          matchedRules: [],
          unmatchedRules: [],
        };
        targets.set(activityId, target);
      }
      for (const audience of meta["audience.ids"] ?? []) (satisfied ? target.matched : target.unmatched).add(audience);
      (satisfied ? target.matchedRules : target.unmatchedRules).push(rule.rule.condition);
    },
    notified(rule, notification) {
      const campaign = campaigns.get(rule.rule.meta["activity.id"]);
      if (!campaign) return;
      campaign.notifications ??= [];
      campaign.notifications.push(notification);
    },
    result() {
      return snapshot(view());
    },
    live(holder) {
      holder.trace = view();
      pending.push(holder);
    },
    track(holder) {
      pending.push(holder);
    },
    settle() {
      for (const holder of pending) holder.trace = snapshot(holder.trace);
      pending.length = 0;
    },
  };

  function view(): Json {
    return {
      clientCode,
      artifact: context.artifactTrace ?? { artifactVersion: compiled.artifact.version, ...compiled.artifact.meta },
      profile,
      request: { sessionId: context.sessionId, ...current },
      campaigns: [...campaigns.values()].map((campaign) => ({ ...campaign })),
      evaluatedCampaignTargets: [...targets.values()].map(
        ({ matched, unmatched, matchedRules, unmatchedRules, ...rest }) => ({
          ...rest,
          matchedSegmentIds: [...matched],
          unmatchedSegmentIds: [...unmatched],
          matchedRuleConditions: matchedRules,
          unmatchedRuleConditions: unmatchedRules,
        }),
      ),
    };
  }
}
