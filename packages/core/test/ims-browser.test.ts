import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { createImsTokenProvider, imsTokenProvider } from "../src/auth/ims.browser.js";
import { type PlatformClientOptions, ValidationError } from "../src/index.js";

const CREDENTIALS = { clientId: "client-id", clientSecret: "s3cret-value", scopes: ["openid"] };

describe("the browser build's IMS module", () => {
  it("refuses client credentials, naming the option and what to pass instead, without quoting the secret", () => {
    const refusal = (() => {
      try {
        imsTokenProvider(CREDENTIALS, "auth.");
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ValidationError);
    expect(refusal).toMatchObject({ field: "auth" });
    expect(String((refusal as Error).message)).toContain("{ tokenProvider, apiKey } or { accessToken, apiKey }");
    expect(String((refusal as Error).message)).not.toContain("s3cret");
    expect(() => createImsTokenProvider(CREDENTIALS)).toThrow(expect.objectContaining({ field: "options" }));
  });
});

// The wiring itself: which IMS module a bundler picks for each runtime, through core's published entry.
describe("core's #ims condition", () => {
  const dir = mkdtempSync(join(tmpdir(), "offerkit-ims-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const coreDir = fileURLToPath(new URL("..", import.meta.url));

  async function bundled(conditions: string[]) {
    const result = await build({
      stdin: {
        contents:
          'export { ValidationError } from "@offerkit/core"; export { setUpPlatformClient } from "@offerkit/core/internal";',
        resolveDir: coreDir,
      },
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      conditions,
      logLevel: "silent",
    });
    const file = join(dir, `${conditions.join("-") || "browser"}.mjs`);
    writeFileSync(file, result.outputFiles[0]?.text ?? "");
    return (await import(file)) as typeof import("../src/index.js") & typeof import("../src/internal.js");
  }

  const options = (auth: PlatformClientOptions["auth"]) => ({
    auth,
    imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
    sandboxName: "prod",
  });
  const spec = { packageName: "test", version: "0.0.0", rules: { op: {} }, headerRulesOf: "op" as const };

  it("gives browsers the refusing module: client credentials fail before any request, a token works", async () => {
    const core = await bundled([]);
    expect(() => core.setUpPlatformClient(options(CREDENTIALS), spec)).toThrow(core.ValidationError);
    expect(() => core.setUpPlatformClient(options({ accessToken: "token", apiKey: "client-id" }), spec)).not.toThrow();
  });

  it.each([["workerd"], ["edge-light"], ["worker"]])(
    "gives %s (an edge runtime) the IMS token client",
    async (name) => {
      const core = await bundled([name]);
      expect(() => core.setUpPlatformClient(options(CREDENTIALS), spec)).not.toThrow();
    },
  );
});
