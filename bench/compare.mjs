// Shared runner of the per-call benchmarks: one loopback server answering a fixed JSON body, variants run
// interleaved in rounds so all see the same machine state, results printed as ratios against the first variant.
import { once } from "node:events";
import { createServer } from "node:http";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CALLS = Number(process.env.BENCH_CALLS ?? 400);

/** Serves `body` with `contentType` to every request, after reading the request body. */
export async function startServer(body, contentType = "application/json") {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": contentType }).end(body));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Runs each variant `ROUNDS x CALLS` times after a warm-up and prints its cost per call and its ratio. */
export async function compare(title, variants) {
  const totals = Object.fromEntries(Object.keys(variants).map((name) => [name, 0]));
  for (const run of Object.values(variants)) for (let i = 0; i < 50; i++) await run();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(variants)) {
      const started = performance.now();
      for (let i = 0; i < CALLS; i++) await run();
      totals[name] += performance.now() - started;
    }
  }
  const [baseName] = Object.keys(variants);
  const base = totals[baseName];
  console.log(`${title}, ${ROUNDS} rounds x ${CALLS} calls, loopback server, Node ${process.version}`);
  for (const [name, total] of Object.entries(totals)) {
    const perCall = (total / (ROUNDS * CALLS)) * 1000;
    console.log(
      `  ${name.padEnd(30)} ${perCall.toFixed(1).padStart(7)} µs/call   ${(total / base).toFixed(2)}x ${baseName}`,
    );
  }
}
