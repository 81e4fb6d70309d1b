// Heap over 100,000 on-device decisions (lib/on-device-heap-child.mjs, fresh `node --expose-gc`): the highest heap
// after GC, sampled every 10,000 decisions, minus the heap after the warm-up. Flat means no per-decision state is
// kept (notifications, caches, timers). The baseline is the heap after the warm-up itself (client, engine and the
// 500-rule artifact), so the ratio is growth as a share of what one client holds.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { result } from "../lib/harness.mjs";

const child = fileURLToPath(new URL("../lib/on-device-heap-child.mjs", import.meta.url));

export async function run() {
  const samples = JSON.parse(execFileSync(process.execPath, ["--expose-gc", child, "100000"], { encoding: "utf8" }));
  const start = samples[0];
  const growth = Math.max(...samples.slice(1)) - start;
  return [result("on-device heap growth over 100,000 decisions", growth / 1024, start / 1024, "KB (after GC)")];
}
