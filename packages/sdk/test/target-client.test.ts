import { ApiError, ValidationError } from "@offerkit/core";
import { fakeFetch, jsonResponse } from "@offerkit/testkit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTargetClient, createTargetCookie, type TargetLogger } from "../src/index.js";
import { decided } from "./support/decided.js";

const NOW = 1_767_225_600_000;
const SECONDS = NOW / 1000;
const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const TNT = "4c2f8a0b6d1e4f3a9b7c5d2e1f0a3b4c";

const answer = (overrides: Record<string, unknown> = {}) =>
  jsonResponse({
    status: 200,
    requestId: "r-1",
    client: "acme",
    id: { tntId: `${TNT}.28_0` },
    edgeHost: "mboxedge28.tt.omtrdc.net",
    ...overrides,
  });

const request = { context: { channel: "web" as const }, execute: { mboxes: [{ index: 1, name: "hero" }] } };

function setup(respond: (request: Request) => Response = () => answer()) {
  const fetch = fakeFetch(respond);
  const logged: unknown[][] = [];
  const logger: TargetLogger = { warn: (...messages) => logged.push(messages) };
  const target = createTargetClient({ client: "acme", organizationId: ORG, fetch, logger });
  return { fetch, logged, target };
}

const query = (url: string) => Object.fromEntries(new URL(url).searchParams);
const origin = (url: string) => new URL(url).origin;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe("a new visitor", () => {
  it("goes to the client's host with a new session id, and gets both cookies back", async () => {
    const { fetch, target } = setup();
    const result = await target.getOffers({ request });

    expect(fetch.requests).toHaveLength(1);
    const sent = fetch.last;
    expect(origin(sent.url)).toBe("https://acme.tt.omtrdc.net");
    const { sessionId } = query(sent.url);
    expect(query(sent.url)).toEqual({ client: "acme", imsOrgId: ORG, sessionId });
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(sent.body);
    expect(body).toEqual({
      context: { channel: "web" },
      execute: { mboxes: [{ index: 1, name: "hero" }] },
      experienceCloud: { analytics: { logging: "server_side", supplementalDataId: expect.any(String) } },
    });
    expect(body.experienceCloud.analytics.supplementalDataId).toMatch(/^[0-7][0-9A-F]{15}-[0-7][0-9A-F]{15}$/);

    expect(result.request).toEqual(body);
    expect(result.targetCookie).toEqual(
      createTargetCookie({ sessionId: sessionId as string, tntId: `${TNT}.28_0` }, NOW),
    );
    expect(result.targetLocationHintCookie).toEqual({ name: "mboxEdgeCluster", value: "28", maxAge: 1860 });
    expect(result.meta).toEqual({ decisioningMethod: "server-side", remoteMboxes: [], remoteViews: [] });
  });

  it("uses the caller's session id when there is no cookie", async () => {
    const { fetch, target } = setup();
    await target.getOffers({ request, sessionId: "page-session-1" });
    expect(query(fetch.last.url).sessionId).toBe("page-session-1");
  });

  it("gets no location hint cookie when the answer names no edge cluster", async () => {
    const { target } = setup(() => answer({ edgeHost: "acme.tt.omtrdc.net" }));
    expect((await target.getOffers({ request })).targetLocationHintCookie).toBeUndefined();
  });
});

describe("a returning visitor", () => {
  it("keeps the cookie's session, sends its tnt id, and goes to the cluster it names", async () => {
    const { fetch, target } = setup(() =>
      answer({ id: { tntId: `${TNT}.31_2` }, edgeHost: "mboxedge31.tt.omtrdc.net" }),
    );
    const cookie = createTargetCookie({ sessionId: "s-1", tntId: `${TNT}.31_2` }, NOW - 60_000).value;
    const result = await target.getOffers({ request, targetCookie: cookie, sessionId: "ignored" });

    expect(fetch.last.url).toBe(
      `https://mboxedge31.tt.omtrdc.net/rest/v1/delivery?client=acme&imsOrgId=${encodeURIComponent(ORG)}&sessionId=s-1`,
    );
    expect(JSON.parse(fetch.last.body).id).toEqual({ tntId: `${TNT}.31_2` });
    expect(result.targetCookie).toEqual(createTargetCookie({ sessionId: "s-1", tntId: `${TNT}.31_2` }, NOW));
    expect(result.targetLocationHintCookie?.value).toBe("31");
  });

  it("goes to the cluster of its location hint when the tnt id names none", async () => {
    const { fetch, target } = setup();
    const result = await target.getOffers({ request, targetLocationHint: "35" });
    expect(origin(fetch.last.url)).toBe("https://mboxedge35.tt.omtrdc.net");
    // The cluster the call went to wins over the one the answer names, as in Adobe's SDK.
    expect(result.targetLocationHintCookie?.value).toBe("35");
  });

  it("replaces an expired session and keeps the tnt id", async () => {
    const { fetch, target } = setup();
    const cookie = `session#old#${SECONDS - 1}|PC#${TNT}.28_0#${SECONDS + 1000}`;
    await target.getOffers({ request, targetCookie: cookie });
    expect(query(fetch.last.url).sessionId).not.toBe("old");
    expect(JSON.parse(fetch.last.body).id.tntId).toBe(`${TNT}.28_0`);
  });

  it("prefers a tnt id in the request over the cookie's, for the id and the cluster", async () => {
    const { fetch, target } = setup();
    const cookie = createTargetCookie({ sessionId: "s-1", tntId: `${TNT}.31_2` }, NOW).value;
    await target.getOffers({ request: { ...request, id: { tntId: "other.45_1" } }, targetCookie: cookie });
    expect(origin(fetch.last.url)).toBe("https://mboxedge45.tt.omtrdc.net");
    expect(JSON.parse(fetch.last.body).id).toEqual({ tntId: "other.45_1" });
  });
});

describe("routing is per visitor", () => {
  it("never sends a visitor without cookie or hint to the cluster another visitor was given", async () => {
    const { fetch, target } = setup();
    const first = await target.getOffers({ request });
    expect(first.targetLocationHintCookie?.value).toBe("28");
    await target.getOffers({ request, targetLocationHint: "35" });
    await target.getOffers({ request });
    expect(fetch.requests.map((sent) => origin(sent.url))).toEqual([
      "https://acme.tt.omtrdc.net",
      "https://mboxedge35.tt.omtrdc.net",
      "https://acme.tt.omtrdc.net",
    ]);
  });

  it("uses a configured location hint for visitors who bring none, and never learns one", async () => {
    const fetch = fakeFetch(() => answer({ id: { tntId: "x.31_0" }, edgeHost: "mboxedge31.tt.omtrdc.net" }));
    const target = createTargetClient({ client: "acme", fetch, targetLocationHint: "28" });
    await target.getOffers({ request });
    await target.getOffers({ request });
    expect(fetch.requests.map((sent) => origin(sent.url))).toEqual([
      "https://mboxedge28.tt.omtrdc.net",
      "https://mboxedge28.tt.omtrdc.net",
    ]);
  });

  it("keeps the scheme and port of serverDomain for the client's host, and the scheme for edge hosts", async () => {
    const fetch = fakeFetch(() => answer());
    const target = createTargetClient({ client: "acme", serverDomain: "127.0.0.1:8080", secure: false, fetch });
    await target.getOffers({ request });
    await target.getOffers({ request, targetLocationHint: "28" });
    expect(fetch.requests.map((sent) => origin(sent.url))).toEqual([
      "http://127.0.0.1:8080",
      "http://mboxedge28.tt.omtrdc.net",
    ]);
  });
});

describe("bad visitor input", () => {
  it("ignores a tampered mbox cookie with a warning: new session, no id sent", async () => {
    const { fetch, logged, target } = setup();
    const tampered = `session#s-1#${SECONDS + 60}|PC#${TNT}.28_0`;
    await target.getOffers({ request, targetCookie: tampered });
    expect(query(fetch.last.url).sessionId).not.toBe("s-1");
    expect(JSON.parse(fetch.last.body).id).toBeUndefined();
    expect(origin(fetch.last.url)).toBe("https://acme.tt.omtrdc.net");
    expect(logged).toEqual([
      [expect.stringMatching(/ignored the visitor's mbox cookie: entry 2 .* not name#value#expiry/)],
    ]);
    expect(JSON.stringify(logged)).not.toContain(TNT);
  });

  it("ignores a location hint that is not a cluster number, with a warning", async () => {
    const { fetch, logged, target } = setup();
    await target.getOffers({ request, targetLocationHint: "28.evil.example" });
    expect(origin(fetch.last.url)).toBe("https://acme.tt.omtrdc.net");
    expect(logged).toEqual([["offerkit: ignored the visitor's location hint: it is not an edge cluster number."]]);
  });

  it("warns through `error` when the logger has no `warn` (Adobe's logger shape)", async () => {
    const error = vi.fn();
    const target = createTargetClient({ client: "acme", fetch: fakeFetch(() => answer()), logger: { error } });
    await target.getOffers({ request, targetCookie: "garbage" });
    expect(error).toHaveBeenCalledOnce();
  });

  it("refuses a missing request and bad options with a ValidationError before any call", async () => {
    const { fetch, target } = setup();
    await expect(target.getOffers({} as never)).rejects.toMatchObject({ field: "getOffers.request" });
    await expect(target.getOffers({ request, sessionId: "has space" })).rejects.toBeInstanceOf(ValidationError);
    expect(() => createTargetClient({ client: "acme", serverDomain: "https://x.example" })).toThrow(ValidationError);
    expect(() => createTargetClient({ client: "acme", targetLocationHint: "x" })).toThrow(ValidationError);
    expect(() => createTargetClient({ organizationId: "x@AdobeOrg" } as never)).toThrow(/Invalid client/);
    expect(() => createTargetClient({ client: "acme", decisioningMethod: "on-device" } as never)).toThrow(
      /@offerkit\/sdk\/target\/on-device/,
    );
    await expect(target.getOffers({ request, decisioningMethod: "hybrid" } as never)).rejects.toMatchObject({
      field: "getOffers.decisioningMethod",
    });
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("requests as Adobe's SDK users write them", () => {
  it("drops explicit nulls, sends number and boolean parameters as strings, numbers mboxes without index", async () => {
    const { fetch, target } = setup();
    await target.getOffers({
      request: {
        context: { channel: "web", screen: null, address: { url: "https://shop.example.com/" } },
        execute: {
          pageLoad: { parameters: { tier: 3 }, profileParameters: { member: true } },
          mboxes: [
            { name: "a", parameters: { price: 9.5, gift: false, note: "x" } },
            { name: "b", address: null },
          ],
        },
        prefetch: null,
      },
    });
    const body = JSON.parse(fetch.last.body);
    expect(body.context).toEqual({ channel: "web", address: { url: "https://shop.example.com/" } });
    expect(body.execute).toEqual({
      pageLoad: { parameters: { tier: "3" }, profileParameters: { member: "true" } },
      mboxes: [
        { index: 0, name: "a", parameters: { price: "9.5", gift: "false", note: "x" } },
        { index: 1, name: "b" },
      ],
    });
    expect(body).not.toHaveProperty("prefetch");
  });

  it("never modifies the caller's request, whether parts of it need normalising or not", async () => {
    const deepFreeze = <T>(value: T): T => {
      if (value !== null && typeof value === "object") {
        for (const field of Object.values(value)) deepFreeze(field);
        Object.freeze(value);
      }
      return value;
    };
    const given = deepFreeze({
      context: { channel: "web" as const, screen: null },
      id: { thirdPartyId: "t-1" },
      execute: { mboxes: [{ index: 4, name: "kept", parameters: { a: "x" } }, { name: "numbered" }] },
      prefetch: { mboxes: [{ index: 0, name: "p", parameters: { n: 1, s: "y" } }] },
    });
    const before = JSON.stringify(given);
    const { fetch, target } = setup();
    const result = await target.getOffers({ request: given, targetCookie: `PC#${TNT}.28_0#${SECONDS + 100}` });
    expect(JSON.stringify(given)).toBe(before);
    const body = JSON.parse(fetch.last.body);
    expect(body.context).toEqual({ channel: "web" });
    expect(body.id).toEqual({ thirdPartyId: "t-1", tntId: `${TNT}.28_0` });
    expect(body.execute.mboxes).toEqual([
      { index: 4, name: "kept", parameters: { a: "x" } },
      { index: 1, name: "numbered" },
    ]);
    expect(body.prefetch.mboxes).toEqual([{ index: 0, name: "p", parameters: { n: "1", s: "y" } }]);
    expect(result.request).toEqual(body);
  });

  it("defaults the context to the web channel", async () => {
    const { fetch, target } = setup();
    await target.getOffers({ request: { execute: { mboxes: [{ name: "a" }] } } });
    expect(JSON.parse(fetch.last.body).context).toEqual({ channel: "web" });
  });

  it("takes customer ids as Adobe's Visitor map or as the API's list, map first, and the ECID from the AMCV cookie", async () => {
    const { fetch, target } = setup();
    await target.getOffers({
      request: {
        ...request,
        id: { customerIds: [{ id: "c-3", integrationCode: "crm", authenticatedState: "logged_out" }] },
      },
      customerIds: { userid: { id: "u-1", authState: 1 }, puuid: "p-2" },
      visitorCookie: encodeURIComponent(
        "-1303530583|MCMID|7162987465436516|MCAAMLH-1767830400|9|MCAAMB-1767830400|blob",
      ),
    });
    const body = JSON.parse(fetch.last.body);
    expect(body.id).toEqual({
      marketingCloudVisitorId: "7162987465436516",
      customerIds: [
        { id: "u-1", integrationCode: "userid", authenticatedState: "authenticated" },
        { id: "p-2", integrationCode: "puuid", authenticatedState: "unknown" },
        { id: "c-3", integrationCode: "crm", authenticatedState: "logged_out" },
      ],
    });
    expect(body.experienceCloud.audienceManager).toEqual({ locationHint: 9, blob: "blob" });
  });

  it("fills property token and environment from the client when the request names none", async () => {
    const fetch = fakeFetch(() => answer());
    const target = createTargetClient({ client: "acme", fetch, propertyToken: "tok", environmentId: 7 });
    await target.getOffers({ request });
    await target.getOffers({ request: { ...request, property: { token: "own" } } });
    expect(fetch.requests.map((sent) => JSON.parse(sent.body).property)).toEqual([{ token: "tok" }, { token: "own" }]);
    expect(JSON.parse(fetch.last.body).environmentId).toBe(7);
  });

  it("keeps a caller's supplemental data id and logging", async () => {
    const { fetch, target } = setup();
    const analytics = { logging: "client_side" as const, supplementalDataId: "0123456789ABCDEF-0123456789ABCDEF" };
    await target.getOffers({ request: { ...request, experienceCloud: { analytics } } });
    expect(JSON.parse(fetch.last.body).experienceCloud.analytics).toEqual(analytics);
  });
});

describe("results", () => {
  it("collects analytics, trace and response tokens in Adobe's order", async () => {
    const { target } = setup(() => answer(decided));
    const result = await target.getOffers({ request });
    expect(result.analyticsDetails).toEqual([{ payload: { pe: "tnt", tnta: "a" } }]);
    expect(result.trace).toEqual([{ clientCode: "acme" }]);
    expect(result.responseTokens).toEqual([{ "activity.id": "1" }, { "activity.id": "2" }]);
  });

  it("getAttributes executes the named mboxes and merges their JSON offers", async () => {
    const { fetch, target } = setup(() => answer(decided));
    const attributes = await target.getAttributes(["hero", "promo"], {
      request: { context: { channel: "web" }, execute: { mboxes: [{ name: "hero", index: 4 }] } },
    });
    expect(JSON.parse(fetch.last.body).execute.mboxes).toEqual([
      { name: "hero", index: 4 },
      { name: "promo", index: 5 },
    ]);
    expect(attributes.getValue("hero", "size")).toBe(2);
    expect(attributes.getValue("hero", "missing")).toBeUndefined();
    expect(attributes.getValue("promo", "size")).toBeUndefined();
    expect(attributes.asObject("hero")).toEqual({ size: 2, color: "red", headline: "Hi" });
    expect(attributes.asObject("promo")).toEqual({});
    expect(attributes.toJSON()).toEqual({ hero: { size: 2, color: "red", headline: "Hi" } });
    expect(attributes.getResponse().targetCookie.name).toBe("mbox");
  });

  it("getAttributes works without options", async () => {
    const { fetch, target } = setup(() => answer(decided));
    await target.getAttributes(["hero"]);
    expect(JSON.parse(fetch.last.body).execute).toEqual({ mboxes: [{ name: "hero", index: 1 }] });
    await expect(target.getAttributes([""])).rejects.toMatchObject({ field: "mboxNames" });
  });

  it("sendNotifications sends the notifications for the visitor and needs at least one", async () => {
    const { fetch, target } = setup();
    const cookie = createTargetCookie({ sessionId: "s-1", tntId: `${TNT}.28_0` }, NOW).value;
    const notification = {
      id: "n-1",
      type: "display" as const,
      timestamp: NOW,
      mbox: { name: "hero", state: "st" },
      tokens: ["t"],
    };
    const result = await target.sendNotifications({
      request: { context: { channel: "web" }, notifications: [notification] },
      targetCookie: cookie,
    });
    expect(origin(fetch.last.url)).toBe("https://mboxedge28.tt.omtrdc.net");
    expect(JSON.parse(fetch.last.body).notifications).toEqual([notification]);
    expect(result.targetCookie.value).toContain("session#s-1#");
    await expect(target.sendNotifications({ request: { context: { channel: "web" } } })).rejects.toMatchObject({
      field: "sendNotifications.request.notifications",
    });
    expect(fetch.requests).toHaveLength(1);
  });

  it("surfaces the server's error as core's ApiError with status, request id and body", async () => {
    const { target } = setup(() => jsonResponse({ status: 400, message: "bad token" }, { status: 400 }));
    const error = await target.getOffers({ request }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, body: { status: 400, message: "bad token" } });
  });

  it("answers a beacon call (204) with an empty response and fresh cookies", async () => {
    const { target } = setup(() => new Response(null, { status: 204 }));
    const result = await target.getOffers({ request: { context: { channel: "web", beacon: true } } });
    expect(result.response).toEqual({});
    expect(result.targetCookie.value).toMatch(/^session#/);
  });
});
