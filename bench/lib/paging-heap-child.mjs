// One heap measurement for suites/xcore-paging.mjs (run with --expose-gc): iterates 100,000 items (1,000 pages of
// 100) with prefetch, and prints as JSON how much the heap after GC grew past its level after the first 100 pages
// (the largest of the samples taken every 100 pages), and how much heap one parsed page takes.
import { paginatePersonalizedOffers } from "@offerkit/sdk";
import { PERSONALIZED_OFFER_SCHEMA } from "@offerkit/xcore";
import { offerLibraryPage } from "./payloads.mjs";
import { CONTAINER_ID, startRepository } from "./repository.mjs";

const PAGES = 1000;
const PAGE_SIZE = 100;

async function heapAfterGc() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
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
const empty = await heapAfterGc();
const kept = texts.map((text) => JSON.parse(text));
const page = ((await heapAfterGc()) - empty) / kept.length;
kept.length = 0;
texts = [];

const repository = await startRepository({ pages: PAGES, pageSize: PAGE_SIZE, latency: 0 });
const paginator = paginatePersonalizedOffers(
  { client: repository.client, prefetch: true },
  { containerId: CONTAINER_ID, limit: PAGE_SIZE },
);
let items = 0;
let start;
let highest = Number.NEGATIVE_INFINITY;
for await (const item of paginator.items()) {
  if (!item.instanceId) throw new Error("an item without instanceId");
  items++;
  if (items === 100 * PAGE_SIZE) start = await heapAfterGc();
  else if (items > 100 * PAGE_SIZE && items % (100 * PAGE_SIZE) === 0) highest = Math.max(highest, await heapAfterGc());
}
repository.close();
if (items !== PAGES * PAGE_SIZE) throw new Error(`${items} items instead of ${PAGES * PAGE_SIZE}`);
console.log(JSON.stringify({ growth: highest - start, page, items, start, highest }));
process.exit(0);
