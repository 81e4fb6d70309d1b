import { readFileSync } from "node:fs";
import { ApiError, unwrap } from "@offerkit/core";
import {
  contractOperation,
  expectedUserAgent,
  loadSpec,
  recordingFetch,
  responseSchemaChecker,
} from "@offerkit/testkit";
import { describe, expect, inject, it } from "vitest";
import {
  createOdsClient,
  DECISION_REQUEST_MEDIA_TYPE,
  DECISION_RESPONSE_MEDIA_TYPE,
  type DecisionRequest,
  type DecisionResponse,
  etagOf,
  propositionIdOf,
  ValidationError,
  VERSION,
} from "../src/index.js";
import { rawClient } from "../src/raw.js";
import { validation } from "../src/validation.js";

// Every operation of specs/ods.yaml, called through the client against Prism serving the spec.
const operation = contractOperation("ods", "makeDecisions");
const checkSchema = responseSchemaChecker("ods");
const baseUrl = inject("prismUrl");
const ORG = "0123456789ABCDEF01234567@AdobeOrg";
/** Prism ignores `Prefer: code=` for an error whose media types the Accept header leaves out. */
const ACCEPT_PROBLEMS = `${DECISION_RESPONSE_MEDIA_TYPE}, application/problem+json`;

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as T;
const adobeRequest = fixture<DecisionRequest>("adobe-request.json");

function client(overrides: Partial<Parameters<typeof createOdsClient>[0]> = {}) {
  const fetch = recordingFetch();
  const ods = createOdsClient({
    auth: { accessToken: "contract-token", apiKey: "contract-key" },
    imsOrgId: ORG,
    sandboxName: "prod",
    sandboxId: "sandbox-1",
    baseUrl,
    fetch,
    retry: false,
    ...overrides,
  });
  return { fetch, ods };
}

/** Checked on what was really sent: Prism accepts any JSON Content-Type and ignores media type parameters. */
function expectWireHeaders(headers: Readonly<Record<string, string>>, accept: string = DECISION_RESPONSE_MEDIA_TYPE) {
  expect(headers).toMatchObject({
    accept,
    "content-type": DECISION_REQUEST_MEDIA_TYPE,
    authorization: "Bearer contract-token",
    "x-api-key": "contract-key",
    "x-gw-ims-org-id": ORG,
    "x-sandbox-name": "prod",
    "x-sandbox-id": "sandbox-1",
    "user-agent": expectedUserAgent("ods", VERSION),
  });
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
}

type Example = { value?: unknown; $ref?: string };
interface Documented {
  requestBody: { content: Record<string, { examples: Record<string, Example> }> };
  responses: Record<string, { content: Record<string, { examples: Record<string, Example> }> }>;
}
const spec = loadSpec("ods");
const documented = spec.paths?.[operation.path]?.post as Documented;
/** An example's value, following a `$ref` into components/examples (the 200 examples are shared by two media types). */
const sharedExamples = (spec.components?.examples ?? {}) as Record<string, Example>;
const exampleValue = (example: Example) =>
  example.$ref ? sharedExamples[example.$ref.replace("#/components/examples/", "")]?.value : example.value;
const examples = (media: { examples: Record<string, Example> } | undefined) =>
  Object.fromEntries(Object.entries(media?.examples ?? {}).map(([name, example]) => [name, exampleValue(example)]));
const requestExamples = examples(documented.requestBody.content[DECISION_REQUEST_MEDIA_TYPE]);
const responseExamples = examples(documented.responses[200]?.content[DECISION_RESPONSE_MEDIA_TYPE]);

describe(`${operation.method} ${operation.path} (${operation.operationId})`, () => {
  const requests = { adobeDocumentationFixture: adobeRequest, ...requestExamples };

  it.each(Object.entries(requests))("accepts the request %s", async (_name, request) => {
    const { fetch, ods } = client();
    const { data, response } = await ods.makeDecisions(request as DecisionRequest);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(response.status).toBe(200);
    // Prism answers with the spec's own media type string: the content key was kept verbatim.
    expect(response.headers.get("content-type")).toBe(DECISION_RESPONSE_MEDIA_TYPE);
    expect(checkSchema("makeDecisions", 200, DECISION_RESPONSE_MEDIA_TYPE, data)).toEqual({ valid: true, errors: [] });
    expect(fetch.last.method).toBe("POST");
    expect(new URL(fetch.last.url).pathname).toBe("/data/core/ods/decisions");
    expect(JSON.parse(fetch.last.body)).toEqual(request);
    expectWireHeaders(fetch.last.headers);
  });

  it.each(Object.keys(responseExamples))("answers the %s example in the typed shape", async (example) => {
    const { ods } = client();
    const { data } = await ods.makeDecisions(adobeRequest, { headers: { Prefer: `example=${example}` } });
    expect(data).toEqual(responseExamples[example]);
    expect(checkSchema("makeDecisions", 200, DECISION_RESPONSE_MEDIA_TYPE, data)).toEqual({ valid: true, errors: [] });
  });

  it("describes Adobe's documented response", () => {
    const response = fixture<unknown>("adobe-response.json");
    expect(checkSchema("makeDecisions", 200, DECISION_RESPONSE_MEDIA_TYPE, response)).toEqual({
      valid: true,
      errors: [],
    });
  });

  it("declares the same answers under the vendor type and application/json, the vendor type first", () => {
    expect(operation.mediaTypes[200]).toEqual([DECISION_RESPONSE_MEDIA_TYPE, "application/json"]);
    expect(examples(documented.responses[200]?.content["application/json"])).toEqual(responseExamples);
    expect(Object.keys(responseExamples)).toEqual(expect.arrayContaining(["adobeDocumentation2020", "legacyText"]));
  });

  describe("answers of earlier service versions", () => {
    const legacy = fixture<DecisionResponse>("adobe-response-2020.json");

    it.each([DECISION_RESPONSE_MEDIA_TYPE, "application/json"])(
      "describes Adobe's 2020 answer (xdm:propositionID, text etags) under %s",
      (mediaType) => {
        expect(checkSchema("makeDecisions", 200, mediaType, legacy)).toEqual({ valid: true, errors: [] });
      },
    );

    it.each(["adobeDocumentation2020", "legacyText"])(
      "reads the %s answer from the mock with the helpers",
      async (example) => {
        const { fetch, ods } = client();
        const { data, response } = await ods.makeDecisions(adobeRequest, { headers: { Prefer: `example=${example}` } });
        expect(response.status).toBe(200);
        expectWireHeaders(fetch.last.headers);
        expect(checkSchema("makeDecisions", 200, DECISION_RESPONSE_MEDIA_TYPE, data)).toEqual({
          valid: true,
          errors: [],
        });
        if (!data) throw new Error("no answer");
        expect(data["xdm:propositionId"]).toBeUndefined();
        expect(propositionIdOf(data)).toMatch(/^[0-9a-f-]{36}$/);
        const [proposition] = data["xdm:propositions"];
        if (!proposition) throw new Error("no proposition");
        const entities = [
          proposition["xdm:activity"],
          proposition["xdm:placement"],
          ...(proposition["xdm:options"] ?? []),
        ];
        for (const entity of entities) {
          expect(typeof entity["repo:etag"]).toBe("string");
          expect(etagOf(entity)).toMatch(/^\d+$/);
        }
        expect(data["xdm:factors"]).toHaveProperty(["xdm:numberOfIneligibleOffers"]);
      },
    );

    it("reads the current spelling and integer etags with the same helpers", async () => {
      const { ods } = client();
      const { data } = await ods.makeDecisions(adobeRequest, { headers: { Prefer: "example=adobeDocumentation" } });
      if (!data) throw new Error("no answer");
      expect(propositionIdOf(data)).toBe("5d0ffb5e-dfc6-4280-99b6-0bf3131cb8b8");
      const activity = data["xdm:propositions"][0]?.["xdm:activity"];
      expect(activity?.["repo:etag"]).toBe(4);
      expect(activity && etagOf(activity)).toBe("4");
    });

    it.each([
      ["a boolean", true],
      ["an object", { revision: 4 }],
      ["a fractional number", 4.5],
      ["null", null],
    ])("still refuses an etag that is %s", (_name, etag) => {
      const body = {
        "xdm:propositionID": "p-1",
        "xdm:propositions": [
          {
            "xdm:activity": { "xdm:id": "a", "repo:etag": etag },
            "xdm:placement": { "xdm:id": "p", "repo:etag": "1" },
            "xdm:options": [{ "xdm:id": "o", "repo:etag": "1" }],
          },
        ],
      };
      expect(checkSchema("makeDecisions", 200, DECISION_RESPONSE_MEDIA_TYPE, body).valid).toBe(false);
    });

    it("still refuses an answer without propositions or with an id that is not text", () => {
      const proposition = fixture<DecisionResponse>("adobe-response.json")["xdm:propositions"];
      for (const body of [
        { "xdm:propositionId": "p-1" },
        { "xdm:propositionID": 7, "xdm:propositions": proposition },
        { "xdm:propositionId": 7, "xdm:propositions": proposition },
      ]) {
        expect(checkSchema("makeDecisions", 200, DECISION_RESPONSE_MEDIA_TYPE, body).valid).toBe(false);
      }
    });
  });

  describe("content negotiation of the answer", () => {
    it("answers Accept: application/json with 200 and the same schema", async () => {
      const { fetch, ods } = client();
      const { data, response } = await ods.makeDecisions(adobeRequest, { headers: { Accept: "application/json" } });
      expect(fetch.last.headers.accept).toBe("application/json");
      expectWireHeaders(fetch.last.headers, "application/json");
      expect(response.headers.get("sl-violations")).toBeNull();
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json\b/);
      expect(data).toEqual(responseExamples.adobeDocumentation);
      expect(checkSchema("makeDecisions", 200, "application/json", data)).toEqual({ valid: true, errors: [] });
    });

    it("still answers in the vendor type to Accept: */*", async () => {
      // Sent explicitly: global fetch adds `Accept: */*` when none is given, the Node transport sends none (and
      // Prism answers a request without Accept in application/json).
      const response = await fetch(`${baseUrl}/data/core/ods/decisions`, {
        method: "POST",
        headers: {
          accept: "*/*",
          authorization: "Bearer t",
          "x-api-key": "k",
          "x-gw-ims-org-id": ORG,
          "x-sandbox-name": "prod",
          "content-type": DECISION_REQUEST_MEDIA_TYPE,
        },
        body: JSON.stringify(adobeRequest),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(DECISION_RESPONSE_MEDIA_TYPE);
    });
  });

  it.each([
    [
      "options and a fallback together",
      { "xdm:options": [{ "xdm:id": "o", "repo:etag": 1 }], "xdm:fallback": { "xdm:id": "f", "repo:etag": 1 } },
    ],
    ["neither options nor a fallback", {}],
    ["an empty options list", { "xdm:options": [] }],
  ])("refuses a proposition with %s", (_name, choice) => {
    const proposition = {
      "xdm:activity": { "xdm:id": "a", "repo:etag": 1 },
      "xdm:placement": { "xdm:id": "p", "repo:etag": 1 },
      ...choice,
    };
    const body = { "xdm:propositionId": "p-1", "xdm:propositions": [proposition] };
    expect(checkSchema("makeDecisions", 200, DECISION_RESPONSE_MEDIA_TYPE, body).valid).toBe(false);
  });

  it.each(operation.errorStatuses)("answers documented status %i with a problem body", async (status) => {
    const { fetch, ods } = client();
    const result = await ods.makeDecisions(adobeRequest, {
      headers: { Accept: ACCEPT_PROBLEMS, Prefer: `code=${status}` },
    });
    expect(result.response.status).toBe(status);
    expect(result.response.headers.get("sl-violations")).toBeNull();
    expectWireHeaders(fetch.last.headers, ACCEPT_PROBLEMS);
    const mediaType = result.response.headers.get("content-type")?.split(";")[0] ?? "";
    expect(["application/json", "application/problem+json"]).toContain(mediaType);
    expect(checkSchema("makeDecisions", status, mediaType, result.error)).toEqual({ valid: true, errors: [] });
    const error = await unwrap(result).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const requestId = result.response.headers.get("x-request-id") ?? fetch.last.headers["x-request-id"];
    expect(error).toMatchObject({ status, body: result.error, requestId });
  });

  it("documents every status Adobe lists, and the gateway's 401", () => {
    expect(operation.statuses).toEqual([200, 400, 401, 403, 422, 429, 500, 503]);
  });

  it("is refused by the spec, not just by the client, when the item count is above 30", async () => {
    // The raw client skips offerkit's checks, so this shows Prism (that is, the spec) refusing it too.
    const { ods } = client();
    const body = {
      ...adobeRequest,
      "xdm:propositionRequests": [{ "xdm:activityId": "a", "xdm:placementId": "p", "xdm:itemCount": 31 }],
    };
    const { response } = await rawClient(ods).POST("/data/core/ods/decisions", {
      params: { header: { "x-gw-ims-org-id": ORG, "x-sandbox-name": "prod" } },
      headers: { "Content-Type": DECISION_REQUEST_MEDIA_TYPE, Accept: ACCEPT_PROBLEMS },
      body,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toMatch(/itemCount/);
  });

  describe("requests refused before are still refused, by the client (with validation) and by the spec", () => {
    const scope = { "xdm:activityId": "xcore:offer-activity:1", "xdm:placementId": "xcore:offer-placement:2" };
    const profiles = adobeRequest["xdm:profiles"];
    const withMetadata = (includeMetadata: unknown) => ({
      "xdm:propositionRequests": [scope],
      "xdm:profiles": profiles,
      "xdm:responseFormat": { "xdm:includeMetadata": includeMetadata },
    });
    const refused: [string, unknown, RegExp][] = [
      [
        "an item count of 0",
        { "xdm:propositionRequests": [{ ...scope, "xdm:itemCount": 0 }], "xdm:profiles": profiles },
        /itemCount/,
      ],
      [
        "an item count sent as text",
        { "xdm:propositionRequests": [{ ...scope, "xdm:itemCount": "3" }], "xdm:profiles": profiles },
        /itemCount/,
      ],
      ["no decision scope", { "xdm:propositionRequests": [], "xdm:profiles": profiles }, /propositionRequests/],
      [
        "a scope without a decision",
        { "xdm:propositionRequests": [{ "xdm:placementId": "p" }], "xdm:profiles": profiles },
        /activityId/,
      ],
      [
        "an empty decision id",
        { "xdm:propositionRequests": [{ ...scope, "xdm:activityId": "" }], "xdm:profiles": profiles },
        /activityId/,
      ],
      ["no profiles", { "xdm:propositionRequests": [scope] }, /profiles/],
      ["two profiles", { "xdm:propositionRequests": [scope], "xdm:profiles": [...profiles, ...profiles] }, /profiles/],
      [
        "an identity without id",
        { "xdm:propositionRequests": [scope], "xdm:profiles": [{ "xdm:identityMap": { ECID: [{}] } }] },
        /xdm:id/,
      ],
      [
        "an empty identity list",
        { "xdm:propositionRequests": [scope], "xdm:profiles": [{ "xdm:identityMap": { ECID: [] } }] },
        /ECID/,
      ],
      [
        "a merge policy without id",
        { "xdm:propositionRequests": [scope], "xdm:profiles": profiles, "xdm:mergePolicy": {} },
        /xdm:id/,
      ],
      [
        "context data without @type",
        {
          "xdm:propositionRequests": [scope],
          "xdm:profiles": [{ ...profiles[0], "xdm:contextData": [{ "xdm:data": {} }] }],
        },
        /@type/,
      ],
      ["an undocumented option metadata name", withMetadata({ "xdm:option": ["price"] }), /xdm:option/],
      ["option metadata in the wrong case", withMetadata({ "xdm:option": ["Priority"] }), /xdm:option/],
      ["priority as decision metadata", withMetadata({ "xdm:activity": ["priority"] }), /xdm:activity/],
      ["priority as placement metadata", withMetadata({ "xdm:placement": ["priority"] }), /xdm:placement/],
      ["metadata names that are not a list", withMetadata({ "xdm:option": "name" }), /xdm:option/],
    ];

    it.each(refused)("%s", async (_name, body, field) => {
      const { fetch, ods } = client({ validation });
      const error = await ods.makeDecisions(body as DecisionRequest).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toMatch(field);
      expect(fetch.requests).toHaveLength(0);
      // The raw client skips offerkit's checks: Prism serving the spec refuses the same body.
      const { response } = await rawClient(ods).POST("/data/core/ods/decisions", {
        params: { header: { "x-gw-ims-org-id": ORG, "x-sandbox-name": "prod" } },
        headers: { "Content-Type": DECISION_REQUEST_MEDIA_TYPE, Accept: ACCEPT_PROBLEMS },
        body: body as DecisionRequest,
      });
      expect(fetch.last.headers["content-type"]).toBe(DECISION_REQUEST_MEDIA_TYPE);
      expect(response.status).toBe(422);
      expect(response.headers.get("sl-violations")).toMatch(/"location":\["request","body"/);
    });

    it("accepts priority as option metadata, the one change the 2021 page documents", async () => {
      const { fetch, ods } = client();
      const { response } = await ods.makeDecisions(
        withMetadata({ "xdm:option": ["name", "characteristics", "priority"] }) as DecisionRequest,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("sl-violations")).toBeNull();
      expect(JSON.parse(fetch.last.body)["xdm:responseFormat"]["xdm:includeMetadata"]["xdm:option"]).toContain(
        "priority",
      );
    });
  });

  it("is refused by the spec without an API key", async () => {
    const response = await fetch(`${baseUrl}/data/core/ods/decisions`, {
      method: "POST",
      headers: {
        authorization: "Bearer t",
        "x-gw-ims-org-id": ORG,
        "x-sandbox-name": "prod",
        "content-type": DECISION_REQUEST_MEDIA_TYPE,
        accept: ACCEPT_PROBLEMS,
      },
      body: JSON.stringify(adobeRequest),
    });
    expect(response.status).toBe(401);
  });
});
