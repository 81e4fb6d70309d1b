import { describe, expectTypeOf, it } from "vitest";
import type { DeliveryRequest, DeliveryResponse, DeliveryResult, MboxRequest, Option } from "../src/index.js";
import { createDeliveryClient, unwrap } from "../src/index.js";

describe("request types", () => {
  it("refuse a misspelled field", () => {
    const ok: DeliveryRequest = { context: { channel: "web" } };
    // @ts-expect-error `contxt` is not a field of DeliveryRequest
    const misspelled: DeliveryRequest = { contxt: { channel: "web" } };
    // @ts-expect-error `nmae` is not a field of MboxRequest
    const mbox: MboxRequest = { index: 0, nmae: "home" };
    // @ts-expect-error channel is an enum
    const channel: DeliveryRequest = { context: { channel: "tv" } };
    expectTypeOf(ok).toEqualTypeOf<DeliveryRequest>();
    expectTypeOf(misspelled).toEqualTypeOf<DeliveryRequest>();
    expectTypeOf(mbox).toEqualTypeOf<MboxRequest>();
    expectTypeOf(channel).toEqualTypeOf<DeliveryRequest>();
  });

  it("require the session id and a body", () => {
    const target = createDeliveryClient({ client: "acme" });
    // @ts-expect-error sessionId is required
    void target.deliver({ request: { context: { channel: "web" } } });
    // @ts-expect-error request is required
    void target.deliver({ sessionId: "s" });
  });
});

describe("response types", () => {
  it("type data as DeliveryResponse and error as the Error body", () => {
    // openapi-fetch wraps data in a Readable<> mapping: same shape, not the same alias, so check both directions.
    expectTypeOf<NonNullable<DeliveryResult["data"]>>().toExtend<DeliveryResponse>();
    expectTypeOf<DeliveryResponse>().toExtend<NonNullable<DeliveryResult["data"]>>();
    expectTypeOf<NonNullable<DeliveryResult["data"]>>().not.toExtend<{ nope: string }>();
    expectTypeOf<NonNullable<DeliveryResult["error"]>>().toHaveProperty("message").toEqualTypeOf<string>();
    expectTypeOf<Option["type"]>().toEqualTypeOf<"html" | "json" | "redirect" | "dynamic" | "actions" | undefined>();
  });
});

describe("unwrap's result (defect 5: an empty success is typed, never undefined behind a non-optional type)", () => {
  it("is the response object for ordinary calls, and possibly undefined only for a beacon", async () => {
    const target = createDeliveryClient({ client: "acme" });
    const decided = await unwrap(target.deliver({ sessionId: "s", request: { context: { channel: "web" } } }));
    const response: DeliveryResponse = decided;
    const beacon = await unwrap(
      target.deliver({ sessionId: "s", request: { context: { channel: "web", beacon: true } } }),
    );
    // @ts-expect-error a beacon may be answered 204 without a body
    const notified: DeliveryResponse = beacon;
    const maybe: DeliveryResponse | undefined = beacon;
    expectTypeOf(response).not.toBeNullable();
    expectTypeOf(notified).toEqualTypeOf<DeliveryResponse>();
    expectTypeOf(maybe).toEqualTypeOf<DeliveryResponse | undefined>();
  });
});
