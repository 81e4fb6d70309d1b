// Every operation of specs/dps.yaml, called through the client against Prism serving the spec: each documented
// status, the request exactly as sent, and the answer checked against the schema the spec declares for it.
import { ApiError, ConflictError, unwrap } from "@offerkit/core";
import {
  contractOperation,
  expectedUserAgent,
  loadSpec,
  recordingFetch,
  responseSchemaChecker,
  type SpecOperation,
} from "@offerkit/testkit";
import { describe, expect, inject, it } from "vitest";
import {
  createDpsClient,
  DPS_BASE_PATH,
  type DpsCallOptions,
  type DpsClient,
  type MigrationRequest,
  nextPageOf,
  type PatchOperation,
  VERSION,
} from "../src/index.js";
import { rawClient } from "../src/raw.js";
import { validation } from "../src/validation.js";

const baseUrl = inject("prismUrl");
const checkSchema = responseSchemaChecker("dps");
const spec = loadSpec("dps");
const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const SCHEMA_ID = "https://ns.adobe.com/acme/schemas/0123456789abcdef0123456789abcdef";
// A real-looking id: its colons travel percent-encoded, and Prism must still route it to `{id}`.
const ID = "dps:offer-item:19af09a9ae45a8d3";
const WORKFLOW_ID = "0b7e6d2c-9f7e-4a53-9d0e-2f1b6a3c4d5e";
const JSON_TYPE = "application/json";
const PROBLEM_TYPES = ["application/problem+json", "application/json"];

function client() {
  const fetch = recordingFetch();
  const dps = createDpsClient({
    auth: { accessToken: "contract-token", apiKey: "contract-key" },
    imsOrgId: ORG,
    sandboxName: "prod",
    baseUrl,
    // Prism serves the migration paths at its root, as the migration origin does.
    migrationBaseUrl: baseUrl,
    schemaId: SCHEMA_ID,
    fetch,
    retry: false,
    // Every body sent here (the spec's own examples) also passes the opt-in full check.
    validation,
  });
  return { fetch, dps };
}

// ---------------------------------------------------------------- the spec's own examples as request bodies

type Node = Record<string, unknown>;
const resolve = (node: unknown): Node | undefined => {
  let current = node as Node | undefined;
  for (let hops = 0; typeof current?.$ref === "string" && hops < 10; hops++) {
    let target: unknown = spec;
    for (const key of (current.$ref as string).replace(/^#\//, "").split("/")) target = (target as Node)?.[key];
    current = target as Node | undefined;
  }
  return current;
};

/**
 * The request body example of an operation: the one whose name matches `prefer` when there are several (the create
 * of `/offers` documents both offer kinds), else the first.
 */
function requestExample(operationId: string, prefer?: RegExp): unknown {
  const { path, method } = contractOperation("dps", operationId);
  const operation = resolve(spec.paths?.[path]?.[method.toLowerCase()]);
  const media = resolve(resolve(operation?.requestBody)?.content as Node | undefined)?.[JSON_TYPE] as Node | undefined;
  if (media?.example !== undefined) return media.example;
  const named = Object.entries((media?.examples ?? {}) as Node);
  const [, chosen] = named.find(([name]) => prefer?.test(name) === true) ?? named[0] ?? [];
  const example = resolve(chosen);
  if (example === undefined) throw new Error(`specs/dps.yaml has no request example for ${operationId}`);
  return example.value;
}

const PATCH: PatchOperation[] = [{ op: "replace", path: "/description", value: "Renamed by the contract test" }];
/** The spec's JSON Patch example of an operation, or a one-operation patch when it has none. */
const patchExample = (operationId: string) => {
  try {
    return requestExample(operationId) as PatchOperation[];
  } catch {
    return PATCH;
  }
};

// ---------------------------------------------------------------- one entry per operation

type Run = (
  dps: DpsClient,
  options?: DpsCallOptions,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

interface Case {
  readonly op: SpecOperation;
  readonly run: Run;
  /** The `offer-type` every call of `/offers` sends. */
  readonly offerType?: "personalized" | "fallback";
}

const PERSONALIZED = /personali[sz]ed/i;
const FALLBACK = /fallback/i;
const ELIGIBILITY = /eligib|exd/i;
const DECISION_RULE = /decision/i;
const body = <T>(operationId: string, prefer?: RegExp) => requestExample(operationId, prefer) as T;
const list = { property: "name~^Summer", orderby: "-modified", limit: 2 } as const;

const CASES: readonly Case[] = [
  // Experience Decisioning
  { op: contractOperation("dps", "listOfferItems"), run: (d, o) => d.offerItems.list(list, o) },
  { op: contractOperation("dps", "createOfferItem"), run: (d, o) => d.offerItems.create(body("createOfferItem"), o) },
  { op: contractOperation("dps", "getOfferItem"), run: (d, o) => d.offerItems.get(ID, o) },
  {
    op: contractOperation("dps", "patchOfferItem"),
    run: (d, o) => d.offerItems.patch(ID, patchExample("patchOfferItem"), o),
  },
  { op: contractOperation("dps", "deleteOfferItem"), run: (d, o) => d.offerItems.delete(ID, o) },
  { op: contractOperation("dps", "listItemCollections"), run: (d, o) => d.itemCollections.list(list, o) },
  {
    op: contractOperation("dps", "createItemCollection"),
    run: (d, o) => d.itemCollections.create(body("createItemCollection"), o),
  },
  { op: contractOperation("dps", "getItemCollection"), run: (d, o) => d.itemCollections.get(ID, o) },
  {
    op: contractOperation("dps", "patchItemCollection"),
    run: (d, o) => d.itemCollections.patch(ID, patchExample("patchItemCollection"), o),
  },
  { op: contractOperation("dps", "deleteItemCollection"), run: (d, o) => d.itemCollections.delete(ID, o) },
  { op: contractOperation("dps", "listSelectionStrategies"), run: (d, o) => d.selectionStrategies.list(list, o) },
  {
    op: contractOperation("dps", "createSelectionStrategy"),
    run: (d, o) => d.selectionStrategies.create(body("createSelectionStrategy"), o),
  },
  { op: contractOperation("dps", "getSelectionStrategy"), run: (d, o) => d.selectionStrategies.get(ID, o) },
  {
    op: contractOperation("dps", "patchSelectionStrategy"),
    run: (d, o) => d.selectionStrategies.patch(ID, patchExample("patchSelectionStrategy"), o),
  },
  { op: contractOperation("dps", "deleteSelectionStrategy"), run: (d, o) => d.selectionStrategies.delete(ID, o) },
  {
    op: contractOperation("dps", "listOfferRules"),
    run: (d, o) => d.eligibilityRules.list({ property: "exdRule==true", limit: 2 }, o),
  },
  {
    op: contractOperation("dps", "createOfferRule"),
    run: (d, o) => d.eligibilityRules.create(body("createOfferRule", ELIGIBILITY), o),
  },
  { op: contractOperation("dps", "getOfferRule"), run: (d, o) => d.eligibilityRules.get(ID, o) },
  {
    op: contractOperation("dps", "replaceOfferRule"),
    run: (d, o) => d.eligibilityRules.replace(ID, body("replaceOfferRule"), o),
  },
  { op: contractOperation("dps", "deleteOfferRule"), run: (d, o) => d.eligibilityRules.delete(ID, o) },
  {
    op: contractOperation("dps", "listRankingFormulas"),
    run: (d, o) => d.rankingFormulas.list({ property: "exdFunction==true", limit: 2 }, o),
  },
  {
    op: contractOperation("dps", "createRankingFormula"),
    run: (d, o) => d.rankingFormulas.create(body("createRankingFormula"), o),
  },
  { op: contractOperation("dps", "getRankingFormula"), run: (d, o) => d.rankingFormulas.get(ID, o) },
  {
    op: contractOperation("dps", "replaceRankingFormula"),
    run: (d, o) => d.rankingFormulas.replace(ID, body("replaceRankingFormula"), o),
  },
  { op: contractOperation("dps", "deleteRankingFormula"), run: (d, o) => d.rankingFormulas.delete(ID, o) },
  {
    op: contractOperation("dps", "listExdPlacements"),
    run: (d, o) => d.exdPlacements.list({ property: "status==active" }, o),
  },
  {
    op: contractOperation("dps", "createExdPlacement"),
    run: (d, o) => d.exdPlacements.create(body("createExdPlacement"), o),
  },
  { op: contractOperation("dps", "getExdPlacement"), run: (d, o) => d.exdPlacements.get(ID, o) },
  {
    op: contractOperation("dps", "replaceExdPlacement"),
    run: (d, o) => d.exdPlacements.replace(ID, body("replaceExdPlacement"), o),
  },
  // Decision Management
  {
    op: contractOperation("dps", "listOffers"),
    run: (d, o) => d.personalizedOffers.list(list, o),
    offerType: "personalized",
  },
  {
    op: contractOperation("dps", "createOffer"),
    run: (d, o) => d.personalizedOffers.create(body("createOffer", PERSONALIZED), o),
    offerType: "personalized",
  },
  { op: contractOperation("dps", "getOffer"), run: (d, o) => d.fallbackOffers.get(ID, o), offerType: "fallback" },
  {
    op: contractOperation("dps", "patchOffer"),
    run: (d, o) => d.fallbackOffers.patch(ID, patchExample("patchOffer"), o),
    offerType: "fallback",
  },
  {
    op: contractOperation("dps", "deleteOffer"),
    run: (d, o) => d.personalizedOffers.delete(ID, o),
    offerType: "personalized",
  },
  { op: contractOperation("dps", "listPlacements"), run: (d, o) => d.placements.list(list, o) },
  { op: contractOperation("dps", "createPlacement"), run: (d, o) => d.placements.create(body("createPlacement"), o) },
  { op: contractOperation("dps", "getPlacement"), run: (d, o) => d.placements.get(ID, o) },
  {
    op: contractOperation("dps", "patchPlacement"),
    run: (d, o) => d.placements.patch(ID, patchExample("patchPlacement"), o),
  },
  { op: contractOperation("dps", "deletePlacement"), run: (d, o) => d.placements.delete(ID, o) },
  { op: contractOperation("dps", "listOfferCollections"), run: (d, o) => d.offerCollections.list(list, o) },
  {
    op: contractOperation("dps", "createOfferCollection"),
    run: (d, o) => d.offerCollections.create(body("createOfferCollection"), o),
  },
  { op: contractOperation("dps", "getOfferCollection"), run: (d, o) => d.offerCollections.get(ID, o) },
  {
    op: contractOperation("dps", "patchOfferCollection"),
    run: (d, o) => d.offerCollections.patch(ID, patchExample("patchOfferCollection"), o),
  },
  { op: contractOperation("dps", "deleteOfferCollection"), run: (d, o) => d.offerCollections.delete(ID, o) },
  {
    op: contractOperation("dps", "patchOfferRule"),
    run: (d, o) => d.decisionRules.patch(ID, patchExample("patchOfferRule"), o),
  },
  { op: contractOperation("dps", "listTags"), run: (d, o) => d.tags.list(list, o) },
  { op: contractOperation("dps", "createTag"), run: (d, o) => d.tags.create(body("createTag"), o) },
  { op: contractOperation("dps", "getTag"), run: (d, o) => d.tags.get(ID, o) },
  { op: contractOperation("dps", "patchTag"), run: (d, o) => d.tags.patch(ID, patchExample("patchTag"), o) },
  { op: contractOperation("dps", "deleteTag"), run: (d, o) => d.tags.delete(ID, o) },
  { op: contractOperation("dps", "listOfferDecisions"), run: (d, o) => d.decisions.list(list, o) },
  {
    op: contractOperation("dps", "createOfferDecision"),
    run: (d, o) => d.decisions.create(body("createOfferDecision"), o),
  },
  { op: contractOperation("dps", "getOfferDecision"), run: (d, o) => d.decisions.get(ID, o) },
  {
    op: contractOperation("dps", "patchOfferDecision"),
    run: (d, o) => d.decisions.patch(ID, patchExample("patchOfferDecision"), o),
  },
  { op: contractOperation("dps", "deleteOfferDecision"), run: (d, o) => d.decisions.delete(ID, o) },
  // Decisioning Migration API
  {
    op: contractOperation("dps", "startDependencyAnalysis"),
    run: (d, o) => d.migration.startDependencyAnalysis("sandbox", body("startDependencyAnalysis"), o),
  },
  {
    op: contractOperation("dps", "getDependencyAnalysis"),
    run: (d, o) => d.migration.getDependencyAnalysis(WORKFLOW_ID, o),
  },
  {
    op: contractOperation("dps", "startMigration"),
    run: (d, o) => d.migration.startMigration("sandbox", body("startMigration"), o),
  },
  { op: contractOperation("dps", "getMigration"), run: (d, o) => d.migration.getMigration(WORKFLOW_ID, o) },
  { op: contractOperation("dps", "startRollback"), run: (d, o) => d.migration.startRollback(WORKFLOW_ID, o) },
  { op: contractOperation("dps", "getRollback"), run: (d, o) => d.migration.getRollback(WORKFLOW_ID, o) },
];

// ---------------------------------------------------------------- checks

const isMigration = (op: SpecOperation) => op.path.startsWith("/workflows");

/** The path the call must have gone to: the spec's, with the encoded id, under the resource base path. */
function servedPath(op: SpecOperation): string {
  const path = op.path.replace(/\{[^}]+\}/, encodeURIComponent(isMigration(op) ? WORKFLOW_ID : ID));
  return isMigration(op) ? path : `${DPS_BASE_PATH}${path}`;
}

/** Checked on what was really sent: Prism accepts any JSON Content-Type. */
function expectWire(sent: ReturnType<typeof client>["fetch"]["last"], c: Case, accept: string) {
  const url = new URL(sent.url);
  expect(sent.method).toBe(c.op.method);
  expect(url.pathname).toBe(servedPath(c.op));
  expect(url.searchParams.get("offer-type")).toBe(c.offerType ?? null);
  expect(sent.headers).toMatchObject({
    accept,
    authorization: "Bearer contract-token",
    "x-api-key": "contract-key",
    "x-gw-ims-org-id": ORG,
    "x-sandbox-name": "prod",
    "user-agent": expectedUserAgent("dps", VERSION),
  });
  expect(sent.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(sent.headers["x-schema-id"]).toBe(c.op.path.startsWith("/offer-items") ? SCHEMA_ID : undefined);
  const writes = c.op.method === "POST" || c.op.method === "PUT" || c.op.method === "PATCH";
  expect(sent.headers["content-type"]).toBe(writes ? JSON_TYPE : undefined);
  expect(sent.body === "").toBe(!writes);
}

/** Prism found nothing wrong, neither with the request nor with its own answer. */
function expectNoViolations(response: Response) {
  expect(response.headers.get("sl-violations")).toBeNull();
}

/** A success answer in the declared shape; statuses the spec answers without content carry none. */
function expectSuccess(c: Case, result: { data?: unknown; response: Response }, status: number) {
  expectNoViolations(result.response);
  expect(result.response.status).toBe(status);
  const mediaTypes = c.op.mediaTypes[status] ?? [];
  if (mediaTypes.length === 0) {
    expect(result.data).toBeUndefined();
    return;
  }
  expect(result.response.headers.get("content-type")).toBe(JSON_TYPE);
  expect(checkSchema(c.op.operationId, status, JSON_TYPE, result.data)).toEqual({ valid: true, errors: [] });
}

describe.each(CASES)("$op.operationId", (c) => {
  it("answers its default success as declared, the request exactly as documented", async () => {
    const { fetch, dps } = client();
    const result = await c.run(dps);
    expect(c.op.successStatuses).toContain(result.response.status);
    expectSuccess(c, result, result.response.status);
    expectWire(fetch.last, c, JSON_TYPE);
  });

  it.each(c.op.successStatuses)("answers documented success %i when asked for it", async (status) => {
    const { fetch, dps } = client();
    const result = await c.run(dps, { headers: { Prefer: `code=${status}` } });
    expectSuccess(c, result, status);
    expect(fetch.last.headers.prefer).toBe(`code=${status}`);
  });

  it.each(c.op.errorStatuses)("answers documented status %i in the typed shape, unwrap throwing it", async (status) => {
    const { fetch, dps } = client();
    const accept = `${JSON_TYPE}, application/problem+json`;
    const result = await c.run(dps, { headers: { Accept: accept, Prefer: `code=${status}` } });
    expect(result.response.status).toBe(status);
    expectNoViolations(result.response);
    expectWire(fetch.last, c, accept);
    const mediaType = result.response.headers.get("content-type")?.split(";")[0] ?? "";
    expect(PROBLEM_TYPES).toContain(mediaType);
    expect(checkSchema(c.op.operationId, status, mediaType, result.error)).toEqual({ valid: true, errors: [] });
    const error = await unwrap(result).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(status === 409 ? ConflictError : ApiError);
    const requestId = result.response.headers.get("x-request-id") ?? fetch.last.headers["x-request-id"];
    expect(error).toMatchObject({ status, body: result.error, requestId });
    expect(fetch.requests).toHaveLength(1);
  });
});

describe("the contract as a whole", () => {
  it("covers every operation of the spec once", () => {
    const ids = CASES.map((c) => c.op.operationId).sort();
    expect(new Set(ids).size).toBe(ids.length);
    const inSpec = Object.values(spec.paths ?? {}).flatMap((item) =>
      Object.values(item).flatMap((operation) => {
        const id = (operation as { operationId?: unknown } | undefined)?.operationId;
        return typeof id === "string" ? [id] : [];
      }),
    );
    expect(ids).toEqual(inSpec.sort());
  });

  it("documents 409 on every migration start: one workflow per org at a time", () => {
    for (const id of ["startDependencyAnalysis", "startMigration", "startRollback"]) {
      expect(contractOperation("dps", id).errorStatuses).toContain(409);
    }
  });

  it("answers a second migration start with 409, which unwrap throws as ConflictError", async () => {
    const { dps } = client();
    const result = await dps.migration.startMigration("offer", body("startMigration"), {
      headers: { Accept: `${JSON_TYPE}, application/problem+json`, Prefer: "code=409" },
    });
    expect(result.response.status).toBe(409);
    expectNoViolations(result.response);
    await expect(unwrap(result)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("the other kind on a shared path", () => {
  it("creates a fallback offer from the spec's fallback example, offer-type fallback", async () => {
    const { fetch, dps } = client();
    const result = await dps.fallbackOffers.create(body("createOffer", FALLBACK));
    expectNoViolations(result.response);
    expect(result.response.ok).toBe(true);
    expect(new URL(fetch.last.url).searchParams.get("offer-type")).toBe("fallback");
  });

  it("creates a decision rule from the spec's decision rule example", async () => {
    const { fetch, dps } = client();
    const result = await dps.decisionRules.create(body("createOfferRule", DECISION_RULE));
    expectNoViolations(result.response);
    expect(result.response.ok).toBe(true);
    expect(new URL(fetch.last.url).pathname).toBe(`${DPS_BASE_PATH}/offer-rules`);
  });
});

describe("paging against Prism", () => {
  it("follows the next link of the spec's page example, and Prism accepts it", async () => {
    const { fetch, dps } = client();
    const first = await dps.offerItems.list({ orderby: "-modified", limit: 2 });
    expectNoViolations(first.response);
    const documented = Object.values(spec.components?.examples ?? {})
      .map((example) => (example as { value?: unknown }).value)
      .map((value) => nextPageOf(value as Parameters<typeof nextPageOf>[0]))
      .find((next) => next?.next.startsWith("/offer-items"));
    const next = nextPageOf(first.data) ?? documented;
    expect(next, "neither the answer nor an example of the spec has an /offer-items next link").toBeDefined();
    if (!next) return;
    const second = await dps.offerItems.list(next);
    expectNoViolations(second.response);
    expect(second.response.status).toBe(200);
    expect(fetch.last.url).toBe(`${baseUrl}${DPS_BASE_PATH}${next.next}`);
  });
});

describe("what the spec itself refuses (the raw client skips offerkit's checks)", () => {
  it("a decision item call without x-schema-id", async () => {
    const { dps } = client();
    const { response } = await rawClient(dps).GET("/offer-items/{id}", {
      params: { header: { "x-gw-ims-org-id": ORG, "x-sandbox-name": "prod" }, path: { id: ID } } as never,
    });
    expect([400, 422]).toContain(response.status);
    expect(response.headers.get("sl-violations")).toMatch(/x-schema-id/);
  });

  it("a migration start without its request level", async () => {
    const { dps } = client();
    const { response } = await rawClient(dps).POST("/workflows/migration", {
      baseUrl: dps.migrationBaseUrl,
      params: { header: { "x-gw-ims-org-id": ORG } } as never,
      body: body<MigrationRequest>("startMigration"),
    });
    expect([400, 422]).toContain(response.status);
    expect(response.headers.get("sl-violations")).toMatch(/request-level/);
  });
});
