import type { ApiError } from "@offerkit/core";
import type { DeliveryRequest, DeliveryResponse } from "@offerkit/delivery";
import { describe, expectTypeOf, it } from "vitest";
import {
  type Attributes,
  createTargetClient,
  type GetOffersOptions,
  parseTargetCookie,
  type TargetClient,
  type TargetCookie,
  type TargetDeliveryRequest,
  type TargetDeliveryResponse,
} from "../src/index.js";

const target = createTargetClient({ client: "acme" });

describe("createTargetClient", () => {
  it("takes Adobe's option names, fetchApi included", () => {
    expectTypeOf(createTargetClient).parameter(0).toHaveProperty("fetchApi");
    createTargetClient({
      client: "acme",
      organizationId: "0123456789ABCDEF01234567@AdobeOrg",
      serverDomain: "127.0.0.1:4010",
      secure: false,
      timeout: 3000,
      fetchApi: fetch,
      logger: console,
      retry: false,
    });
    // @ts-expect-error the client code is required
    createTargetClient({ organizationId: "x@AdobeOrg" });
    // @ts-expect-error secure is a boolean
    createTargetClient({ client: "acme", secure: "no" });
    expectTypeOf(target).toEqualTypeOf<TargetClient>();
  });
});

describe("getOffers", () => {
  it("returns plain data with cookies ready to set", () => {
    expectTypeOf(target.getOffers).returns.resolves.toEqualTypeOf<TargetDeliveryResponse>();
    expectTypeOf<TargetDeliveryResponse["targetCookie"]>().toEqualTypeOf<TargetCookie>();
    expectTypeOf<TargetDeliveryResponse["targetLocationHintCookie"]>().toEqualTypeOf<TargetCookie | undefined>();
    expectTypeOf<TargetCookie>().toEqualTypeOf<{
      readonly name: string;
      readonly value: string;
      readonly maxAge: number;
    }>();
    expectTypeOf<TargetDeliveryResponse["response"]>().toEqualTypeOf<DeliveryResponse>();
    expectTypeOf<TargetDeliveryResponse["request"]>().toEqualTypeOf<DeliveryRequest>();
    expectTypeOf<TargetDeliveryResponse["meta"]["decisioningMethod"]>().toEqualTypeOf<"server-side" | "on-device">();
    expectTypeOf<ApiError["status"]>().toBeNumber();
  });

  it("accepts requests as Adobe's SDK users write them, and still checks names and enums", () => {
    const options: GetOffersOptions = {
      request: {
        context: { channel: "web", screen: null, address: { url: "https://shop.example.com/" } },
        execute: { mboxes: [{ name: "hero", parameters: { price: 9.5, member: true, tier: "gold" } }] },
        prefetch: null,
      },
      targetCookie: undefined,
      targetLocationHint: "28",
      sessionId: "s-1",
      visitorCookie: "x",
      consumerId: "c",
      customerIds: { userid: { id: "u-1", authState: 1 }, puuid: "p-2" },
    };
    void options;
    // A strict DeliveryRequest is a lenient one too.
    expectTypeOf<DeliveryRequest>().toExtend<TargetDeliveryRequest>();
    // @ts-expect-error channel stays an enum
    const badChannel: TargetDeliveryRequest = { context: { channel: "tv" } };
    // @ts-expect-error an mbox still needs its name
    const noName: TargetDeliveryRequest = { execute: { mboxes: [{ index: 1 }] } };
    // @ts-expect-error parameter values are strings, numbers or booleans, not objects
    const objectParameter: TargetDeliveryRequest = { execute: { pageLoad: { parameters: { a: { b: 1 } } } } };
    void [badChannel, noName, objectParameter];
  });
});

describe("getAttributes and the codec", () => {
  it("returns an attributes object over the getOffers result", () => {
    expectTypeOf(target.getAttributes).returns.resolves.toEqualTypeOf<Attributes<TargetDeliveryResponse>>();
    expectTypeOf<Attributes["getValue"]>().returns.toBeUnknown();
    expectTypeOf<Attributes["toJSON"]>().returns.toEqualTypeOf<Record<string, Record<string, unknown>>>();
  });

  it("parses cookies without a client", () => {
    expectTypeOf(parseTargetCookie("")).toHaveProperty("sessionId").toEqualTypeOf<string | undefined>();
    expectTypeOf(parseTargetCookie("")).toHaveProperty("problem").toEqualTypeOf<string | undefined>();
  });
});
