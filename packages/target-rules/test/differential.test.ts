// Differential tests: for generated requests over every suite artifact, `decide` must answer exactly what Adobe's
// Node engine (@adobe/target-decisioning-engine, the engine inside @adobe/target-nodejs-sdk) answers: the same
// response (options, tokens, metrics, status, remote lists, traces) and the same display notifications. Only ids
// and timestamps that are random are ignored. The seed is fixed, so a failure reproduces; fast-check shrinks it.
import { createRequire } from "node:module";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decide, geoFromLookup, needsGeoLookup, parseArtifact } from "../src/index.js";
import type { DeliveryRequest, RulesArtifact } from "../src/types.js";
import { artifactNames, type Json, loadArtifact, parseDomainPsl, sequentialUUID } from "./support.js";

const require = createRequire(import.meta.url);
type AdobeEngine = {
  getOffers(options: Json): Promise<Json>;
  stopPolling(): void;
};
const TargetDecisioningEngine = require("@adobe/target-decisioning-engine") as (
  config: Json,
  telemetry: Json,
) => Promise<AdobeEngine>;

const CLIENT = "someClientId";
const RUNS = Number(process.env.DIFF_RUNS ?? 75);
const GEO_LOOKUP = {
  "x-geo-latitude": 37.75,
  "x-geo-longitude": -122.4,
  "x-geo-city": "SAN FRANCISCO",
  "x-geo-region-code": "CA",
  "x-geo-country-code": "US",
};

/** Literals each condition variable is compared with, so generated requests hit the rules' edges. */
function literals(artifact: Json): Map<string, unknown[]> {
  const found = new Map<string, unknown[]>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    for (const args of Object.values(node)) {
      const list = Array.isArray(args) ? args : [args];
      const values = list.filter((arg) => typeof arg !== "object" || arg === null);
      for (const arg of list) {
        const path = (arg as { var?: unknown })?.var;
        if (typeof path === "string") found.set(path, [...(found.get(path) ?? []), ...values]);
      }
      list.forEach(visit);
    }
  };
  const rules = (artifact.rules ?? {}) as { mboxes?: Json; views?: Json };
  for (const group of [rules.mboxes ?? {}, rules.views ?? {}]) {
    for (const list of Object.values(group)) for (const rule of list as Json[]) visit(rule.condition);
  }
  return found;
}

const USER_AGENTS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_3) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.163 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:73.0) Gecko/20100101 Firefox/73.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
  "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0)",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 13_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 10; SM-G973F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/83.0.4103.106 Mobile Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0",
  "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36",
  "curl/8.0.1",
  "",
];

const CLIENT_HINTS = fc.option(
  fc.record(
    {
      platform: fc.constantFrom("Windows", "macOS", "Linux", "Android", "Chrome OS"),
      browserUAWithMajorVersion: fc.constantFrom(
        '" Not A;Brand";v="99", "Chromium";v="99", "Google Chrome";v="99"',
        '"Microsoft Edge";v="101", "Chromium";v="101"',
        '"Firefox";v="115"',
      ),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

function requestArbitrary(artifact: Json) {
  const found = literals(artifact);
  const pick = (path: string, extra: unknown[]) => fc.constantFrom(...[...(found.get(path) ?? []), ...extra]);
  const rules = artifact.rules as { mboxes: Json; views: Json };
  const mboxNames = [
    ...new Set([
      ...Object.keys(rules.mboxes),
      ...((artifact.localMboxes as string[]) ?? []),
      ...((artifact.remoteMboxes as string[]) ?? []),
      "not-in-artifact",
    ]),
  ];
  const ruleMboxes = Object.keys(rules.mboxes);
  // Mostly mboxes and views that have rules, so the requests reach them; sometimes others.
  const mboxName =
    ruleMboxes.length > 0
      ? fc.oneof(
          { arbitrary: fc.constantFrom(...ruleMboxes), weight: 4 },
          { arbitrary: fc.constantFrom(...mboxNames), weight: 1 },
        )
      : fc.constantFrom(...mboxNames);
  const viewNames = [...Object.keys(rules.views), "unknown-view"];
  const paramKeys = [...found.keys()]
    .filter((path) => path.startsWith("mbox."))
    .map((path) => path.slice(5).replace(/_lc$/, ""));
  // Dotted keys expand into objects; a parameter named like a lower-case copy must not win over the copy.
  paramKeys.push("a.b", "a.c.d", "foo_lc", "Mixed");
  const paramValue = (key: string) =>
    fc.oneof(
      pick(`mbox.${key}`, ["x"]).map(String),
      pick(`mbox.${key}_lc`, ["Y"]).map((value) => String(value).toUpperCase()),
      fc.string({ maxLength: 6 }),
    );
  const parameters = fc.option(
    paramKeys.length > 0
      ? fc
          .subarray([...new Set(paramKeys)], { minLength: 1 })
          .chain((keys) => fc.record(Object.fromEntries(keys.map((key) => [key, paramValue(key)]))))
      : fc.constant({ foo: "bar" }),
    { nil: undefined },
  );
  const host = fc.oneof(
    fc.constantFrom(
      "local-target-test",
      "local-target-test:8080",
      "www.adobe.com",
      "pied.piper.decentralized.test.hooli.com",
      "test.wayne-enterprises.us-east-1.elasticbeanstalk.com",
      "shop.example.co.uk",
      "Example.COM",
      "127.0.0.1",
    ),
    fc
      .tuple(pick("page.subdomain_lc", ["m"]), pick("page.domain_lc", ["hooli.com"]))
      .map(([sub, domain]) => `${sub}.${domain}`),
  );
  const literalUrl = fc
    .tuple(pick("page.domain", ["local-target-test"]), pick("page.path", ["/"]), fc.constantFrom("", "?a=1"))
    .map(([domain, path, query]) => `http://${domain}${path}${query}`);
  const builtUrl = fc
    .record({
      scheme: fc.constantFrom("http://", "https://"),
      host,
      path: fc.constantFrom("/", "", "/home", "/a/b/c.html", "/Bar/"),
      query: fc.constantFrom("", "?bar=true", "?implementation=psl", "?a=1&b=Two"),
      fragment: fc.constantFrom("", "#hello", "#x?y"),
    })
    .map(({ scheme, host, path, query, fragment }) => `${scheme}${host}${path}${query}${fragment}`);
  const url = fc.oneof({ arbitrary: builtUrl, weight: 2 }, { arbitrary: literalUrl, weight: 1 });
  const address = fc.option(
    fc.record({ url, referringUrl: fc.option(url, { nil: undefined }) }, { requiredKeys: ["url"] }),
    { nil: undefined },
  );
  const mbox = (index: number) =>
    fc
      .record(
        {
          name: mboxName,
          parameters,
          address: fc.option(fc.record({ url, referringUrl: url }, { requiredKeys: [] }), { nil: undefined }),
        },
        { requiredKeys: ["name"] },
      )
      .map((m) => ({ ...m, index }));
  const mboxes = fc.option(
    fc.array(fc.nat(5), { minLength: 1, maxLength: 3 }).chain((indexes) => fc.tuple(...indexes.map((i) => mbox(i)))),
    { nil: undefined },
  );
  const pageLoad = fc.option(fc.record({ parameters }, { requiredKeys: [] }), { nil: undefined });
  const views = fc.option(
    fc.array(fc.record({ name: fc.constantFrom(...viewNames), parameters }, { requiredKeys: [] }), {
      minLength: 1,
      maxLength: 2,
    }),
    { nil: undefined },
  );
  const geo = fc.option(
    fc.oneof(
      fc.record(
        {
          countryCode: pick("geo.country", ["DE"]),
          stateCode: pick("geo.region", ["BY"]),
          city: pick("geo.city", ["BERLIN"]),
          latitude: fc.double({ min: 37.6, max: 37.9, noNaN: true }),
          longitude: fc.double({ min: -122.6, max: -122.2, noNaN: true }),
        },
        { requiredKeys: [] },
      ),
      fc.constant({ ipAddress: "127.0.0.1" }),
      fc.constant({ ipAddress: "unknownIpAddress" }),
      fc.constant({ ipAddress: "not-an-ip", city: "VANCOUVER" }),
    ),
    { nil: undefined },
  );
  const id = fc.oneof(
    fc.stringMatching(/^[0-9a-f]{32}$/).map((tnt) => ({ tntId: `${tnt}.28_0` })),
    fc.stringMatching(/^[0-9]{38}$/).map((marketingCloudVisitorId) => ({ marketingCloudVisitorId })),
    fc.uuid().map((thirdPartyId) => ({ thirdPartyId })),
    fc.constant({ tntId: "338e3c1e51f7416a8e1ccba4f81acea0.28_0" }),
    fc.uuid().map((id) => ({
      marketingCloudVisitorId: "07327024324407615852294135870030620007",
      customerIds: [{ id, integrationCode: "crm", authenticatedState: "authenticated" }],
    })),
  );
  const propertyTokens = [
    ...new Set(
      Object.values(rules.mboxes)
        .concat(Object.values(rules.views))
        .flatMap((list) => (list as Json[]).flatMap((rule) => (rule.propertyTokens as string[] | undefined) ?? [])),
    ),
    "unknown-token",
  ];
  return fc
    .record({
      id,
      property: fc.option(
        fc.constantFrom(...propertyTokens).map((token) => ({ token })),
        { nil: undefined, freq: 2 },
      ),
      userAgent: fc.constantFrom(...USER_AGENTS),
      clientHints: CLIENT_HINTS,
      address,
      geo,
      execute: fc.option(fc.record({ mboxes, pageLoad }, { requiredKeys: [] }), { nil: undefined }),
      prefetch: fc.option(fc.record({ mboxes, pageLoad, views }, { requiredKeys: [] }), { nil: undefined }),
      trace: fc.option(fc.constant({}), { nil: undefined, freq: 6 }),
      // 2019-01-01 .. 2022-12-31, with the suite's time-frame edges reachable.
      now: fc.oneof(
        fc.integer({ min: 1546300800000, max: 1672531199000 }),
        fc
          .tuple(pick("current_timestamp", [1613034000000]), fc.integer({ min: -1, max: 1 }))
          .map(([edge, step]) => Number(edge) + step * 60_000),
      ),
    })
    .map(({ id, property, userAgent, clientHints, address, geo, execute, prefetch, trace, now }) => {
      const request: Json = {
        requestId: "request-1",
        id,
        context: { channel: "web", userAgent, clientHints, address, geo },
        execute,
        prefetch,
        property,
        trace,
      };
      return { request: JSON.parse(JSON.stringify(request)) as Json, now };
    });
}

/** Drops what is random or process-specific: notification ids, and the artifact section of traces. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value !== "object" || value === null) return value;
  const result: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === "id" && typeof item === "string") continue;
    if (key === "impressionId" || key === "artifact") continue;
    result[key] = normalise(item);
  }
  return result;
}

describe("differential: decide vs Adobe's Node engine", () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    // Nothing here may reach the network: any fetch Adobe's engine makes on its own fails the test.
    vi.stubGlobal("fetch", () => Promise.reject(new Error("network access in a differential test")));
  });
  afterAll(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const names = artifactNames().filter((name) => name !== "TEST_ARTIFACT_UNSUPPORTED");

  it("covers every suite artifact", () => {
    expect(names.length).toBeGreaterThanOrEqual(17);
  });

  it("rejects the unsupported-version artifact, as Adobe's engine does", async () => {
    const raw = loadArtifact("TEST_ARTIFACT_UNSUPPORTED");
    expect(() => parseArtifact(raw)).toThrow(/version 99\.0\.0/);
    const adobe = await TargetDecisioningEngine(
      { client: CLIENT, organizationId: "org", artifactPayload: raw, pollingInterval: 0, telemetryEnabled: false },
      {},
    );
    await expect(adobe.getOffers({ request: { context: { channel: "web" } } })).rejects.toThrow(/version/i);
    adobe.stopPolling();
  });

  for (const name of names) {
    it(
      `${name}: same decisions for ${RUNS} generated requests`,
      async () => {
        const raw = loadArtifact(name) as Json;
        const artifact: RulesArtifact = parseArtifact(raw);
        let sent: Json[] = [];
        const adobe = await TargetDecisioningEngine(
          {
            client: CLIENT,
            organizationId: "someOrgId",
            artifactPayload: raw,
            pollingInterval: 0,
            telemetryEnabled: false,
            parseDomainImpl: parseDomainPsl,
            logger: { debug() {}, error() {} },
            // The geo endpoint, answered locally. A plain function on purpose: Adobe's engine takes an async function
            // for "not a function" and falls back to the global fetch (stubbed above to refuse).
            fetchApi: () => Promise.resolve(new Response(JSON.stringify(GEO_LOOKUP), { status: 200 })),
            sendNotificationFunc: (payload: { request: { notifications?: Json[] } }) => {
              sent = payload.request.notifications ?? [];
              return Promise.resolve();
            },
          },
          { addArtifactRequestEntry() {} },
        );
        let decided = 0;
        let notified = 0;
        try {
          await fc.assert(
            fc.asyncProperty(requestArbitrary(raw), async ({ request, now }) => {
              vi.setSystemTime(now);
              sent = [];
              const expected = await adobe.getOffers({ request: structuredClone(request), sessionId: "session-1" });
              // Adobe's engine sends its notifications from a setTimeout(0) after answering.
              await new Promise((resolve) => setTimeout(resolve, 1));
              const deliveryRequest = request as unknown as DeliveryRequest;
              const decision = decide(artifact, deliveryRequest, {
                clientCode: CLIENT,
                now,
                randomUUID: sequentialUUID,
                sessionId: "session-1",
                parseDomain: parseDomainPsl,
                geo: needsGeoLookup(artifact, deliveryRequest) ? geoFromLookup(GEO_LOOKUP) : undefined,
              });
              expect(normalise(JSON.parse(JSON.stringify(decision.response)))).toEqual(
                normalise(JSON.parse(JSON.stringify(expected))),
              );
              expect(normalise(decision.notifications)).toEqual(normalise(sent));
              if (JSON.stringify(decision.response).includes('"options":[{')) decided += 1;
              notified += decision.notifications.length;
            }),
            { seed: 20_261_203, numRuns: RUNS, endOnFailure: true },
          );
        } finally {
          adobe.stopPolling();
        }
        // The generator must reach the rules, or agreeing on empty answers would prove nothing.
        if (name !== "TEST_ARTIFACT_BLANK") {
          expect(decided).toBeGreaterThan(RUNS / 20);
          // Views are prefetch-only in the Delivery API, and prefetch never notifies.
          if (Object.keys((raw.rules as Json).mboxes as Json).length > 0) expect(notified).toBeGreaterThan(0);
        } else expect(decided).toBe(0);
      },
      Math.max(30_000, RUNS * 400),
    ); // a loaded CI machine runs Adobe's engine slowly
  }
});
