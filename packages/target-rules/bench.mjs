// `pnpm --filter @offerkit/target-rules bench` (also run by `pnpm bench`): time per decision of `decide` against
// Adobe's engine (@adobe/target-decisioning-engine `getOffers`) on the same artifact and requests, in alternating
// rounds of the same run, as a ratio; and heap growth over 100,000 decisions. Never fails on speed.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { decide, parseArtifact } from "./dist/index.js";

const require = createRequire(import.meta.url);
const AdobeEngine = require("@adobe/target-decisioning-engine");
const SCHEMA = new URL("./node_modules/@adobe/target-decisioning-engine/test/schema/artifacts/", import.meta.url);
const UA =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_3) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.163 Safari/537.36";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 400);
// Adobe's engine looks up geo with the global fetch: nothing may leave the process.
globalThis.fetch = () => Promise.reject(new Error("no network in benchmarks"));

const load = (name) => JSON.parse(readFileSync(new URL(`${name}.json`, SCHEMA), "utf8"));

/** A large artifact: the suite's global-mbox and mbox rules repeated into 40 mboxes of 10 rules (400 rules). */
function largeArtifact() {
  const base = load("TEST_ARTIFACT_AB_MULTI_SIMPLE");
  const rules = Object.values(base.rules.mboxes).flat();
  const mboxes = {};
  for (let m = 0; m < 40; m++) {
    mboxes[`mbox-${m}`] = Array.from({ length: 10 }, (_, r) => {
      const rule = structuredClone(rules[(m + r) % rules.length]);
      rule.ruleKey = `${m}-${r}`;
      rule.meta["activity.id"] = 1000 + m * 10 + r;
      rule.condition = { and: [{ "==": [{ var: "mbox.slot" }, String(r % 4)] }, rule.condition] };
      return rule;
    });
  }
  return { ...base, localMboxes: Object.keys(mboxes), rules: { mboxes, views: {} } };
}

function requestsFor(artifact) {
  const names = Object.keys(artifact.rules.mboxes).filter((name) => name !== artifact.globalMbox);
  return Array.from({ length: 256 }, (_, i) => ({
    requestId: `r${i}`,
    id: { tntId: `${(i * 7919).toString(16).padStart(32, "0")}.28_0` },
    context: { channel: "web", userAgent: UA, address: { url: `http://local-target-test/?visit=${i}` } },
    execute: {
      mboxes: names
        .slice(i % Math.max(1, names.length - 2), (i % Math.max(1, names.length - 2)) + 3)
        .map((name, index) => ({
          name,
          index,
          parameters: { foo: "bar", greg: "correct", slot: String(i % 4) },
        })),
      pageLoad: { parameters: { greg: "correct" } },
    },
    ...(Object.keys(artifact.rules.views).length > 0 ? { prefetch: { views: [{}] } } : {}),
  }));
}

async function measure(name, raw) {
  const adobe = await AdobeEngine(
    {
      client: "someClientId",
      organizationId: "bench",
      artifactPayload: raw,
      pollingInterval: 0,
      telemetryEnabled: false,
      logger: { debug() {}, error() {} },
      sendNotificationFunc: () => Promise.resolve(),
    },
    { addArtifactRequestEntry() {} },
  );
  const artifact = parseArtifact(raw);
  const requests = requestsFor(raw);
  let n = 0;
  const context = { clientCode: "someClientId", now: Date.now(), randomUUID: () => `id-${n++}` };
  const ours = () => {
    const end = performance.now() + ROUND_MS;
    let calls = 0;
    while (performance.now() < end) {
      for (let i = 0; i < 16; i++) decide(artifact, requests[calls++ % requests.length], context);
    }
    return (ROUND_MS * 1000) / calls;
  };
  const theirs = async () => {
    const end = performance.now() + ROUND_MS;
    let calls = 0;
    while (performance.now() < end) {
      for (let i = 0; i < 16; i++) await adobe.getOffers({ request: requests[calls++ % requests.length] });
    }
    return (ROUND_MS * 1000) / calls;
  };
  ours();
  await theirs();
  const a = [];
  const b = [];
  for (let round = 0; round < ROUNDS; round++) {
    a.push(ours());
    b.push(await theirs());
  }
  adobe.stopPolling();
  const median = (values) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)];
  return { name, ours: median(a), baseline: median(b) };
}

function heapGrowth(raw) {
  if (typeof globalThis.gc !== "function") return undefined;
  const artifact = parseArtifact(raw);
  const requests = requestsFor(raw);
  let n = 0;
  const context = { clientCode: "someClientId", now: Date.now(), randomUUID: () => `id-${n++}` };
  for (let i = 0; i < 10_000; i++) decide(artifact, requests[i % requests.length], context);
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 100_000; i++) decide(artifact, requests[i % requests.length], context);
  globalThis.gc();
  return (process.memoryUsage().heapUsed - before) / 1024;
}

const cases = [
  ["AB_SIMPLE", load("TEST_ARTIFACT_AB_SIMPLE")],
  ["GLOBAL_MBOX (pageLoad, all matches)", load("TEST_ARTIFACT_GLOBAL_MBOX")],
  ["VIEWS", load("TEST_ARTIFACT_VIEWS")],
  ["PAGELOAD_VEC_AB", load("TEST_ARTIFACT_PAGELOAD_VEC_AB")],
  ["large: 400 rules in 40 mboxes", largeArtifact()],
];
console.log("decide vs Adobe's engine getOffers, µs per decision (median of rounds), lower ratio is better");
for (const [name, raw] of cases) {
  const { ours, baseline } = await measure(name, raw);
  console.log(
    `${name.padEnd(38)} ours ${ours.toFixed(1).padStart(7)}  adobe ${baseline.toFixed(1).padStart(7)}  ratio ${(ours / baseline).toFixed(3)}x  (goal ≤ 0.25x)`,
  );
}
const growth = heapGrowth(largeArtifact());
console.log(
  growth === undefined
    ? "heap: run with node --expose-gc for the heap row"
    : `heap growth over 100,000 decisions (large artifact): ${growth.toFixed(0)} KB`,
);
process.exit(0);
