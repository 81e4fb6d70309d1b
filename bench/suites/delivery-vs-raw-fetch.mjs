// A Delivery call through @offerkit/delivery vs the same POST with a bare fetch + JSON.parse, sequential and at 64
// concurrent calls: once with the default transport (the Node transport on Node), once with global fetch as transport.
import { createDeliveryClient } from "@offerkit/delivery";
import { barePost, concurrently, pair, startServer } from "../lib/harness.mjs";
import { deliveryRequest, deliveryResponse } from "../lib/payloads.mjs";

export async function run() {
  const server = await startServer(deliveryResponse);
  const url = `${server.origin}/rest/v1/delivery?client=acme&sessionId=s-1`;
  const bare = barePost(url, deliveryRequest);
  const clients = {
    "": createDeliveryClient({ client: "acme", baseUrl: server.origin }),
    // A fetch option as users write it: called as fetch(url, init), forwarding both (init carries the call's signal).
    " (global fetch transport)": createDeliveryClient({
      client: "acme",
      baseUrl: server.origin,
      fetch: (url, init) => fetch(url, init),
    }),
  };
  const results = [];
  try {
    for (const [label, client] of Object.entries(clients)) {
      const ours = async () => (await client.deliver({ sessionId: "s-1", request: deliveryRequest })).data;
      results.push(await pair(`delivery-vs-raw-fetch${label}`, { ours, baseline: bare }));
      results.push(
        await pair(`delivery-vs-raw-fetch x64${label}`, {
          ours: concurrently(64, ours),
          baseline: concurrently(64, bare),
          perRun: 64,
        }),
      );
    }
  } finally {
    server.close();
  }
  return results;
}
