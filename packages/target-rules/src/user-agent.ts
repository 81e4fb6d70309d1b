// Browser and operating system for `user.*` conditions, from the user agent and client hints, with the same
// precedence Target's engines use (client hints' browser list wins where it names one; `platform` wins outright).
import type { ClientHints } from "./types.js";

export interface UserContext {
  browserType: string;
  platform: string;
  locale: string;
  browserVersion: number;
}

type Matcher = readonly [name: string, pattern: RegExp, versionGroup: number];

const UA_BROWSERS: readonly Matcher[] = [
  ["Edge", /(?:edge|edgios|edga|edg)\/((\d+)?[\w.]+)/i, 1],
  ["Mobile Safari", /version\/([\w.]+).+?mobile\/\w+\s(safari)/i, 1],
  ["Safari", /version\/([\w.]+).+?(mobile\s?safari|safari)/i, 1],
  ["Chrome", /chrome\/v?([\w.]+)/i, 1],
  ["Firefox", /firefox\/([\w.-]+)$/i, 1],
  ["IE", /(?:ms|\()ie\s([\w.]+)/i, 1],
  ["IE", /trident.+rv[:\s]([\w.]+).+like\sgecko/i, 1],
];

const HINT_BROWSERS: readonly Matcher[] = [
  ["Chrome", /Chrome";v="([0-9.]+)"/i, 1],
  ["Edge", /Edge";v="([0-9.]+)"/i, 1],
  ["Safari", /Safari";v="([0-9.]+)"/i, 1],
  ["Firefox", /Firefox";v="([0-9.]+)"/i, 1],
];

const OPERATING_SYSTEMS: readonly (readonly [string, RegExp])[] = [
  ["iOS", /iPhone|iPad|iPod/],
  ["Android", /Android [0-9.]+;/],
  ["linux", / Linux /],
  ["Unix", /FreeBSD|OpenBSD|CrOS/],
  ["windows", /[( ]Windows /],
  ["mac", /Macintosh;/],
];

/** Target's names for client-hint platforms; anything else is passed through as given. */
const PLATFORMS: Readonly<Record<string, string>> = {
  Windows: "windows",
  Macintosh: "mac",
  "Mac OS": "mac",
  macOS: "mac",
  Linux: "linux",
};

function browser(text: string, matchers: readonly Matcher[]): { name: string; version: number } {
  for (const [name, pattern, group] of matchers) {
    const match = pattern.exec(text);
    if (match) {
      const version = Number.parseInt((match[group] || "-1").split(".")[0] as string, 10);
      return { name, version: version >= 0 ? version : -1 };
    }
  }
  return { name: "unknown", version: -1 };
}

// Servers see the same few user agents over and over: remember the latest answers (bounded, so memory stays
// flat). Callers only read these objects.
const recent = new Map<string, UserContext>();

export function userContext(userAgent: string | undefined, hints: ClientHints | undefined): UserContext {
  if (hints) return parseUser(userAgent, hints);
  const key = userAgent ?? "";
  let user = recent.get(key);
  if (!user) {
    if (recent.size >= 64) recent.clear();
    user = parseUser(userAgent, hints);
    recent.set(key, user);
  }
  return user;
}

function parseUser(userAgent: string | undefined, hints: ClientHints | undefined): UserContext {
  const fromAgent = browser(userAgent ?? "", UA_BROWSERS);
  const fromHints = browser(hints?.browserUAWithFullVersion || hints?.browserUAWithMajorVersion || "", HINT_BROWSERS);
  const name = fromHints.name !== "unknown" ? fromHints.name : fromAgent.name;
  const version = fromHints.version >= 0 ? fromHints.version : fromAgent.version;
  let platform: string;
  if (hints?.platform !== undefined) platform = PLATFORMS[hints.platform] ?? hints.platform;
  else platform = OPERATING_SYSTEMS.find(([, pattern]) => pattern.test(userAgent ?? ""))?.[0] ?? "unknown";
  return { browserType: name.toLowerCase(), platform, locale: "en", browserVersion: version };
}
