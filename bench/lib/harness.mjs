// Shared pieces of the benchmark suites: a loopback server answering a canned body, and `pair`, which measures our
// variant against its baseline with tinybench in alternating rounds after warm-up, so both see the same machine state.
import { once } from "node:events";
import { createServer } from "node:http";
import { Bench } from "tinybench";

// Many short rounds: a shared machine's speed drifts over seconds, and a ratio taken within each round (both variants
// back to back) cancels that drift, where six long rounds could read 1.0x and 1.36x for the same code.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 24);
const ROUND_TIME = Number(process.env.BENCH_ROUND_MS ?? 100);

/**
 * Serves `body` with `contentType` to every request on 127.0.0.1, after reading the request body. Counts requests in
 * `seen.count`; with `record`, also keeps the last one (`seen.last`: method, url, headers, body), to check a client
 * once before measuring it.
 */
export async function startServer(body, contentType = "application/json", { record = false } = {}) {
  const payload = Buffer.from(body);
  const seen = { count: 0, last: undefined };
  const server = createServer((req, res) => {
    const chunks = [];
    if (record) req.on("data", (chunk) => chunks.push(chunk));
    else req.resume();
    req.on("end", () => {
      seen.count++;
      if (record) {
        const { method, url, headers } = req;
        seen.last = { method, url, headers, body: Buffer.concat(chunks).toString("utf8") };
      }
      res.writeHead(200, { "content-type": contentType, "content-length": payload.byteLength }).end(payload);
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/**
 * Time per operation of `ours` and `baseline` (each an async function doing `perRun` operations), as the median of
 * the per-round means over ROUNDS rounds, and their ratio as the median of the per-round ratios; which one goes first
 * alternates from round to round.
 */
export async function pair(name, { ours, baseline, perRun = 1, unit = "µs/call", scale = 1000 }) {
  const means = { ours: [], baseline: [] };
  for (let round = 0; round < ROUNDS; round++) {
    // Time bounds each round, not tinybench's default 64 iterations (a 64-call batch would take seconds per round).
    const warmup = round === 0 ? { warmupTime: 300 } : { warmupTime: 20, warmupIterations: 2 };
    const bench = new Bench({ time: ROUND_TIME, iterations: 4, ...warmup });
    const order = round % 2 === 0 ? ["ours", "baseline"] : ["baseline", "ours"];
    for (const variant of order) bench.add(variant, variant === "ours" ? ours : baseline);
    await bench.run();
    for (const task of bench.tasks) {
      if (task.result?.state !== "completed")
        throw new Error(`${name}/${task.name} did not complete: ${task.result?.error ?? task.result?.state}`);
      means[task.name].push((task.result.latency.mean * scale) / perRun);
    }
  }
  const ratios = means.ours.map((mean, round) => mean / means.baseline[round]);
  return result(name, median(means.ours), median(means.baseline), unit, median(ratios));
}

/** A results.json entry; `ratio` defaults to ours / baseline. */
export function result(name, ours, baseline, unit, ratio = ours / baseline) {
  const measured = typeof ours === "number" && typeof baseline === "number" && baseline > 0;
  return { name, ours: round3(ours), baseline: round3(baseline), ratio: measured ? round3(ratio) : null, unit };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round3(value) {
  return typeof value === "number" ? Math.round(value * 1000) / 1000 : value;
}

/** The usual baseline: a bare global `fetch` POSTing `body` as JSON (serialized on every call) + `JSON.parse`. */
export function barePost(url, body) {
  return async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return JSON.parse(await response.text());
  };
}

/** `count` concurrent runs of `call`: one operation of a concurrency benchmark. */
export function concurrently(count, call) {
  return () => Promise.all(Array.from({ length: count }, call));
}
