// getOffers through @offerkit/sdk vs Adobe's @adobe/target-nodejs-sdk, cookies in and out, against the same loopback
// server and response, alternating in one process. Importing Adobe's SDK replaces globalThis.FormData, adds
// globalThis["__core-js_shared__"] and wraps Function.prototype.toString (core-js); it leaves fetch, Request,
// Response, Headers, URL, URLSearchParams, AbortSignal and Promise as they were, and our call path touches none of
// what it patches, so measuring both in one process is fair to both (checked below, before anything is measured).
import AdobeTarget from "@adobe/target-nodejs-sdk";
import { pair } from "../lib/harness.mjs";
import {
  checkedCall,
  cookiesOut,
  ORG,
  ourClient,
  ourEdgeClient,
  startTargetServer,
  toLoopback,
  visitors,
} from "../lib/target.mjs";

/** What Adobe's import must leave alone for the comparison to be fair. */
const UNTOUCHED = ["fetch", "Request", "Response", "Headers", "URL", "URLSearchParams", "AbortSignal", "Promise"];
const unpatched = Object.fromEntries(UNTOUCHED.map((name) => [name, globalThis[name]]));

export async function run() {
  const changed = UNTOUCHED.filter((name) => globalThis[name] !== unpatched[name]);
  if (changed.length > 0) throw new Error(`Adobe's SDK replaced ${changed.join(", ")}: the comparison would be unfair`);

  const server = await startTargetServer();
  const { plain, edge } = visitors();
  // Adobe's client remembers the edge cluster of the last response (edgeHost) and sends every later call, whoever the
  // visitor, to mboxedge<N>.tt.omtrdc.net, serverDomain or not: so it always gets global fetch (its default
  // transport) behind `toLoopback`, which re-points Target hosts at the loopback server and refuses anything else.
  const adobe = (options) =>
    AdobeTarget.create({
      client: "acme",
      organizationId: ORG,
      serverDomain: server.origin.slice("http://".length),
      secure: false,
      fetchApi: (url, init) => fetch(toLoopback(url, server.origin), init),
      logger: {},
      ...options,
    });
  const clients = {
    // Ours with its default transport (the Node transport), stateless: a visitor without a cluster goes to
    // serverDomain on every call.
    "": { visitor: plain, ours: ourClient(server), adobe: adobe() },
    // A visitor whose cookies name edge cluster 28 (tnt id and location hint): ours too is given global fetch behind
    // the same re-pointing, as it would otherwise call mboxedge28.tt.omtrdc.net.
    " (edge-routed visitor, both on global fetch)": { visitor: edge, ours: ourEdgeClient(server), adobe: adobe() },
  };
  const results = [];
  try {
    for (const [label, { visitor, ours, adobe }] of Object.entries(clients)) {
      await checkedCall(`ours${label}`, server, (options) => ours.getOffers(options), visitor);
      await checkedCall(`Adobe's SDK${label}`, server, (options) => adobe.getOffers(options), visitor);
      results.push(
        await pair(`getOffers-vs-adobe-sdk${label}`, {
          ours: async () => cookiesOut(await ours.getOffers(visitor)),
          baseline: async () => cookiesOut(await adobe.getOffers(visitor)),
        }),
      );
    }
  } finally {
    server.close();
  }
  return results;
}
