import { type PrismMock, recordingFetch, startPrismMock } from "@offerkit/testkit";
import { createXcoreClient, PERSONALIZED_OFFER_SCHEMA, RESULTS_MEDIA_TYPE } from "@offerkit/xcore";
import { afterAll, beforeAll, expect, it } from "vitest";
import { paginatePersonalizedOffers } from "../src/index.js";
import { PAGINATORS_BY_TYPE } from "../src/platform/offer-library-pages.js";

// Every paginator against Prism serving specs/xcore.yaml: each page request (the first, built from the input, and
// the next, the server's link as written) must pass the spec's validation, or Prism answers 4xx. Prism answers
// every listing with Adobe's documented page, whose next link is a search link that comes back on every page:
// paging ends on the repeated link, after two pages.
const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const CONTAINER = "e0bd8463-0913-4ca1-bd84-6309134ca1f6";
const NEXT = `/${CONTAINER}/queries/core/search?start=1603395515489%2C2cdb4d10-149e-11eb-b1a9-a779d2fe8690&schema=https://ns.adobe.com/experience/offer-management/personalized-offer;version=0.5&orderby=-repo%3AcreatedDate%2CinstanceId&limit=1`;

let mock: PrismMock;
beforeAll(async () => {
  mock = await startPrismMock({ spec: "xcore" });
});
afterAll(() => mock.close());

function client() {
  const fetch = recordingFetch();
  const xcore = createXcoreClient({
    auth: { accessToken: "prism-token", apiKey: "prism-key" },
    imsOrgId: ORG,
    sandboxName: "prod",
    baseUrl: mock.url,
    fetch,
  });
  return { fetch, xcore };
}

it("pages through every personalized offer, sending the next link as the server wrote it", async () => {
  const { fetch, xcore } = client();
  const offers = paginatePersonalizedOffers(
    { client: xcore, prefetch: true },
    { containerId: CONTAINER, property: ["_instance.xdm:status==approved", "_instance.xdm:name==Checking*"], limit: 1 },
  );
  const names: string[] = [];
  for await (const offer of offers.items()) names.push(offer._instance["xdm:name"]);
  expect(names).toEqual(["Checking Advanced", "Checking Advanced"]);
  expect(fetch.requests.map((request) => request.url)).toEqual([
    `${mock.url}/data/core/xcore/${CONTAINER}/instances?schema=${encodeURIComponent(PERSONALIZED_OFFER_SCHEMA)}&property=${encodeURIComponent("_instance.xdm:status==approved")}&property=${encodeURIComponent("_instance.xdm:name==Checking*")}&limit=1`,
    `${mock.url}/data/core/xcore${NEXT}`,
  ]);
  for (const request of fetch.requests) {
    expect(request.headers).toMatchObject({
      accept: RESULTS_MEDIA_TYPE,
      authorization: "Bearer prism-token",
      "x-api-key": "prism-key",
      "x-gw-ims-org-id": ORG,
      "x-sandbox-name": "prod",
    });
  }
});

it.each(Object.entries(PAGINATORS_BY_TYPE))("%s: its first page passes the spec", async (_name, paginator) => {
  const { fetch, xcore } = client();
  const first = await paginator({ client: xcore }, { containerId: CONTAINER, orderby: "-repo:createdDate" }).next();
  expect(first.done).toBe(false);
  expect(fetch.requests).toHaveLength(1);
  expect(fetch.last.headers.accept).toBe(RESULTS_MEDIA_TYPE);
});
