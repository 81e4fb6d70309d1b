import { expect, it } from "vitest";

/** Every own property of globalThis with its value (Node defines some lazily, behind getters). */
function snapshotGlobals(): Map<string | symbol, unknown> {
  const snapshot = new Map<string | symbol, unknown>();
  for (const key of Reflect.ownKeys(globalThis)) {
    // vitest's expect keeps its state on globalThis and replaces it on every assertion.
    if (typeof key === "symbol" && key.description?.startsWith("$$jest")) continue;
    snapshot.set(key, Reflect.get(globalThis, key));
  }
  return snapshot;
}

it("importing the package and making a Target call changes no global (Adobe's SDK replaces FormData)", async () => {
  // Node's fetch and vitest's expect install their own symbols on first use; let them do so before the snapshot.
  expect(snapshotGlobals().size).toBeGreaterThan(0);
  await new Response(new Request("http://127.0.0.1/", { method: "POST", body: "{}" }).body).text();
  const before = snapshotGlobals();
  const { FormData, URLSearchParams, fetch } = globalThis;
  const sdk = await import("../src/index.js");
  const target = sdk.createTargetClient({
    client: "acme",
    fetch: async () =>
      new Response(JSON.stringify({ status: 200, edgeHost: "mboxedge28.tt.omtrdc.net" }), {
        headers: { "content-type": "application/json" },
      }),
  });
  await target.getOffers({ request: { context: { channel: "web" } } });
  const after = snapshotGlobals();

  expect([...after.keys()].filter((key) => !before.has(key))).toEqual([]);
  expect([...before.keys()].filter((key) => !Object.is(after.get(key), before.get(key)))).toEqual([]);
  expect(globalThis.FormData).toBe(FormData);
  expect(globalThis.URLSearchParams).toBe(URLSearchParams);
  expect(globalThis.fetch).toBe(fetch);
});
