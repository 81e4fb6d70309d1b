import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type Fixture, fixture, json } from "./workspace-fixture.js";

const SCRIPT = fileURLToPath(new URL("../build-package.mjs", import.meta.url));

// A package shaped like core: two public entry points sharing an error class, a runtime-conditional `#` import.
const core = {
  "packages/core/package.json": json({
    name: "@offerkit/core",
    type: "module",
    sideEffects: false,
    exports: {
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./internal": { types: "./dist/internal.d.ts", default: "./dist/internal.js" },
      "./package.json": "./package.json",
    },
    imports: {
      "#base-fetch": {
        types: "./dist/transport/base-fetch.d.ts",
        node: "./dist/transport/base-fetch.node.js",
        default: "./dist/transport/base-fetch.js",
      },
    },
  }),
  "packages/core/tsconfig.build.json": json({
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022"],
      types: [],
      strict: true,
      declaration: true,
      sourceMap: true,
      inlineSources: true,
      emitDeclarationOnly: true,
      rootDir: "src",
      outDir: "dist",
      // As core's tsconfig.check.json: tsc reads the `#` import's source, the build must still leave it an import.
      paths: { "#base-fetch": ["./src/transport/base-fetch.ts"] },
    },
    include: ["src"],
  }),
  "packages/core/src/errors.ts":
    'export class ValidationError extends Error {\n  override name = "ValidationError";\n}\n',
  "packages/core/src/index.ts": [
    'export { ValidationError } from "./errors.js";',
    'export { send } from "./send.js";',
    "",
  ].join("\n"),
  "packages/core/src/send.ts": [
    'import { baseFetch } from "#base-fetch";',
    "export const send = () => baseFetch();",
    "",
  ].join("\n"),
  "packages/core/src/internal.ts": [
    'import { ValidationError } from "./errors.js";',
    "export function check(value: unknown): void {",
    '  if (typeof value !== "string") throw new ValidationError("not a string");',
    "}",
    "",
  ].join("\n"),
  "packages/core/src/transport/base-fetch.ts": 'export const baseFetch = () => "global fetch";\n',
  "packages/core/src/transport/base-fetch.node.ts": 'export const baseFetch = () => "node transport";\n',
};

let workspace: Fixture | undefined;
afterEach(() => workspace?.remove());

function build(files: Readonly<Record<string, string | null>> = {}) {
  workspace?.remove(); // a test may build twice
  workspace = fixture({ ...core, ...files });
  return buildIn("core");
}

/** Runs the build in packages/<name> of the current workspace. */
function buildIn(name: string) {
  const cwd = join((workspace as Fixture).dir, "packages", name);
  const { status, stdout, stderr } = spawnSync(process.execPath, [SCRIPT], { cwd, encoding: "utf8" });
  return { status, stdout, stderr, cwd };
}

/** The fixture's core package.json with more entry points. */
function coreManifest(exports: Readonly<Record<string, unknown>>): string {
  const manifest = JSON.parse(core["packages/core/package.json"]);
  return json({ ...manifest, exports: { ...manifest.exports, ...exports } });
}

const chunksOf = (cwd: string) =>
  existsSync(join(cwd, "dist", "chunks"))
    ? readdirSync(join(cwd, "dist", "chunks")).filter((file) => file.endsWith(".js"))
    : [];
const read = (cwd: string, file: string) => readFileSync(join(cwd, "dist", file), "utf8");
const run = (cwd: string, script: string) =>
  JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd, encoding: "utf8" }));

describe("build-package", () => {
  it("writes each entry point of package.json as one module, shared code once, and the types", () => {
    const { status, stdout, stderr, cwd } = build({ "packages/core/dist/stale.js": "export {};\n" });
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("@offerkit/core: 4 entry points in 5 modules (from 6 source files)");
    const dist = join(cwd, "dist");
    for (const file of ["index.js", "internal.js", "transport/base-fetch.js", "transport/base-fetch.node.js"]) {
      expect(existsSync(join(dist, file)), file).toBe(true);
      expect(existsSync(join(dist, `${file}.map`)), `${file}.map`).toBe(true);
    }
    expect(existsSync(join(dist, "index.d.ts"))).toBe(true);
    expect(existsSync(join(dist, "send.js"))).toBe(false); // bundled into index.js
    expect(existsSync(join(dist, "stale.js"))).toBe(false); // the output folder starts empty
    const chunks = readdirSync(join(dist, "chunks")).filter((file) => file.endsWith(".js"));
    expect(chunks).toHaveLength(1);
    expect(readFileSync(join(dist, "chunks", chunks[0] as string), "utf8")).toContain("class extends Error");
    // The conditional import is resolved by the runtime, not by the build.
    expect(readFileSync(join(dist, "index.js"), "utf8")).toContain('from "#base-fetch"');
    const map = JSON.parse(readFileSync(join(dist, "index.js.map"), "utf8"));
    expect(map.sources).toContain("../src/send.ts");
    expect(map.sourcesContent).toHaveLength(map.sources.length);
  });

  it("keeps one class across entry points, and the # import follows the runtime's conditions", () => {
    const { status, cwd } = build();
    expect(status).toBe(0);
    const script = `
      const { ValidationError, send } = await import("@offerkit/core");
      const { check } = await import("@offerkit/core/internal");
      let thrown;
      try { check(1); } catch (error) { thrown = error; }
      console.log(JSON.stringify({ same: thrown instanceof ValidationError, name: thrown.name, sent: send() }));
    `;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ same: true, name: "ValidationError", sent: "node transport" });
  });

  it("splits a chunk between its importers when no declaration is taken by two", () => {
    const files = {
      "packages/core/package.json": coreManifest({
        "./validation": { types: "./dist/validation.d.ts", default: "./dist/validation.js" },
      }),
      // As a client's generated request rules: the root entry takes one table, /validation the other.
      "packages/core/src/rules.ts": [
        'export const PREFIX = "https://ns.example/";',
        "export const defaultRules = { name: 1 };",
        "export const allRules = { name: 1, body: 2 };",
        "",
      ].join("\n"),
      "packages/core/src/index.ts": [
        'export { ValidationError } from "./errors.js";',
        'export { send } from "./send.js";',
        'import { defaultRules, PREFIX } from "./rules.js";',
        "export const rules = () => [PREFIX, defaultRules];",
        "",
      ].join("\n"),
      "packages/core/src/validation.ts": [
        'import { allRules, PREFIX } from "./rules.js";',
        "export const validation = () => [PREFIX, allRules];",
        "",
      ].join("\n"),
    };
    const { status, stderr, cwd } = build(files);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(read(cwd, "index.js")).toContain("defaultRules = ");
    expect(read(cwd, "index.js")).not.toContain("allRules");
    expect(read(cwd, "validation.js")).toContain("allRules = ");
    expect(read(cwd, "validation.js")).not.toContain("defaultRules");
    expect(
      chunksOf(cwd)
        .map((chunk) => read(cwd, `chunks/${chunk}`))
        .join(""),
    ).not.toContain("Rules");

    // Taken by both: one copy, in a chunk.
    const shared = build({
      ...files,
      "packages/core/src/validation.ts": [
        'import { allRules, defaultRules } from "./rules.js";',
        "export const validation = () => [defaultRules, allRules];",
        "",
      ].join("\n"),
    });
    expect(shared.status).toBe(0);
    expect(
      chunksOf(shared.cwd)
        .map((chunk) => read(shared.cwd, `chunks/${chunk}`))
        .join(""),
    ).toContain("defaultRules = ");
  });

  it("puts shared code in an entry point that exports all the others take from it", () => {
    // internal re-exports the root, as core's does: the error class and `send` go into internal.js.
    const internal = [
      'export * from "./index.js";',
      'import { ValidationError } from "./errors.js";',
      "export function check(value: unknown): void {",
      '  if (typeof value !== "string") throw new ValidationError("not a string");',
      "}",
      "",
    ].join("\n");
    const { status, stdout, stderr, cwd } = build({ "packages/core/src/internal.ts": internal });
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("@offerkit/core: 4 entry points in 4 modules");
    expect(chunksOf(cwd)).toEqual([]);
    expect(read(cwd, "index.js")).toContain('from "./internal.js"');
    expect(read(cwd, "internal.js")).toContain("class extends Error");
    const result = run(
      cwd,
      `const core = await import("@offerkit/core");
      const internal = await import("@offerkit/core/internal");
      let thrown;
      try { internal.check(1); } catch (error) { thrown = error; }
      console.log(JSON.stringify({
        same: thrown instanceof core.ValidationError,
        names: Object.keys(core).sort(),
        sent: core.send(),
      }));`,
    );
    // No more names than the source exports.
    expect(result).toEqual({ same: true, names: ["ValidationError", "send"], sent: "node transport" });
  });

  it("puts shared code in a # import's target when the entry points sharing it load under its conditions", () => {
    const { status, stderr, cwd } = build({
      "packages/core/package.json": coreManifest({ "./node": { types: "./dist/node.d.ts", node: "./dist/node.js" } }),
      "packages/core/src/node.ts": 'export { createNodeFetch } from "./transport/node-fetch.js";\n',
      "packages/core/src/transport/node-fetch.ts": [
        'export const createNodeSend = () => () => "node transport";',
        "export const createNodeFetch = () => createNodeSend();",
        "",
      ].join("\n"),
      "packages/core/src/transport/base-fetch.node.ts": [
        'import { createNodeSend } from "./node-fetch.js";',
        "export const baseFetch = /* @__PURE__ */ createNodeSend();",
        "",
      ].join("\n"),
    });
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(read(cwd, "node.js")).toContain('from "./transport/base-fetch.node.js"');
    expect(
      chunksOf(cwd)
        .map((chunk) => read(cwd, `chunks/${chunk}`))
        .join(""),
    ).not.toContain("createNodeSend");
    const result = run(
      cwd,
      `const { createNodeFetch } = await import("@offerkit/core/node");
      const { send } = await import("@offerkit/core");
      console.log(JSON.stringify([createNodeFetch()(), send()]));`,
    );
    expect(result).toEqual(["node transport", "node transport"]);
  });

  it("puts shared code in every file of a # import that all its importers load, imported by that specifier", () => {
    const baseFetch = (name: string) =>
      [
        'import { ValidationError } from "../errors.js";',
        `export const baseFetch = () => "${name}";`,
        'export const refuse = () => new ValidationError("refused");',
        "",
      ].join("\n");
    const { status, stdout, stderr, cwd } = build({
      "packages/core/src/transport/base-fetch.ts": baseFetch("global fetch"),
      "packages/core/src/transport/base-fetch.node.ts": baseFetch("node transport"),
      // Both entry points load `#base-fetch` (through send.ts) besides the error class.
      "packages/core/src/internal.ts": `export { send } from "./send.js";\n${core["packages/core/src/internal.ts"]}`,
    });
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("@offerkit/core: 4 entry points in 4 modules");
    expect(chunksOf(cwd)).toEqual([]);
    for (const file of ["transport/base-fetch.js", "transport/base-fetch.node.js"]) {
      expect(read(cwd, file)).toContain("class extends Error"); // a copy in each; a runtime loads one of them
    }
    expect(read(cwd, "internal.js")).toContain('from "#base-fetch"');
    const result = run(
      cwd,
      `const core = await import("@offerkit/core");
      const internal = await import("@offerkit/core/internal");
      let thrown;
      try { internal.check(1); } catch (error) { thrown = error; }
      console.log(JSON.stringify({ same: thrown instanceof core.ValidationError, sent: core.send() }));`,
    );
    expect(result).toEqual({ same: true, sent: "node transport" });
  });

  it("imports a dependency's names from one of its entry points when it exports them as the same binding", () => {
    const client = (internal: string) => {
      workspace?.remove();
      workspace = fixture({
        ...core,
        "packages/core/src/internal.ts": internal,
        "packages/client/package.json": json({
          name: "@offerkit/client",
          type: "module",
          sideEffects: false,
          exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
          dependencies: { "@offerkit/core": "workspace:^" },
        }),
        "packages/client/tsconfig.build.json": json({
          compilerOptions: { ...JSON.parse(core["packages/core/tsconfig.build.json"]).compilerOptions, paths: {} },
          include: ["src"],
        }),
        "packages/client/src/index.ts": [
          'export { ValidationError } from "@offerkit/core";',
          'import { check } from "@offerkit/core/internal";',
          "export const validate = (value: unknown) => check(value);",
          "",
        ].join("\n"),
      });
      workspace.link("packages/client", "@offerkit/core", "packages/core");
      expect(buildIn("core").status).toBe(0);
      return buildIn("client");
    };
    const reexporting = client('export * from "./index.js";\nexport const check = (value: unknown) => value;\n');
    expect(reexporting.stderr).toBe("");
    expect(reexporting.status).toBe(0);
    expect(read(reexporting.cwd, "index.js")).not.toContain('from "@offerkit/core"');
    expect(read(reexporting.cwd, "index.js")).toContain("ValidationError");

    // A class of the same name that is not the same class: imported from where the source says.
    const copying = client(
      ["export class ValidationError extends Error {}", "export const check = (value: unknown) => value;", ""].join(
        "\n",
      ),
    );
    expect(copying.status).toBe(0);
    expect(read(copying.cwd, "index.js")).toContain('from "@offerkit/core"');
  });

  it("fails when two bundled files declare a class of the same name", () => {
    const { status, stderr } = build({
      "packages/core/src/internal.ts": [
        'import { ValidationError as Base } from "./errors.js";',
        "class ValidationError extends Base {}",
        "export const check = () => new ValidationError();",
        "",
      ].join("\n"),
    });
    expect(status).toBe(1);
    expect(stderr).toContain(
      "esbuild names a class ValidationError2: two bundled source files declare ValidationError",
    );
  });

  it("fails on an import of a package that is not a dependency", () => {
    const { status, stderr } = build({ "packages/core/src/send.ts": 'import "left-pad";\nexport const send = 1;\n' });
    expect(status).toBe(1);
    expect(stderr).toContain("left-pad is imported but is not among @offerkit/core's dependencies");
  });

  it("fails on an entry point without a source", () => {
    const { status, stderr } = build({ "packages/core/src/internal.ts": null });
    expect(status).toBe(1);
    expect(stderr).toContain("dist/internal.js (package.json) has no source src/internal.ts");
  });
});
