// The reliability suite (fault matrix, defects, hygiene, properties, secrets) in its own run: it picks both transports
// itself (the default, and a `fetch` option over Node's own fetch), so it must not get the two-project setup, and it
// runs with `--expose-gc` so that stalled calls are tested while garbage is really collected. It lives under test/ so
// that turbo's `test` inputs cover it.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["test/reliability/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Cells of the matrix run this many at a time: more starves the event loop on a 2-core box and deadlines slip.
    maxConcurrency: 8,
    execArgv: ["--expose-gc"],
    // One file at a time: the matrix measures deadlines, and the hygiene children and properties would starve it.
    fileParallelism: false,
  },
});
