import { bothTransports } from "../../scripts/vitest-transports.js";

export default bothTransports({
  include: ["test/**/*.test.ts"],
  // Run by test/reliability/vitest.config.ts, with both transports chosen by the tests themselves.
  exclude: ["test/reliability/**", "**/node_modules/**"],
  typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  testTimeout: 20_000,
});
