import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Fixture, fixture, json } from "./workspace-fixture.js";

// Two published packages with hand-written dist/*.d.ts (what a build leaves), one re-exporting the other, and a
// private one the check must leave alone.
const built = {
  "packages/core/package.json": json({
    name: "@offerkit/core",
    type: "module",
    exports: {
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./extra": { types: "./dist/extra.d.ts", default: "./dist/extra.js" },
      "./package.json": "./package.json",
    },
  }),
  "packages/core/dist/index.d.ts": [
    'export { ApiError, OfferkitError } from "./errors.js";',
    'export type { Hidden } from "./errors.js";',
    'export * from "./helpers.js";',
    'export declare const VERSION = "1.0.0";',
    "/** Options, with a doc comment the surface leaves out. */",
    "export interface Options {",
    "    retries?: number;",
    "}",
    "export type Result<T> = {",
    "    data: T;",
    "};",
    "export declare function send(url: string, options?: Options): Promise<Result<unknown>>;",
    "export declare function pick(value: string): string;",
    "export declare function pick(value: number): number;",
    "export declare enum Mode {",
    "    A = 0",
    "}",
    "",
  ].join("\n"),
  "packages/core/dist/errors.d.ts": [
    "export declare class OfferkitError extends Error {",
    "}",
    "export declare class ApiError extends OfferkitError {",
    "    status: number;",
    "}",
    "export declare abstract class Hidden {",
    "}",
    "",
  ].join("\n"),
  "packages/core/dist/helpers.d.ts": [
    "export declare function helper<T extends object>(value: T): {",
    "    value: T;",
    "};",
    "export declare let counter: number;",
    "",
  ].join("\n"),
  "packages/core/dist/extra.d.ts": 'export { send as sendAgain } from "./index.js";\n',
  // A bare string `exports`: TypeScript finds dist/index.d.ts next to dist/index.js.
  "packages/sdk/package.json": json({ name: "@offerkit/sdk", type: "module", exports: "./dist/index.js" }),
  "packages/sdk/dist/index.d.ts": [
    'export { ApiError, send } from "@offerkit/core";',
    'export * from "@offerkit/core/extra";',
    "export declare function createSdk(): void;",
    "",
  ].join("\n"),
  "packages/testkit/package.json": json({ name: "@offerkit/testkit", private: true, exports: "./dist/index.js" }),
  "packages/testkit/dist/index.d.ts": "export declare const anything: number;\n",
};

const coreSurface = `# The public surface of @offerkit/core: every name each entry point exports, with its kind.
# Written by \`pnpm run api:update\` from the built dist/*.d.ts; \`pnpm test\` fails when the build differs.

## @offerkit/core

class ApiError extends OfferkitError
let counter
function helper<T extends object>(value: T): { value: T; }
abstract class Hidden (type only)
enum Mode
class OfferkitError extends Error
interface Options
function pick(value: string): string
function pick(value: number): number
type Result
function send(url: string, options?: Options): Promise<Result<unknown>>
const VERSION

## @offerkit/core/extra

function sendAgain(url: string, options?: Options): Promise<Result<unknown>>
`;

let workspace: Fixture;
afterEach(() => workspace?.remove());

function setUp(): Fixture {
  const ws = fixture(built);
  ws.link("packages/sdk", "@offerkit/core", "packages/core");
  return ws;
}

describe("scripts/check-api.mjs", () => {
  it("writes one surface file per published package, following re-exports to what they name", () => {
    workspace = setUp();
    const update = workspace.run("check-api.mjs", "--update");
    expect(update.stderr).toBe("");
    expect(update.stdout).toContain("Wrote 2 api-surface.txt file(s)");
    expect(readFileSync(join(workspace.dir, "packages/core/api-surface.txt"), "utf8")).toBe(coreSurface);
    expect(readFileSync(join(workspace.dir, "packages/sdk/api-surface.txt"), "utf8")).toContain(
      [
        "## @offerkit/sdk",
        "",
        "class ApiError extends OfferkitError",
        "function createSdk(): void",
        "function send(url: string, options?: Options): Promise<Result<unknown>>",
        "function sendAgain(url: string, options?: Options): Promise<Result<unknown>>",
        "",
      ].join("\n"),
    );

    const check = workspace.run("check-api.mjs");
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(
      "The public surface matches every api-surface.txt: 16 exports in 3 entry points of 2 packages.",
    );
  });

  it("fails on a removed, an added and a changed export, says which, and names the update command", () => {
    workspace = setUp();
    workspace.run("check-api.mjs", "--update");
    workspace.write({
      "packages/core/dist/helpers.d.ts": [
        "export declare function helper<T extends object>(value: T, strict: boolean): {",
        "    value: T;",
        "};",
        "export declare function added(): void;",
        "",
      ].join("\n"),
    });
    const { status, stderr } = workspace.run("check-api.mjs");
    expect(status).toBe(1);
    expect(stderr).toContain(
      [
        "✘ the public surface of @offerkit/core differs from packages/core/api-surface.txt (- pinned, + built):",
        "  @offerkit/core",
        "    + function added(): void",
        "    - let counter",
        "    - function helper<T extends object>(value: T): { value: T; }",
        "    + function helper<T extends object>(value: T, strict: boolean): { value: T; }",
        "",
      ].join("\n"),
    );
    // The facade re-exports none of these: its surface is unchanged.
    expect(stderr).not.toContain("@offerkit/sdk");
    expect(stderr).toContain("run `pnpm run api:update`");

    expect(workspace.run("check-api.mjs", "--update").status).toBe(0);
    expect(workspace.run("check-api.mjs").status).toBe(0);
  });

  it("reports a new entry point, a missing surface file and one left in a package no longer published", () => {
    workspace = setUp();
    workspace.run("check-api.mjs", "--update");
    const manifest = JSON.parse(readFileSync(join(workspace.dir, "packages/core/package.json"), "utf8"));
    manifest.exports["./more"] = { types: "./dist/more.d.ts", default: "./dist/more.js" };
    workspace.write({
      "packages/core/package.json": json(manifest),
      "packages/core/dist/more.d.ts": "export declare const MORE = 1;\n",
      "packages/ods/package.json": json({ name: "@offerkit/ods", type: "module", exports: "./dist/index.js" }),
      "packages/ods/dist/index.d.ts": "export declare function createOdsClient(): void;\n",
      "packages/testkit/api-surface.txt": "# from when it was published\n",
    });
    const { status, stderr } = workspace.run("check-api.mjs");
    expect(status).toBe(1);
    expect(stderr).toContain("  @offerkit/core/more (a new entry point)\n    + const MORE\n");
    expect(stderr).toContain("✘ packages/ods/api-surface.txt is missing: @offerkit/ods has no pinned surface yet");
    expect(stderr).toContain("✘ packages/testkit/api-surface.txt belongs to a package that is not published");

    workspace.run("check-api.mjs", "--update");
    expect(readFileSync(join(workspace.dir, "packages/ods/api-surface.txt"), "utf8")).toContain(
      "function createOdsClient(): void\n",
    );
    expect(existsSync(join(workspace.dir, "packages/testkit/api-surface.txt"))).toBe(false);
    expect(workspace.run("check-api.mjs").status).toBe(0);
  });

  it("asks for a build when an entry point has no declaration file", () => {
    workspace = setUp();
    workspace.write({ "packages/core/dist/extra.d.ts": null });
    const { status, stderr } = workspace.run("check-api.mjs");
    expect(status).toBe(1);
    expect(stderr).toContain("✘ @offerkit/core/extra: no built declaration file; run pnpm build first");
  });
});
