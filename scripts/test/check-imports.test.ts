import { afterEach, describe, expect, it } from "vitest";
import { checkImports, LAYERS } from "../check-imports.mjs";
import { type Fixture, fixture, json } from "./workspace-fixture.js";

// A small workspace shaped like the real one: core with an `imports` map and two entry points, two clients, a facade.
const clean = {
  "packages/core/package.json": json({
    name: "@offerkit/core",
    type: "module",
    exports: {
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./internal": { types: "./dist/internal.d.ts", default: "./dist/internal.js" },
      "./package.json": "./package.json",
    },
    imports: {
      "#base-fetch": {
        types: "./dist/base-fetch.d.ts",
        node: "./dist/base-fetch.node.js",
        default: "./dist/base-fetch.js",
      },
    },
  }),
  "packages/core/src/index.ts": 'export { ApiError } from "./errors.js";\nexport { send } from "./send.js";\n',
  "packages/core/src/errors.ts": "export class ApiError extends Error {}\n",
  "packages/core/src/send.ts": [
    'import { baseFetch } from "#base-fetch";',
    'import { ApiError } from "./errors.js";',
    "export type Send = () => void;",
    "export const send: Send = () => {",
    "  baseFetch();",
    "  throw new ApiError();",
    "};",
    "",
  ].join("\n"),
  "packages/core/src/base-fetch.ts": "export const baseFetch = () => {};\n",
  "packages/core/src/base-fetch.node.ts": "export const baseFetch = () => {};\n",
  "packages/core/src/internal.ts": 'export { paginate } from "./paging/index.js";\n',
  "packages/core/src/paging/index.ts": "export const paginate = 1;\n",
  "packages/ods/package.json": json({ name: "@offerkit/ods", type: "module", exports: { ".": "./dist/index.js" } }),
  "packages/ods/src/index.ts": [
    'import { ApiError } from "@offerkit/core";',
    'import { paginate } from "@offerkit/core/internal";',
    'export type { Decision } from "./types.js";',
    "export const ods = [ApiError, paginate];",
    "",
  ].join("\n"),
  "packages/ods/src/types.ts": "export type Decision = string;\n",
  "packages/xcore/package.json": json({ name: "@offerkit/xcore", type: "module", exports: "./dist/index.js" }),
  "packages/xcore/src/index.ts": 'export { ApiError as XcoreError } from "@offerkit/core";\n',
  "packages/sdk/package.json": json({ name: "@offerkit/sdk", type: "module", exports: "./dist/index.js" }),
  "packages/sdk/src/index.ts": 'export { ods } from "@offerkit/ods";\nexport { XcoreError } from "@offerkit/xcore";\n',
};

let workspace: Fixture;
afterEach(() => workspace?.remove());

describe("scripts/check-imports.mjs", () => {
  it("passes a workspace without circles, following relative, subpath and package imports", () => {
    workspace = fixture(clean);
    const { status, stdout, stderr } = workspace.run("check-imports.mjs");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    // index -> errors, send; send -> both base fetches (#base-fetch), errors; internal -> paging; ods -> core,
    // core/internal, types; xcore -> core; sdk -> ods, xcore.
    expect(stdout).toContain(
      "No import circles and no layer broken: 11 files, 12 imports between them, in 4 packages.",
    );
  });

  it("names a run-time circle, written over several lines, as a path back to its start", () => {
    workspace = fixture(clean);
    workspace.write({
      "packages/core/src/errors.ts": [
        "import {",
        "  // a comment, and a line per name",
        "  send,",
        '} from "./send.js";',
        "export class ApiError extends Error {",
        "  retry = send;",
        "}",
        "",
      ].join("\n"),
    });
    const { status, stderr } = workspace.run("check-imports.mjs");
    expect(status).toBe(1);
    expect(stderr).toContain("✘ 1 import circle(s) in 1 group(s) of files.");
    expect(stderr).toContain("  packages/core/src/: 2 files in circles: errors.ts, send.ts\n");
    expect(stderr).toContain("    errors.ts -> send.ts -> errors.ts\n");
    expect(stderr).not.toContain("errors.ts   [type-only]");
  });

  it("marks a circle closed by `export type` through a subpath import as type-only", () => {
    workspace = fixture(clean);
    workspace.write({
      "packages/core/src/base-fetch.node.ts":
        'export type { Send } from "./send.js";\nexport const baseFetch = () => {};\n',
    });
    const { status, stderr } = workspace.run("check-imports.mjs");
    expect(status).toBe(1);
    // Only the node condition's file imports send.ts back; the default one does not.
    expect(stderr).toContain(
      "    base-fetch.node.ts -type-> send.ts -> base-fetch.node.ts (#base-fetch)   [type-only]\n",
    );
    expect(stderr).not.toContain("base-fetch.ts ->");
  });

  it("sees import() calls and import() types", () => {
    workspace = fixture(clean);
    workspace.write({
      "packages/core/src/errors.ts": [
        'export type Lazy = typeof import("./send.js");',
        'export const later = () => import("./index.js");',
        "export class ApiError extends Error {}",
        "",
      ].join("\n"),
    });
    const { status, stderr } = workspace.run("check-imports.mjs");
    expect(status).toBe(1);
    expect(stderr).toContain("    errors.ts -> index.ts -> errors.ts\n");
    expect(stderr).toContain("    errors.ts -type-> send.ts -> errors.ts   [type-only]\n");
  });

  it("follows workspace packages through their exports, and reports the layer a circle across packages breaks", () => {
    workspace = fixture(clean);
    workspace.write({
      "packages/core/src/paging/index.ts":
        'import type { Decision } from "@offerkit/ods";\nexport const paginate = 1;\n',
    });
    const { status, stderr } = workspace.run("check-imports.mjs");
    expect(status).toBe(1);
    expect(stderr).toContain(
      '  packages/core/src/paging/index.ts:1 imports "@offerkit/ods" (packages/ods/src/index.ts) [type-only]: ' +
        "in workspace packages, packages/core/ may import nothing else\n",
    );
    // Files of more than one package: paths from the workspace root.
    expect(stderr).toContain(
      "    packages/core/src/internal.ts -> packages/core/src/paging/index.ts " +
        "-type-> packages/ods/src/index.ts (@offerkit/ods) " +
        "-> packages/core/src/internal.ts (@offerkit/core/internal)   [type-only]\n",
    );
  });

  it("fails when a client imports another client, and lets the facade import both", () => {
    workspace = fixture(clean);
    workspace.write({
      "packages/ods/src/types.ts":
        'import type { XcoreError } from "@offerkit/xcore";\nexport type Decision = XcoreError;\n',
    });
    const { status, stderr } = workspace.run("check-imports.mjs");
    expect(status).toBe(1);
    expect(stderr).toContain("✘ 1 import(s) breaking a layer rule");
    expect(stderr).toContain(
      '  packages/ods/src/types.ts:1 imports "@offerkit/xcore" (packages/xcore/src/index.ts) [type-only]: ' +
        "in workspace packages, packages/ods/ may import only core/\n",
    );
    expect(stderr).not.toContain("packages/sdk/");
    expect(stderr).not.toContain("circle");
  });

  it("fails on an import it cannot follow to a source file, rather than skipping it", () => {
    workspace = fixture(clean);
    workspace.write({
      "packages/sdk/src/index.ts": 'export { ods } from "@offerkit/ods";\nexport * from "@offerkit/core/nope";\n',
      "packages/xcore/src/index.ts": 'export * from "./missing.js";\n',
    });
    const { status, stderr } = workspace.run("check-imports.mjs");
    expect(status).toBe(1);
    expect(stderr).toContain("✘ 2 import(s) that do not resolve to a source file:");
    expect(stderr).toContain(
      `  packages/sdk/src/index.ts:2 imports "@offerkit/core/nope": @offerkit/core's package.json has no exports entry for "./nope"\n`,
    );
    expect(stderr).toContain('  packages/xcore/src/index.ts:1 imports "./missing.js": no such source file\n');
  });

  it("applies a folder table inside a package the same way (as core's folders have one)", () => {
    workspace = fixture(clean);
    workspace.write({
      "packages/core/src/paging/index.ts": [
        'import { ApiError } from "../errors.js";',
        'import { send } from "../send.js";',
        "export const paginate = [ApiError, send];",
        "",
      ].join("\n"),
    });
    const folders = {
      name: "core's folders",
      within: "packages/core/src/",
      rules: { "errors.ts": [], "paging/": ["errors.ts"] },
    };
    // The packages' table with this fixture's folder table instead of core's real one.
    const packages = LAYERS.filter((table) => table.within === "packages/");
    const { failures } = checkImports({ root: workspace.dir, layers: [...packages, folders] });
    expect(failures).toEqual([
      "✘ 1 import(s) breaking a layer rule (the tables at the top of scripts/check-imports.mjs):",
      '  packages/core/src/paging/index.ts:2 imports "../send.js" (packages/core/src/send.ts): ' +
        "in core's folders, packages/core/src/paging/ may import only errors.ts",
    ]);
    // Without the table, the same files pass.
    expect(checkImports({ root: workspace.dir, layers: packages }).failures).toEqual([]);
  });

  it("fails on a relative import into another package", () => {
    workspace = fixture(clean);
    workspace.write({
      "packages/xcore/src/index.ts": 'export { ApiError as XcoreError } from "../../core/src/errors.js";\n',
    });
    expect(checkImports({ root: workspace.dir }).failures).toEqual([
      "✘ 1 import(s) breaking a layer rule (the tables at the top of scripts/check-imports.mjs):",
      '  packages/xcore/src/index.ts:1 imports packages/core/src/errors.ts by a relative path: import "@offerkit/core"',
    ]);
  });
});
