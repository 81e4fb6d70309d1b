#!/usr/bin/env node
// After `changeset version` bumps package.json files, write each package's version into src/version.ts so the
// user agent names the release without importing package.json at run time.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const packagesDir = fileURLToPath(new URL("../packages/", import.meta.url));
for (const name of readdirSync(packagesDir)) {
  const file = join(packagesDir, name, "src", "version.ts");
  if (!existsSync(file)) continue;
  const { version } = JSON.parse(readFileSync(join(packagesDir, name, "package.json"), "utf8"));
  const text = `/** This package's version; kept in step with package.json by scripts/sync-versions.mjs. */\nexport const VERSION = "${version}";\n`;
  if (readFileSync(file, "utf8") !== text) {
    writeFileSync(file, text);
    console.log(`${name}: ${version}`);
  }
}
