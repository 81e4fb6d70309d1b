#!/usr/bin/env node
// A user's project, outside this repository: the packed @offerkit/sdk and @offerkit/mock (and the packages they
// depend on) installed from their tarballs, and the files of docs/testing-with-mocks.md written as the guide gives
// them. Their Vitest suite (Target twice for one visitor, a decision, a paginator, an error) must pass.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: "inherit" });
const packages = ["core", "delivery", "ods", "ode", "xcore", "dps", "target-rules", "sdk", "mock"];

const project = mkdtempSync(join(tmpdir(), "offerkit-user-"));
try {
  const tarballs = {};
  for (const dir of packages) {
    const out = join(project, "tarballs", dir);
    mkdirSync(out, { recursive: true });
    execFileSync("pnpm", ["pack", "--pack-destination", out], { cwd: join(root, "packages", dir), stdio: "ignore" });
    const name = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")).name;
    tarballs[name] = `file:${join(out, readdirSync(out)[0])}`;
  }
  const vitest = JSON.parse(readFileSync(join(root, "packages", "mock", "package.json"), "utf8")).devDependencies
    .vitest;
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify(
      {
        name: "offerkit-user-project",
        private: true,
        type: "module",
        dependencies: { "@offerkit/sdk": tarballs["@offerkit/sdk"] },
        devDependencies: { "@offerkit/mock": tarballs["@offerkit/mock"], vitest },
      },
      null,
      2,
    )}\n`,
  );
  // Not published yet: the packed packages' own @offerkit dependencies come from the tarballs too. Its own
  // workspace file keeps pnpm from attaching this project to any workspace above it.
  writeFileSync(
    join(project, "pnpm-workspace.yaml"),
    `overrides:\n${Object.entries(tarballs)
      .map(([name, spec]) => `  "${name}": "${spec}"\n`)
      .join("")}`,
  );

  const guide = readFileSync(join(root, "docs", "testing-with-mocks.md"), "utf8");
  const files = [...guide.matchAll(/```ts\n\/\/ ([\w./-]+)\n([\s\S]*?)```/g)];
  if (files.length < 3) throw new Error(`docs/testing-with-mocks.md: expected its files, found ${files.length}`);
  for (const [, path, body] of files) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), body);
  }

  // Not frozen: the project has no lockfile, and pnpm insists on one under CI=true.
  run(
    "pnpm",
    ["install", "--no-frozen-lockfile", "--prefer-offline", "--reporter=silent", "--config.confirmModulesPurge=false"],
    project,
  );
  run("pnpm", ["exec", "vitest", "run"], project);
} finally {
  if (process.env.KEEP_USER_PROJECT) console.log(`kept ${project}`);
  else rmSync(project, { recursive: true, force: true });
}
