// A fresh `node` process that imports a package vs a bare `node -e 0`, alternating, median of RUNS each.
// To compare another package (the facade, Adobe's SDK), add it to PACKAGES and to bench/package.json.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, result } from "../lib/harness.mjs";

const PACKAGES = ["@offerkit/delivery"];
const RUNS = 15;
const cwd = fileURLToPath(new URL("..", import.meta.url));

function time(args) {
  const started = performance.now();
  execFileSync(process.execPath, args, { cwd, stdio: "ignore" });
  return performance.now() - started;
}

export async function run() {
  const results = [];
  for (const name of PACKAGES) {
    const ours = [];
    const bare = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(time(["--input-type=module", "-e", `import ${JSON.stringify(name)};`]));
      bare.push(time(["-e", "0"]));
    }
    results.push(result(`import-cold-start ${name}`, median(ours), median(bare), "ms"));
  }
  return results;
}
