/**
 * Polling must not keep a Node process alive (and the first download must, while `ready` is pending): a script that creates an on-device client (polling every five
 * minutes), decides once and does nothing else has to exit by itself, on the built package as users run it.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ENTRY = fileURLToPath(new URL("../dist/adobe-target/on-device/index.js", import.meta.url));
const ARTIFACT = fileURLToPath(
  new URL(
    "../node_modules/@adobe/target-decisioning-engine/test/schema/artifacts/TEST_ARTIFACT_AB_SIMPLE.json",
    import.meta.url,
  ),
);

const script = (close: boolean) => `
  import { readFileSync } from "node:fs";
  const { createTargetClient } = await import(${JSON.stringify(ENTRY)});
  const client = createTargetClient({
    client: "someClientId",
    decisioningMethod: "on-device",
    artifactPayload: JSON.parse(readFileSync(${JSON.stringify(ARTIFACT)}, "utf8")),
    fetch: async () => new Response("{}", { headers: { "content-type": "application/json" } }),
  });
  await client.ready;
  const result = await client.getOffers({
    request: { id: { tntId: "338e3c1e51f7416a8e1ccba4f81acea0.28_0" }, execute: { mboxes: [{ name: "mbox-magician" }] } },
  });
  console.log(result.meta.decisioningMethod, result.response.execute.mboxes[0].options.length);
  ${close ? "client.close();" : ""}
`;

// The CDN is down: the process must live through the retries to see `ready` reject, then exit while polling goes on.
const failing = `
  const { createTargetClient } = await import(${JSON.stringify(ENTRY)});
  const client = createTargetClient({
    client: "someClientId",
    decisioningMethod: "on-device",
    fetch: async () => { throw new TypeError("fetch failed"); },
  });
  console.log(await client.ready.then(() => "ready", (error) => error.name));
`;

describe("an on-device client in a Node process", () => {
  it("lives until ready settles when the first download fails, then exits though polling goes on", () => {
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", failing], {
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe("ArtifactUnavailableError");
  });

  it.each([
    ["without close()", false],
    ["with close()", true],
  ])("lets the process exit %s", (_name, close) => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script(close)], {
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(run.stderr).toBe("");
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe("on-device 1");
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
