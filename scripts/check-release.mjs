#!/usr/bin/env node
// The release flow, rehearsed without touching this checkout or the registry:
// 1. `changeset version` in a temporary copy of the repository writes a CHANGELOG.md and a new version for every
//    published package (so every one has a pending changeset, and the changesets parse);
// 2. every published package packs, holds only what users need (dist, README, LICENSE, package.json; the mock's
//    bin), has its workspace ranges rewritten, and `pnpm publish --dry-run` of that tarball succeeds. The specs a
//    package ships (the mock's dist/specs/) bring every file they refer to (specs/shared/).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const failures = [];
const fail = (message) => failures.push(message);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** The `$ref`s of a YAML document that name another file (`./shared/platform.yaml#/...`). */
function otherFileRefs(node) {
  if (!node || typeof node !== "object") return [];
  const own = typeof node.$ref === "string" && !node.$ref.startsWith("#") ? [node.$ref] : [];
  return [...own, ...Object.values(node).flatMap(otherFileRefs)];
}

const published = readdirSync(join(root, "packages"))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) }))
  .filter(({ pkg }) => !pkg.private);

const scratch = mkdtempSync(join(tmpdir(), "offerkit-release-"));
try {
  // 1. changeset version, in a copy of what git tracks (and new files not yet committed), without node_modules.
  const copy = join(scratch, "repo");
  const files = run("git", ["ls-files", "-co", "--exclude-standard", "-z"], root).split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(root, file))) continue; // deleted in the working tree
    mkdirSync(join(copy, file, ".."), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  const changeset = join(root, "node_modules", "@changesets", "cli", "bin.js");
  run(process.execPath, [changeset, "version"], copy);
  run(process.execPath, [join(copy, "scripts", "sync-versions.mjs")], copy);
  for (const { dir, pkg } of published) {
    const changelog = join(copy, "packages", dir, "CHANGELOG.md");
    const bumped = JSON.parse(readFileSync(join(copy, "packages", dir, "package.json"), "utf8")).version;
    if (!existsSync(changelog)) fail(`${pkg.name}: changeset version wrote no CHANGELOG.md`);
    else if (!readFileSync(changelog, "utf8").includes(`## ${bumped}`)) {
      fail(`${pkg.name}: CHANGELOG.md has no "## ${bumped}" section`);
    }
    if (bumped === pkg.version) fail(`${pkg.name}: changeset version left the version at ${pkg.version}`);
    const versionFile = join(copy, "packages", dir, "src", "version.ts");
    if (existsSync(versionFile) && !readFileSync(versionFile, "utf8").includes(`"${bumped}"`)) {
      fail(`${pkg.name}: src/version.ts does not say ${bumped} after sync-versions`);
    }
    console.log(`✔ ${pkg.name} ${pkg.version} → ${bumped}, CHANGELOG.md written`);
  }
  if (readdirSync(join(copy, ".changeset")).some((f) => f.endsWith(".md") && f !== "README.md")) {
    fail("changeset version left changesets behind in .changeset/");
  }

  // 2. pack and publish --dry-run each package from this checkout (built by turbo before this runs).
  const packs = join(scratch, "packs");
  for (const { dir, pkg } of published) {
    const cwd = join(root, "packages", dir);
    const out = join(packs, dir);
    mkdirSync(out, { recursive: true });
    run("pnpm", ["pack", "--pack-destination", out], cwd);
    const tarball = join(
      out,
      readdirSync(out).find((f) => f.endsWith(".tgz")),
    );
    const entries = run("tar", ["-tzf", tarball]).split("\n").filter(Boolean);
    const allowed = /^package\/(package\.json|README\.md|LICENSE|dist\/.+|bin\/.+)$/;
    for (const entry of entries) if (!allowed.test(entry)) fail(`${pkg.name}: the tarball holds ${entry}`);
    for (const needed of ["package/package.json", "package/README.md", "package/LICENSE", "package/dist/index.js"]) {
      if (!entries.includes(needed)) fail(`${pkg.name}: the tarball lacks ${needed}`);
    }
    if (entries.some((entry) => /\/(src|test)\//.test(entry) || entry.endsWith(".test.js"))) {
      fail(`${pkg.name}: the tarball holds sources or tests`);
    }
    for (const spec of entries.filter((entry) => /^package\/dist\/.+\.yaml$/.test(entry))) {
      const refs = otherFileRefs(parse(run("tar", ["-xzOf", tarball, spec])));
      const files = new Set(refs.map((ref) => posix.normalize(posix.join(posix.dirname(spec), ref.split("#")[0]))));
      for (const file of files) if (!entries.includes(file)) fail(`${pkg.name}: ${spec} refers to ${file}, not packed`);
    }
    const manifest = run("tar", ["-xzOf", tarball, "package/package.json"]);
    if (manifest.includes("workspace:")) fail(`${pkg.name}: the packed package.json keeps a workspace: range`);
    run("pnpm", ["publish", tarball, "--dry-run", "--no-git-checks", "--access", "public"], cwd);
    console.log(`✔ ${pkg.name}: ${entries.length} files packed, publish --dry-run passed`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`✘ ${failure}`);
  process.exit(1);
}
