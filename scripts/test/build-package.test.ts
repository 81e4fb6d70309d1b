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
  workspace = fixture({ ...core, ...files });
  const cwd = join(workspace.dir, "packages", "core");
  const { status, stdout, stderr } = spawnSync(process.execPath, [SCRIPT], { cwd, encoding: "utf8" });
  return { status, stdout, stderr, cwd };
}

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
