// `pnpm bench`: runs every suite in SUITES (or those named on the command line), prints one table and writes
// results.json: [{ name, ours, baseline, ratio, unit }], ratio = ours / baseline, lower is better. Never fails on speed.
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

/** One file per suite in suites/, exporting `run(): Promise<Result[]>`. Add a suite by adding its name here. */
const SUITES = [
  "delivery-vs-raw-fetch",
  "delivery-own-work",
  "ods-vs-raw-fetch",
  "getOffers-vs-raw-fetch",
  "getOffers-vs-adobe-sdk",
  "on-device-vs-adobe-sdk",
  "on-device-vs-server-side",
  "on-device-heap",
  "on-device-refresh",
  "cookie-codec",
  "xcore-paging",
  "ode-waiter",
  "heap-2000-calls",
  "import-cold-start",
  "codegen",
];

/** Budgets from ../shared/design.md and issue 10 (ratio), by name prefix, printed next to the results; never enforced. */
const BUDGETS = {
  "delivery-vs-raw-fetch": 0.8,
  "ods-vs-raw-fetch": 0.8,
  "getOffers-vs-raw-fetch": 0.9,
  "getOffers-vs-adobe-sdk": 0.5,
  // Issue 20: at most a quarter of Adobe's time per on-device decision.
  "on-device getOffers vs Adobe's SDK": 0.25,
  "xcore-paging (prefetch)": 1.1,
  // "Within about two pages" (issue 10): the page being read and the one prefetched are held by design.
  "xcore-paging heap growth": "≈ 2",
  "ode-waiter overshoot": 1,
};

const wanted = process.argv.slice(2);
const results = [];
for (const suite of SUITES.filter((name) => wanted.length === 0 || wanted.includes(name))) {
  process.stderr.write(`running ${suite}...\n`);
  const { run } = await import(`./suites/${suite}.mjs`);
  results.push(...(await run()));
}

const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, ${process.platform}`;
const fmt = (value) => (value === null ? "" : value.toFixed(value >= 100 ? 0 : 2));
const rows = results.map((r) => {
  // Rows measured on global fetch show where fetch itself is the floor: no budget applies to them.
  const budget = r.name.includes("global fetch")
    ? undefined
    : Object.entries(BUDGETS).find(([prefix]) => r.name.startsWith(prefix))?.[1];
  return [
    r.name,
    fmt(r.ours),
    fmt(r.baseline),
    r.ratio === null ? "" : `${r.ratio.toFixed(2)}x`,
    budget === undefined ? "" : typeof budget === "string" ? budget : `≤ ${budget}`,
    r.unit,
  ];
});
const header = ["benchmark", "ours", "baseline", "ratio", "budget", "unit"];
const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
console.log(`\n${machine}\n`);
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of rows) console.log(line(row));
writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log("\nwrote bench/results.json");
