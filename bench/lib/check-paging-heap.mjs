// Checks that the `xcore-paging heap growth` measurement sees retention (run by hand: `pnpm check:paging-heap` in
// bench/, after `pnpm build`; about two minutes, mostly heap snapshots of the retaining run). Runs
// paging-heap-child.mjs twice: with the real paginator, and with a caller that keeps every page it is given (a
// leak of 1,000 pages). Fails unless the leak is reported as about 1,000 pages and the paginator as about two. Nothing
// here depends on speed: heap snapshots count bytes, not time.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const child = fileURLToPath(new URL("./paging-heap-child.mjs", import.meta.url));
const measure = (mode) =>
  JSON.parse(execFileSync(process.execPath, ["--expose-gc", child, mode], { encoding: "utf8" }));

// The paginator holds the page being read and the one prefetched: about two pages, whatever the length. A third
// means something pins a page again (an async generator in `items()` did: see bench/README.md).
const expected = { paginator: [0, 2.5], retaining: [950, 1050] };
let failed = false;
for (const [mode, [low, high]] of Object.entries(expected)) {
  const { pages, samples } = measure(mode);
  const ok = pages >= low && pages <= high;
  failed ||= !ok;
  console.log(
    `${ok ? "ok  " : "FAIL"} ${mode}: growth ${pages.toFixed(2)} pages (expected ${low}-${high}); samples ${samples.join(" ")}`,
  );
}
process.exitCode = failed ? 1 : 0;
