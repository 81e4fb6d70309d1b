// Heap after GC following 2,000 Delivery calls, through @offerkit/delivery vs bare fetch, each in a fresh Node
// process started with --expose-gc (so neither run inherits the other's garbage or warm caches).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, result } from "../lib/harness.mjs";

const child = fileURLToPath(new URL("../lib/heap-child.mjs", import.meta.url));
const RUNS = 3;

export async function run() {
  const measure = (variant) =>
    Number(execFileSync(process.execPath, ["--expose-gc", child, variant], { encoding: "utf8" }).trim());
  const samples = { ours: [], baseline: [] };
  for (let i = 0; i < RUNS; i++) {
    samples.ours.push(measure("ours"));
    samples.baseline.push(measure("baseline"));
  }
  return [result("heap-2000-calls", median(samples.ours) / 1024, median(samples.baseline) / 1024, "KB heap after GC")];
}
