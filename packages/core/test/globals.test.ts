import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));

describe("importing @offerkit/core", () => {
  it("changes no global (Adobe's Target SDK replaces FormData on import)", () => {
    // A fresh process, so nothing vitest loaded hides a change.
    const script = `
      // Node defines many globals as lazy getters: read them all once so the snapshot compares real values.
      const snapshot = () => new Map(Reflect.ownKeys(globalThis).map((k) => [k, globalThis[k]]));
      snapshot();
      const before = snapshot();
      const formData = globalThis.FormData, fetchFn = globalThis.fetch, headers = globalThis.Headers;
      await import(${JSON.stringify(entry)});
      const after = snapshot();
      const changed = [...new Set([...before.keys(), ...after.keys()])]
        .filter((k) => !Object.is(before.get(k), after.get(k)) || before.has(k) !== after.has(k))
        .map(String);
      if (globalThis.FormData !== formData || globalThis.fetch !== fetchFn || globalThis.Headers !== headers) changed.push("web globals");
      console.log(JSON.stringify(changed));
    `;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual([]);
  });
});
