// An edge runtime: every client and the facade's fetch-only parts, bundled for the `edge-light`/`worker`
// conditions with no Node built-in resolvable, run inside @edge-runtime/vm (Web APIs only: no require, no process),
// against Prism and a fake IMS on 127.0.0.1.
import { EdgeVM } from "@edge-runtime/vm";
import { FAKE_IMS_CLIENT, type FakeIms, type PrismMock, startFakeIms, startPrismMock } from "@offerkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlatformMocks } from "../runtime/edge.js";
import { bundle, type LocalServer, startSilentServer } from "./servers.js";

let code = "";
let mocks: Record<"delivery" | "ods" | "ode" | "xcore" | "dps", PrismMock> | undefined;
let ims: FakeIms | undefined;
let silent: LocalServer | undefined;
let shown: Record<string, string> = {};
let globals: Record<string, string> = {};

beforeAll(async () => {
  // platform "neutral" adds no `node` condition and knows no built-ins, so a `node:` import fails the build.
  code = await bundle("edge.ts", {
    platform: "neutral",
    format: "iife",
    globalName: "offerkitEdge",
    conditions: ["edge-light", "worker"],
    mainFields: ["module", "main"],
  });
  const [delivery, ods, ode, xcore, dps] = await Promise.all(
    (["delivery", "ods", "ode", "xcore", "dps"] as const).map((spec) => startPrismMock({ spec })),
  );
  if (!delivery || !ods || !ode || !xcore || !dps) throw new Error("a Prism mock did not start");
  mocks = { delivery, ods, ode, xcore, dps };
  [ims, silent] = await Promise.all([startFakeIms(), startSilentServer()]);

  const vm = new EdgeVM();
  globals = vm.evaluate<Record<string, string>>(
    "({ require: typeof require, process: typeof process, Buffer: typeof Buffer, EdgeRuntime: typeof EdgeRuntime })",
  );
  vm.evaluate(code);
  const input: PlatformMocks = {
    delivery: delivery.url,
    silent: silent.url,
    ods: ods.url,
    ode: ode.url,
    xcore: xcore.url,
    dps: dps.url,
    ims: ims.url,
    clientId: FAKE_IMS_CLIENT.clientId,
    clientSecret: FAKE_IMS_CLIENT.clientSecret,
  };
  // Only a string crosses back, so the test compares plain values, not objects of the VM's realm.
  const json = await vm.evaluate<Promise<string>>(
    `offerkitEdge.runEdge(${JSON.stringify(input)}).then((results) => JSON.stringify(results))`,
  );
  shown = JSON.parse(json) as Record<string, string>;
}, 120_000);

afterAll(async () => {
  await Promise.all([...Object.values(mocks ?? {}).map((mock) => mock.close()), ims?.close(), silent?.close()]);
});

describe("in an edge runtime (@edge-runtime/vm)", () => {
  it("has only Web APIs: no require, process or Buffer", () => {
    expect(globals).toEqual({ require: "undefined", process: "undefined", Buffer: "undefined", EdgeRuntime: "string" });
  });

  it("bundles without Node's transport or any Node built-in", () => {
    expect(code).not.toMatch(/\bundici\b|from "node:|require\("node:/);
    expect(Object.keys(shown)).toEqual([
      "deliver",
      "getOffers",
      "timeout",
      "abort",
      "makeDecisions",
      "startWorkload",
      "listContainers",
      "dps",
      "decide",
    ]);
  });

  it("runs the Delivery client and the facade's getOffers", () => {
    expect(shown.deliver).toBe("deliver: 1 options, the first of type html");
    expect(shown.getOffers).toBe("getOffers: cookie mbox, 3 mboxes");
  });

  it("ends a call with no answer at its timeout, and an aborted one at once", () => {
    expect(shown.timeout).toMatch(/^TimeoutError after (0\.[3-9]|[1-4]\.\d) s$/);
    expect(shown.abort).toMatch(/^AbortError after (0\.[1-9]|[1-4]\.\d) s$/);
  });

  it("runs the Platform clients with a token from the IMS token client, one token for all", () => {
    expect(shown.makeDecisions).toBe("makeDecisions: 2 propositions");
    expect(shown.startWorkload).toBe("startWorkload: QUEUED");
    expect(shown.listContainers).toBe("listContainers: 1 containers");
    expect(shown.dps).toMatch(/^dps: [1-9]\d* tags, migration (New|Running|Completed|Failed)$/);
    expect(ims?.requests.map((request) => request.grantType)).toEqual(["client_credentials", "client_credentials"]);
  });

  it("runs the facade's createOfferkit.decide with its own IMS credentials", () => {
    expect(shown.decide).toBe("decide: 2 propositions");
  });
});
