import { readFileSync } from "node:fs";
import { expectedUserAgent, fakeFetch, jsonResponse, withoutRequestId } from "@offerkit/testkit";
import { describe, expect, it } from "vitest";
import {
  ApiError,
  createOdsClient,
  DECISION_REQUEST_MEDIA_TYPE,
  DECISION_RESPONSE_MEDIA_TYPE,
  type DecisionRequest,
  type OdsClientOptions,
  TimeoutError,
  unwrap,
  ValidationError,
  VERSION,
} from "../src/index.js";
import { validation } from "../src/validation.js";

const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const adobeRequest = JSON.parse(
  readFileSync(new URL("./fixtures/adobe-request.json", import.meta.url), "utf8"),
) as DecisionRequest;
const adobeResponse = JSON.parse(readFileSync(new URL("./fixtures/adobe-response.json", import.meta.url), "utf8"));

function vendorResponse(body: unknown, init: ResponseInit = {}) {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { "content-type": DECISION_RESPONSE_MEDIA_TYPE, ...(init.headers as Record<string, string>) },
  });
}

function client(
  overrides: Partial<OdsClientOptions> = {},
  respond: () => Response | Promise<Response> = () => vendorResponse(adobeResponse),
) {
  const fetch = fakeFetch(respond);
  const ods = createOdsClient({
    auth: { accessToken: "token-1", apiKey: "key-1" },
    imsOrgId: ORG,
    sandboxName: "prod",
    fetch,
    ...overrides,
  });
  return { fetch, ods };
}

describe("what a call says about itself", () => {
  it("puts the request, the id to quote and the attempts on the result, and the attempts on the ApiError", async () => {
    let calls = 0;
    const answers = () =>
      ++calls === 1
        ? new Response("", { status: 503 })
        : vendorResponse(adobeResponse, { headers: { "x-request-id": "answered-id" } });
    const retry = { retryNonIdempotent: true, minDelay: 1, maxDelay: 1 } as const;
    const { ods } = client({ retry }, answers);
    const result = await ods.makeDecisions(adobeRequest, { headers: { "x-request-id": "sent-id" } });
    expect(result.metadata).toEqual({
      request: { method: "POST", url: "https://platform.adobe.io/data/core/ods/decisions" },
      requestId: "answered-id",
      attempts: 2,
    });

    const failing = client({ retry }, () => new Response('{"title":"Bad"}', { status: 400 })).ods;
    const error = await unwrap(failing.makeDecisions(adobeRequest, { headers: { "x-request-id": "sent-id" } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, requestId: "sent-id", attempts: 1 });
  });
});

describe("the wire request", () => {
  it("is one POST with Adobe's vendor media types byte for byte, the credentials and a fresh request id", async () => {
    const { fetch, ods } = client();
    const { data } = await ods.makeDecisions(adobeRequest);
    expect(data).toEqual(adobeResponse);
    expect(fetch.requests).toHaveLength(1);
    const headers = withoutRequestId(fetch.last.headers);
    expect(fetch.last.method).toBe("POST");
    expect(fetch.last.url).toBe("https://platform.adobe.io/data/core/ods/decisions");
    expect(fetch.last.body).toBe(JSON.stringify(adobeRequest));
    expect(headers).toEqual({
      accept:
        'application/vnd.adobe.xdm+json; schema="https://ns.adobe.com/experience/offer-management/decision-response;version=1.0"',
      "content-type":
        'application/vnd.adobe.xdm+json; schema="https://ns.adobe.com/experience/offer-management/decision-request;version=1.0"',
      authorization: "Bearer token-1",
      "x-api-key": "key-1",
      "x-gw-ims-org-id": ORG,
      "x-sandbox-name": "prod",
      "user-agent": expectedUserAgent("ods", VERSION),
    });
  });

  it("keeps its media types even when a caller passes a Content-Type, and lets the caller widen Accept", async () => {
    const { fetch, ods } = client();
    await ods.makeDecisions(adobeRequest, {
      headers: {
        "content-type": "application/json",
        Accept: `${DECISION_RESPONSE_MEDIA_TYPE}, application/problem+json`,
      },
    });
    expect(fetch.last.headers["content-type"]).toBe(DECISION_REQUEST_MEDIA_TYPE);
    expect(fetch.last.headers.accept).toBe(`${DECISION_RESPONSE_MEDIA_TYPE}, application/problem+json`);
  });

  it("sends the sandbox id, a per-call sandbox and the caller's request id", async () => {
    const { fetch, ods } = client({ sandboxId: "sb-1", baseUrl: "https://gateway.example.com/" });
    await ods.makeDecisions(adobeRequest, { sandboxName: "dev", headers: { "x-request-id": "trace-7" } });
    expect(fetch.last.url).toBe("https://gateway.example.com/data/core/ods/decisions");
    expect(fetch.last.headers).toMatchObject({
      "x-sandbox-id": "sb-1",
      "x-sandbox-name": "dev",
      "x-request-id": "trace-7",
    });
  });

  it("does not retry a decision on 503 by default, because decisions count against caps", async () => {
    const busy = () => jsonResponse({ title: "Service Unavailable", status: 503 }, { status: 503 });
    const { fetch, ods } = client({ retry: { minDelay: 1, maxDelay: 1 } }, busy);
    await ods.makeDecisions(adobeRequest);
    expect(fetch.requests).toHaveLength(1);
    await ods.makeDecisions(adobeRequest, { retry: { retryNonIdempotent: true, minDelay: 1, maxDelay: 1 } });
    expect(fetch.requests).toHaveLength(4);
  });

  it("keeps the status, request id and problem body, and an unknown error body intact", async () => {
    const gateway = { error_code: "403003", message: "Api Key is invalid", extra: { nested: [1] } };
    const { fetch, ods } = client({}, () => jsonResponse(gateway, { status: 403 }));
    const error = await unwrap(ods.makeDecisions(adobeRequest)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, body: gateway, requestId: fetch.last.headers["x-request-id"] });
    expect((error as Error).message).toContain("Api Key is invalid");
    expect(JSON.stringify(error)).not.toContain("token-1");
  });

  it("times out the whole call", async () => {
    const { ods } = client({ timeout: 20 }, () => new Promise<Response>(() => {}));
    await expect(ods.makeDecisions(adobeRequest)).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe("bad input is refused before any network call (with the opt-in full validation)", () => {
  async function refusal(request: unknown, call = {}) {
    const { fetch, ods } = client({ validation });
    const error = await ods.makeDecisions(request as DecisionRequest, call).catch((e: unknown) => e);
    expect(fetch.requests).toHaveLength(0);
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  const scope = { "xdm:activityId": "xcore:offer-activity:1", "xdm:placementId": "xcore:offer-placement:2" };
  const profiles = adobeRequest["xdm:profiles"];

  it.each([
    [
      "an item count above 30",
      { "xdm:propositionRequests": [{ ...scope, "xdm:itemCount": 31 }], "xdm:profiles": profiles },
      'body["xdm:propositionRequests"][0]["xdm:itemCount"]',
      "at most 30",
    ],
    [
      "an item count below 1",
      { "xdm:propositionRequests": [{ ...scope, "xdm:itemCount": 0 }], "xdm:profiles": profiles },
      'body["xdm:propositionRequests"][0]["xdm:itemCount"]',
      "at least 1",
    ],
    [
      "a fractional item count",
      { "xdm:propositionRequests": [{ ...scope, "xdm:itemCount": 1.5 }], "xdm:profiles": profiles },
      'body["xdm:propositionRequests"][0]["xdm:itemCount"]',
      "an integer",
    ],
    [
      "an empty proposition list",
      { "xdm:propositionRequests": [], "xdm:profiles": profiles },
      'body["xdm:propositionRequests"]',
      "at least 1 item",
    ],
    [
      "no profile",
      { "xdm:propositionRequests": [scope], "xdm:profiles": [] },
      'body["xdm:profiles"]',
      "at least 1 item",
    ],
    [
      "two profiles",
      { "xdm:propositionRequests": [scope], "xdm:profiles": [...profiles, ...profiles] },
      'body["xdm:profiles"]',
      "at most 1 item",
    ],
    [
      "a scope without placement",
      { "xdm:propositionRequests": [{ "xdm:activityId": "a" }], "xdm:profiles": profiles },
      'body["xdm:propositionRequests"][0]["xdm:placementId"]',
      "present",
    ],
    [
      "an unknown metadata field",
      {
        "xdm:propositionRequests": [scope],
        "xdm:profiles": profiles,
        "xdm:responseFormat": { "xdm:includeMetadata": { "xdm:option": ["price"] } },
      },
      'body["xdm:responseFormat"]["xdm:includeMetadata"]["xdm:option"][0]',
      "one of name, characteristics, priority",
    ],
  ])("%s", async (_name, request, field, allowed) => {
    expect(await refusal(request)).toMatchObject({ field, allowed });
  });

  it("no body at all", async () => {
    expect(await refusal(undefined)).toMatchObject({ field: "body", allowed: "present" });
  });

  it("a header value with CR or LF, without echoing it", async () => {
    const error = await refusal(adobeRequest, { headers: { "x-trace": "a\nx-evil: 1" } });
    expect(error.field).toBe("options.headers.x-trace");
    expect(error.message).not.toContain("x-evil");
  });

  it.each([
    [{ auth: undefined }, "auth"],
    [{ auth: { clientId: "c", scopes: ["openid"] } }, "auth.clientSecret"],
    [{ auth: { tokenProvider: { getToken: () => "x" }, apiKey: "k" } }, "auth.tokenProvider"],
    [{ sandboxName: "" }, "sandboxName"],
    [{ sandboxName: "pro d" }, "sandboxName"],
    [{ imsOrgId: undefined }, "imsOrgId"],
    [{ imsOrgId: "ACME" }, "imsOrgId"],
    [{ sandboxId: "" }, "sandboxId"],
    [{ baseUrl: "https://platform.adobe.io?x=1" }, "baseUrl"],
    [{ timeout: -1 }, "timeout"],
  ])("options %o when the client is created", (overrides, field) => {
    expect(() => client(overrides as Partial<OdsClientOptions>)).toThrow(
      expect.objectContaining({ name: "ValidationError", field }),
    );
  });
});

describe("without the opt-in, every call still checks identity and the body's presence", () => {
  it.each([
    ["a missing body", undefined, {}, "body", "present"],
    ["a body that is not an object", "decide", {}, "body", "an object"],
    ["an empty sandbox for one call", adobeRequest, { sandboxName: "" }, "options.sandboxName", "at least 1 character"],
    [
      "a sandbox with a line break for one call",
      adobeRequest,
      { sandboxName: "d\nev" },
      "options.sandboxName",
      "without",
    ],
    [
      "a header value with CR LF",
      adobeRequest,
      { headers: { "x-note": "a\r\nb" } },
      "options.headers.x-note",
      "without CR",
    ],
  ])("%s", async (_name, request, call, field, allowed) => {
    const { fetch, ods } = client();
    const error = await ods.makeDecisions(request as DecisionRequest, call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect((error as ValidationError).allowed).toContain(allowed);
    expect(fetch.requests).toHaveLength(0);
  });

  it("refuses a malformed org id when the client is created", () => {
    expect(() => client({ imsOrgId: "not-an-org" })).toThrow(ValidationError);
  });

  it("leaves the rest of the body to the server", async () => {
    const { fetch, ods } = client();
    const tooMany = {
      ...adobeRequest,
      "xdm:propositionRequests": [{ "xdm:activityId": "a", "xdm:placementId": "p", "xdm:itemCount": 31 }],
    };
    await ods.makeDecisions(tooMany);
    expect(JSON.parse(fetch.last.body)).toEqual(tooMany);
  });
});
