// Artifact refresh while deciding: an on-device client polls a loopback CDN that serves the 500-rule artifact with a
// new ETag every time (so every poll downloads, parses and swaps in a new artifact) while decisions run back to
// back (prefetched mboxes), yielding to the event loop between calls as a server does between requests. The poll interval's 5-minute
// minimum is shortened for this process only (setTimeout delays of 300,000 ms and more become 100 ms). Measured: the
// gap between consecutive decisions (p99 and worst), with refreshes vs the same client with polling off, in
// alternating phases. Every decision must succeed and the refreshed artifact must be in use.
import { once } from "node:events";
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import { result } from "../lib/harness.mjs";
import { largeArtifact, onDeviceRequest, ourOnDeviceClient } from "../lib/on-device.mjs";

const PHASES = 6;
const PHASE_MS = 1500;

export async function run() {
  let version = 0;
  // Serialized once; each answer only differs in its generatedAt, so the server costs the decisions nothing.
  const [head, tail] = JSON.stringify(largeArtifact()).split("2026-12-01T00:00:00.000Z");
  const server = createServer((_request, res) => {
    version++;
    const body = `${head}${new Date(Date.UTC(2026, 11, 1) + version * 1000).toISOString()}${tail}`;
    res.writeHead(200, { "content-type": "application/json", etag: `"v${version}"` }).end(body);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const location = `http://127.0.0.1:${server.address().port}/acme/production/v1/rules.json`;

  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = (callback, delay, ...rest) =>
    realSetTimeout(callback, delay >= 300_000 ? 100 : delay, ...rest);
  let refreshes = 0;
  const fetchAny = (url, init) =>
    url.startsWith("http://127.0.0.1") ? fetch(url, init) : Promise.resolve(new Response("{}"));
  // A polling client exists only during its own phases, so the other phases see no refresh work at all.
  const pollingClient = () =>
    ourOnDeviceClient(undefined, {
      artifactPayload: undefined,
      artifactLocation: location,
      pollingInterval: 300_000,
      fetch: fetchAny,
      events: { artifactDownloadSucceeded: () => refreshes++ },
    });
  let polling;
  const still = await ourOnDeviceClient(largeArtifact(), { fetch: fetchAny });
  // Prefetched, so no display notifications are sent: the gaps are decisions and refreshes only.
  const { execute, ...rest } = onDeviceRequest([
    "gen-mbox-3",
    "gen-mbox-11",
    "gen-mbox-20",
    "gen-mbox-34",
    "gen-mbox-49",
  ]);
  const options = { request: { ...rest, prefetch: execute }, sessionId: "3c1e5b2a9d8f4e6c8b7a6f5e4d3c2b1a" };
  const gaps = { ours: [], baseline: [] };
  let failures = 0;
  try {
    for (let phase = 0; phase < PHASES; phase++) {
      const variant = phase % 2 === 0 ? "ours" : "baseline";
      if (variant === "ours") polling = await pollingClient();
      const client = variant === "ours" ? polling : still;
      const end = performance.now() + PHASE_MS;
      let last = performance.now();
      while (performance.now() < end) {
        const decided = await client.getOffers(options).catch(() => undefined);
        if (decided?.meta.decisioningMethod !== "on-device") failures++;
        await new Promise((resolve) => setImmediate(resolve));
        const now = performance.now();
        gaps[variant].push(now - last);
        last = now;
      }
      polling?.close();
      polling = undefined;
    }
  } finally {
    globalThis.setTimeout = realSetTimeout;
    polling?.close();
    still.close();
    server.close();
  }
  if (failures > 0) throw new Error(`${failures} decisions failed during refreshes`);
  if (refreshes < 10) throw new Error(`only ${refreshes} refreshes happened: the row would say nothing`);
  const at = (list, q) =>
    [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))] * 1000;
  const label = `on-device decisions during ${refreshes} artifact refreshes (500 rules) vs none:`;
  return [
    result(`${label} gap p99`, at(gaps.ours, 0.99), at(gaps.baseline, 0.99), "µs between decisions"),
    result(
      `${label} worst gap`,
      Math.max(...gaps.ours) * 1000,
      Math.max(...gaps.baseline) * 1000,
      "µs between decisions",
    ),
  ];
}
