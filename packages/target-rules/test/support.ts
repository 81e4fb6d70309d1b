// Test helpers: Adobe's conformance suite read from the installed @adobe/target-decisioning-engine (never copied
// into git), its Jest placeholders turned into vitest matchers, and a psl-backed public-suffix hook like the one
// Adobe's Node SDK plugs into its engine.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import psl from "psl";
import { expect } from "vitest";
import type { DomainParts } from "../src/index.js";

const require = createRequire(import.meta.url);
export const ADOBE_ENGINE_DIR = dirname(require.resolve("@adobe/target-decisioning-engine/package.json"));
const SCHEMA_DIR = join(ADOBE_ENGINE_DIR, "test", "schema");

export type Json = Record<string, unknown>;

export interface SuiteCase {
  description: string;
  artifact?: unknown;
  conf?: Json;
  input: { request: Json; sessionId?: string; locationHint?: string };
  output?: Json;
  notificationOutput?: Json | null;
  mockDate?: { year: number; month: number; date: number; hours?: number; minutes?: number; seconds?: number };
  mockGeo?: Json;
}

export interface Suite {
  file: string;
  description: string;
  artifact?: unknown;
  conf?: Json;
  test: Record<string, SuiteCase>;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

export function artifactNames(): string[] {
  return readdirSync(join(SCHEMA_DIR, "artifacts"))
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -5));
}

export function loadArtifact(name: string): unknown {
  return readJson(join(SCHEMA_DIR, "artifacts", `${name}.json`));
}

/** Every suite, with artifact names (suite- or test-level) replaced by the artifact itself, as Adobe's harness does. */
export function loadSuites(): Suite[] {
  const known = new Set(artifactNames());
  const hydrate = (value: unknown): unknown =>
    typeof value === "string" && known.has(value) ? loadArtifact(value) : value;
  return readdirSync(join(SCHEMA_DIR, "models"))
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const suite = readJson(join(SCHEMA_DIR, "models", file)) as Suite;
      suite.file = file;
      suite.artifact = hydrate(suite.artifact);
      for (const test of Object.values(suite.test)) test.artifact = hydrate(test.artifact);
      return suite;
    });
}

const PLACEHOLDERS: Record<string, unknown> = {
  "expect.any(Object)": expect.any(Object),
  "expect.any(String)": expect.any(String),
  "expect.any(Number)": expect.any(Number),
};

/** Replaces the suite's `"expect.any(…)"` strings with asymmetric matchers, for `toMatchObject`. */
export function withMatchers(value: unknown): unknown {
  if (typeof value === "string" && value in PLACEHOLDERS) return PLACEHOLDERS[value];
  if (Array.isArray(value)) return value.map(withMatchers);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withMatchers(item)]));
  }
  return value;
}

/** `mockDate` as Adobe's harness reads it: UTC, months 0-based, missing time parts 0. */
export function mockTime(mock: NonNullable<SuiteCase["mockDate"]>): number {
  return Date.UTC(mock.year, mock.month, mock.date, mock.hours ?? 0, mock.minutes ?? 0, mock.seconds ?? 0);
}

/** The public-suffix split Adobe's Node SDK passes its engine (psl), as a `parseDomain` hook. */
export function parseDomainPsl(host: string): DomainParts {
  if (!psl.isValid(host)) return { subdomain: "", domain: host, topLevelDomain: "" };
  const parsed = psl.parse(host);
  if ("error" in parsed && parsed.error) return { subdomain: "", domain: host, topLevelDomain: "" };
  const ok = parsed as { subdomain: string | null; domain: string | null; tld: string | null };
  const subdomain = ok.subdomain ? (ok.subdomain.startsWith("www") ? ok.subdomain.substring(4) : ok.subdomain) : "";
  return { subdomain, domain: ok.domain ?? "", topLevelDomain: ok.tld ?? "" };
}

let counter = 0;
/** Deterministic UUIDs, so failures reproduce. */
export function sequentialUUID(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, "0")}`;
}
