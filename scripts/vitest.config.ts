// Tests of the root checks (scripts/check-*.mjs): each runs a check on a small workspace written to a temp folder.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["test/**/*.test.ts"],
    // Each case starts Node and loads TypeScript: allow for a busy machine.
    testTimeout: 30_000,
  },
});
