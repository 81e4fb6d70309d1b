import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// What a browser bundle of a user's file carries when it imports only part of the facade. Built from dist/, as
// users get it (turbo builds before testing).
const SDK_DIR = fileURLToPath(new URL("..", import.meta.url));
const ODS_MARK = "/data/core/ods/decisions";
const ODE_MARK = "/workloads/decisions";
const IMS_MARK = "/ims/token/v3";

async function bundle(source: string): Promise<{ code: string; gzipped: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: SDK_DIR, loader: "js" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  return { code, gzipped: gzipSync(code).length };
}

describe("tree-shaking of the Platform facade", () => {
  it("leaves the ODS client out of a bundle that imports only the waiter", async () => {
    const { code } = await bundle(`export { waitUntilWorkloadComplete } from "./dist/index.js";`);
    expect(code).not.toContain(ODS_MARK);
    expect(code).not.toContain(ODE_MARK);
    expect(code).toContain("WorkloadFailedError");
  });

  it("leaves the ODE client out of a bundle that imports only decide", async () => {
    const { code } = await bundle(`export { decide } from "./dist/index.js";`);
    expect(code).not.toContain(ODE_MARK);
    expect(code).not.toContain(ODS_MARK);
  });

  it("leaves every client out of a bundle that imports only an error class", async () => {
    const { code, gzipped } = await bundle(`export { ApiError } from "./dist/index.js";`);
    expect(code).not.toContain("openapi-fetch");
    expect(code).not.toContain(ODS_MARK);
    expect(code).not.toContain(IMS_MARK);
    expect(gzipped).toBeLessThan(1500);
  });

  it("carries both clients and IMS auth for createOfferkit, within the whole-package budget", async () => {
    const { code, gzipped } = await bundle(`export { createOfferkit } from "./dist/index.js";`);
    expect(code).toContain(ODS_MARK);
    expect(code).toContain(ODE_MARK);
    expect(code).toContain(IMS_MARK);
    const whole = await bundle(`export * from "./dist/index.js";`);
    expect(gzipped).toBeLessThanOrEqual(whole.gzipped);
    expect(whole.gzipped).toBeLessThan(40 * 1024);
  });
});
