// Runs a script in a fresh Node process inside this package, so that `@offerkit/core` resolves to the built dist/ by
// the package's own name and conditions, as a dependent package's import does. The script prints one JSON value.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

export function runOnBuiltPackage(script: string): unknown {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: PACKAGE_DIR,
    encoding: "utf8",
  });
  return JSON.parse(out);
}
