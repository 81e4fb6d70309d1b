// The Decisioning flow helpers on the real dps client over a scripted server: the exact requests they send (the
// JSON Patch with its test operations), what they refuse before sending, and how a lost race surfaces.
import type { OfferItem, PatchOperation } from "@offerkit/dps";
import { fakeFetch, jsonResponse } from "@offerkit/testkit";
import { describe, expect, it } from "vitest";
import {
  ApiError,
  addOfferToCollection,
  attachRuleToOffer,
  attachRuleToOfferItem,
  attributeConstraint,
  ConflictError,
  createOfferInCollection,
  createOfferItemInCollection,
  IncompleteFlowError,
  updateWith,
  ValidationError,
} from "../src/index.js";
import { jsonPatch } from "../src/platform/dps-flows.js";
import { dpsClient, SCHEMA } from "./support/dps.js";

const DPS = "https://platform.adobe.io/data/core/dps";
const receipt = (id: string, etag = 2) => ({ id, etag, sandboxId: "s-1", createdBy: "me", lastModifiedBy: "me" });

type Route = (request: Request, body: unknown) => Response | undefined;

/** A dps API whose answers come from `routes` (the first that answers), every request written down. */
function server(...routes: Route[]) {
  const fetch = fakeFetch(async (request) => {
    const text = await request.clone().text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    for (const route of routes) {
      const answer = route(request, body);
      if (answer) return answer;
    }
    return jsonResponse({ title: "Not Found", status: 404 }, { status: 404 });
  });
  const client = dpsClient({ fetch });
  const sent = () =>
    fetch.requests.map(({ method, url, body }) => [method, url.replace(DPS, ""), body ? JSON.parse(body) : undefined]);
  return { client, fetch, sent };
}

/** Answers a create (any POST) with a receipt for `id`. */
const creating =
  (id: string): Route =>
  (request) =>
    request.method === "POST" ? jsonResponse(receipt(id, 1), { status: 201 }) : undefined;

/** Answers `GET <path>` with `objects` in turn (the last one again), and PATCH with a receipt or `patchAnswer`. */
function object(path: string, objects: readonly unknown[], patchAnswer?: () => Response): Route {
  let reads = 0;
  return (request) => {
    if (new URL(request.url).pathname !== `/data/core/dps${path}`) return undefined;
    if (request.method === "GET") return jsonResponse(objects[Math.min(reads++, objects.length - 1)]);
    if (request.method === "PATCH") return patchAnswer?.() ?? jsonResponse(receipt(path.split("/")[2] ?? ""));
    return undefined;
  };
}

const COLLECTION = {
  id: "dps:offer-collection:1",
  etag: 3,
  created: "2023-05-15T14:35:16.781+00:00",
  modified: "2023-05-15T14:35:16.781+00:00",
  schemas: ["https://ns.adobe.com/experience/offer-management/offer-filter;version=0.4"],
  name: "Summer offers",
  filterType: "offers",
  ids: ["dps:offer:a"],
};

describe("jsonPatch", () => {
  it("tests every value it replaces or removes, adds new members unguarded, and replaces arrays whole", () => {
    const before = { name: "a", rank: { priority: 1, order: { type: "static" } }, ids: ["x"], gone: { deep: true } };
    const after = {
      name: "b",
      rank: { priority: 1, order: { type: "static" }, extra: 2 },
      ids: ["x", "y"],
      "a/b~c": 1,
    };
    expect(jsonPatch(before, after)).toEqual<PatchOperation[]>([
      { op: "test", path: "/name", value: "a" },
      { op: "replace", path: "/name", value: "b" },
      { op: "add", path: "/rank/extra", value: 2 },
      { op: "test", path: "/ids", value: ["x"] },
      { op: "replace", path: "/ids", value: ["x", "y"] },
      { op: "test", path: "/gone", value: { deep: true } },
      { op: "remove", path: "/gone" },
      { op: "add", path: "/a~1b~0c", value: 1 },
    ]);
    expect(jsonPatch({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(jsonPatch({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
  });
});

describe("updateWith", () => {
  it("reads, sends the change as a guarded JSON Patch, and resolves with the receipt", async () => {
    const { client, fetch, sent } = server(object("/offer-collections/c-1", [COLLECTION]));
    const update = await updateWith(client.offerCollections, "c-1", (collection) => {
      collection.description = "Summer 2027";
      collection.name = "Summer 2027 offers";
    });
    const operations = [
      { op: "test", path: "/name", value: "Summer offers" },
      { op: "replace", path: "/name", value: "Summer 2027 offers" },
      { op: "add", path: "/description", value: "Summer 2027" },
    ];
    expect(sent()).toEqual([
      ["GET", "/offer-collections/c-1", undefined],
      ["PATCH", "/offer-collections/c-1", operations],
    ]);
    // Plain JSON, as Adobe's pages send JSON Patch, not application/json-patch+json.
    expect(fetch.last.headers["content-type"]).toBe("application/json");
    expect(update).toEqual({
      receipt: receipt("c-1"),
      operations,
      item: { ...COLLECTION, name: "Summer 2027 offers", description: "Summer 2027" },
    });
  });

  it("takes a changed object returned by the change, and sends nothing when nothing changed", async () => {
    const { client, sent } = server(object("/offer-collections/c-1", [COLLECTION]));
    const same = await updateWith(client.offerCollections, "c-1", (collection) => ({ ...collection }));
    expect(same).toMatchObject({ receipt: undefined, operations: [] });
    const removed = await updateWith(client.offerCollections, "c-1", ({ ids: _, ...rest }) => rest);
    expect(removed.operations).toEqual([
      { op: "test", path: "/ids", value: ["dps:offer:a"] },
      { op: "remove", path: "/ids" },
    ]);
    expect(sent().map(([method]) => method)).toEqual(["GET", "GET", "PATCH"]);
  });

  it("sends the call options (and an offer item's schema id) with the read and the patch", async () => {
    const item = { id: "i-1", _experience: { decisioning: { decisionitem: { itemName: "Free shipping" } } } };
    const { client, fetch } = server(object("/offer-items/i-1", [item]));
    await updateWith(
      client.offerItems,
      "i-1",
      (offer) => {
        offer._experience.decisioning.decisionitem.itemPriority = 10;
      },
      { schemaId: "https://ns.adobe.com/acme/schemas/other", headers: { "x-trace": "t-1" } },
    );
    expect(fetch.requests.map((r) => [r.method, r.headers["x-schema-id"], r.headers["x-trace"]])).toEqual([
      ["GET", "https://ns.adobe.com/acme/schemas/other", "t-1"],
      ["PATCH", "https://ns.adobe.com/acme/schemas/other", "t-1"],
    ]);
    expect(JSON.parse(fetch.last.body)).toEqual([
      { op: "add", path: "/_experience/decisioning/decisionitem/itemPriority", value: 10 },
    ]);
  });

  it.each([400, 412, 422])(
    "turns a %i answer into ConflictError when a tested value changed meanwhile",
    async (status) => {
      const problem = { title: "Test operation failed", status };
      const changed = { ...COLLECTION, etag: 4, name: "Renamed by someone else" };
      const { client, sent } = server(
        object("/offer-collections/c-1", [COLLECTION, changed], () =>
          jsonResponse(problem, { status, headers: { "x-request-id": "srv-1" } }),
        ),
      );
      const error = await updateWith(client.offerCollections, "c-1", (collection) => {
        collection.name = "Mine";
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ status, requestId: "srv-1", body: problem });
      expect(sent().map(([method]) => method)).toEqual(["GET", "PATCH", "GET"]);
    },
  );

  it("keeps the server's ApiError when nothing tested has changed, and a 409 as the ConflictError it is", async () => {
    const answered = async (status: number) => {
      const { client, sent } = server(
        object("/offer-collections/c-1", [COLLECTION], () => jsonResponse({ title: "Refused" }, { status })),
      );
      const error = await updateWith(client.offerCollections, "c-1", (c) => {
        c.name = "x";
      }).catch((e: unknown) => e);
      return { error, methods: sent().map(([method]) => method) };
    };
    const refused = await answered(400);
    expect(refused.error).toBeInstanceOf(ApiError);
    expect(refused.error).not.toBeInstanceOf(ConflictError);
    const lost = await answered(409);
    expect(lost.error).toBeInstanceOf(ConflictError);
    // A 409 is a conflict already: no second read.
    expect(lost.methods).toEqual(["GET", "PATCH"]);
  });

  it("refuses a change to a server-owned field, or a change that is not an edit, before patching", async () => {
    const { client, sent } = server(object("/offer-collections/c-1", [COLLECTION]));
    await expect(
      updateWith(client.offerCollections, "c-1", (c) => ({ ...c, etag: 9 }) as typeof c),
    ).rejects.toMatchObject({ name: "ValidationError", field: "change: etag" });
    await expect(updateWith(client.offerCollections, "c-1", () => [] as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(updateWith({} as never, "c-1", () => {})).rejects.toMatchObject({ field: "resource" });
    expect(sent().map(([method]) => method)).toEqual(["GET", "GET"]);
  });
});

describe("collections", () => {
  it("adds an offer to a collection that lists offers, with a test of the ids it read", async () => {
    const { client, sent } = server(object("/offer-collections/c-1", [COLLECTION]));
    const update = await addOfferToCollection(client, "c-1", "dps:offer:b");
    expect(sent()[1]).toEqual([
      "PATCH",
      "/offer-collections/c-1",
      [
        { op: "test", path: "/ids", value: ["dps:offer:a"] },
        { op: "replace", path: "/ids", value: ["dps:offer:a", "dps:offer:b"] },
      ],
    ]);
    expect(update.item.ids).toEqual(["dps:offer:a", "dps:offer:b"]);
    const again = await addOfferToCollection(client, "c-1", "dps:offer:a");
    expect(again.receipt).toBeUndefined();
    expect(sent()).toHaveLength(3);
  });

  it("refuses a collection that selects by qualifier, or is full, without writing", async () => {
    const tagged = { ...COLLECTION, filterType: "any-tags", ids: ["dps:tag:1"] };
    const full = { ...COLLECTION, ids: Array.from({ length: 500 }, (_, i) => `dps:offer:${i}`) };
    for (const collection of [tagged, full]) {
      const { client, sent } = server(object("/offer-collections/c-1", [collection]));
      await expect(addOfferToCollection(client, "c-1", "dps:offer:b")).rejects.toMatchObject({
        name: "ValidationError",
        field: "collectionId",
      });
      await expect(createOfferInCollection(client, { name: "Free shipping" }, "c-1")).rejects.toBeInstanceOf(
        ValidationError,
      );
      expect(sent().map(([method]) => method)).toEqual(["GET", "GET"]);
    }
  });

  it("creates a personalized offer, then adds it to the collection", async () => {
    const { client, sent } = server(creating("dps:offer:new"), object("/offer-collections/c-1", [COLLECTION]));
    const result = await createOfferInCollection(client, { name: "Free shipping", status: "draft" }, "c-1");
    expect(result).toEqual({ offer: receipt("dps:offer:new", 1), collection: receipt("c-1") });
    expect(sent()).toEqual([
      ["GET", "/offer-collections/c-1", undefined],
      ["POST", "/offers?offer-type=personalized", { name: "Free shipping", status: "draft" }],
      ["GET", "/offer-collections/c-1", undefined],
      [
        "PATCH",
        "/offer-collections/c-1",
        [
          { op: "test", path: "/ids", value: ["dps:offer:a"] },
          { op: "replace", path: "/ids", value: ["dps:offer:a", "dps:offer:new"] },
        ],
      ],
    ]);
  });

  it("names the created offer when adding it fails", async () => {
    const { client } = server(
      creating("dps:offer:new"),
      object("/offer-collections/c-1", [COLLECTION], () => jsonResponse({ title: "Conflict" }, { status: 409 })),
    );
    const error = await createOfferInCollection(client, { name: "Free shipping" }, "c-1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompleteFlowError);
    expect(error).toMatchObject({ createdId: "dps:offer:new", cause: expect.any(ConflictError) });
  });

  it("builds an item collection's attribute condition as Adobe stores it, JSON in a string", () => {
    expect(attributeConstraint({ itemCatalogId: "cat-1", attribute: "_acme.season", value: "summer" })).toEqual({
      itemCatalogId: "cat-1",
      uiModel: '{"operator":"equals","value":{"left":"_acme.season","right":"summer"}}',
    });
    expect(() => attributeConstraint({ attribute: "a b", value: 1 })).toThrow(ValidationError);
    expect(() => attributeConstraint({ attribute: "_acme.n", value: Number.NaN })).toThrow(ValidationError);
  });

  const itemCollection = (constraints: unknown[]) => ({
    id: "ic-1",
    name: "Summer items",
    constraints,
    schemas: ["https://ns.adobe.com/experience/decisioning/item-collection;version=1.2"],
  });
  const item = { _experience: { decisioning: { decisionitem: { itemName: "Beach towel", itemPriority: 1 } } } };

  it("creates an offer item carrying the attribute values its item collection selects", async () => {
    const { client, fetch, sent } = server(
      creating("dps:offer-item:1"),
      object("/item-collections/ic-1", [
        itemCollection([
          attributeConstraint({ itemCatalogId: "cat-1", attribute: "_acme.season", value: "summer" }),
          attributeConstraint({ attribute: "_experience.decisioning.decisionitem.itemPriority", value: 1 }),
        ]),
      ]),
    );
    const result = await createOfferItemInCollection(client, item, "ic-1");
    const sentItem = {
      _experience: {
        decisioning: { decisionitem: { itemName: "Beach towel", itemPriority: 1, itemCatalogID: "cat-1" } },
      },
      _acme: { season: "summer" },
    };
    expect(result).toEqual({ receipt: receipt("dps:offer-item:1", 1), item: sentItem });
    expect(sent()).toEqual([
      ["GET", "/item-collections/ic-1", undefined],
      ["POST", "/offer-items", sentItem],
    ]);
    // The collection read carries no x-schema-id; the item create does.
    expect(fetch.requests.map((r) => r.headers["x-schema-id"])).toEqual([undefined, SCHEMA]);
    expect(item._experience.decisioning.decisionitem).not.toHaveProperty("itemCatalogID");
  });

  it.each([
    ["another operator", [{ uiModel: '{"operator":"greater than","value":{"left":"_acme.n","right":3}}' }]],
    ["a condition that is not JSON", [{ uiModel: "{operator" }]],
    [
      "a value the item already has otherwise",
      [attributeConstraint({ attribute: "_experience.decisioning.decisionitem.itemPriority", value: 5 })],
    ],
    [
      "an attribute under a value",
      [attributeConstraint({ attribute: "_experience.decisioning.decisionitem.itemName.first", value: "x" })],
    ],
  ])("refuses a collection with %s before creating anything", async (_what, constraints) => {
    const { client, sent } = server(object("/item-collections/ic-1", [itemCollection(constraints)]));
    await expect(createOfferItemInCollection(client, item, "ic-1")).rejects.toMatchObject({
      name: "ValidationError",
      field: "collection.constraints[0]",
    });
    expect(sent().map(([method]) => method)).toEqual(["GET"]);
  });
});

describe("rules", () => {
  it("attaches an eligibility rule to an offer item with one guarded patch", async () => {
    const stored: OfferItem = {
      id: "i-1",
      etag: 1,
      _experience: {
        decisioning: { decisionitem: { itemName: "Beach towel", itemConstraints: { profileConstraintType: "none" } } },
      },
    };
    const { client, sent } = server(object("/offer-items/i-1", [stored]));
    await attachRuleToOfferItem(client, "i-1", "dps:eligibility-rule:19af09a9ae45a8d3");
    const at = "/_experience/decisioning/decisionitem/itemConstraints";
    expect(sent()[1]).toEqual([
      "PATCH",
      "/offer-items/i-1",
      [
        { op: "test", path: `${at}/profileConstraintType`, value: "none" },
        { op: "replace", path: `${at}/profileConstraintType`, value: "eligibilityRule" },
        { op: "add", path: `${at}/eligibilityRule`, value: "dps:eligibility-rule:19af09a9ae45a8d3" },
      ],
    ]);
  });

  it("attaches a rule to a personalized offer, keeping its dates", async () => {
    const offer = {
      id: "o-1",
      name: "Free shipping",
      selectionConstraint: {
        startDate: "2027-06-01T00:00:00Z",
        endDate: "2027-09-01T00:00:00Z",
        profileConstraintType: "none",
      },
    };
    const { client, sent } = server(object("/offers/o-1", [offer]));
    await attachRuleToOffer(client, "o-1", "dps:offer-rule:1");
    expect(sent()).toEqual([
      ["GET", "/offers/o-1?offer-type=personalized", undefined],
      [
        "PATCH",
        "/offers/o-1?offer-type=personalized",
        [
          { op: "test", path: "/selectionConstraint/profileConstraintType", value: "none" },
          { op: "replace", path: "/selectionConstraint/profileConstraintType", value: "eligibilityRule" },
          { op: "add", path: "/selectionConstraint/eligibilityRule", value: "dps:offer-rule:1" },
        ],
      ],
    ]);
    await expect(attachRuleToOffer(client, "o-1", "")).rejects.toMatchObject({ field: "ruleId" });
  });
});
