import { bothTransports } from "../../scripts/vitest-transports.js";

export default bothTransports({
  include: ["test/**/*.test.ts"],
  testTimeout: 20_000,
});
