// Offer Library paging with the sdk's paginator over the real xcore client: 100 pages, each answered after 20 ms,
// with 20 ms of (asynchronous) caller work per page. With prefetch the next page is requested while the caller
// works, so the ideal is 100 x max(latency, work) + one latency; the ratio is measured / ideal. Also reported:
// the same without prefetch (ideal: no overlap at all), and heap growth over 100,000 items in a fresh
// `node --expose-gc` process, in pages (data in heap snapshots after a warm-up walk: see lib/paging-heap-child.mjs).
import { execFileSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { paginatePersonalizedOffers } from "@offerkit/sdk";
import { median, result } from "../lib/harness.mjs";
import { CONTAINER_ID, PERSONALIZED_OFFER_SCHEMA, startRepository } from "../lib/repository.mjs";

const PAGES = 100;
const PAGE_SIZE = 20;
const LATENCY = 20;
const WORK = 20;
const RUNS = 3;
const heapChild = fileURLToPath(new URL("../lib/paging-heap-child.mjs", import.meta.url));

/** Milliseconds to walk every page, doing `WORK` ms of caller work on each; checks that every item arrived. */
async function walk(client, pages, prefetch) {
  const paginator = paginatePersonalizedOffers({ client, prefetch }, { containerId: CONTAINER_ID, limit: PAGE_SIZE });
  const started = performance.now();
  let items = 0;
  for await (const page of paginator) {
    items += page._embedded?.results?.length ?? 0;
    await sleep(WORK);
  }
  const elapsed = performance.now() - started;
  if (items !== pages * PAGE_SIZE) throw new Error(`xcore-paging: ${items} items instead of ${pages * PAGE_SIZE}`);
  return elapsed;
}

/**
 * The floor on this machine: the same pages and work with a bare fetch + JSON.parse and a hand-rolled one-page
 * prefetch (no client, no checks), to tell the paginator's cost from the timers' and the loopback's.
 */
async function bareWalk(origin, pages) {
  const get = (href) =>
    fetch(`${origin}/data/core/xcore${href}`).then(async (response) => JSON.parse(await response.text()));
  const first = `/${CONTAINER_ID}/instances?schema=${encodeURIComponent(PERSONALIZED_OFFER_SCHEMA)}&limit=${PAGE_SIZE}`;
  const started = performance.now();
  let items = 0;
  let pending = get(first);
  while (pending) {
    const page = await pending;
    const next = page._links?.next?.href;
    pending = next ? get(next) : undefined;
    items += page._embedded?.results?.length ?? 0;
    await sleep(WORK);
  }
  const elapsed = performance.now() - started;
  if (items !== pages * PAGE_SIZE)
    throw new Error(`xcore-paging floor: ${items} items instead of ${pages * PAGE_SIZE}`);
  return elapsed;
}

export async function run() {
  const repository = await startRepository({ pages: PAGES, pageSize: PAGE_SIZE, latency: LATENCY });
  const results = [];
  try {
    const { client } = repository;
    await walk(client, PAGES, true); // warm-up: connection, JIT
    const ideal = PAGES * Math.max(LATENCY, WORK) + LATENCY;
    const withPrefetch = [];
    const floor = [];
    // Alternating, so both see the same machine state.
    for (let i = 0; i < RUNS; i++) {
      withPrefetch.push(await walk(client, PAGES, true));
      floor.push(await bareWalk(repository.origin, PAGES));
    }
    const sequential = await walk(client, PAGES, false);
    results.push(
      result("xcore-paging (prefetch) vs ideal overlap", median(withPrefetch), ideal, "ms"),
      result("xcore-paging floor: bare fetch, hand-rolled prefetch vs ideal", median(floor), ideal, "ms"),
      result("xcore-paging without prefetch vs ideal overlap", sequential, ideal, "ms"),
    );
  } finally {
    repository.close();
  }
  const heap = JSON.parse(execFileSync(process.execPath, ["--expose-gc", heapChild], { encoding: "utf8" }));
  // Data held at the highest of ten samples (every 100 pages) minus before the walk; the ratio is growth in pages.
  process.stderr.write(`xcore-paging heap: growth in pages every 100 pages: ${heap.samples.join(" ")}\n`);
  results.push(
    result(
      "xcore-paging heap growth over 100,000 items",
      heap.growth / 1024,
      heap.page / 1024,
      "KB (baseline: one page)",
    ),
  );
  return results;
}
