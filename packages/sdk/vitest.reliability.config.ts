// The reliability suite (fault matrix, defects, hygiene, properties, secrets) in its own run: it picks both transports
// itself (the default, and a `fetch` option over Node's own fetch), so it must not get the two-project setup, and it
// runs with `--expose-gc` so that stalled calls are tested while garbage is really collected.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/reliability/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    maxConcurrency: 8,
    execArgv: ["--expose-gc"],
  },
});
