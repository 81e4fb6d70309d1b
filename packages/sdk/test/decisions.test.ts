import { readFileSync } from "node:fs";
import {
  createOdsClient,
  DECISION_RESPONSE_MEDIA_TYPE,
  type DecisionRequest,
  type DecisionResponse,
} from "@offerkit/ods";
import { validation } from "@offerkit/ods/validation";
import { fakeFetch, jsonResponse, recordingFetch, startPrismMock } from "@offerkit/testkit";
import { describe, expect, it } from "vitest";
import { ApiError, decide, parseDecision, UnexpectedResponseError, ValidationError } from "../src/index.js";

const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../ods/test/fixtures/${name}`, import.meta.url), "utf8")) as T;
const adobeRequest = fixture<DecisionRequest>("adobe-request.json");
const adobeResponse = fixture<DecisionResponse>("adobe-response.json");

function odsAnswering(body: unknown, init: ResponseInit = {}, options: { validation?: typeof validation } = {}) {
  const fetch = fakeFetch(() => jsonResponse(body, init));
  const client = createOdsClient({
    auth: { accessToken: "t", apiKey: "k" },
    imsOrgId: ORG,
    sandboxName: "prod",
    fetch,
    ...options,
  });
  return { fetch, client };
}

const HTML = "https://ns.adobe.com/experience/offer-management/content-component-html";
const option = (extra: Record<string, unknown>) => ({
  "xdm:id": "xcore:personalized-offer:1",
  "repo:etag": 1,
  ...extra,
});
/** A personalized HTML-template option as `decide` returns it. */
const htmlOption = (id: string, etag: string, value: string) => ({
  id,
  etag,
  isFallback: false,
  componentType: "https://ns.adobe.com/experience/decisioning/content-component-html-template",
  content: { kind: "html", value },
});
/** An answer with one proposition holding the given options. */
const answerWith = (...options: Record<string, unknown>[]) => ({
  "xdm:propositionId": "p-1",
  "xdm:propositions": [
    {
      "xdm:activity": { "xdm:id": "xcore:offer-activity:1", "repo:etag": 1 },
      "xdm:placement": { "xdm:id": "xcore:offer-placement:1", "repo:etag": 1 },
      "xdm:options": options,
    },
  ],
});

describe("decide", () => {
  it("returns Adobe's documented answer with parsed content, the fallback marked and etags as strings", async () => {
    const { fetch, client } = odsAnswering(adobeResponse, { headers: { "x-request-id": "srv-1" } });
    const decision = await decide(client, adobeRequest);
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.last.body).toBe(JSON.stringify(adobeRequest));
    expect(decision).toEqual({
      propositionId: "5d0ffb5e-dfc6-4280-99b6-0bf3131cb8b8",
      createdAt: 1566497582038,
      requestId: "srv-1",
      propositions: [
        {
          activity: { id: "xcore:activity:ffed0123", etag: "4" },
          placement: { id: "xcore:placement:ffed0456", etag: "1" },
          isFallback: false,
          options: [
            htmlOption("xcore:personalized-option:ccc0111", "3", "<html>some html</html>"),
            { ...htmlOption("xcore:personalized-option:ccc0222", "5", "<html>hello, world</html>"), score: 45.65 },
          ],
        },
        {
          activity: { id: "xcore:activity:ffed0123", etag: "4" },
          placement: { id: "xcore:placement:ffed0789", etag: "2" },
          isFallback: true,
          options: [
            {
              id: "xcore:fallback:ccc0222",
              etag: "5",
              isFallback: true,
              componentType: "https://ns.adobe.com/experience/decisioning/content-component-imagelink",
              format: "image/png",
              deliveryUrl: "https://cdn.adobe.com/content/1445323-1134331.png",
              content: {
                kind: "image",
                url: "https://cdn.adobe.com/content/1445323-1134331.png",
                link: "https://www.adobe.com/index2.html",
              },
            },
          ],
        },
      ],
    });
  });

  it("throws ApiError with status, request id and problem body on a non-2xx answer", async () => {
    const problem = { type: "https://ns.adobe.com/aep/errors/ODS-1234", title: "Invalid placement", status: 422 };
    const { client } = odsAnswering(problem, { status: 422, headers: { "x-request-id": "srv-422" } });
    const error = await decide(client, adobeRequest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, requestId: "srv-422", body: problem });
  });

  it("refuses a bad request with ValidationError before the network (opt-in validation)", async () => {
    const { fetch, client } = odsAnswering(adobeResponse, {}, { validation });
    const bad = {
      ...adobeRequest,
      "xdm:propositionRequests": [{ "xdm:activityId": "a", "xdm:placementId": "p", "xdm:itemCount": 31 }],
    };
    await expect(decide(client, bad)).rejects.toBeInstanceOf(ValidationError);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("parseDecision", () => {
  it("reads the legacy xdm:propositionID spelling and string etags that real servers send", () => {
    const legacy = {
      "xdm:propositionID": "legacy-1",
      "xdm:propositions": [
        {
          "xdm:activity": { "xdm:id": "xcore:offer-activity:1", "repo:etag": "7" },
          "xdm:placement": { "xdm:id": "xcore:offer-placement:1", "repo:etag": "2", "xdm:name": "Hero" },
          "xdm:options": [option({ "repo:etag": "3" })],
        },
      ],
    } as unknown as DecisionResponse;
    const decision = parseDecision(legacy);
    expect(decision.propositionId).toBe("legacy-1");
    expect(decision.propositions[0]?.activity.etag).toBe("7");
    expect(decision.propositions[0]?.placement).toMatchObject({ etag: "2", name: "Hero" });
    expect(decision.propositions[0]?.options[0]?.etag).toBe("3");
  });

  it("prefers the documented spelling when both come back", () => {
    const both = { ...answerWith(), "xdm:propositionID": "legacy" } as unknown as DecisionResponse;
    expect(parseDecision(both).propositionId).toBe("p-1");
  });

  it.each([
    [
      "JSON by component type",
      {
        "@type": "https://ns.adobe.com/experience/offer-management/content-component-json",
        "xdm:content": '{"title":"Sale","off":20}',
      },
      { kind: "json", value: { title: "Sale", off: 20 } },
    ],
    ["JSON by format", { "dc:format": "application/json", "xdm:content": "[1,2]" }, { kind: "json", value: [1, 2] }],
    ["HTML", { "@type": HTML, "xdm:content": "<b>Hi</b>" }, { kind: "html", value: "<b>Hi</b>" }],
    [
      "text",
      {
        "@type": "https://ns.adobe.com/experience/offer-management/content-component-text",
        "xdm:content": '{"not":"parsed"}',
      },
      { kind: "text", value: '{"not":"parsed"}' },
    ],
    [
      "an image without a delivery URL",
      {
        "@type": "https://ns.adobe.com/experience/offer-management/content-component-imagelink",
        "xdm:content": "https://example.com/x",
      },
      { kind: "image", url: undefined, link: "https://example.com/x" },
    ],
    [
      "an unknown component type",
      { "@type": "https://example.com/custom", "xdm:content": "raw" },
      { kind: "other", value: "raw" },
    ],
  ])("parses %s", (_, fields, content) => {
    const decision = parseDecision(answerWith(option(fields)) as unknown as DecisionResponse);
    expect(decision.propositions[0]?.options[0]?.content).toEqual(content);
  });

  it("leaves content undefined when the request did not ask for it", () => {
    const decision = parseDecision(answerWith(option({ "@type": HTML })) as unknown as DecisionResponse);
    expect(decision.propositions[0]?.options[0]?.content).toBeUndefined();
  });

  it("throws UnexpectedResponseError naming the offer when JSON content does not parse", () => {
    const broken = answerWith(option({ "@type": "…/content-component-json", "xdm:content": "{oops" }));
    const error = (() => {
      try {
        parseDecision(broken as unknown as DecisionResponse, { requestId: "srv-9" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ requestId: "srv-9", bodyStart: "{oops" });
    expect((error as Error).message).toContain("xcore:personalized-offer:1");
  });
});

describe("against Prism serving specs/ods.yaml", () => {
  it("decides Adobe's documented request, sending the vendor media types", async () => {
    const prism = await startPrismMock({ spec: "ods" });
    try {
      const fetch = recordingFetch();
      const client = createOdsClient({
        auth: { accessToken: "contract-token", apiKey: "contract-key" },
        imsOrgId: ORG,
        sandboxName: "prod",
        baseUrl: prism.url,
        fetch,
      });
      const decision = await decide(client, adobeRequest);
      expect(decision.propositionId).toBe(adobeResponse["xdm:propositionId"]);
      expect(decision.propositions.map((p) => p.isFallback)).toEqual(
        adobeResponse["xdm:propositions"].map((p) => p["xdm:fallback"] !== undefined),
      );
      expect(fetch.last.headers).toMatchObject({
        accept: DECISION_RESPONSE_MEDIA_TYPE,
        authorization: "Bearer contract-token",
        "x-api-key": "contract-key",
        "x-gw-ims-org-id": ORG,
      });
    } finally {
      await prism.close();
    }
  });
});
