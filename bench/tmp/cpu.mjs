import { spawn } from "node:child_process";
import { createDeliveryClient } from "@offerkit/delivery";
import { deliveryRequest } from "../lib/payloads.mjs";

const child = spawn(process.execPath, [new URL("./server.mjs", import.meta.url).pathname], {
  stdio: ["ignore", "pipe", "inherit"],
});
const port = await new Promise((r) => child.stdout.once("data", (d) => r(Number(String(d).trim()))));
const origin = `http://127.0.0.1:${port}`;
const url = `${origin}/rest/v1/delivery?client=acme&sessionId=s-1`;
const bare = async () => {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(deliveryRequest),
  });
  return JSON.parse(await r.text());
};
const client = createDeliveryClient({
  client: "acme",
  baseUrl: origin,
  fetch: (request, init) => fetch(request, init),
});
const ours = async () => (await client.deliver({ sessionId: "s-1", request: deliveryRequest })).data;
async function cpuPer(fn, n) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
}
for (let i = 0; i < 300; i++) {
  await bare();
  await ours();
}
const rounds = { ours: [], bare: [] };
for (let r = 0; r < 8; r++) {
  rounds.bare.push(await cpuPer(bare, 300));
  rounds.ours.push(await cpuPer(ours, 300));
}
const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
console.log(
  "cpu us/call bare",
  med(rounds.bare).toFixed(0),
  "ours",
  med(rounds.ours).toFixed(0),
  "ratio",
  (med(rounds.ours) / med(rounds.bare)).toFixed(2),
);
child.kill();
