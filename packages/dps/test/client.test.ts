// Exact-wire tests of every method (method, URL, every header, body) with a fake fetch, and every refusal of bad
// input before the network.
import { fakeFetch, fixedTokenIdentity, jsonResponse, withoutRequestId } from "@offerkit/testkit";
import { describe, expect, it } from "vitest";
import { schemas } from "../src/generated/request-rules.js";
import {
  ApiError,
  ConflictError,
  createDpsClient,
  type DpsClient,
  type DpsClientOptions,
  MIGRATION_ORIGIN,
  nextPageOf,
  PATCH_OPS,
  PATCH_POINTER_PATTERN,
  type PatchOperation,
  TERMINAL_WORKFLOW_STATUSES,
  unwrap,
  ValidationError,
  VERSION,
} from "../src/index.js";
import { validation } from "../src/validation.js";

const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const DPS = "https://platform.adobe.io/data/core/dps";
const SCHEMA_ID = "https://ns.adobe.com/acme/schemas/0123456789abcdef0123456789abcdef";
const ITEM_ID = "dps:offer-item:19af09a9ae45a8d3";
const ITEM_PATH = "dps%3Aoffer-item%3A19af09a9ae45a8d3";
const RECEIPT = { id: ITEM_ID, etag: 1, createdBy: "acme@AdobeID", sandboxId: "sandbox-1" };
const WORKFLOW = { id: "0b7e6d2c-9f7e-4a53-9d0e-2f1b6a3c4d5e", status: "New" };
const JSON_TYPE = "application/json";

function client(overrides: Partial<DpsClientOptions> = {}, respond = () => jsonResponse(RECEIPT)) {
  const fetch = fakeFetch(respond);
  const dps = createDpsClient({
    auth: { accessToken: "token-1", apiKey: "key-1" },
    imsOrgId: ORG,
    sandboxName: "prod",
    fetch,
    ...overrides,
  });
  return { fetch, dps };
}

const identity = fixedTokenIdentity("dps", VERSION, ORG);
const reading = { ...identity, accept: JSON_TYPE };
const writing = { ...reading, "content-type": JSON_TYPE };

/** A resource's methods, loosely typed, so one table drives them all. */
type Loose = Record<string, (...args: unknown[]) => Promise<{ data?: unknown; response: Response }>>;
const loose = (dps: DpsClient, name: keyof DpsClient) => dps[name] as unknown as Loose;
/** Calls one method of a resource by name; a method the resource lacks fails the test. */
function call(dps: DpsClient, name: keyof DpsClient, method: string, ...args: unknown[]) {
  const run = loose(dps, name)[method];
  if (!run) throw new Error(`${name} has no ${method}`);
  return run(...args);
}

/** Every resource: its path, how it is updated, and the query or header every call of it carries. */
const RESOURCES = [
  { name: "offerItems", path: "/offer-items", update: "patch", headers: { "x-schema-id": SCHEMA_ID } },
  { name: "itemCollections", path: "/item-collections", update: "patch" },
  { name: "selectionStrategies", path: "/selection-strategies", update: "patch" },
  { name: "eligibilityRules", path: "/offer-rules", update: "replace" },
  { name: "rankingFormulas", path: "/ranking-formulas", update: "replace" },
  { name: "exdPlacements", path: "/exd-placements", update: "replace", noDelete: true },
  { name: "personalizedOffers", path: "/offers", update: "patch", query: "offer-type=personalized" },
  { name: "fallbackOffers", path: "/offers", update: "patch", query: "offer-type=fallback" },
  { name: "placements", path: "/placements", update: "patch" },
  { name: "offerCollections", path: "/offer-collections", update: "patch" },
  { name: "decisionRules", path: "/offer-rules", update: "patch" },
  { name: "tags", path: "/tags", update: "patch" },
  { name: "decisions", path: "/offer-decisions", update: "patch" },
] as const satisfies readonly {
  name: keyof DpsClient;
  path: string;
  update: "patch" | "replace";
  headers?: Record<string, string>;
  query?: string;
  noDelete?: boolean;
}[];

const PATCH: PatchOperation[] = [
  { op: "replace", path: "/name", value: "Summer sale" },
  { op: "remove", path: "/description" },
];
const BODY = { name: "Summer sale", description: "Up to 30% off" };

describe.each(RESOURCES)("$name, byte for byte", (resource) => {
  const extra = "headers" in resource ? resource.headers : {};
  const query = "query" in resource ? resource.query : undefined;
  const url = (path: string, search?: string) =>
    `${DPS}${path}${[search, query].filter(Boolean).length ? `?${[search, query].filter(Boolean).join("&")}` : ""}`;
  const options: Partial<DpsClientOptions> = "headers" in resource ? { schemaId: SCHEMA_ID } : {};

  it("creates with a JSON body, answered by the receipt", async () => {
    const { fetch, dps } = client(options);
    const { data } = await call(dps, resource.name, "create", BODY);
    expect(data).toEqual(RECEIPT);
    expect(fetch.last).toMatchObject({ method: "POST", url: url(resource.path), body: JSON.stringify(BODY) });
    expect(withoutRequestId(fetch.last.headers)).toEqual({ ...writing, ...extra });
  });

  it("lists with every query option: property repeated and encoded, orderby joined", async () => {
    const { fetch, dps } = client(options, () => jsonResponse({ results: [], count: 0, total: 0 }));
    await call(dps, resource.name, "list", {
      property: ["name~^Summer", "status==approved"],
      orderby: ["-modified", "name"],
      limit: 2,
      start: "2024-06-28T03:44:15.630Z",
    });
    expect(fetch.last).toMatchObject({
      method: "GET",
      url: url(
        resource.path,
        "property=name~%5ESummer&property=status%3D%3Dapproved&orderby=-modified%2Cname&limit=2&start=2024-06-28T03%3A44%3A15.630Z",
      ),
      body: "",
    });
    expect(withoutRequestId(fetch.last.headers)).toEqual({ ...reading, ...extra });
  });

  it("lists with no query at all", async () => {
    const { fetch, dps } = client(options, () => jsonResponse({ results: [] }));
    await call(dps, resource.name, "list");
    expect(fetch.last.url).toBe(url(resource.path));
  });

  it("follows a next link exactly as the server wrote it", async () => {
    const { fetch, dps } = client(options, () => jsonResponse({ results: [] }));
    const href = `${resource.path}?orderby=-modified&limit=2&start=2024-06-28T03:44:15.630Z${query ? `&${query}` : ""}`;
    const next = nextPageOf({ _links: { next: { href } } });
    expect(next).toEqual({ next: href });
    await call(dps, resource.name, "list", next);
    expect(fetch.last.url).toBe(`${DPS}${href}`);
    expect(withoutRequestId(fetch.last.headers)).toEqual({ ...reading, ...extra });
  });

  it("reads by an opaque id, its colons percent-encoded inside the path segment", async () => {
    const { fetch, dps } = client(options, () => jsonResponse({ id: ITEM_ID }));
    const { data } = await call(dps, resource.name, "get", ITEM_ID);
    expect(data).toEqual({ id: ITEM_ID });
    expect(fetch.last).toMatchObject({ method: "GET", url: url(`${resource.path}/${ITEM_PATH}`), body: "" });
    expect(withoutRequestId(fetch.last.headers)).toEqual({ ...reading, ...extra });
  });

  if (resource.update === "patch") {
    it("patches with JSON Patch sent as application/json", async () => {
      const { fetch, dps } = client(options);
      const { data } = await call(dps, resource.name, "patch", ITEM_ID, PATCH);
      expect(data).toEqual(RECEIPT);
      expect(fetch.last).toMatchObject({
        method: "PATCH",
        url: url(`${resource.path}/${ITEM_PATH}`),
        body: JSON.stringify(PATCH),
      });
      expect(withoutRequestId(fetch.last.headers)).toEqual({ ...writing, ...extra });
      expect(loose(dps, resource.name).replace).toBeUndefined();
    });
  } else {
    it("replaces with the whole object (PUT)", async () => {
      const { fetch, dps } = client(options);
      const { data } = await call(dps, resource.name, "replace", ITEM_ID, BODY);
      expect(data).toEqual(RECEIPT);
      expect(fetch.last).toMatchObject({
        method: "PUT",
        url: url(`${resource.path}/${ITEM_PATH}`),
        body: JSON.stringify(BODY),
      });
      expect(withoutRequestId(fetch.last.headers)).toEqual({ ...writing, ...extra });
      expect(loose(dps, resource.name).patch).toBeUndefined();
    });
  }

  if ("noDelete" in resource) {
    it("has no delete: Adobe documents none", () => {
      expect(loose(client().dps, resource.name).delete).toBeUndefined();
    });
  } else {
    it("deletes, reading the 200 without a body as no data", async () => {
      const { fetch, dps } = client(options, () => new Response(null, { status: 200 }));
      const result = await call(dps, resource.name, "delete", ITEM_ID);
      expect(result.response.status).toBe(200);
      expect(result.data).toBeUndefined();
      expect(fetch.last).toMatchObject({ method: "DELETE", url: url(`${resource.path}/${ITEM_PATH}`), body: "" });
      expect(withoutRequestId(fetch.last.headers)).toEqual({ ...reading, ...extra });
    });
  }
});

describe("decision items and their x-schema-id", () => {
  it("sends the call's schemaId over the client's", async () => {
    const { fetch, dps } = client({ schemaId: SCHEMA_ID });
    await dps.offerItems.get(ITEM_ID, { schemaId: "https://ns.adobe.com/acme/schemas/other" });
    expect(fetch.last.headers["x-schema-id"]).toBe("https://ns.adobe.com/acme/schemas/other");
    await dps.offerItems.get(ITEM_ID);
    expect(fetch.last.headers["x-schema-id"]).toBe(SCHEMA_ID);
  });

  it("takes it per call when the client has none", async () => {
    const { fetch, dps } = client();
    await dps.offerItems.delete(ITEM_ID, { schemaId: SCHEMA_ID });
    expect(fetch.last.headers["x-schema-id"]).toBe(SCHEMA_ID);
  });

  it("refuses every item call without one, naming schemaId, before the network", async () => {
    const { fetch, dps } = client();
    const calls = [
      () => dps.offerItems.create({} as never),
      () => dps.offerItems.list(),
      () => dps.offerItems.get(ITEM_ID),
      () => dps.offerItems.patch(ITEM_ID, PATCH),
      () => dps.offerItems.delete(ITEM_ID),
    ];
    for (const call of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: "schemaId" });
      expect((error as Error).message).toMatch(/x-schema-id/);
    }
    expect(fetch.requests).toHaveLength(0);
  });

  it("sends no x-schema-id on any other resource, and refuses the option there", async () => {
    const { fetch, dps } = client({ schemaId: SCHEMA_ID });
    await dps.itemCollections.get(ITEM_ID);
    expect(fetch.last.headers).not.toHaveProperty("x-schema-id");
    const error = await dps.itemCollections.get(ITEM_ID, { schemaId: SCHEMA_ID } as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ field: "options.schemaId" });
  });

  it.each([
    ["", "schemaId"],
    ["has space", "schemaId"],
    [42, "schemaId"],
  ])("refuses the client option %j", (schemaId, field) => {
    expect(() => client({ schemaId: schemaId as string })).toThrow(ValidationError);
    try {
      client({ schemaId: schemaId as string });
    } catch (error) {
      expect(error).toMatchObject({ field });
    }
  });

  it("refuses a malformed per-call schemaId", async () => {
    const { fetch, dps } = client({ schemaId: SCHEMA_ID });
    const error = await dps.offerItems.get(ITEM_ID, { schemaId: "a\nb" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ field: "options.schemaId" });
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("offers of one type", () => {
  it("adds offer-type to a next link that lacks it, and keeps the server's spelling when it has it", async () => {
    const { fetch, dps } = client({}, () => jsonResponse({ results: [] }));
    await dps.personalizedOffers.list({ next: "/offers?limit=2&start=2023-05-15T14%3A35%3A16.781Z" });
    expect(fetch.last.url).toBe(`${DPS}/offers?limit=2&start=2023-05-15T14%3A35%3A16.781Z&offer-type=personalized`);
    await dps.fallbackOffers.list({ next: "/offers" });
    expect(fetch.last.url).toBe(`${DPS}/offers?offer-type=fallback`);
    await dps.personalizedOffers.list({ next: "/offers?limit=2&offer-type=PERSONALIZED" });
    expect(fetch.last.url).toBe(`${DPS}/offers?limit=2&offer-type=PERSONALIZED`);
  });

  it("refuses a link to the other type's offers", async () => {
    const { fetch, dps } = client();
    const error = await dps.personalizedOffers.list({ next: "/offers?offer-type=fallback" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ field: "query.next" });
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("the Decisioning Migration API", () => {
  const DEPENDENCIES = {
    imsOrgId: ORG,
    sourceSandboxDetails: { sandboxName: "prod" },
    targetSandboxDetails: { sandboxName: "exd-target" },
  };
  const MIGRATION = { ...DEPENDENCIES, createDataStream: true, dependency: { datasetName: "ExD decisions" } };
  const WORKFLOW_ID = "0b7e6d2c-9f7e-4a53-9d0e-2f1b6a3c4d5e";
  const answer = () => jsonResponse(WORKFLOW);

  it.each([
    ["startDependencyAnalysis", "/workflows/generate-dependencies?request-level=sandbox", DEPENDENCIES],
    ["startMigration", "/workflows/migration?request-level=sandbox", MIGRATION],
  ] as const)("%s posts the request to the migration origin, the level in the query", async (name, path, body) => {
    const { fetch, dps } = client({}, answer);
    const { data } = await dps.migration[name]("sandbox", body as never);
    expect(data).toEqual(WORKFLOW);
    expect(fetch.last).toMatchObject({ method: "POST", url: `${MIGRATION_ORIGIN}${path}`, body: JSON.stringify(body) });
    expect(withoutRequestId(fetch.last.headers)).toEqual(writing);
  });

  it.each(["sandbox", "offer", "decision"] as const)("sends the request level %s", async (level) => {
    const { fetch, dps } = client({}, answer);
    await dps.migration.startMigration(level, MIGRATION);
    expect(new URL(fetch.last.url).searchParams.get("request-level")).toBe(level);
  });

  it("starts a rollback of a migration workflow", async () => {
    const { fetch, dps } = client({}, answer);
    await dps.migration.startRollback(WORKFLOW_ID);
    expect(fetch.last).toMatchObject({
      method: "POST",
      url: `${MIGRATION_ORIGIN}/workflows/rollback`,
      body: JSON.stringify({ rollbackWorkflowId: WORKFLOW_ID }),
    });
    expect(withoutRequestId(fetch.last.headers)).toEqual(writing);
  });

  it.each([
    ["getDependencyAnalysis", "/workflows/generate-dependencies/"],
    ["getMigration", "/workflows/migration/"],
    ["getRollback", "/workflows/rollback/"],
  ] as const)("%s reads a workflow by its id, encoded", async (name, path) => {
    const { fetch, dps } = client({}, answer);
    const { data } = await dps.migration[name]("wf:1/2");
    expect(data).toEqual(WORKFLOW);
    expect(fetch.last).toMatchObject({ method: "GET", url: `${MIGRATION_ORIGIN}${path}wf%3A1%2F2`, body: "" });
    expect(withoutRequestId(fetch.last.headers)).toEqual(reading);
  });

  it("goes to migrationBaseUrl when given, and says where both APIs are", async () => {
    const { fetch, dps } = client({ migrationBaseUrl: "http://127.0.0.1:4010/", baseUrl: "http://127.0.0.1:4010" });
    expect(dps.baseUrl).toBe("http://127.0.0.1:4010/data/core/dps");
    expect(dps.migrationBaseUrl).toBe("http://127.0.0.1:4010");
    await dps.migration.getMigration(WORKFLOW_ID);
    expect(fetch.last.url).toBe(`http://127.0.0.1:4010/workflows/migration/${WORKFLOW_ID}`);
    const defaults = client().dps;
    expect(defaults.baseUrl).toBe(DPS);
    expect(defaults.migrationBaseUrl).toBe(MIGRATION_ORIGIN);
  });

  it("answers a second workflow of the org with 409, which unwrap throws as ConflictError, never retried", async () => {
    const conflict = () =>
      jsonResponse(
        { title: "Conflict", status: 409, detail: "a migration workflow is already running for this org" },
        { status: 409 },
      );
    const { fetch, dps } = client({ retry: { minDelay: 1, maxDelay: 2, retryNonIdempotent: true } }, conflict);
    const error = await unwrap(dps.migration.startMigration("sandbox", MIGRATION)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      body: { detail: "a migration workflow is already running for this org" },
    });
    expect((error as Error).message).not.toContain("token-1");
    expect(fetch.requests).toHaveLength(1);
  });

  it("knows which statuses end a workflow", () => {
    expect(TERMINAL_WORKFLOW_STATUSES).toEqual(["Completed", "Failed"]);
  });
});

describe("retries", () => {
  const busy = () => jsonResponse({ title: "busy" }, { status: 503 });

  it("retry reads and PUTs on 503, never a PATCH, a create or a migration start", async () => {
    const { fetch, dps } = client({ retry: { minDelay: 1, maxDelay: 2 } }, busy);
    await dps.tags.get("tag-1");
    expect(fetch.requests).toHaveLength(3);
    await dps.rankingFormulas.replace("dps:ranking-function:1947f5372cc4ed74", BODY);
    expect(fetch.requests).toHaveLength(6);
    await dps.tags.patch("tag-1", PATCH);
    await dps.tags.create(BODY);
    await dps.migration.startRollback("wf-1");
    expect(fetch.requests).toHaveLength(9);
  });
});

describe("bad input is refused before any network call", () => {
  async function refusal(run: (dps: DpsClient) => Promise<unknown>, overrides: Partial<DpsClientOptions> = {}) {
    const { fetch, dps } = client({ schemaId: SCHEMA_ID, ...overrides });
    const error = await run(dps).catch((e: unknown) => e);
    expect(fetch.requests).toHaveLength(0);
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  type Any = never;

  it.each(["", ".", "..", undefined, 42])("the id %j", async (id) => {
    for (const run of [
      (dps: DpsClient) => dps.tags.get(id as Any),
      (dps: DpsClient) => dps.offerItems.delete(id as Any),
      (dps: DpsClient) => dps.rankingFormulas.replace(id as Any, BODY),
      (dps: DpsClient) => dps.fallbackOffers.patch(id as Any, PATCH),
    ]) {
      expect((await refusal(run)).field).toBe("path.id");
    }
  });

  it.each([
    ["getDependencyAnalysis", "path.id"],
    ["getMigration", "path.id"],
    ["getRollback", "path.rollbackWorkflowId"],
    ["startRollback", "body.rollbackWorkflowId"],
  ] as const)("an empty workflow id for %s", async (name, field) => {
    expect((await refusal((dps) => dps.migration[name](""))).field).toBe(field);
  });

  it.each([
    ["not an array", { op: "replace", path: "/name", value: "x" }, "body", "a non-empty array"],
    ["no operation", [], "body", "a non-empty array"],
    ["an operation that is not an object", ["replace"], "body[0]", "an object"],
    ["an unknown op", [{ op: "merge", path: "/name", value: "x" }], "body[0].op", "one of"],
    ["a path that is no JSON Pointer", [{ op: "replace", path: "name", value: "x" }], "body[0].path", "matching"],
    ["a bad ~ escape", [{ op: "replace", path: "/a~2b", value: "x" }], "body[0].path", "matching"],
    ["move, which Adobe does not list", [{ op: "move", from: "/a", path: "/b" }], "body[0].op", "one of"],
    ["replace without a value", [{ op: "replace", path: "/name" }], "body[0].value", "present"],
    ["copy without from", [{ op: "copy", path: "/name" }], "body[1].from", "present"],
  ])("a patch with %s", async (_name, operations, field, allowed) => {
    const ops = field === "body[1].from" ? [PATCH[0], ...(operations as unknown[])] : operations;
    const error = await refusal((dps) => dps.decisions.patch("d-1", ops as Any));
    expect(error.field).toBe(field);
    expect(error.allowed).toContain(allowed);
  });

  it.each([
    [{ limit: 0 }, "query.limit"],
    [{ limit: -1 }, "query.limit"],
    [{ limit: 1.5 }, "query.limit"],
    [{ limit: "2" }, "query.limit"],
    [{ property: [""] }, "query.property[0]"],
    [{ property: 3 }, "query.property"],
    [{ orderby: [""] }, "query.orderby"],
    [{ start: 5 }, "query.start"],
    [{ orderBy: "-modified" }, "query.orderBy"],
  ])("a list query %j", async (query, field) => {
    expect((await refusal((dps) => dps.placements.list(query as Any))).field).toBe(field);
  });

  it.each([
    ["an absolute URL to another origin", "https://evil.example/offer-items?limit=2"],
    ["an absolute URL to Adobe's own origin", "https://platform.adobe.io/data/core/dps/offer-items"],
    ["a protocol-relative link", "//evil.example/offer-items"],
    ["another collection", "/tags?limit=2"],
    ["a dot segment", "/offer-items/../tags"],
    ["an item path", "/offer-items/dps:offer-item:1"],
    ["a fragment", "/offer-items?limit=2#top"],
    ["whitespace", "/offer-items?limit=2 x"],
    ["no link at all", undefined],
  ])("a next link with %s", async (_name, next) => {
    expect((await refusal((dps) => dps.offerItems.list({ next } as Any))).field).toBe("query.next");
  });

  it("a query option beside a next link, which carries the whole query", async () => {
    const error = await refusal((dps) => dps.tags.list({ next: "/tags?limit=2", limit: 5 } as Any));
    expect(error.field).toBe("query.limit");
  });

  it("a query that is not an object", async () => {
    expect((await refusal((dps) => dps.tags.list("limit=2" as Any))).field).toBe("query");
  });

  it.each([undefined, null, "x", [BODY]])("a body %j to create, replace or start", async (body) => {
    expect((await refusal((dps) => dps.tags.create(body as Any))).field).toBe("body");
    expect((await refusal((dps) => dps.exdPlacements.replace("p-1", body as Any))).field).toBe("body");
    expect((await refusal((dps) => dps.migration.startDependencyAnalysis("sandbox", body as Any))).field).toBe("body");
  });

  it.each(["org", "Sandbox", "", undefined])("the request level %j", async (level) => {
    const body = { imsOrgId: ORG } as Any;
    for (const run of [
      (dps: DpsClient) => dps.migration.startDependencyAnalysis(level as Any, body),
      (dps: DpsClient) => dps.migration.startMigration(level as Any, body),
    ]) {
      const error = await refusal(run);
      expect(error.field).toBe("query.request-level");
    }
  });

  it("a body that breaks the spec's rules, with the opt-in full validation", async () => {
    const error = await refusal(
      (dps) =>
        dps.migration.startMigration("sandbox", {
          imsOrgId: ORG,
          sourceSandboxDetails: { sandboxName: "prod" },
          targetSandboxDetails: { sandboxName: "exd" },
        } as Any),
      { validation },
    );
    expect(error.field).toMatch(/^body/);
    expect(error.field).toContain("dependency");
  });

  it("an unknown call option", async () => {
    expect((await refusal((dps) => dps.tags.get("t-1", { sandbox: "dev" } as Any))).field).toBe("options.sandbox");
  });
});

describe("client options", () => {
  it("refuses a baseUrl that already carries /data/core/dps", () => {
    expect(() => client({ baseUrl: "https://platform.adobe.io/data/core/dps/" })).toThrow(/gateway origin/);
  });

  it.each(["ftp://x", "not a url", "https://decisioning-migration.adobe.io?x=1"])(
    "refuses the migrationBaseUrl %j",
    (migrationBaseUrl) => {
      try {
        client({ migrationBaseUrl });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toMatchObject({ field: "migrationBaseUrl" });
      }
    },
  );

  it("refuses an unknown option", () => {
    expect(() => client({ schemaID: SCHEMA_ID } as Partial<DpsClientOptions>)).toThrow(/schemaID/);
  });
});

describe("nextPageOf", () => {
  it("gives the next link as list takes it, or undefined on the last page", () => {
    const href = "/offer-items?orderby=-modified&limit=2&start=2024-06-28T03:44:15.630Z";
    expect(nextPageOf({ _links: { next: { href } } })).toEqual({ next: href });
    expect(nextPageOf({ _links: {} })).toBeUndefined();
    expect(nextPageOf({})).toBeUndefined();
    expect(nextPageOf(undefined)).toBeUndefined();
  });

  it("gives no link it could not follow", () => {
    for (const href of ["//evil.example/offer-items", "https://evil.example/offer-items", "offer-items", "/a b"]) {
      expect(nextPageOf({ _links: { next: { href } } })).toBeUndefined();
    }
  });
});

describe("the spec's rules the client checks by default", () => {
  it("allows the JSON Patch ops and pointers the spec allows", () => {
    const variants = schemas.PatchOperation?.oneOf ?? [];
    const ops = variants.flatMap(({ properties }) => properties?.op?.enum ?? [properties?.op?.const]);
    expect([...PATCH_OPS].sort()).toEqual(ops.sort());
    for (const { properties } of variants) {
      expect(properties?.path?.pattern).toBe(PATCH_POINTER_PATTERN);
      if (properties?.from) expect(properties.from.pattern).toBe(PATCH_POINTER_PATTERN);
    }
  });
});
