import { OfferkitError, ValidationError } from "@offerkit/core";
import { describe, expect, it } from "vitest";
import {
  ArtifactError,
  artifactUrl,
  decide,
  decodeArtifactBin,
  geoFromLookup,
  needsGeoLookup,
  needsServer,
  parseArtifact,
} from "../src/index.js";
import type { DecisionContext, DeliveryRequest } from "../src/types.js";
import { loadArtifact } from "./support.js";

const context = (extra: Partial<DecisionContext> = {}): DecisionContext => {
  let n = 0;
  return {
    clientCode: "someClientId",
    now: Date.UTC(2021, 1, 11, 9, 0),
    randomUUID: () => `uuid-${++n}`,
    ...extra,
  };
};
const web = { channel: "web" as const, address: { url: "http://local-target-test/" } };
const TNT = { tntId: "338e3c1e51f7416a8e1ccba4f81acea0.28_0" };

describe("artifactUrl", () => {
  it("builds Target's CDN location", () => {
    expect(artifactUrl({ client: "acme" })).toBe("https://assets.adobetarget.com/acme/production/v1/rules.json");
    expect(artifactUrl({ client: "acme", environment: "Staging", propertyToken: "p-1", format: "bin" })).toBe(
      "https://assets.adobetarget.com/acme/staging/v1/p-1/rules.bin",
    );
    expect(artifactUrl({ client: "acme", cdnEnvironment: "staging" })).toBe(
      "https://assets.adobetarget.com/acme/production/v1/rules.json",
    );
    expect(artifactUrl({ client: "a/b?c", propertyToken: "../x" })).toBe(
      "https://assets.adobetarget.com/a%2Fb%3Fc/production/v1/..%2Fx/rules.json",
    );
    expect(() => artifactUrl({ client: "" })).toThrowError(
      expect.objectContaining({ name: "ValidationError", field: "client" }),
    );
  });
});

describe("parseArtifact", () => {
  it("accepts every suite artifact of major version 1 and fills Adobe's defaults", () => {
    const blank = parseArtifact(loadArtifact("TEST_ARTIFACT_BLANK"));
    expect(blank.geoTargetingEnabled).toBe(false);
    expect(parseArtifact({ version: "1", rules: {} })).toMatchObject({
      globalMbox: "target-global-mbox",
      responseTokens: [],
      rules: { mboxes: {}, views: {} },
    });
  });

  it("returns the same compiled artifact for the same object", () => {
    const raw = loadArtifact("TEST_ARTIFACT_AB_SIMPLE");
    const parsed = parseArtifact(raw);
    expect(parseArtifact(raw)).toBe(parsed);
    expect(parseArtifact(parsed)).toBe(parsed);
  });

  it("refuses another major version, with a typed error", () => {
    const error = (() => {
      try {
        parseArtifact(loadArtifact("TEST_ARTIFACT_UNSUPPORTED"));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ArtifactError);
    expect(error).toBeInstanceOf(OfferkitError);
    expect(error).toMatchObject({ reason: "unsupported-version", field: "version" });
  });

  it.each([
    [null, "artifact"],
    ["rules", "artifact"],
    [{ rules: {} }, "version"],
    [{ version: "one", rules: {} }, "version"],
    [{ version: "1.0.0" }, "rules"],
    [{ version: "1.0.0", rules: { mboxes: [] } }, "rules.mboxes"],
    [{ version: "1.0.0", rules: { mboxes: { m: {} } } }, "rules.mboxes.m"],
    [{ version: "1.0.0", rules: { mboxes: { m: [{ condition: true, meta: {} }] } } }, "rules.mboxes.m[0].consequence"],
    [{ version: "1.0.0", rules: { views: { v: [{ condition: true, consequence: {} }] } } }, "rules.views.v[0].meta"],
    [{ version: "1.0.0", rules: { mboxes: { m: [{ consequence: {}, meta: {} }] } } }, "rules.mboxes.m[0].condition"],
    [
      { version: "1.0.0", rules: { mboxes: { m: [{ condition: { regex: ["a"] }, consequence: {}, meta: {} }] } } },
      "rules.mboxes.m[0].condition.regex",
    ],
    [{ version: "1.0.0", responseTokens: "activity.id", rules: {} }, "responseTokens"],
    [{ version: "1.0.0", geoTargetingEnabled: "yes", rules: {} }, "geoTargetingEnabled"],
  ])("refuses a malformed artifact (%j) naming %s", (value, field) => {
    expect(() => parseArtifact(value)).toThrowError(expect.objectContaining({ reason: "malformed", field }));
  });
});

describe("decodeArtifactBin", () => {
  const encode = (json: unknown, organizationId: string, header = "OBFU:1") => {
    const key = "0123456789abcdef0123456789abcdef";
    const head = new TextEncoder().encode(`${header}`.padEnd(8, " ").slice(0, 8) + key);
    const bytes = new Uint8Array(40);
    bytes.set(head.subarray(0, 40));
    const body = new TextEncoder().encode(JSON.stringify(json));
    const secret = new TextEncoder().encode(organizationId + new TextDecoder().decode(head.subarray(8, 41)));
    const out = new Uint8Array(40 + body.length);
    out.set(bytes);
    body.forEach((byte, i) => {
      out[40 + i] = byte ^ (secret[i % secret.length] as number);
    });
    return out;
  };

  it("XOR-decodes rules.bin with the organization id and the header's key", () => {
    const artifact = loadArtifact("TEST_ARTIFACT_AB_SIMPLE");
    const decoded = decodeArtifactBin(
      encode(artifact, "0123456789ABCDEF01234567@AdobeOrg"),
      "0123456789ABCDEF01234567@AdobeOrg",
    );
    expect(decoded).toEqual(artifact);
    expect(parseArtifact(decoded).version).toBe("1.0.0");
  });

  it("refuses another obfuscation version or a wrong organization", () => {
    const artifact = loadArtifact("TEST_ARTIFACT_AB_SIMPLE");
    expect(() => decodeArtifactBin(encode(artifact, "org@AdobeOrg", "OBFU:2"), "org@AdobeOrg")).toThrowError(
      expect.objectContaining({ name: "ArtifactError", reason: "obfuscation" }),
    );
    expect(() => decodeArtifactBin(encode(artifact, "org@AdobeOrg"), "other@AdobeOrg")).toThrowError(
      expect.objectContaining({ reason: "obfuscation" }),
    );
    expect(() => decodeArtifactBin(new Uint8Array(3), "org")).toThrow(ArtifactError);
    expect(() => decodeArtifactBin("rules" as unknown as Uint8Array, "org")).toThrow(ValidationError);
  });
});

describe("needsServer / needsGeoLookup / geoFromLookup", () => {
  const artifact = parseArtifact(loadArtifact("TEST_ARTIFACT_GLOBAL_MBOX"));

  it("lists requested mboxes and views the artifact cannot decide", () => {
    expect(needsServer(artifact, { context: web, execute: { mboxes: [{ index: 0, name: "mbox-magician" }] } })).toEqual(
      {
        remote: false,
        remoteMboxes: [],
        remoteViews: [],
      },
    );
    expect(
      needsServer(artifact, {
        context: web,
        execute: { pageLoad: {}, mboxes: [{ index: 0, name: "not-on-device" }] },
        prefetch: { views: [{ name: "unknown-view" }, { name: "home" }] },
      }),
    ).toEqual({ remote: true, remoteMboxes: ["target-global-mbox", "not-on-device"], remoteViews: ["unknown-view"] });
  });

  it("asks for a geo lookup only when geo targeting is on and only an IP is known", () => {
    const ipOnly: DeliveryRequest = { context: { ...web, geo: { ipAddress: "203.0.113.7" } } };
    expect(needsGeoLookup(artifact, ipOnly)).toBe(true);
    expect(needsGeoLookup(artifact, { context: { ...web, geo: { ipAddress: "2001:db8::1" } } })).toBe(true);
    expect(needsGeoLookup(artifact, { context: { ...web, geo: { ipAddress: "unknownIpAddress" } } })).toBe(true);
    expect(needsGeoLookup(artifact, { context: { ...web, geo: { ipAddress: "not-an-ip" } } })).toBe(false);
    expect(needsGeoLookup(artifact, { context: { ...web, geo: { ipAddress: "203.0.113.7", city: "X" } } })).toBe(false);
    expect(needsGeoLookup(artifact, { context: web })).toBe(false);
    expect(needsGeoLookup(parseArtifact(loadArtifact("TEST_ARTIFACT_BLANK")), ipOnly)).toBe(false);
  });

  it("reads the geo endpoint's body (or its response headers, as an object)", () => {
    const body = { "x-geo-latitude": "37.75", "x-geo-longitude": -122.4, "x-geo-city": "SAN FRANCISCO" };
    expect(geoFromLookup(body)).toEqual({ latitude: 37.75, longitude: -122.4, city: "SAN FRANCISCO" });
    const headers = new Headers({ "x-geo-country-code": "US", "x-geo-region-code": "CA" });
    expect(geoFromLookup(Object.fromEntries(headers))).toEqual({ countryCode: "US", stateCode: "CA" });
  });
});

describe("decide", () => {
  const simple = parseArtifact(loadArtifact("TEST_ARTIFACT_AB_SIMPLE"));
  const execute = (name = "mbox-magician"): DeliveryRequest => ({
    id: TNT,
    context: web,
    execute: { mboxes: [{ index: 1, name }] },
  });

  it("decides, notifies once per event token, and reports meta", () => {
    const request = execute();
    request.execute?.mboxes?.push({ index: 2, name: "mbox-magician" });
    const { response, notifications, meta } = decide(simple, request, context());
    expect(response).toMatchObject({ status: 200, client: "someClientId", id: TNT });
    expect(response.execute?.mboxes).toHaveLength(2);
    expect(response.execute?.mboxes?.[0]?.options?.[0]).toMatchObject({
      type: "json",
      responseTokens: { "activity.decisioningMethod": "on-device" },
    });
    expect(response.execute?.mboxes?.[0]?.options?.[0]?.eventToken).toBeUndefined();
    expect(notifications).toEqual([
      {
        id: "uuid-2",
        impressionId: "uuid-3",
        timestamp: Date.UTC(2021, 1, 11, 9, 0),
        type: "display",
        mbox: { name: "mbox-magician" },
        tokens: [expect.any(String)],
      },
    ]);
    expect(meta).toEqual({ decisioningMethod: "on-device", remoteMboxes: [], remoteViews: [] });
    expect(response.requestId).toBe("uuid-1");
  });

  it("answers 206 and lists what needs the server", () => {
    const { response, meta } = decide(simple, execute("server-only"), context());
    expect(response.status).toBe(206);
    expect(response.remoteMboxes).toEqual(["server-only"]);
    expect(meta.remoteMboxes).toEqual(["server-only"]);
    expect(response.execute?.mboxes).toEqual([{ name: "server-only", index: 1 }]);
  });

  it("mints a tntId with the location hint when the request has no visitor id, and uses context ids", () => {
    const request: DeliveryRequest = { context: web, execute: { mboxes: [{ index: 1, name: "mbox-magician" }] } };
    expect(decide(simple, request, context({ targetLocationHint: "35" })).response.id).toEqual({
      tntId: "uuid-1.35_0",
    });
    expect(decide(simple, request, context({ id: TNT })).response.id).toEqual(TNT);
    expect(decide(simple, request, context({ requestId: "r-9" })).response.requestId).toBe("r-9");
  });

  it("gives each response its own copy of the artifact's content", () => {
    const first = decide(simple, execute(), context()).response;
    const content = first.execute?.mboxes?.[0]?.options?.[0]?.content as Record<string, unknown>;
    content.doMagic = "changed";
    const second = decide(simple, execute(), context()).response;
    expect(second.execute?.mboxes?.[0]?.options?.[0]?.content).toEqual({ doMagic: true, importantValue: 150 });
  });

  it("is deterministic: clock and randomness come only from the context", () => {
    const a = decide(simple, execute(), context());
    const b = decide(simple, execute(), context());
    expect(a).toEqual(b);
  });

  it("filters rules by property token (request first, then the context default)", () => {
    const properties = parseArtifact(loadArtifact("TEST_ARTIFACT_PROPERTIES"));
    const X = "8ce2d3e9-b299-c0ea-2e0c-2e21255db6bb";
    const request = (token?: string): DeliveryRequest => ({
      id: TNT,
      context: web,
      ...(token ? { property: { token } } : {}),
      prefetch: { pageLoad: {} },
    });
    const contents = (decision: ReturnType<typeof decide>) =>
      JSON.stringify(decision.response.prefetch?.pageLoad?.options?.map((option) => option.content));
    const none = contents(decide(properties, request(), context()));
    const x = contents(decide(properties, request(X), context()));
    expect(none).not.toContain("vegetable");
    expect(x).toContain("vegetable");
    expect(x).not.toContain("fruit");
    expect(contents(decide(properties, request(), context({ propertyToken: X })))).toBe(x);
    expect(
      contents(decide(properties, request("f12c912a-792f-6c01-4977-65d39558c82e"), context({ propertyToken: X }))),
    ).toContain("fruit");
  });

  it("refuses bad input with a ValidationError naming the field", () => {
    const bad: [unknown, Partial<DecisionContext>, string][] = [
      [execute(), { clientCode: "" }, "context.clientCode"],
      [execute(), { now: Number.NaN }, "context.now"],
      [execute(), { randomUUID: undefined as unknown as () => string }, "context.randomUUID"],
      [null, {}, "request"],
      [{ context: web, execute: { mboxes: {} } }, {}, "request.execute.mboxes"],
      [{ context: web, prefetch: { mboxes: [{ index: 0 }] } }, {}, "request.prefetch.mboxes[0].name"],
      [{ context: web, prefetch: { views: [{ name: 3 }] } }, {}, "request.prefetch.views[0].name"],
      [{ context: web, execute: { pageLoad: "yes" } }, {}, "request.execute.pageLoad"],
    ];
    for (const [request, extra, field] of bad) {
      expect(() => decide(simple, request as DeliveryRequest, context(extra))).toThrowError(
        expect.objectContaining({ name: "ValidationError", field }),
      );
    }
    expect(() => decide(simple, execute(), context({ clientCode: "" }))).toThrow(ValidationError);
  });
});
