import { fakeFetch, jsonResponse } from "@offerkit/testkit";
import {
  COLLECTION_QUALIFIER_SCHEMA,
  COLLECTION_SCHEMA,
  createXcoreClient,
  DECISION_RULE_SCHEMA,
  DECISION_SCHEMA,
  FALLBACK_OFFER_SCHEMA,
  PERSONALIZED_OFFER_SCHEMA,
  PLACEMENT_SCHEMA,
} from "@offerkit/xcore";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  ApiError,
  PaginationError,
  paginateCollectionQualifiers,
  paginateCollections,
  paginateDecisionRules,
  paginateDecisions,
  paginateFallbackOffers,
  paginateInstances,
  paginatePersonalizedOffers,
  paginatePlacements,
  paginateSearchCollectionQualifiers,
  paginateSearchCollections,
  paginateSearchDecisionRules,
  paginateSearchDecisions,
  paginateSearchFallbackOffers,
  paginateSearchInstances,
  paginateSearchPersonalizedOffers,
  paginateSearchPlacements,
  ValidationError,
} from "../src/index.js";

// The paginators drive the real xcore client over a fake fetch: these tests pin each page request's URL.
const ORIGIN = "https://platform.adobe.io";
const REPO = `${ORIGIN}/data/core/xcore`;
const C = "c-1";
const enc = encodeURIComponent;
const OFFER = PERSONALIZED_OFFER_SCHEMA;
const RESULTS =
  'application/vnd.adobe.platform.xcore.hal+json; schema="https://ns.adobe.com/experience/xcore/hal/results"';

const page = (ids: readonly string[], next?: string) => ({
  containerId: C,
  _embedded: { results: ids.map((instanceId) => ({ instanceId, _instance: { "xdm:name": instanceId } })) },
  _links: next === undefined ? {} : { next: { href: next } },
});

/** A repository answering with `pages` in order (the last one again when asked for more). */
function repository(pages: readonly (ReturnType<typeof page> | Response)[]) {
  let served = 0;
  const fetch = fakeFetch(() => {
    const answer = pages[Math.min(served++, pages.length - 1)];
    return answer instanceof Response ? answer : jsonResponse(answer, { headers: { "content-type": RESULTS } });
  });
  const client = createXcoreClient({
    auth: { accessToken: "token-1", apiKey: "key-1" },
    imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
    sandboxName: "prod",
    fetch,
  });
  return { client, fetch, urls: () => fetch.requests.map((request) => request.url) };
}

describe("Offer Library paginators", () => {
  it("follows next links as the server wrote them, repeated property parameters included", async () => {
    const second = `/${C}/instances?start=o2&schema=${OFFER}&property=_instance.xdm:status%3D%3Dapproved&property=_instance.xdm:rank.xdm:priority%3E1&limit=2`;
    const third = `/${C}/instances?start=o3&schema=${OFFER}&property=_instance.xdm:status%3D%3Dapproved&property=_instance.xdm:rank.xdm:priority%3E1&limit=2`;
    const { client, fetch, urls } = repository([page(["o1", "o2"], second), page(["o3"], third), page([])]);
    const offers = paginatePersonalizedOffers(
      { client },
      {
        containerId: C,
        property: ["_instance.xdm:status==approved", "_instance.xdm:rank.xdm:priority>1"],
        limit: 2,
      },
    );
    const names: string[] = [];
    for await (const offer of offers.items()) names.push(offer._instance["xdm:name"] ?? "");
    expect(names).toEqual(["o1", "o2", "o3"]);
    expect(urls()).toEqual([
      `${REPO}/${C}/instances?schema=${enc(OFFER)}&property=${enc("_instance.xdm:status==approved")}&property=${enc("_instance.xdm:rank.xdm:priority>1")}&limit=2`,
      `${REPO}${second}`,
      `${REPO}${third}`,
    ]);
    for (const request of fetch.requests) {
      expect(request).toMatchObject({ method: "GET", headers: { accept: RESULTS, authorization: "Bearer token-1" } });
    }
  });

  it("searches with q, qop and field, and follows the search's next link", async () => {
    const next = `/${C}/queries/core/search?schema=${OFFER}&q=checking&start=o1`;
    const { client, urls } = repository([page(["o1"], next), page(["o2"])]);
    const found = await paginateSearchPersonalizedOffers(
      { client },
      { containerId: C, q: "checking", qop: "AND", field: ["_instance.xdm:name"] },
    ).toArray({ limit: 10 });
    expect(found.map((offer) => offer.instanceId)).toEqual(["o1", "o2"]);
    expect(urls()).toEqual([
      `${REPO}/${C}/queries/core/search?schema=${enc(OFFER)}&q=checking&qop=AND&field=_instance.xdm%3Aname`,
      `${REPO}${next}`,
    ]);
  });

  it("reads a next link to the other operation with that operation, as Adobe's listings link to search", async () => {
    const next = `/${C}/queries/core/search?start=o1&schema=${OFFER}&orderby=-repo%3AcreatedDate%2CinstanceId&limit=1`;
    const { client, urls } = repository([page(["o1"], next), page(["o2"])]);
    await paginatePersonalizedOffers({ client }, { containerId: C, limit: 1 }).toArray({ limit: 10 });
    expect(urls()).toEqual([`${REPO}/${C}/instances?schema=${enc(OFFER)}&limit=1`, `${REPO}${next}`]);
  });

  it("follows an absolute next link on the API's own origin, keeping its query as written", async () => {
    const query = `?start=o1&schema=${OFFER}&property=a%3D%3Db&property=c`;
    const { client, urls } = repository([page(["o1"], `${REPO}/${C}/instances${query}`), page(["o2"])]);
    await paginatePersonalizedOffers({ client }, { containerId: C }).toArray({ limit: 10 });
    expect(urls()[1]).toBe(`${REPO}/${C}/instances${query}`);
  });

  it("refuses a next link to another host without requesting it", async () => {
    const { client, urls } = repository([
      page(["o1"], `https://elsewhere.example/data/core/xcore/${C}/instances?schema=${OFFER}&start=o1`),
      page(["stolen"]),
    ]);
    const error = await paginatePersonalizedOffers({ client }, { containerId: C })
      .toArray({ limit: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: "foreign_origin", origin: "https://elsewhere.example" });
    expect(urls()).toHaveLength(1);
  });

  it("refuses a same-origin link outside the repository's listings", async () => {
    const { client, urls } = repository([page(["o1"], `${ORIGIN}/data/core/ods/decisions?start=o1`), page(["x"])]);
    const error = await paginatePersonalizedOffers({ client }, { containerId: C })
      .toArray({ limit: 10 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "PaginationError", reason: "invalid_link" });
    expect(urls()).toHaveLength(1);
  });

  it.each([
    ["another container", `/c-2/instances?schema=${OFFER}&start=o1`],
    ["another type", `/${C}/instances?schema=${PLACEMENT_SCHEMA}&start=o1`],
    ["no listing at all", `/${C}/instances/o1`],
  ])("refuses a next link to %s as the server's fault, without requesting it", async (_what, next) => {
    const { client, urls } = repository([page(["o1"], next), page(["x"])]);
    const error = await paginatePersonalizedOffers({ client }, { containerId: C })
      .toArray({ limit: 10 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "PaginationError", reason: "invalid_link" });
    expect(urls()).toHaveLength(1);
  });

  it("stops on a next link it has already followed", async () => {
    const next = `/${C}/instances?schema=${OFFER}&start=o1`;
    const { client, urls } = repository([page(["o1"], next), page(["o2"], next), page(["never"])]);
    const items = await paginatePersonalizedOffers({ client }, { containerId: C }).toArray({ limit: 10 });
    expect(items.map((offer) => offer.instanceId)).toEqual(["o1", "o2"]);
    expect(urls()).toHaveLength(2);
  });

  it("sends no further request after the caller breaks out of the loop", async () => {
    const next = (n: number) => `/${C}/instances?schema=${OFFER}&start=${n}`;
    const { client, urls } = repository([page(["o1", "o2"], next(1)), page(["o3"], next(2)), page(["o4"])]);
    for await (const offer of paginatePersonalizedOffers({ client }, { containerId: C }).items()) {
      if (offer.instanceId === "o1") break;
    }
    expect(urls()).toHaveLength(1);
  });

  it("with prefetch, asks for the next page while the caller works on the current one, one page ahead at most", async () => {
    const next = (n: number) => `/${C}/instances?schema=${OFFER}&start=${n}`;
    const { client, urls } = repository([page(["o1"], next(1)), page(["o2"], next(2)), page(["o3"], next(3))]);
    const pages = paginatePersonalizedOffers({ client, prefetch: true }, { containerId: C });
    const first = await pages.next();
    expect(first.value).toMatchObject({ _embedded: { results: [{ instanceId: "o1" }] } });
    expect(urls()).toEqual([expect.any(String), `${REPO}${next(1)}`]);
    await pages.return();
    expect(urls()).toHaveLength(2);
  });

  it("toArray stops at the limit without fetching the pages after it", async () => {
    const next = `/${C}/instances?schema=${OFFER}&start=o2`;
    const { client, urls } = repository([page(["o1", "o2"], next), page(["o3"])]);
    const two = await paginatePersonalizedOffers({ client }, { containerId: C }).toArray({ limit: 2 });
    expect(two).toHaveLength(2);
    expect(urls()).toHaveLength(1);
  });

  it("throws ApiError with the server's status, request id and problem on a failed page", async () => {
    const problem = { type: "about:blank", title: "Forbidden", status: 403 };
    const denied = jsonResponse(problem, {
      status: 403,
      headers: { "content-type": "application/problem+json", "x-request-id": "srv-1" },
    });
    const { client } = repository([page(["o1"], `/${C}/instances?schema=${OFFER}&start=o1`), denied]);
    const error = await paginatePersonalizedOffers({ client }, { containerId: C })
      .toArray({ limit: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, requestId: "srv-1", body: problem });
  });

  it("throws AbortError when the caller's signal fires, and sends nothing after", async () => {
    const controller = new AbortController();
    const { client, urls } = repository([page(["o1"], `/${C}/instances?schema=${OFFER}&start=o1`), page(["o2"])]);
    const pages = paginatePersonalizedOffers({ client, signal: controller.signal }, { containerId: C });
    await pages.next();
    controller.abort();
    await expect(pages.next()).rejects.toBeInstanceOf(AbortError);
    expect(urls()).toHaveLength(1);
  });

  it("sends the call options with every page", async () => {
    const { client, fetch } = repository([page(["o1"], `/${C}/instances?schema=${OFFER}&start=o1`), page([])]);
    const callOptions = { headers: { "x-trace": "t-1" }, sandboxName: "dev" };
    await paginatePersonalizedOffers({ client, callOptions }, { containerId: C }).toArray({ limit: 10 });
    expect(fetch.requests.map((request) => [request.headers["x-trace"], request.headers["x-sandbox-name"]])).toEqual([
      ["t-1", "dev"],
      ["t-1", "dev"],
    ]);
  });

  it("checks the input before sending anything", async () => {
    const { client, urls } = repository([page([])]);
    const pages = paginatePersonalizedOffers({ client }, { containerId: C, id: ["a"], name: "b" });
    await expect(pages.toArray({ limit: 1 })).rejects.toBeInstanceOf(ValidationError);
    expect(() => paginatePlacements({} as never, { containerId: C })).toThrow(ValidationError);
    expect(urls()).toEqual([]);
  });

  it.each([
    [paginatePersonalizedOffers, OFFER, "instances"],
    [paginateSearchPersonalizedOffers, OFFER, "queries/core/search"],
    [paginateFallbackOffers, FALLBACK_OFFER_SCHEMA, "instances"],
    [paginateSearchFallbackOffers, FALLBACK_OFFER_SCHEMA, "queries/core/search"],
    [paginatePlacements, PLACEMENT_SCHEMA, "instances"],
    [paginateSearchPlacements, PLACEMENT_SCHEMA, "queries/core/search"],
    [paginateDecisions, DECISION_SCHEMA, "instances"],
    [paginateSearchDecisions, DECISION_SCHEMA, "queries/core/search"],
    [paginateCollections, COLLECTION_SCHEMA, "instances"],
    [paginateSearchCollections, COLLECTION_SCHEMA, "queries/core/search"],
    [paginateCollectionQualifiers, COLLECTION_QUALIFIER_SCHEMA, "instances"],
    [paginateSearchCollectionQualifiers, COLLECTION_QUALIFIER_SCHEMA, "queries/core/search"],
    [paginateDecisionRules, DECISION_RULE_SCHEMA, "instances"],
    [paginateSearchDecisionRules, DECISION_RULE_SCHEMA, "queries/core/search"],
  ] as const)("%o pages %s with %s", async (paginator, schema, path) => {
    const next = `/${C}/${path}?schema=${schema}&start=x1`;
    const { client, urls } = repository([page(["x1"], next), page(["x2"])]);
    const items = await paginator({ client }, { containerId: C }).toArray({ limit: 10 });
    expect(items.map((item) => item.instanceId)).toEqual(["x1", "x2"]);
    expect(urls()).toEqual([`${REPO}/${C}/${path}?schema=${enc(schema)}`, `${REPO}${next}`]);
  });

  it("pages any type with paginateInstances and paginateSearchInstances", async () => {
    const { client, urls } = repository([page(["p1"])]);
    await paginateInstances(
      { client },
      { containerId: C, schema: PLACEMENT_SCHEMA, orderby: "-repo:createdDate" },
    ).toArray({ limit: 1 });
    await paginateSearchInstances({ client }, { containerId: C, schema: PLACEMENT_SCHEMA, q: "banner" }).toArray({
      limit: 1,
    });
    expect(urls()).toEqual([
      `${REPO}/${C}/instances?schema=${enc(PLACEMENT_SCHEMA)}&orderby=-repo%3AcreatedDate`,
      `${REPO}/${C}/queries/core/search?schema=${enc(PLACEMENT_SCHEMA)}&q=banner`,
    ]);
  });
});
