// The rules artifact: where it lives, `rules.bin` decoding, and parsing into a checked, precompiled form (conditions
// as closures, rules indexed by mbox and view) that every decision reuses.
import { ArtifactError, check } from "./errors.js";
import { compileLogic, type Evaluate } from "./logic.js";
import type { Rule, RuleConsequence, RulesArtifact } from "./types.js";

export const DEFAULT_GLOBAL_MBOX = "target-global-mbox";
const SUPPORTED_MAJOR = 1;
/** Rule meta keys that become response tokens when the artifact lists them. */
const META_TOKENS = [
  "activity.id",
  "activity.name",
  "activity.type",
  "experience.id",
  "experience.name",
  "location.id",
  "location.name",
  "location.type",
  "offer.id",
  "offer.name",
  "option.id",
  "option.name",
] as const;
const GEO_TOKENS = ["geo.city", "geo.country", "geo.state", "geo.latitude", "geo.longitude"] as const;

export interface CompiledRule {
  readonly rule: Rule;
  readonly key: string | undefined;
  readonly activityId: unknown;
  readonly propertyTokens: readonly string[];
  readonly test: Evaluate;
  readonly consequence: RuleConsequence;
}

export interface CompiledArtifact {
  readonly artifact: RulesArtifact;
  readonly globalMbox: string;
  readonly mboxes: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly views: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly allViews: readonly CompiledRule[];
  readonly metaTokens: readonly string[];
  readonly geoTokens: ReadonlySet<string>;
  readonly remoteMboxes: readonly string[];
  readonly remoteViews: readonly string[];
  readonly localMboxes: ReadonlySet<string>;
  readonly localViews: ReadonlySet<string>;
}

const compiledArtifacts = new WeakMap<object, CompiledArtifact>();

export interface ArtifactUrlOptions {
  client: string;
  /** Target environment name; lower-cased; default `production`. */
  environment?: string | undefined;
  propertyToken?: string | undefined;
  /** `json` (default) or `bin` (obfuscated, see `decodeArtifactBin`). */
  format?: "json" | "bin" | undefined;
  /** Accepted for Adobe's option set; Adobe's engine does not use it either. */
  cdnEnvironment?: string | undefined;
}

/** Where Target publishes the artifact: `https://assets.adobetarget.com/{client}/{environment}/v1/[{propertyToken}/]rules.json`. */
export function artifactUrl(options: ArtifactUrlOptions): string {
  check(typeof options?.client === "string" && options.client !== "", "client", "a Target client code");
  // Each part is one path segment, whatever it contains.
  const part = encodeURIComponent;
  const environment = part((options.environment || "production").toLowerCase());
  const token = options.propertyToken ? `${part(options.propertyToken)}/` : "";
  const file = options.format === "bin" ? "rules.bin" : "rules.json";
  return `https://assets.adobetarget.com/${part(options.client)}/${environment}/v${SUPPORTED_MAJOR}/${token}${file}`;
}

const HEADER_LENGTH = 40;

/**
 * Decodes `rules.bin`: a 40-byte header (`<prefix>:<version>` in the first 8 characters, then the key) and a body
 * XOR-ed byte by byte with the UTF-8 bytes of `organizationId + key`. Returns the parsed JSON for `parseArtifact`.
 */
export function decodeArtifactBin(bytes: Uint8Array, organizationId: string): unknown {
  check(bytes instanceof Uint8Array, "bytes", "a Uint8Array");
  const decoder = new TextDecoder();
  const header = decoder.decode(bytes.subarray(0, HEADER_LENGTH));
  const version = Number.parseInt(header.slice(0, 8).split(":")[1] ?? "", 10);
  if (bytes.length < HEADER_LENGTH || version !== 1) {
    throw new ArtifactError("obfuscation", "", `rules.bin has an unknown header (version ${version}); expected 1.`);
  }
  const key = new TextEncoder().encode(organizationId + header.slice(8, 41));
  const body = bytes.slice(HEADER_LENGTH);
  for (let i = 0; i < body.length; i++) body[i] = (body[i] as number) ^ (key[i % key.length] as number);
  try {
    return JSON.parse(decoder.decode(body));
  } catch {
    throw new ArtifactError("obfuscation", "", "rules.bin did not decode: check the organizationId.");
  }
}

function malformed(field: string, expected: string): never {
  throw new ArtifactError("malformed", field, `Malformed rules artifact: ${field} must be ${expected}.`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function stringList(value: unknown, field: string): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) malformed(field, "a list of strings");
  return value as string[];
}

function ruleMap(value: unknown, field: string): Record<string, readonly Rule[]> {
  if (value === undefined) return {};
  if (!isObject(value)) malformed(field, "an object of rule lists");
  for (const [name, rules] of Object.entries(value)) {
    if (!Array.isArray(rules)) malformed(`${field}.${name}`, "a list of rules");
  }
  return value as Record<string, readonly Rule[]>;
}

function compileRule(value: unknown, field: string): CompiledRule {
  const optionalList = (list: unknown) => list === undefined || Array.isArray(list);
  if (!isObject(value)) malformed(field, "an object");
  const { consequence, meta, ruleKey, propertyTokens } = value;
  if (!isObject(consequence) || !optionalList(consequence.options) || !optionalList(consequence.metrics)) {
    malformed(`${field}.consequence`, "an object with lists of options and metrics");
  }
  if (!isObject(meta) || !optionalList(meta["audience.ids"])) malformed(`${field}.meta`, "an object");
  if (ruleKey !== undefined && typeof ruleKey !== "string") malformed(`${field}.ruleKey`, "a string");
  if (!("condition" in value)) malformed(`${field}.condition`, "a JSON-logic condition");
  return {
    rule: value as unknown as Rule,
    key: ruleKey,
    activityId: meta["activity.id"],
    propertyTokens: stringList(propertyTokens, `${field}.propertyTokens`),
    test: compileLogic(value.condition, `${field}.condition`),
    consequence: consequence as RuleConsequence,
  };
}

function compileRules(rules: Record<string, readonly Rule[]>, field: string): Map<string, readonly CompiledRule[]> {
  const compiled = new Map<string, readonly CompiledRule[]>();
  for (const [name, list] of Object.entries(rules)) {
    compiled.set(
      name,
      list.map((rule, i) => compileRule(rule, `${field}.${name}[${i}]`)),
    );
  }
  return compiled;
}

/**
 * Checks a `rules.json` value and precompiles it. Throws `ArtifactError` (`unsupported-version` for a major version
 * other than 1, `malformed` otherwise) rather than let a bad artifact decide anything.
 */
export function parseArtifact(value: unknown): RulesArtifact {
  return compileArtifact(value).artifact;
}

export function compileArtifact(value: unknown): CompiledArtifact {
  if (typeof value === "object" && value !== null) {
    const known = compiledArtifacts.get(value);
    if (known) return known;
  }
  if (!isObject(value)) malformed("artifact", "a JSON object");
  const { version } = value;
  if (typeof version !== "string" || !/^\d+(\.|$)/.test(version)) malformed("version", 'a version such as "1.0.0"');
  const major = Number.parseInt(version, 10);
  if (major !== SUPPORTED_MAJOR) {
    throw new ArtifactError(
      "unsupported-version",
      "version",
      `Rules artifact version ${version} is not supported (major ${SUPPORTED_MAJOR} only): upgrade @offerkit/target-rules.`,
    );
  }
  if (value.meta !== undefined && !isObject(value.meta)) malformed("meta", "an object");
  if (value.globalMbox !== undefined && typeof value.globalMbox !== "string") malformed("globalMbox", "a string");
  if (value.geoTargetingEnabled !== undefined && typeof value.geoTargetingEnabled !== "boolean") {
    malformed("geoTargetingEnabled", "a boolean");
  }
  const rules = value.rules;
  if (!isObject(rules)) malformed("rules", "an object with mboxes and views");
  const artifact: RulesArtifact = {
    ...value,
    version,
    globalMbox: (value.globalMbox as string | undefined) || DEFAULT_GLOBAL_MBOX,
    geoTargetingEnabled: value.geoTargetingEnabled === true,
    responseTokens: stringList(value.responseTokens, "responseTokens"),
    remoteMboxes: stringList(value.remoteMboxes, "remoteMboxes"),
    remoteViews: stringList(value.remoteViews, "remoteViews"),
    localMboxes: stringList(value.localMboxes, "localMboxes"),
    localViews: stringList(value.localViews, "localViews"),
    rules: { mboxes: ruleMap(rules.mboxes, "rules.mboxes"), views: ruleMap(rules.views, "rules.views") },
  };
  const views = compileRules(artifact.rules.views, "rules.views");
  const tokens = new Set(artifact.responseTokens);
  const compiled: CompiledArtifact = {
    artifact,
    globalMbox: artifact.globalMbox,
    mboxes: compileRules(artifact.rules.mboxes, "rules.mboxes"),
    views,
    allViews: [...views.values()].flat(),
    metaTokens: META_TOKENS.filter((key) => tokens.has(key)),
    geoTokens: new Set(GEO_TOKENS.filter((key) => tokens.has(key))),
    remoteMboxes: artifact.remoteMboxes,
    remoteViews: artifact.remoteViews,
    localMboxes: new Set(artifact.localMboxes),
    localViews: new Set(artifact.localViews),
  };
  compiledArtifacts.set(artifact, compiled);
  compiledArtifacts.set(value, compiled);
  return compiled;
}
