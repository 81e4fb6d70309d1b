// getOffers through @offerkit/sdk (cookies in and out, default transport) vs a bare fetch + JSON.parse of the same
// request: the body our client sent for this visitor, re-serialized on every call as a hand-written client would.
import { barePost, pair } from "../lib/harness.mjs";
import { checkedCall, cookiesOut, ourClient, startTargetServer, visitors } from "../lib/target.mjs";

export async function run() {
  const server = await startTargetServer();
  const { plain } = visitors();
  const ours = ourClient(server);
  try {
    const { sent } = await checkedCall("ours", server, (options) => ours.getOffers(options), plain);
    // The body our client sent for this visitor, as an object: the bare call serializes it again on every call.
    const bare = barePost(`${server.origin}${sent.url}`, JSON.parse(sent.body));
    return [
      await pair("getOffers-vs-raw-fetch", {
        ours: async () => cookiesOut(await ours.getOffers(plain)),
        baseline: bare,
      }),
    ];
  } finally {
    server.close();
  }
}
