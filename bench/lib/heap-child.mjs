// One heap measurement (see suites/heap-2000-calls.mjs): prints heapUsed in bytes after 2,000 sequential calls
// and a full GC, with the client (or the bare fetch closure) still referenced, as a long-lived server would hold it.
import { createDeliveryClient } from "@offerkit/delivery";
import { startServer } from "./harness.mjs";
import { deliveryRequest, deliveryResponse } from "./payloads.mjs";

const server = await startServer(deliveryResponse);
const client = createDeliveryClient({ client: "acme", baseUrl: server.origin });
const url = `${server.origin}/rest/v1/delivery?client=acme&sessionId=s-1`;
const calls = {
  ours: async () => (await client.deliver({ sessionId: "s-1", request: deliveryRequest })).data,
  baseline: async () =>
    JSON.parse(
      await (
        await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(deliveryRequest),
        })
      ).text(),
    ),
};
const call = calls[process.argv[2]];
for (let i = 0; i < 2000; i++) await call();
for (let i = 0; i < 3; i++) {
  globalThis.gc();
  await new Promise((resolve) => setImmediate(resolve));
}
console.log(process.memoryUsage().heapUsed);
server.close();
process.exit(0);
