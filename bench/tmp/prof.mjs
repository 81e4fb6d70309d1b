import { spawn } from "node:child_process";
import { createDeliveryClient } from "@offerkit/delivery";
import { deliveryRequest } from "../lib/payloads.mjs";

const child = spawn(process.execPath, [new URL("./server.mjs", import.meta.url).pathname], {
  stdio: ["ignore", "pipe", "inherit"],
});
const port = await new Promise((r) => child.stdout.once("data", (d) => r(Number(String(d).trim()))));
const origin = `http://127.0.0.1:${port}`;
const client = createDeliveryClient({
  client: "acme",
  baseUrl: origin,
  fetch: (request, init) => fetch(request, init),
});
for (let i = 0; i < 4000; i++) await client.deliver({ sessionId: "s-1", request: deliveryRequest });
child.kill();
