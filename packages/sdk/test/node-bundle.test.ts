/**
 * The facade's root under Node: `dist/index.node.js`, its `default` target with the package's chunk, Delivery and
 * the four Platform clients bundled in (package.json's `offerkit.nodeBundles`), so that a cold start loads fewer
 * modules. These run on dist/ in fresh Node processes that import `@offerkit/sdk` by its name, as an app does.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SDK_DIR = fileURLToPath(new URL("..", import.meta.url));

// A module loader that prints, on stderr, the URL of every module Node loads.
const LOADER = `data:text/javascript,${encodeURIComponent(
  "export async function load(url, context, next) { process.stderr.write('loaded ' + url + '\\n'); return next(url, context); }",
)}`;

/** Runs `script` (an ES module printing one JSON value) in a fresh Node process in this package. */
function run(script: string, nodeOptions: string[] = []): { value: unknown; stderr: string } {
  const child = spawnSync(process.execPath, [...nodeOptions, "--input-type=module", "-e", script], {
    cwd: SDK_DIR,
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`the script failed: ${child.stderr}`);
  return { value: JSON.parse(child.stdout), stderr: child.stderr };
}

/** The files of offerkit's packages that `import "@offerkit/sdk"` loads, as `<package>/<path in the package>`. */
function filesLoadedByImport(): string[] {
  const { stderr } = run(`import "@offerkit/sdk"; console.log("null");`, [
    "--no-warnings",
    "--experimental-loader",
    LOADER,
  ]);
  const files: string[] = [];
  for (const line of stderr.split("\n")) {
    if (!line.startsWith("loaded file:")) continue;
    const path = fileURLToPath(line.slice("loaded ".length)).split("\\").join("/");
    const match = path.match(/\/(?:packages|@offerkit)\/([^/]+)\/(dist\/.*)$/);
    if (match) files.push(`${match[1]}/${match[2]}`);
  }
  return files.sort();
}

describe("the facade's root under Node", () => {
  it("loads one module of its own and core's three, no client package and no chunk", () => {
    expect(filesLoadedByImport()).toEqual([
      "core/dist/auth/ims.js",
      "core/dist/internal.js",
      "core/dist/transport/base-fetch.node.js",
      "sdk/dist/index.node.js",
    ]);
  });

  it("exports the same names, of the same kinds, as the target bundlers get", () => {
    const { value } = run(`
      const kinds = (module) => Object.fromEntries(Object.keys(module).sort().map((name) => [name, typeof module[name]]));
      const node = await import("@offerkit/sdk");
      const plain = await import("./dist/index.js");
      console.log(JSON.stringify({ node: kinds(node), plain: kinds(plain), file: import.meta.resolve("@offerkit/sdk") }));
    `);
    const { node, plain, file } = value as { node: object; plain: object; file: string };
    expect(file).toMatch(/\/dist\/index\.node\.js$/);
    expect(Object.keys(node).length).toBeGreaterThan(20);
    expect(node).toEqual(plain);
  });

  it("throws core's error classes from the clients' bundled code", () => {
    const { value } = run(`
      const { createOfferkit } = await import("@offerkit/sdk");
      const core = await import("@offerkit/core");
      const kit = createOfferkit({
        auth: { accessToken: "a-token-for-a-test", apiKey: "key" },
        imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
        sandboxName: "prod",
        fetch: async () => { throw new Error("no request is expected"); },
      });
      let thrown;
      try { await kit.xcore.delete(undefined); } catch (error) { thrown = error; }
      console.log(JSON.stringify({
        validation: thrown instanceof core.ValidationError,
        offerkit: thrown instanceof core.OfferkitError,
        field: thrown?.field,
      }));
    `);
    expect(value).toEqual({ validation: true, offerkit: true, field: "input" });
  });
});
