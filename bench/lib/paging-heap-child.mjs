// One heap measurement for suites/xcore-paging.mjs, run in a fresh `node --expose-gc`: how much data the heap holds
// while a paginator with prefetch walks 100,000 items (1,000 pages of 100), against one parsed page's size.
//
// Method, so that the number is data kept and not the engine settling in:
// - Warm-up: one full walk of the same 1,000 pages with a paginator of its own, dropped before measuring.
// - Each sample is a heap snapshot after forced GC, counting only data (`DATA_NODE_TYPES`: objects, arrays,
//   strings, numbers, closures, and native memory such as buffers and typed arrays). Compiled code, its metadata
//   and V8's internal bookkeeping (`code`, `hidden`, `object shape`) are left out: the JIT keeps recompiling and
//   dropping code for the whole walk even after a warm-up, and much of that lands in old space, so counting heap
//   spaces (even old space alone) moves by one or two pages from sample to sample with no data behind it.
// - The first sample is taken after the warm-up, before the measured walk sends anything; then one after every
//   100 pages, with the walk suspended mid-page. Growth is the highest sample minus the first: it includes what
//   the paginator rightly holds (the page being read and the one prefetched, about two pages) and anything more it
//   keeps: a fixed page or two (see bench/README.md), or one page per page walked for a leak.
//
// `node --expose-gc lib/paging-heap-child.mjs retaining` checks that the method sees retention: the caller keeps
// every page it is given, as a leaking paginator would, and growth must come out at about 1,000 pages.
// `pnpm check:paging-heap` (lib/check-paging-heap.mjs) runs both modes and fails unless each lands where it should.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeHeapSnapshot } from "node:v8";
import { paginatePersonalizedOffers } from "@offerkit/sdk";
import { PERSONALIZED_OFFER_SCHEMA } from "@offerkit/xcore";
import { offerLibraryPage } from "./payloads.mjs";
import { CONTAINER_ID, startRepository } from "./repository.mjs";

const PAGES = 1000;
const PAGE_SIZE = 100;
const SAMPLE_EVERY = 100; // pages
const DATA_NODE_TYPES = new Set([
  "object",
  "closure",
  "array",
  "string",
  "concatenated string",
  "sliced string",
  "number",
  "bigint",
  "symbol",
  "regexp",
  "native",
]);
const mode = process.argv[2] ?? "paginator";
if (mode !== "paginator" && mode !== "retaining") throw new Error(`unknown mode ${mode}: paginator or retaining`);

const snapshots = mkdtempSync(join(tmpdir(), "offerkit-paging-heap-"));
let taken = 0;

/** Bytes of data in the heap after full GCs (with turns of the event loop between, for pending finalizers). */
async function dataAfterGc() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Synchronous from here on: nothing runs between the last GC (the snapshot makes its own) and the snapshot.
  const file = writeHeapSnapshot(join(snapshots, `${taken++}.heapsnapshot`));
  const { snapshot, nodes } = JSON.parse(readFileSync(file, "utf8"));
  rmSync(file);
  const fields = snapshot.meta.node_fields;
  const [typeNames] = snapshot.meta.node_types;
  const typeField = fields.indexOf("type");
  const sizeField = fields.indexOf("self_size");
  const dataTypes = new Set(typeNames.flatMap((name, index) => (DATA_NODE_TYPES.has(name) ? [index] : [])));
  let bytes = 0;
  for (let node = 0; node < nodes.length; node += fields.length) {
    if (dataTypes.has(nodes[node + typeField])) bytes += nodes[node + sizeField];
  }
  return bytes;
}

// One page's size in the heap: the mean of 20 parsed pages kept alive.
let texts = Array.from({ length: 20 }, (_, page) =>
  offerLibraryPage({
    containerId: CONTAINER_ID,
    schema: PERSONALIZED_OFFER_SCHEMA,
    page,
    pageSize: PAGE_SIZE,
    pages: PAGES,
  }),
);
const empty = await dataAfterGc();
const parsed = texts.map((text) => JSON.parse(text));
const page = ((await dataAfterGc()) - empty) / parsed.length;
parsed.length = 0;
texts = [];

const repository = await startRepository({ pages: PAGES, pageSize: PAGE_SIZE, latency: 0 });
const kept = [];

/** The items of a fresh paginator with prefetch; in `retaining` mode every page is also kept, as a leak would. */
async function* walk() {
  const paginator = paginatePersonalizedOffers(
    { client: repository.client, prefetch: true },
    { containerId: CONTAINER_ID, limit: PAGE_SIZE },
  );
  if (mode === "paginator") {
    yield* paginator.items();
    return;
  }
  for await (const onePage of paginator) {
    kept.push(onePage);
    yield* onePage._embedded?.results ?? [];
  }
}

/** Walks every item; `sample` (if given) runs after every SAMPLE_EVERY pages, with the walk suspended. */
async function walkAll(sample) {
  let items = 0;
  for await (const item of walk()) {
    if (!item.instanceId) throw new Error("an item without instanceId");
    items++;
    if (sample && items % (SAMPLE_EVERY * PAGE_SIZE) === 0) await sample();
  }
  if (items !== PAGES * PAGE_SIZE) throw new Error(`${items} items instead of ${PAGES * PAGE_SIZE}`);
}

await walkAll(); // warm-up
kept.length = 0;
const samples = [await dataAfterGc()];
await walkAll(async () => {
  samples.push(await dataAfterGc());
});
repository.close();
rmSync(snapshots, { recursive: true, force: true });
const [start] = samples;
const growth = Math.max(...samples) - start;
console.log(
  JSON.stringify({
    mode,
    growth,
    page,
    pages: growth / page,
    // Each sample's growth in pages, for the README and for judging the noise.
    samples: samples.map((bytes) => Math.round(((bytes - start) / page) * 100) / 100),
  }),
);
process.exit(0);
