// Our own work per Delivery call, without a network: the client on a `fetch` option that answers at once with the
// canned body, against a bare call of that same stub (serialize, "send", read, parse). The difference of the two is
// what offerkit adds per call (checks, URL and headers, deadline, retry and read steps, the result), measured without
// the socket noise that makes the loopback rows swing by tens of percent.
import { createDeliveryClient } from "@offerkit/delivery";
import { pair } from "../lib/harness.mjs";
import { deliveryRequest, deliveryResponse } from "../lib/payloads.mjs";

export async function run() {
  const body = new TextEncoder().encode(deliveryResponse);
  const headers = { "content-type": "application/json", "content-length": String(body.byteLength) };
  const answer = async () => new Response(body, { status: 200, headers });
  const client = createDeliveryClient({ client: "acme", baseUrl: "http://127.0.0.1:9", fetch: answer });
  const ours = async () => (await client.deliver({ sessionId: "s-1", request: deliveryRequest })).data;
  const baseline = async () => {
    const response = await answer("http://127.0.0.1:9/rest/v1/delivery?client=acme&sessionId=s-1", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(deliveryRequest),
    });
    return JSON.parse(await response.text());
  };
  const measured = await pair("delivery own work (stub fetch, no network)", { ours, baseline });
  return [
    measured,
    {
      name: "delivery own work per call (ours - baseline above)",
      ours: Math.round((measured.ours - measured.baseline) * 10) / 10,
      baseline: null,
      ratio: null,
      unit: "µs/call",
    },
  ];
}
