#!/usr/bin/env node
// Fails when an operationId in specs/*.yaml has no contract test. A contract test declares what it covers with
// `contractOperation("<spec>", "<operationId>")` from @offerkit/testkit, which itself throws if the spec lacks it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function operationIds(specFile) {
  const doc = parse(readFileSync(specFile, "utf8"));
  const ids = [];
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of METHODS) if (item[method]) ids.push(item[method].operationId ?? `<${method} without id>`);
  }
  return ids;
}

function testFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(path));
    else if (/\.test\.ts$/.test(entry.name)) found.push(path);
  }
  return found;
}

const covered = new Set();
const marker = /contractOperation\(\s*["'`]([\w-]+)["'`]\s*,\s*["'`]([\w-]+)["'`]/g;
const packagesDir = join(root, "packages");
for (const pkg of readdirSync(packagesDir)) {
  let files = [];
  try {
    files = testFiles(join(packagesDir, pkg, "test"));
  } catch {
    continue; // a package without tests has nothing to cover
  }
  for (const file of files) {
    for (const [, spec, id] of readFileSync(file, "utf8").matchAll(marker)) covered.add(`${spec}#${id}`);
  }
}

const specs = readdirSync(join(root, "specs")).filter((f) => f.endsWith(".yaml"));
let missing = 0;
for (const file of specs) {
  const spec = file.replace(/\.yaml$/, "");
  for (const id of operationIds(join(root, "specs", file))) {
    const ok = covered.has(`${spec}#${id}`);
    if (!ok) missing++;
    console.log(`${ok ? "✔" : "✘"} ${spec}#${id}${ok ? "" : "  (no contract test)"}`);
  }
}
if (specs.length === 0) {
  console.error("✘ no specs found in specs/");
  process.exit(1);
}
if (missing > 0) {
  console.error(`✘ ${missing} operation(s) without a contract test`);
  process.exit(1);
}
console.log(`All operations in ${specs.length} spec(s) have contract tests.`);
