import { fileURLToPath } from "node:url";
import { bothTransports } from "../../scripts/vitest-transports.js";

export default bothTransports(
  {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
  },
  // The tests import core's sources, so its IMS module must be the source too (one copy of each error class).
  { "#ims": fileURLToPath(new URL("./src/auth/ims.ts", import.meta.url)) },
);
