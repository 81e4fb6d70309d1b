// The engine's request/response types are structural twins of @offerkit/delivery's: a Delivery request can be
// decided as is, and a decision's response can be returned wherever a Delivery response is expected.
import type * as Delivery from "@offerkit/delivery";
import { describe, expectTypeOf, it } from "vitest";
import type { Decision, DecisionResponse, DeliveryRequest, Notification, RulesArtifact } from "../src/index.js";
import { decide, parseArtifact } from "../src/index.js";

describe("types", () => {
  it("accepts a @offerkit/delivery request", () => {
    expectTypeOf<Delivery.DeliveryRequest>().toExtend<DeliveryRequest>();
  });

  it("answers a @offerkit/delivery response and notifications", () => {
    expectTypeOf<DecisionResponse>().toExtend<Delivery.DeliveryResponse>();
    expectTypeOf<Notification>().toExtend<Delivery.Notification>();
  });

  it("types decide and parseArtifact", () => {
    expectTypeOf(decide).returns.toEqualTypeOf<Decision>();
    expectTypeOf(parseArtifact).returns.toEqualTypeOf<RulesArtifact>();
    expectTypeOf(parseArtifact).parameter(0).toEqualTypeOf<unknown>();
    // @ts-expect-error the context needs clientCode, now and randomUUID
    decide({} as RulesArtifact, { context: { channel: "web" } }, { clientCode: "c" });
  });
});
