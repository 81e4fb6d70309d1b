// getOffers through @offerkit/sdk (cookies in and out, default transport) vs a bare fetch + JSON.parse of the same
// request: the body our client sent for this visitor, re-serialized on every call as a hand-written client would.
import { pair } from "../lib/harness.mjs";
import { checkedCall, cookiesOut, ourClient, startTargetServer, visitors } from "../lib/target.mjs";

export async function run() {
  const server = await startTargetServer();
  const { plain } = visitors();
  const ours = ourClient(server);
  try {
    const { sent } = await checkedCall("ours", server, (options) => ours.getOffers(options), plain);
    const url = `${server.origin}${sent.url}`;
    const body = JSON.parse(sent.body);
    const bare = async () => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return JSON.parse(await response.text());
    };
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
