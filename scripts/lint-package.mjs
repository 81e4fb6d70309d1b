#!/usr/bin/env node
// publint + attw (esm-only profile) on the tarball pnpm would publish. attw --pack runs `npm pack`, which leaves
// `workspace:` ranges unrewritten, so pack with pnpm first and check that file.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const dir = mkdtempSync(join(tmpdir(), "offerkit-pack-"));
try {
  run("pnpm", ["pack", "--pack-destination", dir]);
  const tarball = join(
    dir,
    readdirSync(dir).find((f) => f.endsWith(".tgz")),
  );
  run("publint", ["--strict", tarball]);
  run("attw", ["--profile", "esm-only", tarball]);
  const versionFile = "src/version.ts";
  const source = readFileSync(versionFile, "utf8");
  if (!source.includes(`"${pkg.version}"`)) {
    console.error(`✘ ${versionFile} does not say ${pkg.version}; run pnpm sync-versions`);
    process.exit(1);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
