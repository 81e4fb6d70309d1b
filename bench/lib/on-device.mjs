// Shared set-up of the on-device suites: the artifacts (one of Adobe's conformance artifacts and a large generated
// one), the requests, both SDKs' on-device clients on the same artifact, and per-call latency percentiles.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { createTargetClient } from "@offerkit/sdk/target/on-device";
import { result } from "./harness.mjs";

export const ORG = "0123456789ABCDEF01234567@AdobeOrg";
export const CLIENT = "targettesting";

const require = createRequire(import.meta.url);
const SUITE = join(dirname(require.resolve("@adobe/target-decisioning-engine/package.json")), "test/schema/artifacts");

/** Adobe's conformance artifact with two A/B activities on two mboxes (from `@adobe/target-decisioning-engine`). */
export const conformanceArtifact = () =>
  JSON.parse(readFileSync(join(SUITE, "TEST_ARTIFACT_AB_MULTI_SIMPLE.json"), "utf8"));

/** Audiences the generated rules use, in the JSON-logic vocabulary of Target's artifacts. */
const AUDIENCES = [
  (j) => ({ "==": [`cat${j % 7}`, { var: "mbox.category_lc" }] }),
  () => ({ in: ["shoes", { var: "page.url_lc" }] }),
  () => ({ "==": ["chrome", { var: "user.browserType" }] }),
  (j) => ({ or: [{ "==": ["gold", { var: "mbox.tier" }] }, { ">": [{ var: "mbox.visits" }, j % 5] }] }),
  () => ({ "!": [{ "==": ["", { var: "page.query" }] }] }),
  () => ({ and: [{ ">=": [{ var: "current_time" }, "0000"] }, { "<=": [{ var: "current_day" }, 7] }] }),
];

/**
 * A large artifact in Target's shape: `mboxes` mboxes with `activities` A/B activities each (two experiences split by
 * allocation, each behind one audience), so `mboxes * activities * 2` rules; every rule decides a JSON offer.
 */
export function largeArtifact({ mboxes = 50, activities = 5 } = {}) {
  const rules = {};
  const names = [];
  let id = 200_000;
  for (let m = 0; m < mboxes; m++) {
    const name = `gen-mbox-${m}`;
    names.push(name);
    const list = [];
    for (let a = 0; a < activities; a++) {
      const activityId = id++;
      const audience = AUDIENCES[(m + a) % AUDIENCES.length](m + a);
      for (const [experience, range] of [
        [0, [{ "<=": [0, { var: "allocation" }] }, { ">=": [50, { var: "allocation" }] }]],
        [1, [{ "<": [50, { var: "allocation" }] }, { ">=": [100, { var: "allocation" }] }]],
      ]) {
        list.push({
          ruleKey: String(activityId),
          activityId,
          meta: {
            "activity.id": activityId,
            "activity.name": `[bench] ${name} activity ${a}`,
            "activity.type": "ab",
            "experience.id": experience,
            "experience.name": `Experience ${experience === 0 ? "A" : "B"}`,
            "location.name": name,
            "location.type": "mbox",
            "location.id": 0,
            "audience.ids": [900_000 + a],
            "offer.id": 500_000 + activityId * 2 + experience,
            "offer.name": `/bench/${name}/${a}/${experience}`,
            "option.id": experience + 2,
            "option.name": `Offer${experience + 2}`,
          },
          condition: { and: [{ and: range }, audience] },
          consequence: {
            name,
            options: [
              {
                type: "json",
                eventToken: `token-${activityId}-${experience}-${"x".repeat(60)}`,
                content: { mbox: name, activity: a, experience, headline: `Offer ${a}/${experience}`, rank: m },
              },
            ],
            metrics: [],
          },
        });
      }
    }
    rules[name] = list;
  }
  return {
    version: "1.0.0",
    meta: { clientCode: CLIENT, environment: "production", generatedAt: "2026-12-01T00:00:00.000Z" },
    globalMbox: "target-global-mbox",
    geoTargetingEnabled: false,
    responseTokens: ["activity.id", "activity.name", "experience.id", "experience.name", "offer.id", "option.name"],
    remoteMboxes: [],
    remoteViews: [],
    localMboxes: names,
    localViews: [],
    rules: { mboxes: rules, views: {} },
  };
}

const USER_AGENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

/**
 * A returning visitor's request for `mboxes`, executed (each decision queues a display notification, sent after the
 * call) or prefetched (no notification: what the timed rows use, so neither SDK's background sends land in the
 * other's timings).
 */
export function onDeviceRequest(mboxes, mode = "execute") {
  return {
    id: { tntId: "338e3c1e51f7416a8e1ccba4f81acea0.28_0" },
    context: {
      channel: "web",
      userAgent: USER_AGENT,
      address: { url: "https://shop.example.com/shoes/running?sort=price", referringUrl: "https://www.example.com/" },
    },
    [mode]: {
      mboxes: mboxes.map((name, index) => ({
        index,
        name,
        parameters: { category: `Cat${index % 7}`, tier: index % 2 ? "gold" : "silver", visits: String(index) },
      })),
    },
  };
}

/** A Delivery API stand-in for the background notifications: answers at once, in process, for both SDKs. */
const accepted = () =>
  Promise.resolve(new Response('{"status":200,"requestId":"n"}', { headers: { "content-type": "application/json" } }));

/** Ours, on-device from `artifact`, no polling. */
export async function ourOnDeviceClient(artifact, options = {}) {
  const client = createTargetClient({
    client: CLIENT,
    organizationId: ORG,
    decisioningMethod: "on-device",
    artifactPayload: artifact,
    pollingInterval: 0,
    targetLocationHint: "28",
    fetch: accepted,
    ...options,
  });
  await client.ready;
  return client;
}

/** Adobe's SDK, on-device from the same artifact: no polling, no telemetry, the hint given (so no ping call). */
export async function adobeOnDeviceClient(AdobeTarget, artifact) {
  let ready;
  const isReady = new Promise((resolve) => {
    ready = resolve;
  });
  const client = AdobeTarget.create({
    client: CLIENT,
    organizationId: ORG,
    decisioningMethod: "on-device",
    artifactPayload: structuredClone(artifact),
    pollingInterval: 0,
    targetLocationHint: "28",
    telemetryEnabled: false,
    logger: {},
    fetchApi: accepted,
    events: { clientReady: () => ready() },
  });
  await isReady;
  return client;
}

/** JSON with object keys sorted, so that two SDKs' answers compare by content, not key order. */
const canonical = (value) =>
  JSON.stringify(value, (_key, item) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );

/** The options both decided, without per-call ids: the two SDKs must agree before they are measured. */
export function decidedOptions(result) {
  const { execute, prefetch } = result.response;
  return canonical(
    [...(execute?.mboxes ?? []), ...(prefetch?.mboxes ?? [])].map((mbox) => ({
      name: mbox.name,
      options: mbox.options ?? [],
    })),
  );
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const CALLS_PER_ROUND = Number(process.env.BENCH_ON_DEVICE_CALLS ?? 2000);

/**
 * p50 and p99 of the time per call of `ours` and `baseline` (async functions), over ROUNDS alternating rounds of
 * CALLS_PER_ROUND calls each after a warm-up; every call is timed on its own. Two rows: `<name> p50`, `<name> p99`.
 */
export async function percentiles(name, { ours, baseline, warmup = 2000 }) {
  const samples = { ours: [], baseline: [] };
  const calls = { ours, baseline };
  for (const variant of ["ours", "baseline"]) for (let i = 0; i < warmup; i++) await calls[variant]();
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of round % 2 === 0 ? ["ours", "baseline"] : ["baseline", "ours"]) {
      const call = calls[variant];
      const list = samples[variant];
      for (let i = 0; i < CALLS_PER_ROUND; i++) {
        const start = performance.now();
        await call();
        list.push(performance.now() - start);
      }
      // Let the background notification sends of this round run before the other variant is timed.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const at = (list, q) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 1000;
  };
  return [
    result(`${name} p50`, at(samples.ours, 0.5), at(samples.baseline, 0.5), "µs/call"),
    result(`${name} p99`, at(samples.ours, 0.99), at(samples.baseline, 0.99), "µs/call"),
  ];
}
