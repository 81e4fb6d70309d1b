// Every client test suite runs twice in one vitest process: once on the Node transport (the default on Node) and once
// on global fetch (the default in browsers, edge runtimes, Deno and Bun). A package's vitest.config.ts is
// `export default bothTransports({ ...its test options })`.
import { fileURLToPath } from "node:url";
import { defineConfig, type ViteUserConfig } from "vitest/config";

export type Transport = "node" | "fetch";
export const TRANSPORTS: readonly Transport[] = ["node", "fetch"];

const core = (path: string) => fileURLToPath(new URL(`../packages/core/${path}`, import.meta.url));

/** `alias`: more module aliases for both projects (core's own tests map its other `#` imports to its sources). */
export function bothTransports(
  test: NonNullable<ViteUserConfig["test"]>,
  alias: Readonly<Record<string, string>> = {},
): ViteUserConfig {
  return defineConfig({
    test: {
      // On CI turbo runs two packages at once on two cores: one test file at a time each keeps timing tests honest.
      maxWorkers: process.env.CI ? 1 : undefined,
      projects: TRANSPORTS.map((transport) => ({
        // `#base-fetch` is core's conditional import; pinning it here makes the choice explicit per project.
        resolve: {
          alias: {
            ...alias,
            "#base-fetch": core(
              transport === "node" ? "dist/transport/base-fetch.node.js" : "dist/transport/base-fetch.js",
            ),
          },
        },
        test: {
          ...test,
          name: transport,
          env: { OFFERKIT_TRANSPORT: transport },
          // Fetches that tests pass themselves (recording fetches, fakes falling through) use the global, so on the
          // Node project the global is the Node transport too.
          setupFiles:
            transport === "node" ? [fileURLToPath(new URL("./vitest-node-transport.ts", import.meta.url))] : [],
          // Types depend neither on the transport nor on the Node release: check them once, on the default Node.
          typecheck: transport === "node" && !process.env.OFFERKIT_EXTRA_NODE ? test.typecheck : { enabled: false },
        },
      })),
    },
  });
}
