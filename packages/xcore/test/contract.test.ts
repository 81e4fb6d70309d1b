import { readFileSync } from "node:fs";
import { ApiError, ConflictError, unwrap } from "@offerkit/core";
import {
  contractOperation,
  expectedUserAgent,
  loadSpec,
  recordingFetch,
  responseSchemaChecker,
} from "@offerkit/testkit";
import { describe, expect, inject, it } from "vitest";
import {
  COLLECTION_QUALIFIER_SCHEMA,
  COLLECTION_SCHEMA,
  createXcoreClient,
  DECISION_RULE_SCHEMA,
  DECISION_SCHEMA,
  FALLBACK_OFFER_SCHEMA,
  HOME_MEDIA_TYPE,
  halMediaType,
  type InstanceInput,
  nextPageOf,
  type PatchOperation,
  PERSONALIZED_OFFER_SCHEMA,
  PLACEMENT_SCHEMA,
  patchMediaType,
  RECEIPT_MEDIA_TYPE,
  RESULTS_MEDIA_TYPE,
  type SchemaId,
  schemaInstanceMediaType,
  VERSION,
  type XcoreCallOptions,
} from "../src/index.js";
import { rawClient } from "../src/raw.js";
import { validation } from "../src/validation.js";

// Every operation of specs/xcore.yaml, called through the client against Prism serving the spec.
const baseUrl = inject("prismUrl");
const checkSchema = responseSchemaChecker("xcore");
const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const CONTAINER = "e0bd8463-0913-4ca1-bd84-6309134ca1f6";
const INSTANCE = "9ff9e0e0-2ba6-11ec-9a51-4b09e8f4f7e1";
const PROBLEM_TYPES = ["application/problem+json", "application/json"];

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as T;

/** The seven types, each with the name of its example in the spec's components. */
const TYPES = [
  { schema: PERSONALIZED_OFFER_SCHEMA, example: "PersonalizedOffer" },
  { schema: FALLBACK_OFFER_SCHEMA, example: "FallbackOffer" },
  { schema: PLACEMENT_SCHEMA, example: "Placement" },
  { schema: DECISION_SCHEMA, example: "Decision" },
  { schema: COLLECTION_SCHEMA, example: "Collection" },
  { schema: COLLECTION_QUALIFIER_SCHEMA, example: "CollectionQualifier" },
  { schema: DECISION_RULE_SCHEMA, example: "DecisionRule" },
] as const;

type Examples = Record<string, { value: unknown }>;
const examples = (loadSpec("xcore").components?.examples ?? {}) as Examples;
const example = <T>(name: string): T => examples[name]?.value as T;

function client() {
  const fetch = recordingFetch();
  const xcore = createXcoreClient({
    auth: { accessToken: "contract-token", apiKey: "contract-key" },
    imsOrgId: ORG,
    sandboxName: "prod",
    sandboxId: "sandbox-1",
    baseUrl,
    fetch,
    retry: false,
    // Every example and payload sent here also passes the opt-in full check of its type.
    validation,
  });
  return { fetch, xcore };
}

/** Checked on what was really sent: Prism accepts any JSON Content-Type and ignores media-type parameters. */
function expectWireHeaders(headers: Readonly<Record<string, string>>, accept: string, contentType?: string) {
  expect(headers).toMatchObject({
    accept,
    authorization: "Bearer contract-token",
    "x-api-key": "contract-key",
    "x-gw-ims-org-id": ORG,
    "x-sandbox-name": "prod",
    "x-sandbox-id": "sandbox-1",
    "user-agent": expectedUserAgent("xcore", VERSION),
  });
  expect(headers["content-type"]).toBe(contentType);
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
}

/**
 * What Prism found wrong with the request. Prism also checks its own answer, but against the first JSON media type
 * of the response (it ignores media-type parameters), so a placement read is checked as if it were an offer; the
 * answer is checked here instead, with ajv against the schema of its exact media type.
 */
function requestViolations(response: Response): unknown[] {
  const violations = JSON.parse(response.headers.get("sl-violations") ?? "[]") as { location: string[] }[];
  return violations.filter((violation) => violation.location[0] === "request");
}

/** A success answer: no violation in the request, the exact media type, a body of the declared shape. */
function expectSuccess(operationId: string, result: { data?: unknown; response: Response }, mediaType: string) {
  expect(requestViolations(result.response)).toEqual([]);
  expect(result.response.ok).toBe(true);
  expect(result.response.headers.get("content-type")).toBe(mediaType);
  expect(checkSchema(operationId, result.response.status, mediaType, result.data)).toEqual({ valid: true, errors: [] });
}

/** Asks Prism for one documented status and checks the typed answer and the error `unwrap` makes of it. */
async function expectStatus(
  operationId: string,
  status: number,
  run: (options: XcoreCallOptions) => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fetch: ReturnType<typeof client>["fetch"],
  accept: string,
) {
  const withProblems = `${accept}, application/problem+json`;
  const result = await run({ headers: { Accept: withProblems, Prefer: `code=${status}` } });
  expect(result.response.status).toBe(status);
  expect(requestViolations(result.response)).toEqual([]);
  expect(fetch.last.headers.accept).toBe(withProblems);
  if (status < 400) return result;
  const mediaType = result.response.headers.get("content-type")?.split(";")[0] ?? "";
  expect(PROBLEM_TYPES).toContain(mediaType);
  expect(checkSchema(operationId, status, mediaType, result.error)).toEqual({ valid: true, errors: [] });
  const error = await unwrap(result).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(status === 409 ? ConflictError : ApiError);
  // The gateway's id when it answers with one, else the id we sent: either way the call can be found in Adobe's logs.
  const requestId = result.response.headers.get("x-request-id") ?? fetch.last.headers["x-request-id"];
  expect(error).toMatchObject({ status, body: result.error, requestId });
  return result;
}

describe("listContainers", () => {
  const op = contractOperation("xcore", "listContainers");

  it("lists the containers, filtered with repeated parameters", async () => {
    const { fetch, xcore } = client();
    const result = await xcore.listContainers({ product: ["acp"], property: ["_instance.containerType==decisioning"] });
    expectSuccess(op.operationId, result, HOME_MEDIA_TYPE);
    const containers = result.data?._embedded["https://ns.adobe.com/experience/xcore/container"] ?? [];
    expect(containers[0]?._instance.containerType).toBe("decisioning");
    expect(fetch.last.method).toBe("GET");
    expect(new URL(fetch.last.url).pathname).toBe(op.path);
    expect(new URL(fetch.last.url).searchParams.getAll("property")).toEqual(["_instance.containerType==decisioning"]);
    expectWireHeaders(fetch.last.headers, HOME_MEDIA_TYPE);
  });

  it.each(op.errorStatuses)("answers documented status %i in the typed shape", async (status) => {
    const { fetch, xcore } = client();
    await expectStatus(op.operationId, status, (o) => xcore.listContainers(undefined, o), fetch, HOME_MEDIA_TYPE);
  });
});

describe("createInstance", () => {
  const op = contractOperation("xcore", "createInstance");

  it.each(TYPES)("creates a $example in the HAL envelope", async ({ schema, example: name }) => {
    const { fetch, xcore } = client();
    const instance = example<InstanceInput<SchemaId>>(name);
    const result = await xcore.create({ containerId: CONTAINER, schema, instance } as never);
    expectSuccess(op.operationId, result, RECEIPT_MEDIA_TYPE);
    expect(op.successStatuses).toContain(result.response.status);
    expect(fetch.last.method).toBe("POST");
    expect(new URL(fetch.last.url).pathname).toBe(op.path.replace("{containerId}", CONTAINER));
    expect(JSON.parse(fetch.last.body)).toEqual({ _instance: instance, _links: {} });
    expectWireHeaders(fetch.last.headers, RECEIPT_MEDIA_TYPE, halMediaType(schema));
  });

  it.each(TYPES)("creates a bare $example with the schema-instance media type", async ({ schema, example: name }) => {
    const { fetch, xcore } = client();
    const instance = example<InstanceInput<SchemaId>>(name);
    const result = await xcore.create({ containerId: CONTAINER, schema, instance, format: "schema-instance" } as never);
    expectSuccess(op.operationId, result, RECEIPT_MEDIA_TYPE);
    expect(JSON.parse(fetch.last.body)).toEqual(instance);
    expectWireHeaders(fetch.last.headers, RECEIPT_MEDIA_TYPE, schemaInstanceMediaType(schema));
  });

  it("accepts Adobe's documented placement and answers its receipt shape, with Location and Content-Base", async () => {
    const { xcore } = client();
    const result = await xcore.create(
      {
        containerId: CONTAINER,
        schema: PLACEMENT_SCHEMA,
        instance: fixture("adobe-create-placement-request.json"),
        format: "schema-instance",
      },
      { headers: { Prefer: "code=201" } },
    );
    expectSuccess(op.operationId, result, RECEIPT_MEDIA_TYPE);
    expect(result.response.headers.get("location")).toMatch(/^\/.+\/instances\/.+$/);
    expect(result.response.headers.get("content-base")).toBeTruthy();
    const documented = fixture("adobe-create-placement-response.json");
    for (const status of op.successStatuses) {
      expect(checkSchema(op.operationId, status, RECEIPT_MEDIA_TYPE, documented)).toEqual({ valid: true, errors: [] });
    }
  });

  it.each(op.errorStatuses)("answers documented status %i in the typed shape", async (status) => {
    const { fetch, xcore } = client();
    const instance = example<InstanceInput<typeof PLACEMENT_SCHEMA>>("Placement");
    const create = (o: XcoreCallOptions) =>
      xcore.create({ containerId: CONTAINER, schema: PLACEMENT_SCHEMA, instance }, o);
    await expectStatus(op.operationId, status, create, fetch, RECEIPT_MEDIA_TYPE);
  });
});

describe("getInstance", () => {
  const op = contractOperation("xcore", "getInstance");
  const envelopes = Object.fromEntries(TYPES.map(({ schema, example: name }) => [schema, `${name}Envelope`]));

  it.each(TYPES)("reads a $example, typed and in its own media type", async ({ schema }) => {
    const { fetch, xcore } = client();
    const result = await xcore.get({ containerId: CONTAINER, schema, instanceId: INSTANCE });
    expectSuccess(op.operationId, result, halMediaType(schema));
    expect(result.data).toEqual(example(envelopes[schema] ?? ""));
    expect(result.data?._links?.self?.["@type"]).toBe(schema);
    expect(fetch.last.method).toBe("GET");
    expect(new URL(fetch.last.url).pathname).toBe(
      op.path.replace("{containerId}", CONTAINER).replace("{instanceId}", INSTANCE),
    );
    expectWireHeaders(fetch.last.headers, halMediaType(schema));
  });

  it.each(op.statuses.filter((s) => s >= 300))("answers documented status %i", async (status) => {
    const { fetch, xcore } = client();
    const get = (o: XcoreCallOptions) =>
      xcore.get({ containerId: CONTAINER, schema: PLACEMENT_SCHEMA, instanceId: INSTANCE, ifNoneMatch: 1 }, o);
    const result = await expectStatus(op.operationId, status, get, fetch, halMediaType(PLACEMENT_SCHEMA));
    expect(fetch.last.headers["if-none-match"]).toBe('"1"');
    if (status === 304) expect(result.data).toBeUndefined();
  });
});

describe.each([
  { operation: "list", op: contractOperation("xcore", "listInstances") },
  { operation: "search", op: contractOperation("xcore", "searchInstances") },
] as const)("$op.operationId", ({ operation, op }) => {
  const pageExamples = ["PersonalizedOffersPage", "PlacementsPage", "CollectionQualifiersPage", "EmptyPage"];
  const named = {
    adobePersonalizedOffers: "PersonalizedOffersPage",
    placements: "PlacementsPage",
    collectionQualifiers: "CollectionQualifiersPage",
    empty: "EmptyPage",
  };

  it.each(Object.entries(named))("answers the %s page in the typed shape", async (name, component) => {
    const { fetch, xcore } = client();
    const result = await xcore[operation](
      {
        containerId: CONTAINER,
        schema: PERSONALIZED_OFFER_SCHEMA,
        orderby: "-repo:createdDate",
        limit: 2,
        property: ["_instance.xdm:status==approved", "_instance.xdm:rank.xdm:priority>=1"],
        ...(operation === "search" ? { q: "checking", qop: "and", field: ["_instance.xdm:name"] } : {}),
      },
      { headers: { Prefer: `example=${name}` } },
    );
    expectSuccess(op.operationId, result, RESULTS_MEDIA_TYPE);
    expect(result.data).toEqual(example(component));
    const sent = new URL(fetch.last.url);
    expect(sent.pathname).toBe(op.path.replace("{containerId}", CONTAINER));
    expect(sent.searchParams.getAll("property")).toEqual([
      "_instance.xdm:status==approved",
      "_instance.xdm:rank.xdm:priority>=1",
    ]);
    expectWireHeaders(fetch.last.headers, RESULTS_MEDIA_TYPE);
  });

  it("looks up by repeated @id and by name", async () => {
    const { fetch, xcore } = client();
    const byId = await xcore[operation]({
      containerId: CONTAINER,
      schema: PLACEMENT_SCHEMA,
      id: ["xcore:offer-placement:124e8bb2b6bbf5c9", "xcore:offer-placement:124e0be5699743d3"],
    });
    expectSuccess(op.operationId, byId, RESULTS_MEDIA_TYPE);
    expect(new URL(fetch.last.url).searchParams.getAll("id")).toHaveLength(2);
    const byName = await xcore[operation]({ containerId: CONTAINER, schema: DECISION_RULE_SCHEMA, name: "Female*" });
    expectSuccess(op.operationId, byName, RESULTS_MEDIA_TYPE);
  });

  it("follows the next link of Adobe's documented page exactly, and Prism accepts it", async () => {
    const { fetch, xcore } = client();
    const adobePage = fixture<Parameters<typeof nextPageOf>[0]>("adobe-search-personalized-offers-response.json");
    const next = nextPageOf(adobePage);
    expect(next?.operation).toBe("search");
    // The same link, pointed at this operation's path.
    const href = (next?.href ?? "").replace("/queries/core/search", operation === "list" ? "/instances" : "$&");
    const result = await xcore[operation]({ containerId: CONTAINER, schema: PERSONALIZED_OFFER_SCHEMA, href });
    expectSuccess(op.operationId, result, RESULTS_MEDIA_TYPE);
    expect(fetch.last.url).toBe(`${baseUrl}/data/core/xcore${href}`);
    for (const pageExample of pageExamples) {
      expect(checkSchema(op.operationId, 200, RESULTS_MEDIA_TYPE, example(pageExample)).valid).toBe(true);
    }
  });

  it.each(op.errorStatuses)("answers documented status %i in the typed shape", async (status) => {
    const { fetch, xcore } = client();
    const run = (o: XcoreCallOptions) =>
      xcore[operation]({ containerId: CONTAINER, schema: COLLECTION_SCHEMA, limit: 10 }, o);
    await expectStatus(op.operationId, status, run, fetch, RESULTS_MEDIA_TYPE);
  });

  it("is refused by the spec, not just by the client, with a limit of 0", async () => {
    // The raw client skips offerkit's checks, so this shows Prism (that is, the spec) refusing it too.
    const { xcore } = client();
    const header = { "x-gw-ims-org-id": ORG, "x-sandbox-name": "prod" };
    const params = { header, path: { containerId: CONTAINER }, query: { schema: PLACEMENT_SCHEMA, limit: 0 } };
    const { response } =
      operation === "list"
        ? await rawClient(xcore).GET("/data/core/xcore/{containerId}/instances", { params })
        : await rawClient(xcore).GET("/data/core/xcore/{containerId}/queries/core/search", { params });
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toMatch(/limit/);
  });
});

describe("searchInstances with Adobe's documented request", () => {
  const op = contractOperation("xcore", "searchInstances");

  it("sends it, gets a page, and Adobe's documented answer fits the spec", async () => {
    const request = fixture<{ path: string; query: { schema: typeof PERSONALIZED_OFFER_SCHEMA; limit: number } }>(
      "adobe-search-personalized-offers-request.json",
    );
    const { fetch, xcore } = client();
    const result = await xcore.search({ containerId: CONTAINER, ...request.query });
    expectSuccess(op.operationId, result, RESULTS_MEDIA_TYPE);
    expect(new URL(fetch.last.url).pathname).toBe(request.path);
    const documented = fixture("adobe-search-personalized-offers-response.json");
    expect(checkSchema(op.operationId, 200, RESULTS_MEDIA_TYPE, documented)).toEqual({ valid: true, errors: [] });
  });
});

describe("replaceInstance", () => {
  const op = contractOperation("xcore", "replaceInstance");

  it.each(TYPES)("replaces a $example, based on the revision read", async ({ schema, example: name }) => {
    const { fetch, xcore } = client();
    const instance = example<InstanceInput<SchemaId>>(name);
    const result = await xcore.replace({
      containerId: CONTAINER,
      schema,
      instanceId: INSTANCE,
      instance,
      ifMatch: 2,
    } as never);
    expectSuccess(op.operationId, result, RECEIPT_MEDIA_TYPE);
    expect(fetch.last.method).toBe("PUT");
    expect(fetch.last.headers["if-match"]).toBe('"2"');
    expectWireHeaders(fetch.last.headers, RECEIPT_MEDIA_TYPE, halMediaType(schema));
  });

  it.each(op.errorStatuses)("answers documented status %i in the typed shape", async (status) => {
    const { fetch, xcore } = client();
    const instance = example<InstanceInput<typeof COLLECTION_SCHEMA>>("Collection");
    const replace = (o: XcoreCallOptions) =>
      xcore.replace(
        { containerId: CONTAINER, schema: COLLECTION_SCHEMA, instanceId: INSTANCE, instance, ifMatch: "1" },
        o,
      );
    await expectStatus(op.operationId, status, replace, fetch, RECEIPT_MEDIA_TYPE);
    expect(fetch.requests).toHaveLength(1);
  });
});

describe("patchInstance", () => {
  const op = contractOperation("xcore", "patchInstance");

  it.each(TYPES)("patches a $example with its patch media type", async ({ schema }) => {
    const { fetch, xcore } = client();
    const operations: PatchOperation<SchemaId>[] = [
      { op: "replace", path: "/_instance/xdm:name", value: "Renamed" },
      { op: "remove", path: "/_instance/xdm:name" },
    ];
    const result = await xcore.patch({ containerId: CONTAINER, schema, instanceId: INSTANCE, operations, ifMatch: 3 });
    expectSuccess(op.operationId, result, RECEIPT_MEDIA_TYPE);
    expect(fetch.last.method).toBe("PATCH");
    expect(JSON.parse(fetch.last.body)).toEqual(operations);
    expect(fetch.last.headers["if-match"]).toBe('"3"');
    expectWireHeaders(fetch.last.headers, RECEIPT_MEDIA_TYPE, patchMediaType(schema));
  });

  it("accepts Adobe's documented placement update", async () => {
    const { xcore } = client();
    const operations = fixture<PatchOperation<typeof PLACEMENT_SCHEMA>[]>("adobe-patch-placement-request.json");
    const result = await xcore.patch({
      containerId: CONTAINER,
      schema: PLACEMENT_SCHEMA,
      instanceId: INSTANCE,
      operations,
    });
    expectSuccess(op.operationId, result, RECEIPT_MEDIA_TYPE);
  });

  it.each(op.errorStatuses)("answers documented status %i in the typed shape", async (status) => {
    const { fetch, xcore } = client();
    const patch = (o: XcoreCallOptions) =>
      xcore.patch(
        {
          containerId: CONTAINER,
          schema: PERSONALIZED_OFFER_SCHEMA,
          instanceId: INSTANCE,
          operations: [{ op: "replace", path: "/_instance/xdm:status", value: "approved" }],
          ifMatch: 1,
        },
        o,
      );
    await expectStatus(op.operationId, status, patch, fetch, RECEIPT_MEDIA_TYPE);
    expect(fetch.requests).toHaveLength(1);
  });

  it("is refused by the spec, not just by the client, with a move operation", async () => {
    const { xcore } = client();
    const { response } = await rawClient(xcore).PATCH("/data/core/xcore/{containerId}/instances/{instanceId}", {
      params: {
        header: { "x-gw-ims-org-id": ORG, "x-sandbox-name": "prod" },
        path: { containerId: CONTAINER, instanceId: INSTANCE },
      },
      body: [{ op: "move", path: "/_instance/xdm:name" }] as never,
    });
    // Prism answers a request violation with 422 when the operation declares it, as patchInstance does.
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toMatch(/op/);
  });
});

describe("deleteInstance", () => {
  const op = contractOperation("xcore", "deleteInstance");

  it("deletes and answers 202", async () => {
    const { fetch, xcore } = client();
    const result = await xcore.delete({ containerId: CONTAINER, instanceId: INSTANCE });
    expect(result.response.status).toBe(202);
    expectSuccess(op.operationId, result, RECEIPT_MEDIA_TYPE);
    expect(fetch.last.method).toBe("DELETE");
    expect(fetch.last.body).toBe("");
    expectWireHeaders(fetch.last.headers, RECEIPT_MEDIA_TYPE);
  });

  it.each(op.errorStatuses)("answers documented status %i in the typed shape", async (status) => {
    const { fetch, xcore } = client();
    const remove = (o: XcoreCallOptions) => xcore.delete({ containerId: CONTAINER, instanceId: INSTANCE }, o);
    await expectStatus(op.operationId, status, remove, fetch, RECEIPT_MEDIA_TYPE);
  });
});
