/**
 * The on-device client's lifecycle and routing over a stand-in engine (decisions themselves are the engine's, tested
 * with Adobe's artifacts in on-device-differential.test.ts): artifact URL, ETag polling, the last good artifact kept,
 * ready and events, hybrid routing, geo lookup, background notifications, option checks.
 */
import { ValidationError } from "@offerkit/core";
import type { DeliveryRequest } from "@offerkit/delivery";
import { geoFromLookup } from "@offerkit/target-rules";
import { fakeFetch, jsonResponse } from "@offerkit/testkit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ArtifactUnavailableError } from "../src/adobe-target/on-device/artifact.js";
import {
  createOnDeviceTargetClient,
  DecisioningNotReadyError,
  type OnDeviceTargetClient,
  type OnDeviceTargetClientOptions,
} from "../src/adobe-target/on-device/client.js";
import type { ArtifactFacts, DecisionContext, DecisionEngine } from "../src/adobe-target/on-device/engine.js";
import { LOCATION_HINT_MAX_AGE } from "../src/index.js";

const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const NOW = 1_767_225_600_000;
const MINUTES_5 = 300_000;

interface FakeArtifact extends ArtifactFacts {
  readonly tag: string;
  readonly localMboxes: readonly string[];
  readonly remoteMboxes: readonly string[];
  readonly geoTargetingEnabled?: boolean;
}

/** The stand-in's remote dependency: mboxes listed as remote or not listed as local (the global mbox for a page load). */
function remoteOf(current: FakeArtifact, request: DeliveryRequest) {
  const names = (request.execute?.mboxes ?? []).map((mbox) => mbox.name as string);
  if (request.execute?.pageLoad) names.push("target-global-mbox");
  const remoteMboxes = names.filter(
    (name) => current.remoteMboxes.includes(name) || !current.localMboxes.includes(name),
  );
  return { remote: remoteMboxes.length > 0, remoteMboxes, remoteViews: [] };
}

const artifact = (tag: string, extra: Partial<FakeArtifact> = {}): FakeArtifact => ({
  version: "1.0.0",
  tag,
  localMboxes: ["local", "other-local"],
  remoteMboxes: ["remote"],
  ...extra,
});

/** Decides every requested mbox with one option naming the artifact, and one display notification per mbox. */
const engine: DecisionEngine<FakeArtifact> & {
  calls: { request: DeliveryRequest; hint: string | undefined; context: DecisionContext }[];
} = {
  calls: [],
  parse(value) {
    const candidate = value as Partial<FakeArtifact> | null;
    if (typeof candidate?.version !== "string" || !candidate.version.startsWith("1.")) throw new Error("not major 1");
    return candidate as FakeArtifact;
  },
  decodeBin(bytes, organizationId) {
    const key = new TextEncoder().encode(organizationId);
    const plain = bytes.map((byte, index) => byte ^ (key[index % key.length] as number));
    return this.parse(JSON.parse(new TextDecoder().decode(plain)));
  },
  needsServer: remoteOf,
  needsGeoLookup: (current, request) =>
    current.geoTargetingEnabled === true &&
    request.context?.geo?.ipAddress !== undefined &&
    Object.keys(request.context.geo).length === 1,
  geoFromLookup,
  decide(current, request, context) {
    engine.calls.push({ request, hint: context.targetLocationHint, context });
    const mboxes = request.execute?.mboxes ?? [];
    return {
      response: {
        status: 200,
        requestId: "local-request",
        client: context.clientCode,
        id: request.id?.tntId ? request.id : { ...request.id, tntId: `minted.${context.targetLocationHint}_0` },
        execute: {
          mboxes: mboxes.map((mbox) => ({
            index: mbox.index,
            name: mbox.name,
            options: [{ type: "json", content: { tag: current.tag, city: request.context?.geo?.city ?? null } }],
          })),
        },
        ...{ remoteMboxes: ["should-not-stay"] },
      },
      meta: remoteOf(current, request),
      notifications: mboxes.map((mbox) => ({
        id: `n-${mbox.name}`,
        type: "display" as const,
        timestamp: context.now,
        mbox: { name: mbox.name },
        tokens: [`token-${mbox.name}`],
      })),
    };
  },
};

const obfuscate = (value: unknown, organizationId: string) => {
  const key = new TextEncoder().encode(organizationId);
  return new TextEncoder()
    .encode(JSON.stringify(value))
    .map((byte, index) => byte ^ (key[index % key.length] as number));
};

interface Cdn {
  /** What the CDN serves next, by call: an artifact with an ETag, a status, or a thrown error. */
  next: (request: Request) => Response;
}

function setup(options: Partial<OnDeviceTargetClientOptions> = {}, cdn?: Cdn) {
  let version = artifact("v1");
  let etag = '"e1"';
  const delivery: Request[] = [];
  const cdnServer: Cdn = cdn ?? {
    next: (request) =>
      request.headers.get("if-none-match") === etag
        ? new Response(null, { status: 304 })
        : jsonResponse(version, { headers: { etag } }),
  };
  const fetch = fakeFetch((request) => {
    const url = new URL(request.url);
    if (url.host === "assets.adobetarget.com" && url.pathname === "/v1/geo") {
      return jsonResponse({ "x-geo-city": "SAN FRANCISCO", "x-geo-country-code": "US", "x-geo-latitude": "37.75" });
    }
    if (url.host === "assets.adobetarget.com" || url.host === "cdn.example") return cdnServer.next(request);
    delivery.push(request);
    return jsonResponse({ status: 200, requestId: "server", id: { tntId: "server.28_0" }, client: "acme" });
  });
  const events: [string, unknown][] = [];
  const client = createOnDeviceTargetClient(
    {
      client: "acme",
      organizationId: ORG,
      fetch,
      decisioningMethod: "on-device",
      events: {
        clientReady: () => events.push(["clientReady", undefined]),
        artifactDownloadSucceeded: (payload) => events.push(["artifactDownloadSucceeded", payload]),
        artifactDownloadFailed: (payload) => events.push(["artifactDownloadFailed", payload]),
        sendNotificationError: (payload) => events.push(["sendNotificationError", payload]),
      },
      ...options,
    },
    engine,
  );
  clients.push(client);
  return {
    client,
    fetch,
    events,
    delivery,
    cdnCalls: () => fetch.requests.filter((request) => /\/rules\.(json|bin)$/.test(request.url)),
    publish(next: FakeArtifact, nextEtag: string) {
      version = next;
      etag = nextEtag;
    },
  };
}

const clients: OnDeviceTargetClient[] = [];
const request = (...names: string[]) => ({ execute: { mboxes: names.map((name, index) => ({ index, name })) } });
const tagOf = (result: Awaited<ReturnType<OnDeviceTargetClient["getOffers"]>>) =>
  (result.response.execute?.mboxes?.[0]?.options?.[0]?.content as { tag: string } | undefined)?.tag;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
  vi.setSystemTime(NOW);
  engine.calls.length = 0;
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
  vi.useRealTimers();
});

describe("the artifact", () => {
  it("is downloaded from Adobe's URL for the client, environment and property token", async () => {
    const { client, cdnCalls } = setup({ environment: "Staging", propertyToken: "a1b2-c3" });
    await client.ready;
    expect(cdnCalls().map((call) => call.url)).toEqual([
      "https://assets.adobetarget.com/acme/staging/v1/a1b2-c3/rules.json",
    ]);
  });

  it("comes as rules.bin, decoded with the organization id, when asked", async () => {
    const cdn: Cdn = { next: () => new Response(obfuscate(artifact("bin"), ORG)) };
    const { client, cdnCalls } = setup({ artifactFormat: "bin" }, cdn);
    await client.ready;
    expect(cdnCalls()[0]?.url).toBe("https://assets.adobetarget.com/acme/production/v1/rules.bin");
    expect(tagOf(await client.getOffers({ request: request("local") }))).toBe("bin");
  });

  it("is read as rules.bin when artifactLocation ends in .bin", async () => {
    const cdn: Cdn = { next: () => new Response(obfuscate(artifact("bin2"), ORG)) };
    const { client, cdnCalls } = setup({ artifactLocation: "https://cdn.example/custom/rules.bin" }, cdn);
    await client.ready;
    expect(cdnCalls()[0]?.url).toBe("https://cdn.example/custom/rules.bin");
    expect(tagOf(await client.getOffers({ request: request("local") }))).toBe("bin2");
  });

  it("announces itself: clientReady once, artifactDownloadSucceeded with the payload to cache", async () => {
    const { client, events } = setup();
    await client.ready;
    expect(events).toEqual([
      [
        "artifactDownloadSucceeded",
        {
          artifactLocation: "https://assets.adobetarget.com/acme/production/v1/rules.json",
          artifactPayload: artifact("v1"),
        },
      ],
      ["clientReady", undefined],
    ]);
  });

  it("is refreshed every five minutes with If-None-Match; a 304 keeps it, a new one replaces it", async () => {
    const { client, cdnCalls, publish, events } = setup();
    await client.ready;
    await vi.advanceTimersByTimeAsync(MINUTES_5);
    expect(cdnCalls()).toHaveLength(2);
    expect(cdnCalls()[1]?.headers["if-none-match"]).toBe('"e1"');
    expect(tagOf(await client.getOffers({ request: request("local") }))).toBe("v1");
    expect(events.filter(([name]) => name === "artifactDownloadSucceeded")).toHaveLength(1);

    publish(artifact("v2"), '"e2"');
    await vi.advanceTimersByTimeAsync(MINUTES_5);
    expect(cdnCalls()).toHaveLength(3);
    expect(tagOf(await client.getOffers({ request: request("local") }))).toBe("v2");
    expect(events.filter(([name]) => name === "clientReady")).toHaveLength(1);
  });

  it("keeps the last good artifact when a poll fails or brings a broken one", async () => {
    let mode: "good" | "down" | "broken" = "good";
    const cdn: Cdn = {
      next: () =>
        mode === "good"
          ? jsonResponse(artifact("good"))
          : mode === "down"
            ? new Response("no", { status: 503 })
            : jsonResponse({ version: "2.0.0" }),
    };
    const { client, events } = setup({}, cdn);
    await client.ready;
    mode = "down";
    await vi.advanceTimersByTimeAsync(MINUTES_5 + 2_000);
    mode = "broken";
    await vi.advanceTimersByTimeAsync(MINUTES_5 + 2_000);
    const failures = events.filter(([name]) => name === "artifactDownloadFailed");
    expect(failures).toHaveLength(6);
    expect(failures[0]?.[1]).toMatchObject({ artifactLocation: expect.stringContaining("rules.json") });
    expect(tagOf(await client.getOffers({ request: request("local") }))).toBe("good");
  });

  it("is polled at the minimum interval when asked for less, and never with pollingInterval 0", async () => {
    const fast = setup({ pollingInterval: 1_000 });
    const never = setup({ pollingInterval: 0 });
    await Promise.all([fast.client.ready, never.client.ready]);
    await vi.advanceTimersByTimeAsync(MINUTES_5 - 1_000);
    expect(fast.cdnCalls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fast.cdnCalls()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(MINUTES_5 * 3);
    expect(never.cdnCalls()).toHaveLength(1);
  });

  it("stops being polled after close()", async () => {
    const { client, cdnCalls } = setup();
    await client.ready;
    client.close();
    await vi.advanceTimersByTimeAsync(MINUTES_5 * 3);
    expect(cdnCalls()).toHaveLength(1);
    expect(tagOf(await client.getOffers({ request: request("local") }))).toBe("v1");
  });

  it("given as artifactPayload is used at once, without a download until the next poll", async () => {
    const { client, cdnCalls, events } = setup({ artifactPayload: artifact("cached") });
    expect(tagOf(await client.getOffers({ request: request("local") }))).toBe("cached");
    await client.ready;
    expect(cdnCalls()).toHaveLength(0);
    expect(events).toEqual([["clientReady", undefined]]);
    await vi.advanceTimersByTimeAsync(MINUTES_5);
    expect(cdnCalls()).toHaveLength(1);
    expect(tagOf(await client.getOffers({ request: request("local") }))).toBe("v1");
  });

  it("given as JSON text or rules.bin bytes is read too", async () => {
    const text = setup({ artifactPayload: JSON.stringify(artifact("text")), pollingInterval: 0 });
    expect(tagOf(await text.client.getOffers({ request: request("local") }))).toBe("text");
    const bytes = setup({
      artifactPayload: obfuscate(artifact("bytes"), ORG),
      artifactFormat: "bin",
      pollingInterval: 0,
    });
    expect(tagOf(await bytes.client.getOffers({ request: request("local") }))).toBe("bytes");
  });

  it("that cannot be had rejects ready, fails on-device calls and sends hybrid calls to the server", async () => {
    const cdn: Cdn = { next: () => new Response("gone", { status: 404 }) };
    const onDevice = setup({}, cdn);
    const ready = expect(onDevice.client.ready).rejects.toBeInstanceOf(ArtifactUnavailableError);
    await vi.advanceTimersByTimeAsync(2_000);
    await ready;
    expect(onDevice.events.filter(([name]) => name === "artifactDownloadFailed")).toHaveLength(3);
    await expect(onDevice.client.getOffers({ request: request("local") })).rejects.toBeInstanceOf(
      DecisioningNotReadyError,
    );

    const hybrid = setup({ decisioningMethod: "hybrid" }, cdn);
    const result = await hybrid.client.getOffers({ request: request("local") });
    expect(result.meta).toEqual({ decisioningMethod: "server-side", remoteMboxes: [], remoteViews: [] });
    expect(hybrid.delivery).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(hybrid.client.ready).rejects.toBeInstanceOf(ArtifactUnavailableError);
  });

  it("that has not come within maximumWaitReady rejects ready, and is still used when it comes", async () => {
    let answer: (response: Response) => void = () => {};
    const late = new Promise<Response>((resolve) => {
      answer = resolve;
    });
    // The CDN answers only after the limit.
    const { client } = setup({ maximumWaitReady: 1_000 }, { next: () => late as never });
    const ready = expect(client.ready).rejects.toThrow(/maximumWaitReady/);
    await vi.advanceTimersByTimeAsync(1_000);
    await ready;
    answer(jsonResponse(artifact("late")));
    await vi.advanceTimersByTimeAsync(0);
    expect(tagOf(await client.getOffers({ request: request("local") }))).toBe("late");
  });
});

describe("a call", () => {
  it("on-device: decided from the artifact with no server call; meta and cookies as Adobe reports them", async () => {
    const { client, delivery } = setup();
    await client.ready;
    const result = await client.getOffers({ request: request("local"), targetLocationHint: "31" });
    expect(delivery).toHaveLength(0);
    expect(result.meta).toEqual({ decisioningMethod: "on-device", remoteMboxes: [], remoteViews: [] });
    expect(result.response).not.toHaveProperty("remoteMboxes");
    expect(engine.calls[0]?.hint).toBe("31");
    expect(result.targetCookie.value).toMatch(/^session#[0-9a-f-]{36}#\d+\|PC#minted\.31_0#\d+$/);
    expect(result.targetLocationHintCookie).toEqual({
      name: "mboxEdgeCluster",
      value: "31",
      maxAge: LOCATION_HINT_MAX_AGE,
    });
  });

  it("on-device: a returning visitor's tnt id and session come from the mbox cookie", async () => {
    const { client } = setup();
    await client.ready;
    const seconds = Math.ceil(NOW / 1000) + 1000;
    const cookie = `session#s-1#${seconds}|PC#known.28_0#${seconds + 1000}`;
    const result = await client.getOffers({ request: request("local"), targetCookie: cookie });
    expect(engine.calls[0]?.request.id?.tntId).toBe("known.28_0");
    expect(engine.calls[0]?.hint).toBe("28");
    expect(result.targetCookie.value).toContain("session#s-1#");
  });

  it("on-device: a remote mbox is still decided locally, and reported in meta", async () => {
    const { client, delivery } = setup();
    await client.ready;
    const result = await client.getOffers({ request: request("local", "remote", "unknown") });
    expect(delivery).toHaveLength(0);
    expect(result.meta).toEqual({
      decisioningMethod: "on-device",
      remoteMboxes: ["remote", "unknown"],
      remoteViews: [],
    });
  });

  it("hybrid: goes to the server exactly when a requested mbox is remote", async () => {
    const { client, delivery } = setup({ decisioningMethod: "hybrid" });
    await client.ready;
    const local = await client.getOffers({ request: request("local", "other-local") });
    expect(local.meta.decisioningMethod).toBe("on-device");
    expect(delivery).toHaveLength(0);
    const remote = await client.getOffers({ request: request("local", "remote") });
    expect(delivery).toHaveLength(1);
    expect(remote.meta).toEqual({ decisioningMethod: "server-side", remoteMboxes: ["remote"], remoteViews: [] });
    expect(remote.response.requestId).toBe("server");
  });

  it("hybrid: a page load needs the global mbox to be local", async () => {
    const { client, delivery } = setup({ decisioningMethod: "hybrid" });
    await client.ready;
    const result = await client.getOffers({ request: { execute: { pageLoad: {} } } });
    expect(delivery).toHaveLength(1);
    expect(result.meta.remoteMboxes).toEqual(["target-global-mbox"]);
  });

  it("per call: decisioningMethod overrides the client's", async () => {
    const { client, delivery } = setup({ decisioningMethod: "hybrid" });
    await client.ready;
    const server = await client.getOffers({ request: request("local"), decisioningMethod: "server-side" });
    expect(server.meta.decisioningMethod).toBe("server-side");
    const local = await client.getOffers({ request: request("remote"), decisioningMethod: "on-device" });
    expect(local.meta).toEqual({ decisioningMethod: "on-device", remoteMboxes: ["remote"], remoteViews: [] });
    expect(delivery).toHaveLength(1);
    await expect(
      client.getOffers({ request: request("local"), decisioningMethod: "local" as never }),
    ).rejects.toMatchObject({
      field: "getOffers.decisioningMethod",
    });
  });

  it("on a server-side client: never downloads; an on-device call is not ready, a hybrid one goes to the server", async () => {
    const { client, cdnCalls, delivery, events } = setup({ decisioningMethod: "server-side" });
    await client.ready;
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual([["clientReady", undefined]]);
    await expect(
      client.getOffers({ request: request("local"), decisioningMethod: "on-device" }),
    ).rejects.toBeInstanceOf(DecisioningNotReadyError);
    await client.getOffers({ request: request("local"), decisioningMethod: "hybrid" });
    expect(delivery).toHaveLength(1);
    expect(cdnCalls()).toHaveLength(0);
  });

  it("passes the engine the clock, the client code, the session and a public-suffix hook", async () => {
    const parseDomain = (host: string) => ({ domain: host, subdomain: "", topLevelDomain: "" });
    const { client } = setup({ parseDomain });
    await client.ready;
    await client.getOffers({ request: request("local"), sessionId: "s-7" });
    expect(engine.calls[0]?.context).toMatchObject({ clientCode: "acme", sessionId: "s-7", now: NOW, parseDomain });
    expect(engine.calls[0]?.context.randomUUID()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("getAttributes decides on-device too", async () => {
    const { client, delivery } = setup();
    await client.ready;
    const attributes = await client.getAttributes(["local"]);
    expect(attributes.getValue("local", "tag")).toBe("v1");
    expect(delivery).toHaveLength(0);
  });
});

describe("display notifications", () => {
  it("go to the Delivery API after getOffers has returned, with the visitor's ids, session and edge", async () => {
    const { client, delivery } = setup();
    await client.ready;
    const result = await client.getOffers({
      request: { ...request("local"), context: { channel: "web", address: { url: "https://shop.example/" } } },
      targetLocationHint: "31",
      sessionId: "s-9",
    });
    expect(delivery).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(delivery).toHaveLength(1);
    const sent = delivery[0] as Request;
    expect(new URL(sent.url).origin).toBe("https://mboxedge31.tt.omtrdc.net");
    expect(new URL(sent.url).searchParams.get("sessionId")).toBe("s-9");
    const body = await sent.json();
    expect(body.id).toEqual({ tntId: "minted.31_0" });
    expect(body.context).toEqual({ channel: "web", address: { url: "https://shop.example/" } });
    expect(body.notifications).toEqual([
      { id: "n-local", type: "display", timestamp: NOW, mbox: { name: "local" }, tokens: ["token-local"] },
    ]);
    expect(body.experienceCloud.analytics.supplementalDataId).toBe(
      result.request.experienceCloud?.analytics?.supplementalDataId,
    );
    expect(body).not.toHaveProperty("execute");
  });

  it("that fail are reported as sendNotificationError, never as a failed getOffers", async () => {
    const failing = fakeFetch((request) =>
      new URL(request.url).host === "assets.adobetarget.com"
        ? jsonResponse(artifact("v1"))
        : new Response(JSON.stringify({ status: 500, message: "down" }), { status: 500 }),
    );
    const { client, events } = setup({ fetch: failing });
    await client.ready;
    const result = await client.getOffers({ request: request("local") });
    expect(result.meta.decisioningMethod).toBe("on-device");
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(events.some(([name]) => name === "sendNotificationError")).toBe(true));
    const [, payload] = events.find(([name]) => name === "sendNotificationError") ?? [];
    expect(payload).toMatchObject({ notification: [{ id: "n-local" }], error: { status: 500 } });
  });
});

describe("geo", () => {
  it("is looked up only when the artifact targets by geo and the request carries only an IP address", async () => {
    const { client, fetch } = setup({
      artifactPayload: artifact("geo", { geoTargetingEnabled: true }),
      pollingInterval: 0,
    });
    const geoCalls = () => fetch.requests.filter((call) => call.url === "https://assets.adobetarget.com/v1/geo");
    const withGeo = (geo: Record<string, unknown>) => ({
      ...request("local"),
      context: { channel: "web" as const, geo },
    });

    const looked = await client.getOffers({ request: withGeo({ ipAddress: "203.0.113.7" }) });
    expect(geoCalls()).toHaveLength(1);
    expect(geoCalls()[0]?.headers["x-forwarded-for"]).toBe("203.0.113.7");
    expect(engine.calls[0]?.request.context?.geo).toEqual({
      ipAddress: "203.0.113.7",
      city: "SAN FRANCISCO",
      countryCode: "US",
      latitude: 37.75,
    });
    expect((looked.response.execute?.mboxes?.[0]?.options?.[0]?.content as { city: string } | undefined)?.city).toBe(
      "SAN FRANCISCO",
    );

    await client.getOffers({ request: withGeo({ ipAddress: "203.0.113.7", city: "PARIS" }) });
    await client.getOffers({ request: request("local") });
    expect(geoCalls()).toHaveLength(1);

    const off = setup({ artifactPayload: artifact("no-geo"), pollingInterval: 0 });
    await off.client.getOffers({ request: withGeo({ ipAddress: "203.0.113.7" }) });
    expect(off.fetch.requests.filter((call) => call.url.endsWith("/v1/geo"))).toHaveLength(0);
  });
});

describe("options", () => {
  it("are checked, each refusal naming its field", () => {
    const cases: [Partial<OnDeviceTargetClientOptions>, string][] = [
      [{ decisioningMethod: "local" as never }, "decisioningMethod"],
      [{ artifactLocation: "rules.json" }, "artifactLocation"],
      [{ artifactFormat: "xml" as never }, "artifactFormat"],
      [{ environment: "prod/../x" }, "environment"],
      [{ cdnEnvironment: 3 as never }, "cdnEnvironment"],
      [{ propertyToken: "a/b" }, "propertyToken"],
      [{ pollingInterval: -1 }, "pollingInterval"],
      [{ pollingInterval: Number.NaN }, "pollingInterval"],
      [{ maximumWaitReady: "soon" as never }, "maximumWaitReady"],
      [{ parseDomain: "psl" as never }, "parseDomain"],
      [{ events: { clientready: () => {} } as never }, "events.clientready"],
      [{ events: { clientReady: "yes" } as never }, "events.clientReady"],
      [{ artifactFormat: "bin", organizationId: undefined }, "organizationId"],
      [{ artifactPayload: { version: "2.0.0" } }, "artifactPayload"],
      [{ artifactPayload: "{not json" }, "artifactPayload"],
    ];
    for (const [options, field] of cases) {
      let error: unknown;
      try {
        setup(options);
      } catch (caught) {
        error = caught;
      }
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field, field).toBe(field);
    }
  });

  it("events can be added and removed with on/off, and a throwing listener stops no one", async () => {
    const errors: unknown[] = [];
    const { client, publish } = setup({ logger: { error: (...messages) => errors.push(messages) } });
    const heard: string[] = [];
    client.on("clientReady", () => {
      throw new Error("listener bug");
    });
    const stop = client.on("artifactDownloadSucceeded", ({ artifactLocation }) => heard.push(artifactLocation));
    await client.ready;
    stop();
    publish(artifact("v2"), '"e2"');
    await vi.advanceTimersByTimeAsync(MINUTES_5);
    expect(heard).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });
});
