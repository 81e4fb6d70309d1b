import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// What a browser bundle of a user's file carries when it imports only part of the facade. Built from dist/, as
// users get it (turbo builds before testing).
const SDK_DIR = fileURLToPath(new URL("..", import.meta.url));
const ODS_MARK = "/data/core/ods/decisions";
const ODE_MARK = "/workloads/decisions";
// The IMS token client's grant: in a browser bundle never (client credentials are refused there), in an edge one when used.
const IMS_MARK = "client_credentials";
const DELIVERY_MARK = "/rest/v1/delivery";
const XCORE_CLIENT_MARK = "If-None-Match";
const OPENAPI_FETCH_MARK = "querySerializer";

async function bundle(source: string, conditions: string[] = []): Promise<{ code: string; gzipped: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: SDK_DIR, loader: "js" },
    bundle: true,
    minify: true,
    platform: "browser",
    conditions,
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

  it("leaves every client out of a bundle that imports only an Offer Library paginator", async () => {
    const { code, gzipped } = await bundle(`export { paginatePersonalizedOffers } from "./dist/index.js";`);
    expect(code).toContain("PaginationError");
    for (const mark of [DELIVERY_MARK, ODS_MARK, ODE_MARK, IMS_MARK, XCORE_CLIENT_MARK, OPENAPI_FETCH_MARK]) {
      expect(code).not.toContain(mark);
    }
    // 4,092 bytes before the reliability work; 4,441 since: the paginator checks its options, remembers a page in
    // one spelling, and unwrap takes a token an API echoes out of its errors.
    expect(gzipped).toBeLessThan(4.35 * 1024);
  });

  it("leaves every client out of a bundle that imports only the cookie codec", async () => {
    const { code } = await bundle(
      `export { parseTargetCookie, createTargetCookie, createLocationHintCookie } from "./dist/index.js";`,
    );
    const marks = [
      DELIVERY_MARK,
      ODS_MARK,
      ODE_MARK,
      IMS_MARK,
      XCORE_CLIENT_MARK,
      OPENAPI_FETCH_MARK,
      "PaginationError",
    ];
    for (const mark of marks) {
      expect(code).not.toContain(mark);
    }
  });

  it("carries every Platform client for createOfferkit, within the whole-package budget, and IMS auth only off the browser", async () => {
    const { code, gzipped } = await bundle(`export { createOfferkit } from "./dist/index.js";`);
    expect(code).toContain(ODS_MARK);
    expect(code).toContain(ODE_MARK);
    expect(code).toContain(XCORE_CLIENT_MARK);
    expect(code).not.toContain(IMS_MARK);
    const edge = await bundle(`export { createOfferkit } from "./dist/index.js";`, ["workerd"]);
    expect(edge.code).toContain(IMS_MARK);
    const whole = await bundle(`export * from "./dist/index.js";`);
    expect(gzipped).toBeLessThanOrEqual(whole.gzipped);
    expect(whole.gzipped).toBeLessThan(40 * 1024);
  });
});
