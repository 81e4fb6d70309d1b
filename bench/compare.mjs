// `pnpm --filter @offerkit/bench compare -- <commit> [suite...]`: the same suites run on this checkout's packages and
// on <commit>'s, alternately, RUNS times each (COMPARE_RUNS, default 3), then one table of median ratios side by side.
// A goal such as "no ratio worse than at <commit>" is only measurable this way: a ratio read in one session says
// little about another's on a shared machine, and old results.json files come from older harnesses.
//
// <commit> is checked out once into a worktree in the system's temp folder (kept for later runs; `--clean` removes
// it), installed offline from the pnpm store and built. Its packages replace ours through a module resolve hook
// (lib/compare-hooks.mjs, also in the suites' child processes), so both sides run this checkout's suites and
// harness. A suite that the older packages cannot run (an option they lack) is reported, not fatal.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./lib/harness.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, "..");
/** What a comparison runs by default: every suite whose ratios are goals and that older packages can run. */
const DEFAULT_SUITES = [
  "delivery-vs-raw-fetch",
  "ods-vs-raw-fetch",
  "getOffers-vs-raw-fetch",
  "getOffers-vs-adobe-sdk",
  "cookie-codec",
  "xcore-paging",
  "ode-waiter",
  "heap-2000-calls",
];
const RUNS = Number(process.env.COMPARE_RUNS ?? 3);

const args = process.argv.slice(2);
const clean = args.includes("--clean");
const [rev, ...named] = args.filter((arg) => arg !== "--clean");
if (!rev) {
  console.error("usage: node compare.mjs <commit> [suite...] [--clean]");
  process.exit(2);
}

const git = (...gitArgs) => execFileSync("git", gitArgs, { cwd: ROOT, encoding: "utf8" }).trim();
const commit = git("rev-parse", "--verify", `${rev}^{commit}`);
const short = commit.slice(0, 12);
const worktree = join(tmpdir(), `offerkit-compare-${short}`);

if (clean) {
  if (existsSync(worktree)) git("worktree", "remove", "--force", worktree);
  console.log(`removed ${worktree}`);
  process.exit(0);
}

/** Runs a command in `cwd`, its output shown, and fails the comparison when it fails. */
function step(title, command, commandArgs, cwd) {
  process.stderr.write(`${title}...\n`);
  const { status } = spawnSync(command, commandArgs, {
    cwd,
    // Its output goes to stderr with the progress lines: stdout is the table.
    stdio: ["ignore", 2, 2],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (status !== 0) throw new Error(`${title} failed (exit ${status})`);
}

if (!existsSync(join(worktree, "bench", "node_modules"))) {
  if (!existsSync(worktree)) git("worktree", "add", "--detach", worktree, commit);
  step(`installing ${short} from the pnpm store`, "pnpm", ["install", "--frozen-lockfile", "--offline"], worktree);
}
// Every time: turbo answers from its cache when nothing changed, and a build interrupted last time is finished.
step(`building ${short}`, "pnpm", ["build"], worktree);

const suites = named.length > 0 ? named : DEFAULT_SUITES;
/** ratios.get(row name)[side] = one ratio per run; errors[suite][side] = why a side could not run. */
const ratios = new Map();
const errors = {};
for (let run = 1; run <= RUNS; run++) {
  for (const suite of suites) {
    // Sides alternate, and which goes first alternates by run, so the machine's drift favours neither.
    const sides = run % 2 === 1 ? ["before", "now"] : ["now", "before"];
    for (const side of sides) {
      process.stderr.write(`run ${run}/${RUNS}: ${suite} (${side === "now" ? "this checkout" : short})\n`);
      const env = { ...process.env };
      if (side === "before") {
        env.OFFERKIT_COMPARE_ROOT = worktree;
        env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --import=${join(BENCH, "lib", "compare-register.mjs")}`.trim();
      }
      const child = spawnSync(process.execPath, [join(BENCH, "lib", "compare-child.mjs"), suite], {
        cwd: BENCH,
        env,
        encoding: "utf8",
        maxBuffer: 16 * 2 ** 20,
      });
      if (child.status !== 0) {
        const lines = child.stderr.trim().split("\n");
        const reason = lines.find((line) => /Error|error:/.test(line)) ?? lines.at(-1) ?? `exit ${child.status}`;
        errors[suite] = { ...errors[suite], [side]: reason.trim().slice(0, 160) };
        continue;
      }
      for (const row of JSON.parse(child.stdout)) {
        if (row.ratio === null) continue;
        if (!ratios.has(row.name)) ratios.set(row.name, { before: [], now: [] });
        ratios.get(row.name)[side].push(row.ratio);
      }
    }
  }
}

const fmt = (values) => (values.length === 0 ? "-" : `${median(values).toFixed(3)}x`);
const spread = (values) => (values.length === 0 ? "" : values.map((value) => value.toFixed(3)).join(" "));
const rows = [...ratios].map(([name, { before, now }]) => {
  // Lower is better. "worse" only when every run now reads above every run before, over at least three runs a side:
  // a single pair of runs differs by chance.
  const verdict =
    Math.min(before.length, now.length) < 3
      ? ""
      : Math.min(...now) > Math.max(...before)
        ? "worse"
        : Math.max(...now) < Math.min(...before)
          ? "better"
          : "same";
  return [name, fmt(before), fmt(now), verdict, `${spread(before)} | ${spread(now)}`];
});
const header = ["row", short, "now", "", `runs (${short} | now)`];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join("  "));
for (const [suite, sides] of Object.entries(errors)) {
  for (const [side, reason] of Object.entries(sides)) {
    console.log(`${suite} did not run ${side === "now" ? "on this checkout" : `at ${short}`}: ${reason}`);
  }
}
