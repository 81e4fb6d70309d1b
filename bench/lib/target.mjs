// Shared set-up of the getOffers suites: a loopback server answering every call with the canned Delivery response,
// the two visitors, and a check that a client really completed a call, cookies in and out, before it is measured.
import { createTargetClient } from "@offerkit/sdk";
import { startServer } from "./harness.mjs";
import { deliveryResponse, mboxCookie, targetRequest } from "./payloads.mjs";

export const ORG = "0123456789ABCDEF01234567@AdobeOrg";
/** The tnt id and cluster in `deliveryResponse`: what the cookies set after a call must carry. */
const ANSWERED_TNT_ID = JSON.parse(deliveryResponse).id.tntId;
const ANSWERED_CLUSTER = "28";

export function startTargetServer() {
  return startServer(deliveryResponse, "application/json", { record: true });
}

/**
 * getOffers options for two returning visitors (session and PC entries in the `mbox` cookie). Both SDKs send a
 * visitor whose tnt id or location hint names an edge cluster to `mboxedge<N>.tt.omtrdc.net`, whatever
 * `serverDomain` says, so only the visitor without a cluster reaches `serverDomain` (the loopback server) with each
 * SDK's default transport; the edge visitor needs a fetch that sends Target hosts to loopback (`toLoopback`).
 */
export function visitors(now = Date.now()) {
  return {
    plain: { request: targetRequest, targetCookie: mboxCookie(now) },
    edge: { request: targetRequest, targetCookie: mboxCookie(now, { cluster: 28 }), targetLocationHint: "28" },
  };
}

/** `url` re-pointed at the loopback server; anything but a Target host or loopback is refused, never sent. */
export function toLoopback(url, origin) {
  const { host, pathname, search } = new URL(url);
  if (!/^(?:(?:mboxedge\d+|acme)\.tt\.omtrdc\.net|127\.0\.0\.1:\d+)$/.test(host)) {
    throw new Error(`bench fetch refused ${host}: only Target hosts are sent to the loopback server`);
  }
  return `${origin}${pathname}${search}`;
}

/** Our client calling the loopback server at `serverDomain` with its default transport (the Node one on Node). */
export function ourClient(server) {
  return createTargetClient({
    client: "acme",
    organizationId: ORG,
    serverDomain: server.origin.slice("http://".length),
    secure: false,
  });
}

/** Our client for edge-routed visitors: global fetch, with Target hosts sent to the loopback server. */
export function ourEdgeClient(server) {
  return createTargetClient({
    client: "acme",
    organizationId: ORG,
    // The same wrapper Adobe's SDK gets (its fetchApi is called as fetch(url, init) too).
    fetch: (url, init) => fetch(toLoopback(url, server.origin), init),
  });
}

/** What the measured functions return: the cookies a web server would set, read from the result. */
export function cookiesOut(result) {
  return `${result.targetCookie.value};${result.targetLocationHintCookie?.value}`;
}

/**
 * One call through `getOffers`, checked: exactly one request reached the server, with the visitor's session id,
 * and the result carries the five mboxes and the cookies to set (session and PC entries, the location hint).
 */
export async function checkedCall(label, server, getOffers, visitor) {
  const before = server.seen.count;
  const result = await getOffers(visitor);
  const sent = server.seen.last;
  const problems = [];
  if (server.seen.count !== before + 1) problems.push(`${server.seen.count - before} requests instead of 1`);
  if (!sent?.url.startsWith("/rest/v1/delivery?") || !sent.url.includes("sessionId=3c1e5b2a9d8f4e6c8b7a6f5e4d3c2b1a")) {
    problems.push(`unexpected request ${sent?.method} ${sent?.url}`);
  }
  if (result?.response?.prefetch?.mboxes?.length !== 5) problems.push("the response's five mboxes are missing");
  const cookie = result?.targetCookie?.value ?? "";
  if (!cookie.startsWith("session#3c1e5b2a9d8f4e6c8b7a6f5e4d3c2b1a#") || !cookie.includes(`|PC#${ANSWERED_TNT_ID}#`)) {
    problems.push(`unexpected mbox cookie ${cookie}`);
  }
  if (result?.targetLocationHintCookie?.value !== ANSWERED_CLUSTER) problems.push("no location hint cookie");
  if (problems.length > 0) throw new Error(`${label}: ${problems.join("; ")}`);
  return { sent, result };
}
