import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each case runs tsc or a browser: two at a time is what a loaded 2-core machine does well.
    maxConcurrency: 2,
    maxWorkers: process.env.CI ? 1 : undefined,
    testTimeout: 240_000,
    hookTimeout: 300_000,
  },
});
