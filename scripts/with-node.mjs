#!/usr/bin/env node
// Runs a command on another supported Node release: `node scripts/with-node.mjs 24 vitest run`. The release comes
// from the npm registry's `node` package (whose install script fetches the platform's binary package from the same
// registry) and is kept in node_modules/.cache/offerkit-node/<version>, so a second run installs nothing.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The exact releases the tests run on besides the one running this script (20, the lowest supported). */
const RELEASES = { 22: "22.23.3", 24: "24.21.0" };

const [major, command, ...args] = process.argv.slice(2);
const version = RELEASES[major];
if (!version || !command) {
  console.error(`usage: with-node.mjs <${Object.keys(RELEASES).join("|")}> <command> [args...]`);
  process.exit(2);
}

const root = fileURLToPath(new URL("..", import.meta.url));
const prefix = join(root, "node_modules", ".cache", "offerkit-node", version);
const bin = join(prefix, "node_modules", "node", "bin");
const node = join(bin, "node");

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

if (!existsSync(node)) {
  // Turbo runs several packages' tests at once: one of them installs, the others wait for it.
  const lock = `${prefix}.lock`;
  mkdirSync(join(prefix, ".."), { recursive: true });
  let mine = false;
  for (let waited = 0; !existsSync(node); waited += 500) {
    try {
      mkdirSync(lock);
      mine = true;
      break;
    } catch {
      if (waited > 300_000) throw new Error(`gave up waiting for ${lock}; remove it if no install is running`);
      sleep(500);
    }
  }
  if (mine) {
    try {
      console.log(`installing node@${version} from the npm registry into ${prefix}`);
      execFileSync(
        "npm",
        ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", "--no-package-lock", `node@${version}`],
        { stdio: ["ignore", "inherit", "inherit"] },
      );
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

const reported = existsSync(node) ? execFileSync(node, ["--version"], { encoding: "utf8" }).trim() : "nothing";
if (reported !== `v${version}`) {
  console.error(`✘ expected Node v${version} at ${node}, found ${reported}: the npm install of node@${version} failed`);
  process.exit(1);
}

console.log(`▶ Node ${reported}: ${[command, ...args].join(" ")}`);
// Package binaries (vitest) start through PATH's node, so this release runs them and every worker they spawn.
const child = spawn(command, args, {
  stdio: "inherit",
  env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}`, OFFERKIT_EXTRA_NODE: version },
});
child.on("exit", (code, signal) => {
  if (signal) console.error(`✘ ${command} on Node ${version} was killed by ${signal}`);
  process.exit(code ?? 1);
});
