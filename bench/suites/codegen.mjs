// `pnpm generate` for every spec: cold (turbo --force, every generator runs) and warm (turbo's cache, nothing runs).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, result } from "../lib/harness.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = 3;

function time(args) {
  const started = performance.now();
  execFileSync("pnpm", ["generate", ...args], {
    cwd: ROOT,
    stdio: "ignore",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  return performance.now() - started;
}

export async function run() {
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    cold.push(time(["--force"]));
    warm.push(time([]));
  }
  return [
    result("codegen-cold (all specs)", median(cold), null, "ms"),
    result("codegen-warm (cached)", median(warm), null, "ms"),
  ];
}
