import { validation } from "@offerkit/delivery/validation";
import { type PrismMock, recordingFetch, startPrismMock } from "@offerkit/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTargetClient } from "../src/index.js";

// What the facade sends after normalising a request written for Adobe's SDK must pass the spec's own validation:
// Prism serving specs/delivery.yaml answers 4xx with an `sl-violations` header for anything the spec refuses.
let mock: PrismMock;
beforeAll(async () => {
  mock = await startPrismMock({ spec: "delivery" });
});
afterAll(() => mock.close());

it("a request written for Adobe's SDK, with visitor cookies and customer ids, passes the spec", async () => {
  const fetch = recordingFetch();
  const target = createTargetClient({
    client: "demo",
    organizationId: "0123456789ABCDEF01234567@AdobeOrg",
    serverDomain: new URL(mock.url).host,
    secure: false,
    fetch,
    propertyToken: "00000000-0000-0000-0000-000000000000",
    // Not the 3 s default: Prism's first answer can take longer than that while CI runs every suite at once.
    timeout: 30_000,
  });
  const result = await target.getOffers({
    request: {
      context: {
        channel: "web",
        screen: null,
        window: null,
        browser: { host: "shop.example.com" },
        address: { url: "https://shop.example.com/cart", referringUrl: null },
        userAgent: "Mozilla/5.0",
      },
      execute: {
        pageLoad: { parameters: { cartSize: 3, member: true }, profileParameters: { age: 41 } },
        mboxes: [
          { name: "hero-banner", parameters: { price: 19.99 } },
          { name: "cross-sell", order: null },
        ],
      },
      prefetch: { views: [{ name: "cart" }], mboxes: null },
    },
    visitorCookie: encodeURIComponent(
      "-1303530583|MCMID|71629874654365160|MCAAMLH-1767830400|9|MCAAMB-1767830400|bl0b",
    ),
    customerIds: { userid: { id: "u-1", authState: 1 }, puuid: "p-2" },
    sessionId: "a1b2c3d4-session",
  });

  expect(result.response.status).toBe(200);
  expect(fetch.last.headers["content-type"]).toBe("application/json");
  expect(JSON.parse(fetch.last.body)).toMatchObject({
    property: { token: "00000000-0000-0000-0000-000000000000" },
    execute: {
      mboxes: [
        { index: 0, name: "hero-banner", parameters: { price: "19.99" } },
        { index: 1, name: "cross-sell" },
      ],
    },
  });
  expect(result.targetCookie.value).toMatch(
    /^session#a1b2c3d4-session#\d+\|PC#5f0d7c9e2b1a4c3d9e8f7a6b5c4d3e21\.28_0#\d+$/,
  );
});

it("a value the spec refuses still reaches the caller as the delivery client's ValidationError (opt-in validation)", async () => {
  const target = createTargetClient({
    client: "demo",
    serverDomain: new URL(mock.url).host,
    secure: false,
    validation,
  });
  await expect(
    target.getOffers({ request: { execute: { mboxes: [{ name: "x", parameters: { "profile.age": 3 } }] } } }),
  ).rejects.toMatchObject({ name: "ValidationError" });
});
