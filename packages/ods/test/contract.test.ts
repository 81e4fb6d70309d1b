import { readFileSync } from "node:fs";
import { ApiError, unwrap } from "@offerkit/core";
import { contractOperation, loadSpec, recordingFetch, responseSchemaChecker } from "@offerkit/testkit";
import { describe, expect, inject, it } from "vitest";
import {
  createOdsClient,
  DECISION_REQUEST_MEDIA_TYPE,
  DECISION_RESPONSE_MEDIA_TYPE,
  type DecisionRequest,
  VERSION,
} from "../src/index.js";
import { rawClient } from "../src/raw.js";

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

function client() {
  const fetch = recordingFetch();
  const ods = createOdsClient({
    auth: { accessToken: "contract-token", apiKey: "contract-key" },
    imsOrgId: ORG,
    sandboxName: "prod",
    sandboxId: "sandbox-1",
    baseUrl,
    fetch,
    retry: false,
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
    "user-agent": `offerkit-ods/${VERSION}`,
  });
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
}

interface Documented {
  requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> };
  responses: Record<string, { content: Record<string, { examples: Record<string, { value: unknown }> }> }>;
}
const documented = loadSpec("ods").paths?.[operation.path]?.post as Documented;
const examples = (media: { examples: Record<string, { value: unknown }> } | undefined) =>
  Object.fromEntries(Object.entries(media?.examples ?? {}).map(([name, example]) => [name, example.value]));
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
