import { jsonResponse } from "@offerkit/testkit";
import { describe, expect, it } from "vitest";
import { ApiError, PaginationError } from "../src/index.js";
import { type HalResultsPage, paginateHalResults } from "../src/platform/linked-pages.js";

// The shape every Offer Library list and search answers with; the xcore client's paginateX functions build on
// paginateHalResults exactly as these tests do.
interface Offer {
  readonly instanceId: string;
}
type OffersPage = HalResultsPage<Offer> & { readonly containerId: string };

const BASE = "https://platform.adobe.io/data/core/xcore";
const SEARCH =
  "/c-1/queries/core/search?schema=https%3A%2F%2Fns.adobe.com%2Fexperience%2Foffer-management%2Fpersonalized-offer%3Bversion%3D0.5";

const page = (ids: string[], next?: string): OffersPage => ({
  containerId: "c-1",
  _embedded: { results: ids.map((instanceId) => ({ instanceId })) },
  _links: next === undefined ? {} : { next: { href: next } },
});

/** A stand-in for an openapi-fetch list call: `{ data, response }` or `{ error, response }`, each call recorded. */
function listing(pages: readonly (OffersPage | { status: number; body: unknown })[]) {
  const calls: (string | undefined)[] = [];
  const list = async (next: string | undefined) => {
    const answer = pages[calls.length];
    calls.push(next);
    if (!answer) throw new Error("no more pages");
    if ("status" in answer) {
      const response = jsonResponse(answer.body, { status: answer.status, headers: { "x-request-id": "srv-1" } });
      return { error: answer.body, response };
    }
    return { data: answer, response: jsonResponse(answer) };
  };
  return { calls, list };
}

describe("paginateHalResults", () => {
  it("follows _links.next, handing each link to the typed list call exactly as the server wrote it", async () => {
    const first = `${SEARCH}&limit=2&start=o2&property=a&property=b`;
    const second = `${BASE}${SEARCH}&limit=2&start=o3`;
    const source = listing([page(["o1", "o2"], first), page(["o3"], second), page([])]);
    const items = await paginateHalResults({ baseUrl: BASE, list: source.list }).toArray({ limit: 100 });
    expect(items.map((offer) => offer.instanceId)).toEqual(["o1", "o2", "o3"]);
    expect(source.calls).toEqual([undefined, first, second]);
  });

  it("stops on a next link seen before", async () => {
    const source = listing([page(["o1"], `${SEARCH}&start=o1`), page(["o2"], `${SEARCH}&start=o1`)]);
    const items = await paginateHalResults({ baseUrl: BASE, list: source.list }).toArray({ limit: 10 });
    expect(items.map((offer) => offer.instanceId)).toEqual(["o1", "o2"]);
    expect(source.calls).toHaveLength(2);
  });

  it("types pages and items from the list call", async () => {
    const source = listing([page(["o1"])]);
    for await (const offers of paginateHalResults({ baseUrl: BASE, list: source.list })) {
      expect(offers.containerId).toBe("c-1");
    }
  });

  it("refuses a next link to another host without calling it", async () => {
    const source = listing([page(["o1"], "https://elsewhere.example/c-1/queries/core/search?start=o1"), page(["x"])]);
    const pages = paginateHalResults({ baseUrl: BASE, list: source.list });
    await expect(pages.toArray({ limit: 10 })).rejects.toBeInstanceOf(PaginationError);
    expect(source.calls).toHaveLength(1);
  });

  it("throws ApiError with the status and request id of a failed page", async () => {
    const problem = { title: "Forbidden", status: 403 };
    const source = listing([page(["o1"], `${SEARCH}&start=o1`), { status: 403, body: problem }]);
    const error = await paginateHalResults({ baseUrl: BASE, list: source.list })
      .toArray({ limit: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, requestId: "srv-1", body: problem });
  });

  it("stops after the limit without asking for the next page", async () => {
    const source = listing([page(["o1", "o2"], `${SEARCH}&start=o2`), page(["o3"])]);
    const items = await paginateHalResults({ baseUrl: BASE, list: source.list }).toArray({ limit: 2 });
    expect(items).toHaveLength(2);
    expect(source.calls).toHaveLength(1);
  });
});
