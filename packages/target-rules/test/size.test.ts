import { describe, expect, it } from "vitest";
import { bundleEngine } from "./bundle.js";

describe("browser bundle", () => {
  it("stays within the 8 KB budget (minified, gzipped, no public-suffix list beyond the built-in few)", async () => {
    const { gzipped, included } = await bundleEngine("esm");
    expect(gzipped).toBeLessThanOrEqual(8 * 1024);
    // Only this package and core's error classes: no transport, no Node built-ins.
    expect(included.filter((input) => !input.startsWith("src/"))).toEqual([
      expect.stringMatching(/core[\\/]src[\\/]errors[\\/]errors\.ts$/),
    ]);
  });
});
