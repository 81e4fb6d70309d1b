// Adobe Target through @offerkit/sdk's createTargetClient: the same visitor twice. The first call has no cookies;
// the answer gives the visitor's `mbox` cookie (session id and tnt id) and `mboxEdgeCluster` cookie, which a web
// server sets on its response. The second call brings them back, as the browser would: it keeps the session and
// goes to the edge cluster that holds the visitor's profile. With TARGET_CLIENT_CODE set it calls Adobe's real
// edge; otherwise @offerkit/mock answers locally (Prism serving specs/delivery.yaml).
import { randomUUID } from "node:crypto";
import type { Mocks } from "@offerkit/mock";
import {
  createTargetClient,
  parseTargetCookie,
  TARGET_COOKIE,
  type TargetCookie,
  type TargetDeliveryResponse,
} from "@offerkit/sdk";

/** `mocks` answers every Target host locally; without it (TARGET_CLIENT_CODE set) the calls go to Adobe. */
export async function runTargetDemo(mocks: Mocks | undefined): Promise<void> {
  const clientCode = process.env.TARGET_CLIENT_CODE;
  // Writes down the host of every call, so that the demo can show where each one went. Against the mocks, their
  // fetch answers the client's host and the visitor's edge host (mboxedge<N>.tt.omtrdc.net) locally.
  const hosts: string[] = [];
  const send = mocks ? mocks.fetch : (url: string, init: RequestInit) => fetch(url, init);
  const target = createTargetClient({
    client: clientCode ?? "demo",
    organizationId: process.env.TARGET_IMS_ORG_ID || undefined,
    serverDomain: process.env.TARGET_SERVER_DOMAIN || undefined,
    propertyToken: process.env.TARGET_PROPERTY_TOKEN || undefined,
    timeout: 5_000,
    // Called as the global fetch is: forward both arguments.
    fetch: (url, init) => {
      hosts.push(new URL(url).host);
      return send(url, init);
    },
    // A tampered cookie is ignored with a warning; debug lines (every call) are left out here.
    logger: { warn: console.warn, error: console.error },
  });
  const mboxes = (process.env.TARGET_MBOXES ?? "hero-banner,recommendations").split(",").map((name) => name.trim());
  const context = {
    channel: "web" as const,
    address: { url: "https://shop.example.com/" },
    userAgent: "Mozilla/5.0 (offerkit quickstart)",
  };
  console.log(`target → ${mocks ? `embedded mocks (${mocks.url})` : "Adobe Target"}, client ${clientCode ?? "demo"}`);

  // A new visitor: no cookies, so the call goes to the client's own host.
  const first = await target.getOffers({
    request: { context, execute: { pageLoad: {}, mboxes: mboxes.map((name, index) => ({ index, name })) } },
    sessionId: randomUUID(),
  });
  printCall("getOffers #1, a new visitor (execute: impressions counted now)", first, hosts.at(-1));
  for (const mbox of first.response.execute?.mboxes ?? []) printOptions(`mbox ${mbox.name}`, mbox.options);

  // The same visitor on the next page: the cookies from the first answer route it to their edge cluster.
  const second = await target.getOffers({
    request: { context, prefetch: { views: [{}], mboxes: mboxes.map((name, index) => ({ index, name })) } },
    targetCookie: first.targetCookie.value,
    targetLocationHint: first.targetLocationHintCookie?.value,
  });
  printCall("getOffers #2, the same visitor with its cookies (prefetch)", second, hosts.at(-1));
  for (const mbox of second.response.prefetch?.mboxes ?? []) printOptions(`mbox ${mbox.name}`, mbox.options);
  const [before, after] = [first, second].map((call) => parseTargetCookie(call.targetCookie.value));
  console.log(
    `  same session: ${before?.sessionId === after?.sessionId}; tnt id sent back: ${second.request.id?.tntId ?? "none"}`,
  );
}

function printCall(title: string, result: TargetDeliveryResponse, host: string | undefined) {
  console.log(`■ ${title}`);
  console.log(`  sent to ${host ?? "?"}; Target answered from edge ${result.response.edgeHost ?? "?"}`);
  for (const cookie of [result.targetCookie, result.targetLocationHintCookie]) printCookie(cookie);
}

function printCookie(cookie: TargetCookie | undefined) {
  if (!cookie) return;
  // The codec is exported on its own too (`@offerkit/sdk/target/cookies`): a server can read cookies without a client.
  const parsed = cookie.name === TARGET_COOKIE ? parseTargetCookie(cookie.value) : undefined;
  const summary = parsed
    ? Object.values(parsed.entries)
        .map((entry) => `${entry.name}=${entry.value}`)
        .join(", ")
    : cookie.value;
  console.log(`  set-cookie ${cookie.name} (max-age ${cookie.maxAge} s): ${summary}`);
}

function printOptions(label: string, options: readonly { type?: string; content?: unknown }[] | undefined) {
  if (!options?.length) return console.log(`  ${label}: no offer`);
  for (const option of options) {
    const text = typeof option.content === "string" ? option.content : JSON.stringify(option.content);
    console.log(`  ${label}: ${option.type ?? "?"} ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`);
  }
}
