import { describe, expectTypeOf, it } from "vitest";
import {
  type ArtifactError,
  createTargetClient,
  type OnDeviceEvents,
  type OnDeviceTargetClient,
  type ResponseMeta,
} from "../src/adobe-target/on-device/index.js";
import { createTargetClient as createServerSideClient } from "../src/index.js";

const target = createTargetClient({ client: "acme", decisioningMethod: "hybrid", pollingInterval: 0 });

describe("the on-device entry", () => {
  it("takes Adobe's on-device options and the three methods, per client and per call", () => {
    createTargetClient({
      client: "acme",
      decisioningMethod: "on-device",
      artifactLocation: "https://cdn.example/rules.bin",
      artifactFormat: "bin",
      artifactPayload: new Uint8Array(),
      environment: "staging",
      cdnEnvironment: "production",
      maximumWaitReady: 1000,
      events: { artifactDownloadFailed: ({ artifactLocation, error }) => [artifactLocation, error] },
      parseDomain: (host) => ({ domain: host, subdomain: "", topLevelDomain: "" }),
    });
    // @ts-expect-error: an unknown method
    createTargetClient({ client: "acme", decisioningMethod: "local" });
    // @ts-expect-error: an unknown format
    createTargetClient({ client: "acme", artifactFormat: "xml" });
    void target.getOffers({ request: {}, decisioningMethod: "server-side" });
    void target.getAttributes(["m"], { decisioningMethod: "on-device" });
  });

  it("keeps the root client server-side only, in its types too", () => {
    // @ts-expect-error: on-device needs @offerkit/sdk/target/on-device
    createServerSideClient({ client: "acme", decisioningMethod: "on-device" });
  });

  it("types the ready signal, the events and meta", () => {
    expectTypeOf(target.ready).toEqualTypeOf<Promise<void>>();
    expectTypeOf(target.close).toEqualTypeOf<() => void>();
    target.on("artifactDownloadSucceeded", (payload) => {
      expectTypeOf(payload).toEqualTypeOf<OnDeviceEvents["artifactDownloadSucceeded"]>();
      expectTypeOf(payload.artifactLocation).toBeString();
    });
    // @ts-expect-error: not one of the client's events
    target.on("artifactDownloaded", () => {});
    expectTypeOf(target.on("clientReady", () => {})).toEqualTypeOf<() => void>();
    expectTypeOf<ResponseMeta["decisioningMethod"]>().toEqualTypeOf<"server-side" | "on-device">();
    expectTypeOf<Awaited<ReturnType<OnDeviceTargetClient["getOffers"]>>["meta"]>().toEqualTypeOf<ResponseMeta>();
    expectTypeOf<ArtifactError["reason"]>().toEqualTypeOf<"malformed" | "unsupported-version" | "obfuscation">();
  });
});
