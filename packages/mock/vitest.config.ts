import { defineConfig } from "vitest/config";

// Generous limits: starting Prism loads many modules, which takes tens of seconds on a busy 2-core CI machine.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 240_000, hookTimeout: 240_000 },
});
