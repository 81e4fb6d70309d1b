// The engine decides inside a Web-standard-only runtime (Vercel's edge-runtime VM: no require, process, Buffer
// or other Node built-ins), loaded as the bundle a worker would ship.
import { EdgeVM } from "@edge-runtime/vm";
import { describe, expect, it } from "vitest";
import { bundleEngine } from "./bundle.js";
import { loadArtifact } from "./support.js";

describe("edge runtime", () => {
  it("parses an artifact, decides and notifies with only Web APIs", async () => {
    const { code } = await bundleEngine("iife");
    const vm = new EdgeVM();
    expect(vm.evaluate("typeof require + typeof process + typeof Buffer")).toBe("undefinedundefinedundefined");
    vm.evaluate(code);
    const artifact = JSON.stringify(loadArtifact("TEST_ARTIFACT_AB_SIMPLE"));
    const result = vm.evaluate(`(() => {
      const { decide, parseArtifact } = TargetRules;
      const artifact = parseArtifact(JSON.parse(${JSON.stringify(artifact)}));
      const decision = decide(artifact, {
        id: { tntId: "338e3c1e51f7416a8e1ccba4f81acea0.28_0" },
        context: { channel: "web", address: { url: "http://local-target-test:8080/" } },
        execute: { mboxes: [{ index: 1, name: "mbox-magician" }] },
      }, { clientCode: "someClientId", now: Date.now(), randomUUID: () => crypto.randomUUID() });
      return JSON.stringify(decision);
    })()`) as string;
    const decision = JSON.parse(result);
    expect(decision.response.execute.mboxes[0].options[0].content).toEqual({ doMagic: true, importantValue: 150 });
    expect(decision.notifications).toHaveLength(1);
    expect(decision.notifications[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(decision.meta.decisioningMethod).toBe("on-device");
  });

  it("decodes rules.bin there too (TextEncoder/TextDecoder only)", async () => {
    const { code } = await bundleEngine("iife");
    const vm = new EdgeVM();
    vm.evaluate(code);
    const outcome = vm.evaluate(`(() => {
      try { TargetRules.decodeArtifactBin(new Uint8Array(40), "org"); return "decoded"; }
      catch (error) { return error.name + ":" + error.reason; }
    })()`);
    expect(outcome).toBe("ArtifactError:obfuscation");
  });
});
