// The tests of @offerkit/dps: exact-wire and Prism contract tests on both transports, and type tests.
import { bothTransports } from "../../scripts/vitest-transports.js";

export default bothTransports({
  include: ["test/**/*.test.ts"],
  globalSetup: ["./test/prism.global-setup.ts"],
  typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  testTimeout: 20_000,
});
