// The published packages as a user gets them: the `pnpm pack` tarballs installed into a scratch project outside the
// workspace (its own pnpm-workspace.yaml, so pnpm does not attach it to ours), then the README's examples
// typechecked and run under every setup the README lists as supported.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { FAKE_IMS_CLIENT, type FakeIms, type PrismMock, startFakeIms, startPrismMock } from "@offerkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const PACKAGES = fileURLToPath(new URL("../../", import.meta.url));
const CONSUMER = fileURLToPath(new URL("../consumer/", import.meta.url));
const PUBLISHED = ["core", "delivery", "ods", "ode", "xcore", "dps", "target-rules", "sdk"];
/** The oldest TypeScript the README promises (5.3 fails inside openapi-fetch's own types), and the newest 5.x. */
const OLDEST_TS = "5.4.5";
const NEWEST_TS = "5.9.3";
const TYPES_NODE = "20.19.43";

let dir = "";
let runs = Promise.resolve();
let mocks: { delivery: PrismMock; ods: PrismMock; xcore: PrismMock; dps: PrismMock; ims: FakeIms } | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "offerkit-consumer-"));
  const tarballs = join(dir, "tarballs");
  mkdirSync(tarballs);
  for (const name of PUBLISHED) {
    await run("pnpm", ["pack", "--pack-destination", tarballs], { cwd: join(PACKAGES, name) });
  }
  const files = readdirSync(tarballs);
  const tarball = (name: string) => {
    const file = files.find((f) => f.startsWith(`offerkit-${name}-`) && f.endsWith(".tgz"));
    if (!file) throw new Error(`pnpm pack wrote no tarball for @offerkit/${name}`);
    return join(tarballs, file);
  };
  // The tarballs name each other at their version, which no registry has: overrides point every one at its file.
  const overrides = PUBLISHED.map((name) => `  "@offerkit/${name}": "file:${tarball(name)}"`).join("\n");
  writeFileSync(join(dir, "pnpm-workspace.yaml"), `packages: []\noverrides:\n${overrides}\n`);
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: "offerkit-consumer",
      private: true,
      type: "module",
      dependencies: Object.fromEntries(PUBLISHED.map((name) => [`@offerkit/${name}`, "0.0.0"])),
      devDependencies: {
        typescript: NEWEST_TS,
        "typescript-oldest": `npm:typescript@${OLDEST_TS}`,
        "@types/node": TYPES_NODE,
      },
    }),
  );
  // Not frozen: the scratch project has no lockfile, and pnpm would insist on one under CI=true.
  await run("pnpm", ["install", "--no-frozen-lockfile", "--prefer-offline", "--reporter=silent"], { cwd: dir });

  cpSync(CONSUMER, join(dir, "src"), { recursive: true });
  // The CommonJS setups: the same sources in a folder whose package.json makes every .js file CommonJS.
  cpSync(CONSUMER, join(dir, "cjs"), { recursive: true });
  writeFileSync(join(dir, "cjs", "package.json"), JSON.stringify({ type: "commonjs" }));

  const [delivery, ods, xcore, dps, ims] = await Promise.all([
    startPrismMock({ spec: "delivery" }),
    startPrismMock({ spec: "ods" }),
    startPrismMock({ spec: "xcore" }),
    startPrismMock({ spec: "dps" }),
    startFakeIms(),
  ]);
  mocks = { delivery, ods, xcore, dps, ims };
  // Prism compiles an operation's validators on its first request: do that now, not inside a client's timeout.
  await Promise.all([
    fetch(`${delivery.url}/rest/v1/delivery?client=acme&sessionId=warm-up`, { method: "POST", body: "{}" }),
    fetch(`${ods.url}/data/core/ods/decisions`, { method: "POST", body: "{}" }),
    fetch(`${xcore.url}/data/core/xcore/`),
    fetch(`${dps.url}/data/core/dps/tags`),
  ]);
}, 300_000);

afterAll(async () => {
  await Promise.all([
    mocks?.delivery.close(),
    mocks?.ods.close(),
    mocks?.xcore.close(),
    mocks?.dps.close(),
    mocks?.ims.close(),
  ]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Setup {
  /** The README's wording of what is tested. */
  readonly name: string;
  readonly compilerOptions: Readonly<Record<string, unknown>>;
  /** Entry files, relative to the scratch project. */
  readonly files: readonly string[];
  /** The compiled entry to run with this Node; none when the setup is about types only. */
  readonly run?: string;
  readonly typescript?: "typescript" | "typescript-oldest";
}

const BASE = { target: "ES2022", strict: true, skipLibCheck: false, types: ["node"], lib: ["ES2022", "DOM"] };
/** @tsconfig/strictest's flags and verbatimModuleSyntax; skipLibCheck stays off, so our .d.ts files are checked too. */
const STRICTEST = {
  allowUnusedLabels: false,
  allowUnreachableCode: false,
  checkJs: true,
  esModuleInterop: true,
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
};

const SETUPS: readonly Setup[] = [
  {
    name: "ESM, module nodenext",
    compilerOptions: { module: "nodenext", outDir: "out/esm-nodenext" },
    files: ["src/main.ts"],
    run: "out/esm-nodenext/main.js",
  },
  {
    name: "ESM, moduleResolution bundler",
    compilerOptions: { module: "esnext", moduleResolution: "bundler", outDir: "out/esm-bundler" },
    files: ["src/main.ts"],
    run: "out/esm-bundler/main.js",
  },
  {
    name: "CommonJS, module nodenext (static imports become require of ESM)",
    compilerOptions: { module: "nodenext", outDir: "cjs/out-nodenext" },
    files: ["cjs/main-cjs.ts"],
    run: "cjs/out-nodenext/main-cjs.js",
  },
  {
    name: "CommonJS, module node16 (await import)",
    compilerOptions: { module: "node16", outDir: "cjs/out-node16" },
    files: ["cjs/main-node16.ts"],
    run: "cjs/out-node16/main-node16.js",
  },
  {
    name: "Node-only lib, no DOM (ES2022 + @types/node)",
    compilerOptions: { module: "nodenext", lib: ["ES2022"], noEmit: true },
    files: ["src/main.ts"],
  },
  {
    name: "strictest flags (exactOptionalPropertyTypes, noPropertyAccessFromIndexSignature, ...)",
    compilerOptions: { module: "nodenext", ...STRICTEST, noEmit: true },
    files: ["src/main.ts"],
  },
  {
    name: `the oldest TypeScript supported (${OLDEST_TS}), ESM nodenext`,
    compilerOptions: { module: "nodenext", noEmit: true },
    files: ["src/main.ts"],
    typescript: "typescript-oldest",
  },
  {
    name: `the oldest TypeScript supported (${OLDEST_TS}), CommonJS with await import`,
    compilerOptions: { module: "node16", noEmit: true },
    files: ["cjs/main-node16.ts"],
    typescript: "typescript-oldest",
  },
];

const DELIVER_LINE = /^deliver: [1-9]\d* options$/;
const README_LINES = [
  /^getOffers: mbox$/,
  /^decide: [1-9]\d* propositions$/,
  /^paginatePersonalizedOffers: [1-9]\d* offers$/,
  DELIVER_LINE,
  /^makeDecisions: an id$/,
  /^dps tags: [1-9]\d* tags, (last page|more)$/,
];

describe("the tarballs", () => {
  it("carry compiled types and no sources, core's runtime-specific imports included", () => {
    for (const name of PUBLISHED) {
      const installed = join(dir, "node_modules", "@offerkit", name);
      expect(existsSync(join(installed, "src")), `@offerkit/${name} ships src/`).toBe(false);
      expect(existsSync(join(installed, "dist", "index.d.ts")), `@offerkit/${name} lacks dist/index.d.ts`).toBe(true);
    }
    const core = JSON.parse(readFileSync(join(dir, "node_modules/@offerkit/core/package.json"), "utf8")) as {
      imports: Record<string, { types: string }>;
    };
    for (const [name, target] of Object.entries(core.imports)) {
      expect(target.types, name).toMatch(/^\.\/dist\/.+\.d\.ts$/);
      expect(existsSync(join(dir, "node_modules/@offerkit/core", target.types)), target.types).toBe(true);
    }
  });
});

describe.concurrent(`the packed packages in a scratch project (TypeScript ${NEWEST_TS} unless said)`, () => {
  for (const setup of SETUPS) {
    it(setup.name, async () => {
      const config = `tsconfig.${SETUPS.indexOf(setup)}.json`;
      writeFileSync(
        join(dir, config),
        JSON.stringify({ compilerOptions: { ...BASE, ...setup.compilerOptions }, files: setup.files }),
      );
      const tsc = join(dir, "node_modules", setup.typescript ?? "typescript", "bin", "tsc");
      await run(process.execPath, [tsc, "-p", config], { cwd: dir }).catch((error: { stdout?: string }) => {
        throw new Error(`tsc -p ${config} failed:\n${error.stdout ?? String(error)}`);
      });
      if (!setup.run || !mocks) return;
      // One example run at a time: the calls have timeouts, and the mocks answer from this process.
      const turn = runs;
      let done = () => {};
      runs = new Promise<void>((resolve) => {
        done = resolve;
      });
      await turn;
      const { stdout } = await run(process.execPath, [setup.run], {
        cwd: dir,
        env: {
          ...process.env,
          MOCK_DELIVERY: mocks.delivery.url,
          MOCK_ODS: mocks.ods.url,
          MOCK_XCORE: mocks.xcore.url,
          MOCK_DPS: mocks.dps.url,
          MOCK_IMS: mocks.ims.url,
          IMS_CLIENT_ID: FAKE_IMS_CLIENT.clientId,
          IMS_CLIENT_SECRET: FAKE_IMS_CLIENT.clientSecret,
        },
      }).finally(done);
      const seen = JSON.parse(stdout) as string[];
      if (setup.files[0]?.endsWith("main-node16.ts")) expect(seen).toEqual([expect.stringMatching(DELIVER_LINE)]);
      else expect(seen).toEqual(README_LINES.map((line) => expect.stringMatching(line)));
    });
  }
});
