import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Mocks, startMocks } from "@offerkit/mock";
import { createTargetClient } from "@offerkit/sdk";
import { CookieJar } from "tough-cookie";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApp } from "../src/app.js";

let mocks: Mocks;
let server: Server;
let site: string;
/** Every Target call: the host the client chose, and the session id it sent. */
const calls: { host: string; sessionId: string | null }[] = [];

beforeAll(async () => {
  mocks = await startMocks();
  const target = createTargetClient({
    client: "demo",
    // Not the 3 s default: Prism's first answers can take longer than that while CI runs every suite at once.
    timeout: 30_000,
    // Production hosts, answered by the mocks: the test sees where each call was addressed.
    fetch: (address, init) => {
      const url = new URL(address);
      calls.push({ host: url.host, sessionId: url.searchParams.get("sessionId") });
      return mocks.fetch(address, init);
    },
  });
  server = createApp({ target, mbox: "thank-you-hero" }).listen(0, "127.0.0.1");
  await once(server, "listening");
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await mocks.stop();
});

/** A browser: fetch plus a cookie jar that stores what the site sets and sends it back. */
function browser() {
  const jar = new CookieJar();
  return {
    jar,
    async visit(path = "") {
      const url = new URL(path, site).href;
      const cookie = await jar.getCookieString(url);
      const response = await fetch(url, { headers: cookie ? { cookie } : {} });
      for (const setCookie of response.headers.getSetCookie()) await jar.setCookie(setCookie, url);
      return { status: response.status, html: await response.text() };
    },
    async cookie(name: string) {
      return (await jar.getCookies(site)).find((cookie) => cookie.key === name);
    },
  };
}

it("carries the session and the edge cluster over from visit to visit, per visitor", async () => {
  const clientHost = "demo.tt.omtrdc.net";
  const alice = browser();

  const first = await alice.visit();
  expect(first.status).toBe(200);
  expect(first.html).toContain('<div class="hero">Free shipping on your next order</div>');
  const mbox = await alice.cookie("mbox");
  const hint = await alice.cookie("mboxEdgeCluster");
  expect(decodeURIComponent(mbox?.value ?? "")).toMatch(
    /^session#[0-9a-f-]{36}#\d+\|PC#5f0d7c9e2b1a4c3d9e8f7a6b5c4d3e21\.28_0#\d+$/,
  );
  // 732 days from now rounded up to whole seconds, as Adobe's SDK computes it.
  expect([63_244_800, 63_244_801]).toContain(mbox?.maxAge);
  expect(hint?.value).toBe("28");
  expect(hint?.maxAge).toBe(1860);

  await alice.visit("/cart");
  await alice.visit("/checkout");

  // A second visitor, between Alice's visits, starts on the client's host, not on Alice's cluster.
  const bob = browser();
  await bob.visit();
  await alice.visit();

  const [aliceFirst, aliceSecond, aliceThird, bobFirst, aliceFourth] = calls;
  expect(calls.map((call) => call.host)).toEqual([
    clientHost,
    "mboxedge28.tt.omtrdc.net",
    "mboxedge28.tt.omtrdc.net",
    clientHost,
    "mboxedge28.tt.omtrdc.net",
  ]);
  expect(aliceFirst?.sessionId).toMatch(/^[0-9a-f-]{36}$/);
  for (const call of [aliceSecond, aliceThird, aliceFourth]) expect(call?.sessionId).toBe(aliceFirst?.sessionId);
  expect(bobFirst?.sessionId).not.toBe(aliceFirst?.sessionId);
  expect(decodeURIComponent((await alice.cookie("mbox"))?.value ?? "")).toContain(`session#${aliceFirst?.sessionId}#`);
});

it("routes a visitor who brings only a location hint to that cluster, and ignores a tampered mbox cookie", async () => {
  calls.length = 0;
  const carol = browser();
  await carol.jar.setCookie("mboxEdgeCluster=35; Path=/", site);
  await carol.jar.setCookie(`mbox=${encodeURIComponent("session#evil|PC#x.99_0")}; Path=/`, site);
  const page = await carol.visit();
  expect(page.status).toBe(200);
  expect(calls.map((call) => call.host)).toEqual(["mboxedge35.tt.omtrdc.net"]);
  expect(calls[0]?.sessionId).not.toBe("evil");
  // The renewed cookies replace the tampered one.
  expect(decodeURIComponent((await carol.cookie("mbox"))?.value ?? "")).toMatch(/^session#[0-9a-f-]{36}#/);
});
