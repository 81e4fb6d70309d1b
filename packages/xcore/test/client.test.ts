import { readFileSync } from "node:fs";
import { fakeFetch, fixedTokenIdentity, jsonResponse, withoutRequestId } from "@offerkit/testkit";
import { describe, expect, it } from "vitest";
import { PATCH_OP_RULE, PATCH_PATH_RULE } from "../src/client.js";
import { schemas } from "../src/generated/request-rules.js";
import {
  ApiError,
  COLLECTION_QUALIFIER_SCHEMA,
  ConflictError,
  createXcoreClient,
  DECISION_RULE_SCHEMA,
  nextPageOf,
  PERSONALIZED_OFFER_SCHEMA,
  PLACEMENT_SCHEMA,
  type Placement,
  type ResultsPage,
  unwrap,
  ValidationError,
  VERSION,
  type XcoreClientOptions,
} from "../src/index.js";
import { validation } from "../src/validation.js";

const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const CONTAINER = "e0bd8463-0913-4ca1-bd84-6309134ca1f6";
const INSTANCE = "9ff9e0e0-2ba6-11ec-9a51-4b09e8f4f7e1";
const ORIGIN = "https://platform.adobe.io";
const enc = encodeURIComponent;

const HAL_PLACEMENT =
  'application/vnd.adobe.platform.xcore.hal+json; schema="https://ns.adobe.com/experience/offer-management/offer-placement;version=0.4"';
const RECEIPT = "application/vnd.adobe.platform.xcore.xdm.receipt+json; version=1";
const RESULTS =
  'application/vnd.adobe.platform.xcore.hal+json; schema="https://ns.adobe.com/experience/xcore/hal/results"';

// Adobe's documented examples: the search pair from seed 003, the placement create request and receipt and the
// placement patch from the Offer Library API pages (Create a placement, Update a placement; the xcore versions in
// AdobeDocs/journey-optimizer, checked against them at this commit).
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as T;
const adobePlacement = fixture<Placement>("adobe-create-placement-request.json");
const receipt = fixture<Record<string, unknown>>("adobe-create-placement-response.json");
const adobePage = fixture<ResultsPage<typeof PERSONALIZED_OFFER_SCHEMA>>(
  "adobe-search-personalized-offers-response.json",
);

function client(overrides: Partial<XcoreClientOptions> = {}, respond = () => jsonResponse(receipt)) {
  const fetch = fakeFetch(respond);
  const xcore = createXcoreClient({
    auth: { accessToken: "token-1", apiKey: "key-1" },
    imsOrgId: ORG,
    sandboxName: "prod",
    fetch,
    ...overrides,
  });
  return { fetch, xcore };
}

const identity = fixedTokenIdentity("xcore", VERSION, ORG);

describe("the wire request", () => {
  it("lists the containers with repeated product and property parameters", async () => {
    const { fetch, xcore } = client();
    await xcore.listContainers({ product: ["acp", "dma_offers"], property: ["_instance.containerType==decisioning"] });
    expect(fetch.last).toMatchObject({
      method: "GET",
      url: `${ORIGIN}/data/core/xcore/?product=acp&product=dma_offers&property=${enc("_instance.containerType==decisioning")}`,
      body: "",
    });
    expect(withoutRequestId(fetch.last.headers)).toEqual({
      ...identity,
      accept: "application/vnd.adobe.platform.xcore.home.hal+json",
    });
  });

  it("creates in the HAL envelope with the type's media type, byte for byte", async () => {
    const { fetch, xcore } = client({ sandboxId: "sb-1" });
    const { data } = await xcore.create({ containerId: CONTAINER, schema: PLACEMENT_SCHEMA, instance: adobePlacement });
    expect(data).toEqual(receipt);
    expect(fetch.last).toMatchObject({
      method: "POST",
      url: `${ORIGIN}/data/core/xcore/${CONTAINER}/instances`,
      body: JSON.stringify({ _instance: adobePlacement, _links: {} }),
    });
    expect(withoutRequestId(fetch.last.headers)).toEqual({
      ...identity,
      "x-sandbox-id": "sb-1",
      accept: RECEIPT,
      "content-type": HAL_PLACEMENT,
    });
  });

  it("creates the bare instance with the schema-instance media type", async () => {
    const { fetch, xcore } = client();
    await xcore.create({
      containerId: CONTAINER,
      schema: PLACEMENT_SCHEMA,
      instance: adobePlacement,
      format: "schema-instance",
    });
    expect(fetch.last.body).toBe(JSON.stringify(adobePlacement));
    expect(fetch.last.headers["content-type"]).toBe(
      'application/schema-instance+json; version=1; schema="https://ns.adobe.com/experience/offer-management/offer-placement;version=0.4"',
    );
  });

  it("reads with the type's media type and a quoted If-None-Match", async () => {
    const { fetch, xcore } = client();
    await xcore.get({ containerId: CONTAINER, schema: PLACEMENT_SCHEMA, instanceId: INSTANCE, ifNoneMatch: 2 });
    expect(fetch.last).toMatchObject({
      method: "GET",
      url: `${ORIGIN}/data/core/xcore/${CONTAINER}/instances/${INSTANCE}`,
    });
    expect(withoutRequestId(fetch.last.headers)).toEqual({
      ...identity,
      accept: HAL_PLACEMENT,
      "if-none-match": '"2"',
    });
  });

  it("answers a 304 without data", async () => {
    const { xcore } = client({}, () => new Response(null, { status: 304 }));
    const result = await xcore.get({
      containerId: CONTAINER,
      schema: PLACEMENT_SCHEMA,
      instanceId: INSTANCE,
      ifNoneMatch: "2",
    });
    expect(result.response.status).toBe(304);
    expect(result.data).toBeUndefined();
  });

  it("lists with every query option, repeated keys kept repeated", async () => {
    const { fetch, xcore } = client({}, () => jsonResponse(adobePage));
    const { data } = await xcore.list({
      containerId: CONTAINER,
      schema: PERSONALIZED_OFFER_SCHEMA,
      orderby: "-repo:createdDate",
      start: "1603395515489,2cdb4d10",
      limit: 5,
      property: ["_instance.xdm:status==approved", "_instance.xdm:rank.xdm:priority>=10"],
      id: ["xcore:personalized-offer:1", "xcore:personalized-offer:2"],
    });
    expect(data?._embedded.results[0]?._instance["xdm:name"]).toBe("Checking Advanced");
    expect(fetch.last.url).toBe(
      `${ORIGIN}/data/core/xcore/${CONTAINER}/instances?schema=${enc(PERSONALIZED_OFFER_SCHEMA)}` +
        "&orderby=-repo%3AcreatedDate&start=1603395515489%2C2cdb4d10&limit=5" +
        `&property=${enc("_instance.xdm:status==approved")}&property=${enc("_instance.xdm:rank.xdm:priority>=10")}` +
        `&id=${enc("xcore:personalized-offer:1")}&id=${enc("xcore:personalized-offer:2")}`,
    );
    expect(withoutRequestId(fetch.last.headers)).toEqual({ ...identity, accept: RESULTS });
  });

  it("searches with q, qop and repeated fields", async () => {
    const { fetch, xcore } = client({}, () => jsonResponse(adobePage));
    await xcore.search({
      containerId: CONTAINER,
      schema: COLLECTION_QUALIFIER_SCHEMA,
      q: '"loyalty customers"',
      qop: "and",
      field: ["_instance.xdm:name", "_instance.xdm:description"],
      name: "Loyalty*",
    });
    expect(fetch.last.url).toBe(
      `${ORIGIN}/data/core/xcore/${CONTAINER}/queries/core/search?schema=${enc(COLLECTION_QUALIFIER_SCHEMA)}` +
        `&q=${enc('"loyalty customers"')}&qop=and&field=${enc("_instance.xdm:name")}` +
        `&field=${enc("_instance.xdm:description")}&name=Loyalty*`,
    );
  });

  it("follows a next link exactly as the server wrote it", async () => {
    const next = nextPageOf(adobePage);
    expect(next).toEqual({
      href: adobePage._links.next?.href,
      containerId: CONTAINER,
      operation: "search",
      start: "1603395515489,2cdb4d10-149e-11eb-b1a9-a779d2fe8690",
      limit: 1,
    });
    const { fetch, xcore } = client({}, () => jsonResponse(adobePage));
    await xcore.search({ containerId: CONTAINER, schema: PERSONALIZED_OFFER_SCHEMA, href: next?.href ?? "" });
    expect(fetch.last.url).toBe(`${ORIGIN}/data/core/xcore${next?.href}`);
    const lastPage = { ...adobePage, _links: { self: adobePage._links.self } };
    expect(nextPageOf(lastPage)).toBeUndefined();
    expect(nextPageOf({ _links: { next: { href: "//evil.example/x/instances" } } })).toBeUndefined();
  });

  it("sends a followed link's query byte for byte, braces and encodings included", async () => {
    const { fetch, xcore } = client({}, () => jsonResponse(adobePage));
    const href = `/${CONTAINER}/queries/core/search?schema=${PERSONALIZED_OFFER_SCHEMA}&q=%22a+b%22&start={c}&limit=2`;
    await xcore.search({ containerId: CONTAINER, schema: PERSONALIZED_OFFER_SCHEMA, href });
    expect(fetch.last.url).toBe(`${ORIGIN}/data/core/xcore${href}`);
  });

  it("replaces with the revision quoted in If-Match, whatever form it was read in", async () => {
    const { fetch, xcore } = client();
    for (const etag of [3, "3", '"3"']) {
      await xcore.replace({
        containerId: CONTAINER,
        schema: PLACEMENT_SCHEMA,
        instanceId: INSTANCE,
        instance: adobePlacement,
        ifMatch: etag,
      });
      expect(fetch.last.headers["if-match"]).toBe('"3"');
    }
    expect(fetch.last).toMatchObject({
      method: "PUT",
      url: `${ORIGIN}/data/core/xcore/${CONTAINER}/instances/${INSTANCE}`,
      body: JSON.stringify({ _instance: adobePlacement, _links: {} }),
    });
    expect(withoutRequestId(fetch.last.headers)).toEqual({
      ...identity,
      accept: RECEIPT,
      "content-type": HAL_PLACEMENT,
      "if-match": '"3"',
    });
  });

  it("patches with the patch media type and If-Match", async () => {
    const { fetch, xcore } = client();
    const operations = fixture<[{ op: "replace"; path: "/_instance/xdm:name"; value: string }]>(
      "adobe-patch-placement-request.json",
    );
    await xcore.patch({
      containerId: CONTAINER,
      schema: PLACEMENT_SCHEMA,
      instanceId: INSTANCE,
      operations,
      ifMatch: 1,
    });
    expect(fetch.last).toMatchObject({
      method: "PATCH",
      url: `${ORIGIN}/data/core/xcore/${CONTAINER}/instances/${INSTANCE}`,
      body: JSON.stringify(operations),
    });
    expect(withoutRequestId(fetch.last.headers)).toEqual({
      ...identity,
      accept: RECEIPT,
      "content-type":
        'application/vnd.adobe.platform.xcore.patch.hal+json; version=1; schema="https://ns.adobe.com/experience/offer-management/offer-placement;version=0.4"',
      "if-match": '"1"',
    });
  });

  it("deletes, reading a 202 without a body as no data", async () => {
    const { fetch, xcore } = client({}, () => new Response(null, { status: 202 }));
    const { data, response } = await xcore.delete({ containerId: CONTAINER, instanceId: INSTANCE });
    expect(response.status).toBe(202);
    expect(data).toBeUndefined();
    expect(fetch.last).toMatchObject({
      method: "DELETE",
      url: `${ORIGIN}/data/core/xcore/${CONTAINER}/instances/${INSTANCE}`,
    });
    expect(withoutRequestId(fetch.last.headers)).toEqual({ ...identity, accept: RECEIPT });
  });

  it.each([
    ["a/b", "a%2Fb"],
    ["../../ods/decisions", "..%2F..%2Fods%2Fdecisions"],
    ["x?admin=1#top", "x%3Fadmin%3D1%23top"],
    ["%2e%2e", "%252e%252e"],
    ["id with space", "id%20with%20space"],
  ])("keeps the id %j inside its path segment", async (id, encoded) => {
    const { fetch, xcore } = client();
    await xcore.delete({ containerId: id, instanceId: id });
    expect(fetch.last.url).toBe(`${ORIGIN}/data/core/xcore/${encoded}/instances/${encoded}`);
    expect(new URL(fetch.last.url).pathname.split("/")).toHaveLength(7);
  });
});

describe("lost update races", () => {
  const conflict = () =>
    jsonResponse({ title: "Conflict", status: 409, detail: "expected etag 1, current etag 2" }, { status: 409 });
  const ref = { containerId: CONTAINER, schema: PLACEMENT_SCHEMA, instanceId: INSTANCE, ifMatch: 1 } as const;

  it("are never retried, PUT or PATCH, and unwrap to a ConflictError telling the caller to re-read", async () => {
    const { fetch, xcore } = client({ retry: { minDelay: 1, maxDelay: 2, retryNonIdempotent: true } }, conflict);
    const put = await unwrap(xcore.replace({ ...ref, instance: adobePlacement })).catch((e: unknown) => e);
    expect(fetch.requests).toHaveLength(1);
    const patch = await unwrap(
      xcore.patch({ ...ref, operations: [{ op: "replace", path: "/_instance/xdm:name", value: "x" }] }),
    ).catch((e: unknown) => e);
    expect(fetch.requests).toHaveLength(2);
    for (const error of [put, patch]) {
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 409, body: { detail: "expected etag 1, current etag 2" } });
      expect((error as Error).message).toMatch(/read it again/);
      expect((error as Error).message).not.toContain("token-1");
    }
  });

  it("while a PUT is retried on 503 and a PATCH is not", async () => {
    const busy = () => jsonResponse({ title: "busy" }, { status: 503 });
    const { fetch, xcore } = client({ retry: { minDelay: 1, maxDelay: 2 } }, busy);
    await xcore.patch({ ...ref, operations: [{ op: "remove", path: "/_instance/xdm:description" }] });
    expect(fetch.requests).toHaveLength(1);
    await xcore.replace({ ...ref, instance: adobePlacement });
    expect(fetch.requests).toHaveLength(4);
  });
});

describe("bad input is refused before any network call", () => {
  async function refusal(
    run: (xcore: ReturnType<typeof client>["xcore"]) => Promise<unknown>,
    overrides: Partial<XcoreClientOptions> = {},
  ) {
    const { fetch, xcore } = client(overrides);
    const error = await run(xcore).catch((e: unknown) => e);
    expect(fetch.requests).toHaveLength(0);
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  const list = { containerId: CONTAINER, schema: PERSONALIZED_OFFER_SCHEMA } as const;
  const ref = { containerId: CONTAINER, schema: PLACEMENT_SCHEMA, instanceId: INSTANCE } as const;
  type Loose = never;

  it.each([
    ["a missing container id", { containerId: undefined }, "path.containerId", "present"],
    ["a container id ..", { containerId: ".." }, "path.containerId", 'none of ".", ".."'],
    ["a missing schema", { schema: undefined }, "query.schema", "present"],
    ["an unknown schema", { schema: "https://ns.adobe.com/x;version=1" }, "query.schema", "one of"],
    ["a limit of 0", { limit: 0 }, "query.limit", "at least 1"],
    ["a fractional limit", { limit: 1.5 }, "query.limit", "an integer"],
    ["id and name together", { id: ["xcore:tag:1"], name: "a" }, "name", "mutually exclusive"],
    ["an empty property", { property: [""] }, "query.property[0]", "at least 1 character"],
  ])("a list with %s", async (_name, patch, field, allowed) => {
    const error = await refusal((xcore) => xcore.list({ ...list, ...patch } as Loose));
    expect(error.field).toBe(field);
    expect(error.allowed).toContain(allowed);
  });

  it.each(["XOR", "", "andor"])("a search with qop %j, while AND/OR pass in any case", async (qop) => {
    const error = await refusal((xcore) => xcore.search({ ...list, qop } as Loose));
    expect(error.field).toBe("query.qop");
    const { fetch, xcore } = client({}, () => jsonResponse(adobePage));
    for (const ok of ["AND", "or", "And", "OR"]) await xcore.search({ ...list, qop: ok } as Loose);
    expect(fetch.requests).toHaveLength(4);
  });

  it.each([
    ["another operation's link", `/${CONTAINER}/instances?schema=${PERSONALIZED_OFFER_SCHEMA}`],
    ["another container's link", `/other/queries/core/search?schema=${PERSONALIZED_OFFER_SCHEMA}`],
    ["another schema's link", `/${CONTAINER}/queries/core/search?schema=${DECISION_RULE_SCHEMA}`],
    ["a protocol-relative link", "//evil.example/queries/core/search"],
    ["a dot-segment link", `/${CONTAINER}/../../ods/decisions`],
    ["an absolute URL", `https://evil.example/${CONTAINER}/queries/core/search`],
  ])("a search following %s", async (_name, href) => {
    expect((await refusal((xcore) => xcore.search({ ...list, href }))).field).toBe("href");
  });

  it("a query option beside a link, which carries the whole query", async () => {
    const href = adobePage._links.next?.href ?? "";
    expect((await refusal((xcore) => xcore.search({ ...list, href, limit: 5 } as Loose))).field).toBe("limit");
  });

  it.each([".", "..", ""])("the instance id %j", async (instanceId) => {
    expect((await refusal((xcore) => xcore.get({ ...ref, instanceId }))).field).toBe("path.instanceId");
  });

  it("a read without a schema, which names the media type", async () => {
    expect((await refusal((xcore) => xcore.get({ ...ref, schema: undefined } as Loose))).field).toBe("schema");
  });

  it.each([
    ["move", "body[0].op", "one of add, replace, remove"],
    ["copy", "body[0].op", "one of add, replace, remove"],
  ])("a patch op %j", async (op, field, allowed) => {
    const error = await refusal((xcore) =>
      xcore.patch({ ...ref, operations: [{ op, path: "/_instance/xdm:name", from: "/x" }] } as Loose),
    );
    expect(error).toMatchObject({ field, allowed });
  });

  it("a patch outside the envelope, or replace without a value, or no operation at all", async () => {
    const bad = (operations: unknown) => refusal((xcore) => xcore.patch({ ...ref, operations } as Loose));
    expect((await bad([{ op: "replace", path: "/xdm:name", value: "x" }])).field).toBe("body[0].path");
    expect((await bad([{ op: "replace", path: "/_instance/xdm:name" }])).field).toBe("body[0].value");
    expect((await bad([])).field).toBe("body");
  });

  it.each([
    [-1, "ifMatch"],
    [1.5, "ifMatch"],
    ['a"b', "ifMatch"],
    ['W/"3"', "ifMatch"],
    ["", "ifMatch"],
  ])("the revision %j", async (ifMatch, field) => {
    const error = await refusal((xcore) => xcore.replace({ ...ref, instance: adobePlacement, ifMatch } as Loose));
    expect(error.field).toBe(field);
  });

  it("an instance that does not fit its type, named by its field (with the opt-in full validation)", async () => {
    const noName = await refusal(
      (xcore) => xcore.create({ containerId: CONTAINER, schema: PLACEMENT_SCHEMA, instance: {} as Placement }),
      { validation },
    );
    expect(noName).toMatchObject({ field: 'instance["xdm:name"]', allowed: "present" });
    const badType = await refusal(
      (xcore) =>
        xcore.create({
          containerId: CONTAINER,
          schema: PLACEMENT_SCHEMA,
          instance: { ...adobePlacement, "xdm:componentType": "text" } as Loose,
        }),
      { validation },
    );
    expect(badType.field).toBe('instance["xdm:componentType"]');
    const bare = await refusal(
      (xcore) =>
        xcore.replace({
          ...ref,
          format: "schema-instance",
          instance: { ...adobePlacement, "xdm:componentType": "text" } as Loose,
        }),
      { validation },
    );
    expect(bare.field).toBe('instance["xdm:componentType"]');
    const format = await refusal((xcore) =>
      xcore.create({
        containerId: CONTAINER,
        schema: PLACEMENT_SCHEMA,
        instance: adobePlacement,
        format: "xml",
      } as Loose),
    );
    expect(format.field).toBe("format");
  });

  it("an instance that is not an object, by default", async () => {
    for (const instance of [undefined, null, "x", []]) {
      const error = await refusal((xcore) =>
        xcore.create({ containerId: CONTAINER, schema: PLACEMENT_SCHEMA, instance } as Loose),
      );
      expect(error).toMatchObject({ field: "instance", allowed: "an object" });
    }
  });

  it("checks the patch rules the spec declares, by default", () => {
    const operation = schemas.JsonPatchOperation?.properties;
    expect(PATCH_OP_RULE).toEqual(operation?.op);
    expect(PATCH_PATH_RULE).toEqual(operation?.path);
  });

  it("no input at all", async () => {
    expect((await refusal((xcore) => xcore.get(undefined as Loose))).field).toBe("input");
  });
});
