// Per-call cost of @offerkit/delivery against a bare fetch doing the same POST and JSON parse, against one
// loopback server, interleaved in rounds so both see the same machine state. Prints ratios; never fails on speed.
import { once } from "node:events";
import { createServer } from "node:http";
import { createDeliveryClient } from "@offerkit/delivery";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CALLS = Number(process.env.BENCH_CALLS ?? 400);

const answer = JSON.stringify({
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
});
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(answer));
});
server.listen(0, "127.0.0.1");
await once(server, "listening");
const origin = `http://127.0.0.1:${server.address().port}`;

const request = {
  context: { channel: "web", address: { url: "https://shop.example.com/" }, userAgent: "Mozilla/5.0" },
  property: { token: "00000000-0000-0000-0000-000000000000" },
  prefetch: { mboxes: Array.from({ length: 5 }, (_, index) => ({ index, name: `mbox-${index}` })) },
};

const target = createDeliveryClient({ client: "acme", baseUrl: origin });
const variants = {
  "bare fetch": async () => {
    const res = await fetch(`${origin}/rest/v1/delivery?client=acme&sessionId=s-1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    return res.json();
  },
  "@offerkit/delivery": async () => (await target.deliver({ sessionId: "s-1", request })).data,
};

const totals = Object.fromEntries(Object.keys(variants).map((name) => [name, 0]));
for (const run of Object.values(variants)) for (let i = 0; i < 50; i++) await run(); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(variants)) {
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) await run();
    totals[name] += performance.now() - started;
  }
}
server.close();

const base = totals["bare fetch"];
console.log(`delivery call, ${ROUNDS} rounds x ${CALLS} calls, loopback server, Node ${process.version}`);
for (const [name, total] of Object.entries(totals)) {
  const perCall = (total / (ROUNDS * CALLS)) * 1000;
  console.log(
    `  ${name.padEnd(20)} ${perCall.toFixed(1).padStart(7)} µs/call   ${(total / base).toFixed(2)}x bare fetch`,
  );
}
console.log("(Adobe's Target Node SDK measured 1.55x on this machine; the comparison run joins this bench later.)");
