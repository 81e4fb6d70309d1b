/**
 * Differential tests: Adobe's own Node SDK and our client call the same local server, which answers both with the
 * same canned Delivery responses, and must agree on every cookie, location hint, host and visitor id. Adobe's SDK
 * replaces globals (FormData, URLSearchParams) on import, so it is loaded only in this file (vitest isolates
 * files); `globals.test.ts` shows that our package changes none.
 */
import TargetClientModule from "@adobe/target-nodejs-sdk";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTargetClient, type TargetClient } from "../src/index.js";
import { decided } from "./support/decided.js";
import { type EdgeServer, startEdgeServer } from "./support/edge-server.js";

// The package is CommonJS with a default export; its types are not published.
interface AdobeCookie {
  name: string;
  value: string;
  maxAge: number;
}
interface AdobeResult {
  targetCookie: AdobeCookie;
  targetLocationHintCookie?: AdobeCookie;
  analyticsDetails?: unknown[];
  trace?: unknown[];
  responseTokens?: unknown[];
  meta: unknown;
}
interface AdobeClient {
  getOffers(options: Record<string, unknown>): Promise<AdobeResult>;
  getAttributes(
    names: string[],
    options: Record<string, unknown>,
  ): Promise<{ getValue(m: string, k: string): unknown; toJSON(): unknown }>;
}
const AdobeTarget = TargetClientModule as unknown as {
  create(options: Record<string, unknown>): AdobeClient;
  AuthState: { UNKNOWN: 0; AUTHENTICATED: 1; LOGGED_OUT: 2 };
};

const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const START = 1_767_225_600_000;

let server: EdgeServer;
beforeAll(async () => {
  server = await startEdgeServer();
});
afterAll(() => server.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
  server.calls.length = 0;
});
afterEach(() => vi.useRealTimers());

const adobeClient = () =>
  AdobeTarget.create({ client: "acme", organizationId: ORG, fetchApi: server.fetchApi, logger: {} });
const ourClient = () => createTargetClient({ client: "acme", organizationId: ORG, fetch: server.fetch });

const request = () => ({ context: { channel: "web" as const }, execute: { mboxes: [{ index: 1, name: "hero" }] } });

const answer = (tntId: string | undefined, edgeHost: string | undefined, extra: Record<string, unknown> = {}) => ({
  status: 200,
  requestId: "r",
  client: "acme",
  ...(tntId === undefined ? {} : { id: { tntId } }),
  ...(edgeHost === undefined ? {} : { edgeHost }),
  ...extra,
});

interface Browser {
  mbox?: string;
  hint?: string;
}

/** What one call gave a visitor, as far as the two SDKs must agree. */
interface Outcome {
  origin: string;
  sessionId: string | undefined;
  tntIdSent: unknown;
  targetCookie: AdobeCookie;
  hintCookie: AdobeCookie | undefined;
}

/**
 * Runs one visitor's call through one SDK: the visitor's cookies go in, the returned cookies are stored back in
 * the visitor's "browser", as a web server would.
 */
async function visit(
  sdk: "adobe" | "ours",
  client: AdobeClient | TargetClient,
  browser: Browser,
  response: unknown,
  options: Record<string, unknown> = {},
): Promise<Outcome> {
  server.answer = response;
  const before = server.calls.length;
  const result = (await (client as AdobeClient).getOffers({
    request: request(),
    targetCookie: browser.mbox,
    targetLocationHint: browser.hint,
    ...options,
  })) as AdobeResult;
  const call = server.calls[before];
  if (!call || server.calls.length !== before + 1) throw new Error(`${sdk}: expected exactly one call`);
  browser.mbox = result.targetCookie.value;
  if (result.targetLocationHintCookie) browser.hint = result.targetLocationHintCookie.value;
  return {
    origin: call.origin,
    sessionId: call.query.sessionId,
    tntIdSent: (call.body.id as { tntId?: string } | undefined)?.tntId,
    targetCookie: result.targetCookie,
    hintCookie: result.targetLocationHintCookie,
  };
}

/** Five visitors, interleaved; each step: who, the session id the page gives, minutes elapsed, the answer. */
const journey: [visitor: string, sessionId: string, minutes: number, response: unknown][] = [
  ["A", "sess-a", 0, answer("aaaa.28_0", "mboxedge28.tt.omtrdc.net")],
  ["B", "sess-b", 1, answer("bbbb.31_0", "mboxedge31.tt.omtrdc.net")],
  ["A", "ignored", 2, answer("aaaa.28_0", "mboxedge28.tt.omtrdc.net")],
  ["C", "sess-c", 3, answer(undefined, "mboxedge35.tt.omtrdc.net")],
  ["B", "ignored", 4, answer("bbbb.31_0", "mboxedge31.tt.omtrdc.net")],
  ["C", "ignored", 5, answer("cccc", "mboxedge35.tt.omtrdc.net")],
  ["D", "sess-d", 6, answer("dddd.21_3", undefined)],
  ["C", "ignored", 7, answer("cccc", "mboxedge35.tt.omtrdc.net")],
  // 40 minutes later: A's session has expired, the tnt id has not.
  ["A", "sess-a2", 47, answer("aaaa.28_0", "mboxedge28.tt.omtrdc.net")],
  ["D", "sess-d2", 48, answer("dddd.21_3", "mboxedge21.tt.omtrdc.net")],
];

describe("the same visitors and answers give the same cookies, hints and hosts", () => {
  it("with one Adobe client per visitor (so its shared hint cannot leak) and one shared client of ours", async () => {
    const ours = ourClient();
    const adobeByVisitor = new Map<string, AdobeClient>();
    const adobeBrowsers = new Map<string, Browser>();
    const ourBrowsers = new Map<string, Browser>();
    const seen: Outcome[] = [];

    for (const [visitor, sessionId, minutes, response] of journey) {
      vi.setSystemTime(START + minutes * 60_000);
      if (!adobeByVisitor.has(visitor)) {
        adobeByVisitor.set(visitor, adobeClient());
        adobeBrowsers.set(visitor, {});
        ourBrowsers.set(visitor, {});
      }
      const theirs = await visit(
        "adobe",
        adobeByVisitor.get(visitor) as AdobeClient,
        adobeBrowsers.get(visitor) as Browser,
        response,
        { sessionId },
      );
      const mine = await visit("ours", ours, ourBrowsers.get(visitor) as Browser, response, { sessionId });
      expect(mine, `${visitor} at minute ${minutes}`).toEqual(theirs);
      seen.push(mine);
    }

    // What the journey covered, so a change in the canned answers cannot make it vacuous.
    expect(seen.map((outcome) => outcome.origin)).toEqual([
      "https://acme.tt.omtrdc.net",
      "https://acme.tt.omtrdc.net",
      "https://mboxedge28.tt.omtrdc.net",
      "https://acme.tt.omtrdc.net",
      "https://mboxedge31.tt.omtrdc.net",
      "https://mboxedge35.tt.omtrdc.net",
      "https://acme.tt.omtrdc.net",
      "https://mboxedge35.tt.omtrdc.net",
      "https://mboxedge28.tt.omtrdc.net",
      "https://mboxedge21.tt.omtrdc.net",
    ]);
    expect(seen.map((outcome) => outcome.sessionId)).toEqual([
      "sess-a",
      "sess-b",
      "sess-a",
      "sess-c",
      "sess-b",
      "sess-c",
      "sess-d",
      "sess-c",
      "sess-a2",
      "sess-d2",
    ]);
    expect(seen.map((outcome) => outcome.hintCookie?.value)).toEqual([
      "28",
      "31",
      "28",
      "35",
      "31",
      "35",
      undefined,
      "35",
      "28",
      "21",
    ]);
  });

  it("a visitor who brings only a location hint, or a hint and a tnt id without cluster", async () => {
    const cases: [Browser, unknown][] = [
      [{ hint: "45" }, answer("eeee.45_1", "mboxedge45.tt.omtrdc.net")],
      [{ hint: "45", mbox: `PC#plain#${START / 1000 + 600}` }, answer("plain", "mboxedge45.tt.omtrdc.net")],
      [
        { mbox: `session#s-x#${START / 1000 + 600}|PC#f.21_0#${START / 1000 + 600}`, hint: "45" },
        answer("f.21_0", "mboxedge21.tt.omtrdc.net"),
      ],
    ];
    for (const [browser, response] of cases) {
      const theirs = await visit("adobe", adobeClient(), { ...browser }, response, { sessionId: "given" });
      const mine = await visit("ours", ourClient(), { ...browser }, response, { sessionId: "given" });
      expect(mine).toEqual(theirs);
    }
  });

  it("sends the same visitor ids: tnt id, ECID from the AMCV cookie, customer ids in Adobe's map form", async () => {
    const visitorCookie = encodeURIComponent(
      "-1303530583|MCMID|71629874654365160|MCAAMLH-1767830400|9|MCAAMB-1767830400|bl0b",
    );
    const options = {
      targetCookie: `session#s-1#${START / 1000 + 600}|PC#aaaa.28_0#${START / 1000 + 600}`,
      visitorCookie,
      customerIds: {
        userid: { id: "u-1", authState: AdobeTarget.AuthState.AUTHENTICATED },
        crm: { id: "c-2", authState: AdobeTarget.AuthState.LOGGED_OUT },
        puuid: "p-3",
      },
    };
    server.answer = answer("aaaa.28_0", "mboxedge28.tt.omtrdc.net");
    await adobeClient().getOffers({ request: request(), ...options });
    await ourClient().getOffers({ request: request(), ...options });
    const [theirs, mine] = server.calls;
    expect(mine?.body.id).toEqual(theirs?.body.id);
    expect(mine?.body.id).toMatchObject({ tntId: "aaaa.28_0", marketingCloudVisitorId: "71629874654365160" });
    const ec = (call: typeof mine) => call?.body.experienceCloud as Record<string, Record<string, unknown>>;
    expect(ec(mine).audienceManager).toEqual(ec(theirs).audienceManager);
    expect(ec(mine).analytics?.logging).toBe(ec(theirs).analytics?.logging);
    expect(String(ec(mine).analytics?.supplementalDataId)).toMatch(/^[0-7][0-9A-F]{15}-[0-7][0-9A-F]{15}$/);
    expect(String(ec(theirs).analytics?.supplementalDataId)).toMatch(/^[0-7][0-9A-F]{15}-[0-7][0-9A-F]{15}$/);
    expect(mine?.query.sessionId).toBe(theirs?.query.sessionId);
  });

  it("gives the same analytics details, trace, response tokens and attributes", async () => {
    server.answer = answer("aaaa.28_0", "mboxedge28.tt.omtrdc.net", decided);
    const theirs = await adobeClient().getOffers({ request: request(), sessionId: "s" });
    const mine = await ourClient().getOffers({ request: request(), sessionId: "s" });
    // Adobe's lists keep an `undefined` for each mbox without analytics or trace; ours hold only values.
    const defined = (list: unknown[] | undefined) => list?.filter((item) => item !== undefined);
    expect(theirs.analyticsDetails).toContain(undefined);
    expect(mine.analyticsDetails).toEqual(defined(theirs.analyticsDetails));
    expect(mine.trace).toEqual(defined(theirs.trace));
    expect(mine.responseTokens).toEqual(theirs.responseTokens);
    expect(mine.meta).toEqual(theirs.meta);

    const theirAttributes = await adobeClient().getAttributes(["hero"], { request: request(), sessionId: "s" });
    const myAttributes = await ourClient().getAttributes(["hero"], { request: request(), sessionId: "s" });
    expect(myAttributes.toJSON()).toEqual(theirAttributes.toJSON());
    expect(myAttributes.getValue("hero", "size")).toEqual(theirAttributes.getValue("hero", "size"));
  });
});

describe("where we deliberately differ", () => {
  it("Adobe's client sends a new visitor to the cluster of the previous visitor; ours never does", async () => {
    const adobe = adobeClient();
    const ours = ourClient();
    const first = answer("aaaa.28_0", "mboxedge28.tt.omtrdc.net");
    const second = answer("bbbb.31_0", "mboxedge31.tt.omtrdc.net");

    const theirA = await visit("adobe", adobe, {}, first, { sessionId: "a" });
    const theirB = await visit("adobe", adobe, {}, second, { sessionId: "b" });
    const myA = await visit("ours", ours, {}, first, { sessionId: "a" });
    const myB = await visit("ours", ours, {}, second, { sessionId: "b" });

    expect(myA).toEqual(theirA);
    // Visitor B has no cookie: Adobe routes B to A's cluster and even hands B A's cluster as B's location hint.
    expect(theirB.origin).toBe("https://mboxedge28.tt.omtrdc.net");
    expect(theirB.hintCookie?.value).toBe("28");
    expect(myB.origin).toBe("https://acme.tt.omtrdc.net");
    expect(myB.hintCookie?.value).toBe("31");
    expect(myB.targetCookie).toEqual(theirB.targetCookie);
  });

  it("an edgeHost that names no edge cluster gives Adobe's client a nonsense hint, and us none", async () => {
    const theirs = await visit("adobe", adobeClient(), {}, answer("x.28_0", "acme.tt.omtrdc.net"));
    const mine = await visit("ours", ourClient(), {}, answer("x.28_0", "acme.tt.omtrdc.net"));
    expect(theirs.hintCookie?.value).toBe("acme");
    expect(mine.hintCookie).toBeUndefined();
    expect(mine.targetCookie.name).toBe(theirs.targetCookie.name);
  });

  it("a tnt id or hint that is not a cluster number never becomes a host for us", async () => {
    const browser = { mbox: `session#s#${START / 1000 + 600}|PC#x.evil_1#${START / 1000 + 600}` };
    const theirs = await visit(
      "adobe",
      adobeClient(),
      { ...browser },
      answer("x.evil_1", "mboxedgeevil.tt.omtrdc.net"),
    );
    const mine = await visit("ours", ourClient(), { ...browser }, answer("x.evil_1", "mboxedgeevil.tt.omtrdc.net"));
    expect(theirs.origin).toBe("https://mboxedgeevil.tt.omtrdc.net");
    expect(theirs.hintCookie?.value).toBe("evil");
    expect(mine.origin).toBe("https://acme.tt.omtrdc.net");
    expect(mine.hintCookie).toBeUndefined();
    expect(mine.targetCookie).toEqual(theirs.targetCookie);
  });
});
