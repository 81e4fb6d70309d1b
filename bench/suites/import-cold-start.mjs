// A fresh `node` process that imports a package vs a bare `node -e 0`, alternating, median of RUNS each; then the
// facade against Adobe's SDK, as the time each adds to a bare `node -e 0`.
// To compare another package, add it to PACKAGES and to bench/package.json.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, result } from "../lib/harness.mjs";

const PACKAGES = ["@offerkit/delivery", "@offerkit/sdk", "@adobe/target-nodejs-sdk"];
const RUNS = 15;
const cwd = fileURLToPath(new URL("..", import.meta.url));

function time(args) {
  const started = performance.now();
  execFileSync(process.execPath, args, { cwd, stdio: "ignore" });
  return performance.now() - started;
}

export async function run() {
  const samples = Object.fromEntries([...PACKAGES, "bare"].map((name) => [name, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const name of PACKAGES) {
      samples[name].push(time(["--input-type=module", "-e", `import ${JSON.stringify(name)};`]));
    }
    samples.bare.push(time(["-e", "0"]));
  }
  const bare = median(samples.bare);
  const added = (name) => median(samples[name]) - bare;
  return [
    ...PACKAGES.map((name) => result(`import-cold-start ${name}`, median(samples[name]), bare, "ms")),
    result(
      "import-cold-start @offerkit/sdk vs Adobe's SDK",
      added("@offerkit/sdk"),
      added("@adobe/target-nodejs-sdk"),
      "ms over node -e 0",
    ),
  ];
}
