// paginateDps over the real dps client: a scripted server pins each page request, Prism serving specs/dps.yaml
// checks that the first request and the followed next links pass the spec.
import { fakeFetch, jsonResponse, type PrismMock, recordingFetch, startPrismMock } from "@offerkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError, ApiError, createOfferkit, PaginationError, paginateDps, ValidationError } from "../src/index.js";
import type { DpsListName } from "../src/platform/dps-pages.js";
import { dpsClient, ORG, SCHEMA } from "./support/dps.js";

const ORIGIN = "https://platform.adobe.io";
const DPS = `${ORIGIN}/data/core/dps`;

const page = (ids: readonly string[], next?: string) => ({
  results: ids.map((id) => ({ id, name: id })),
  count: ids.length,
  total: 99,
  _links: { self: { href: "/tags" }, ...(next === undefined ? {} : { next: { href: next } }) },
});

/** A dps API answering `pages` in order (the last one again when asked for more), every request written down. */
function server(pages: readonly (ReturnType<typeof page> | Response)[]) {
  let served = 0;
  const fetch = fakeFetch(() => {
    const answer = pages[Math.min(served++, pages.length - 1)];
    return answer instanceof Response ? answer : jsonResponse(answer);
  });
  const client = dpsClient({ fetch });
  return { client, fetch, urls: () => fetch.requests.map((request) => request.url) };
}

describe("paginateDps against a scripted server", () => {
  it("sends the query, then follows next links as the server wrote them, relative to /data/core/dps", async () => {
    const second =
      "/tags?orderby=-modified&limit=2&property=name%7E%5ESummer&property=description&start=2024-06-28T03%3A44%3A15.630Z";
    const third = "/tags?orderby=-modified&limit=2&start=2024-06-20T00:00:00.000Z";
    const { client, fetch, urls } = server([page(["t1", "t2"], second), page(["t3"], third), page([])]);
    const names: string[] = [];
    const tags = paginateDps({ client }, "tags", {
      property: ["name~^Summer", "description"],
      orderby: "-modified",
      limit: 2,
    });
    for await (const tag of tags.items()) names.push(tag.name);
    expect(names).toEqual(["t1", "t2", "t3"]);
    expect(urls()).toEqual([
      `${DPS}/tags?property=name~%5ESummer&property=description&orderby=-modified&limit=2`,
      `${DPS}${second}`,
      `${DPS}${third}`,
    ]);
    for (const request of fetch.requests) {
      expect(request).toMatchObject({
        method: "GET",
        headers: { accept: "application/json", authorization: "Bearer token-1", "x-sandbox-name": "prod" },
      });
    }
  });

  it("pages offer items with x-schema-id on every page, from the client or the call options", async () => {
    const next = "/offer-items?limit=1&start=a";
    const { client, fetch } = server([page(["i1"], next), page(["i2"])]);
    await paginateDps({ client }, "offerItems", { limit: 1 }).toArray({ limit: 10 });
    await paginateDps(
      { client, callOptions: { schemaId: "https://ns.adobe.com/acme/schemas/other" } },
      "offerItems",
    ).toArray({ limit: 1 });
    expect(fetch.requests.map((request) => request.headers["x-schema-id"])).toEqual([
      SCHEMA,
      SCHEMA,
      "https://ns.adobe.com/acme/schemas/other",
    ]);
  });

  it("keeps the offer type of /offers on every page, as the link spells it or added when it has none", async () => {
    const { client, urls } = server([
      page(["p1"], "/offers?offer-type=PERSONALIZED&start=p1"),
      page(["p2"], "/offers?start=p2"),
      page(["p3"]),
    ]);
    await paginateDps({ client }, "personalizedOffers").toArray({ limit: 10 });
    expect(urls()).toEqual([
      `${DPS}/offers?offer-type=personalized`,
      `${DPS}/offers?offer-type=PERSONALIZED&start=p1`,
      `${DPS}/offers?start=p2&offer-type=personalized`,
    ]);
  });

  it("follows an absolute link on the API's own origin, cut to the relative form", async () => {
    const { client, urls } = server([page(["t1"], `${DPS}/tags?start=t1&property=a%3D%3Db`), page(["t2"])]);
    await paginateDps({ client }, "tags").toArray({ limit: 10 });
    expect(urls()).toEqual([`${DPS}/tags`, `${DPS}/tags?start=t1&property=a%3D%3Db`]);
  });

  it("refuses a next link to another origin without requesting it", async () => {
    const { client, urls } = server([page(["t1"], "https://elsewhere.example/data/core/dps/tags?start=t1"), page([])]);
    const error = await paginateDps({ client }, "tags")
      .toArray({ limit: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({
      reason: "foreign_origin",
      origin: "https://elsewhere.example",
      expectedOrigin: ORIGIN,
    });
    expect(urls()).toHaveLength(1);
  });

  it.each([
    ["another collection", "/placements?start=t1"],
    ["the other offer type", "/offers?offer-type=FALLBACK&start=t1"],
    ["another API on the same origin", `${ORIGIN}/data/core/xcore/c-1/instances?start=t1`],
    ["a protocol-relative link", "//platform.adobe.io.evil.example/tags"],
    ["no list at all", "/offers/p1"],
  ])("refuses a next link to %s as the server's fault, without requesting it", async (_what, next) => {
    const { client, urls } = server([page(["p1"], next), page(["x"])]);
    const error = await paginateDps({ client }, "personalizedOffers")
      .toArray({ limit: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(urls()).toHaveLength(1);
  });

  it("stops on a link it has already followed", async () => {
    const next = "/tags?start=t1";
    const { client, urls } = server([page(["t1"], next), page(["t2"], next), page(["never"])]);
    const items = await paginateDps({ client }, "tags").toArray({ limit: 10 });
    expect(items.map((tag) => tag.id)).toEqual(["t1", "t2"]);
    expect(urls()).toHaveLength(2);
  });

  it("sends nothing more once the caller leaves the loop", async () => {
    const { client, urls } = server([page(["t1", "t2"], "/tags?start=1"), page(["t3"], "/tags?start=2"), page([])]);
    for await (const tag of paginateDps({ client }, "tags").items()) {
      if (tag.id === "t1") break;
    }
    expect(urls()).toHaveLength(1);
    const again = server([page(["t1", "t2"], "/tags?start=1"), page(["t3"])]);
    expect(await paginateDps({ client: again.client }, "tags").toArray({ limit: 2 })).toHaveLength(2);
    expect(again.urls()).toHaveLength(1);
  });

  it("with prefetch, asks for the next page while the current one is worked on, one page ahead at most", async () => {
    const { client, urls } = server([page(["t1"], "/tags?start=1"), page(["t2"], "/tags?start=2"), page([])]);
    const pages = paginateDps({ client, prefetch: true }, "tags");
    const first = await pages.next();
    expect(first.value).toMatchObject({ results: [{ id: "t1" }] });
    expect(urls()).toEqual([`${DPS}/tags`, `${DPS}/tags?start=1`]);
    await pages.return();
    expect(urls()).toHaveLength(2);
  });

  it("throws AbortError when the signal fires, and sends nothing after", async () => {
    const controller = new AbortController();
    const { client, urls } = server([page(["t1"], "/tags?start=1"), page(["t2"])]);
    const pages = paginateDps({ client, signal: controller.signal }, "tags");
    await pages.next();
    controller.abort();
    await expect(pages.next()).rejects.toBeInstanceOf(AbortError);
    expect(urls()).toHaveLength(1);
  });

  it("throws ApiError with the status, request id and problem of a failed page", async () => {
    const problem = { title: "Forbidden", status: 403 };
    const denied = jsonResponse(problem, { status: 403, headers: { "x-request-id": "srv-1" } });
    const { client } = server([page(["t1"], "/tags?start=1"), denied]);
    const error = await paginateDps({ client }, "tags")
      .toArray({ limit: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, requestId: "srv-1", body: problem });
  });

  it("sends the call options with every page", async () => {
    const { client, fetch } = server([page(["t1"], "/tags?start=1"), page([])]);
    const callOptions = { headers: { "x-trace": "t-1" }, sandboxName: "dev" };
    await paginateDps({ client, callOptions }, "tags").toArray({ limit: 10 });
    expect(fetch.requests.map((request) => [request.headers["x-trace"], request.headers["x-sandbox-name"]])).toEqual([
      ["t-1", "dev"],
      ["t-1", "dev"],
    ]);
  });

  it("refuses a bad resource, client or option at once, and a bad query before the first request", async () => {
    const { client, urls } = server([page([])]);
    expect(() => paginateDps({ client }, "migration" as DpsListName)).toThrow(
      expect.objectContaining({ name: "ValidationError", field: "resource" }),
    );
    expect(() => paginateDps({} as never, "tags")).toThrow(expect.objectContaining({ field: "config.client" }));
    expect(() => paginateDps({ client, prefetch: "yes" } as never, "tags")).toThrow(
      expect.objectContaining({ field: "config.prefetch" }),
    );
    expect(() => paginateDps({ client, pageSize: 5 } as never, "tags")).toThrow(ValidationError);
    await expect(paginateDps({ client }, "tags", { limit: 0 }).toArray({ limit: 1 })).rejects.toMatchObject({
      field: "query.limit",
    });
    await expect(paginateDps({ client }, "tags", { top: 1 } as never).toArray({ limit: 1 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(urls()).toEqual([]);
  });

  it("pages through the kit's own client with kit.paginateDps", async () => {
    const fetch = fakeFetch((request) =>
      jsonResponse(
        request.url.includes("start=")
          ? page(["r2"])
          : page(["r1"], "/offer-rules?property=exdRule%3D%3Dtrue&start=r1"),
      ),
    );
    const kit = createOfferkit({
      auth: { accessToken: "token-1", apiKey: "key-1" },
      imsOrgId: ORG,
      sandboxName: "prod",
      fetch,
    });
    const rules = await kit
      .paginateDps("eligibilityRules", { property: "exdRule==true" }, { callOptions: { timeout: 5_000 } })
      .toArray({ limit: 10 });
    expect(rules.map((rule) => rule.id)).toEqual(["r1", "r2"]);
    expect(fetch.requests.map((request) => request.url)).toEqual([
      `${DPS}/offer-rules?property=exdRule%3D%3Dtrue`,
      `${DPS}/offer-rules?property=exdRule%3D%3Dtrue&start=r1`,
    ]);
  });
});

describe("paginateDps against Prism serving specs/dps.yaml", () => {
  let prism: PrismMock;
  beforeAll(async () => {
    prism = await startPrismMock({ spec: "dps" });
  });
  afterAll(() => prism.close());

  const LISTS: readonly [DpsListName, string][] = [
    ["offerItems", "/offer-items"],
    ["itemCollections", "/item-collections"],
    ["selectionStrategies", "/selection-strategies"],
    ["eligibilityRules", "/offer-rules"],
    ["rankingFormulas", "/ranking-formulas"],
    ["exdPlacements", "/exd-placements"],
    ["personalizedOffers", "/offers"],
    ["fallbackOffers", "/offers"],
    ["placements", "/placements"],
    ["offerCollections", "/offer-collections"],
    ["decisionRules", "/offer-rules"],
    ["tags", "/tags"],
    ["decisions", "/offer-decisions"],
  ];

  it.each(LISTS)(
    "%s: every page request passes the spec, and paging ends on the repeated link",
    async (resource, path) => {
      const fetch = recordingFetch();
      const client = dpsClient({ baseUrl: prism.url, fetch });
      const pages = [];
      for await (const found of paginateDps({ client, prefetch: true }, resource, { orderby: "-modified", limit: 2 })) {
        pages.push(found);
      }
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages[0]?.results.length).toBeGreaterThan(0);
      const urls = fetch.requests.map((request) => new URL(request.url));
      expect(urls[0]?.pathname).toBe(`/data/core/dps${path}`);
      // Prism answers every page with the spec's example: a next link, if the example has one, is followed once.
      for (const url of urls.slice(1)) expect(url.pathname).toBe(`/data/core/dps${path}`);
      expect(urls.length).toBeLessThanOrEqual(2);
    },
  );
});
