import { readdirSync, readFileSync } from "node:fs";
import { ApiError, UnexpectedResponseError, unwrap } from "@offerkit/core";
import { contractOperation, loadSpec, recordingFetch, responseSchemaChecker } from "@offerkit/testkit";
import { describe, expect, inject, it } from "vitest";
import { createDeliveryClient, type DeliveryRequest } from "../src/index.js";
import { rawClient } from "../src/raw.js";

// Every operation of specs/delivery.yaml, called through the generated client against Prism serving the spec.
const operation = contractOperation("delivery", "execute");
const checkSchema = responseSchemaChecker("delivery");
const baseUrl = inject("prismUrl");

const fixturesDir = new URL("./fixtures/", import.meta.url);
const sdkShapedRequests = readdirSync(fixturesDir)
  .filter((file) => file.startsWith("sdk-") && file.endsWith(".json"))
  .map((file) => [file, JSON.parse(readFileSync(new URL(file, fixturesDir), "utf8")) as DeliveryRequest] as const);

function client() {
  const fetch = recordingFetch();
  return { fetch, target: createDeliveryClient({ client: "acme", baseUrl, fetch, retry: false }) };
}

const minimal: DeliveryRequest = { context: { channel: "web" }, execute: { mboxes: [{ index: 0, name: "home" }] } };

function expectDeliveryHeaders(headers: Readonly<Record<string, string>>) {
  // Prism would accept any JSON-ish Content-Type, so the header is checked on what was really sent.
  expect(headers["content-type"]).toBe("application/json");
  expect(headers["user-agent"]).toMatch(/^offerkit-delivery\/\d+\.\d+\.\d+/);
}

describe(`${operation.method} ${operation.path} (${operation.operationId})`, () => {
  it.each(sdkShapedRequests)("accepts what Adobe's SDK sends: %s", async (_file, request) => {
    const { fetch, target } = client();
    const { data, response } = await target.deliver({ sessionId: "a1b2c3d4-session", request });

    expect(response.headers.get("sl-violations")).toBeNull();
    expect(response.status).toBe(200);
    expect(checkSchema("execute", 200, "application/json", data)).toEqual({ valid: true, errors: [] });
    expect(fetch.last.method).toBe("POST");
    expect(new URL(fetch.last.url).searchParams.get("sessionId")).toBe("a1b2c3d4-session");
    expect(new URL(fetch.last.url).searchParams.get("client")).toBe("acme");
    expect(JSON.parse(fetch.last.body)).toEqual(request);
    expectDeliveryHeaders(fetch.last.headers);
  });

  const documented = loadSpec("delivery").paths?.[operation.path]?.post as {
    responses: { 200: { content: { "application/json": { examples: Record<string, unknown> } } } };
  };
  const named200 = Object.keys(documented.responses[200].content["application/json"].examples);

  it.each(named200)("answers 200 example %s in the typed shape", async (example) => {
    const { fetch, target } = client();
    const { data } = await target.deliver(
      { sessionId: "s-1", request: minimal },
      { headers: { Prefer: `example=${example}` } },
    );
    expect(data?.status).toBe(200);
    expect(checkSchema("execute", 200, "application/json", data)).toEqual({ valid: true, errors: [] });
    expectDeliveryHeaders(fetch.last.headers);
  });

  it.each(operation.statuses)("answers documented status %i in the typed shape", async (status) => {
    const { fetch, target } = client();
    // The spec answers 204 to a beacon only; the client refuses an empty answer to anything else.
    const request = status === 204 ? { ...minimal, context: { ...minimal.context, beacon: true } } : minimal;
    const result = await target.deliver({ sessionId: "s-1", request }, { headers: { Prefer: `code=${status}` } });
    expect(result.response.status).toBe(status);
    expectDeliveryHeaders(fetch.last.headers);
    const mediaType = operation.mediaTypes[status]?.[0];
    if (status === 204) {
      expect(mediaType).toBeUndefined();
      expect(result.data).toBeUndefined();
    } else if (status < 300) {
      expect(checkSchema("execute", status, "application/json", result.data)).toMatchObject({ valid: true });
    } else {
      expect(mediaType).toBe("application/json");
      expect(checkSchema("execute", status, "application/json", result.error)).toEqual({ valid: true, errors: [] });
      const error = await unwrap(result).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status, body: result.error });
    }
  });

  it("refuses a 204 to a request that is not a beacon: the spec promises a body then", async () => {
    const { target } = client();
    const failure = target.deliver({ sessionId: "s-1", request: minimal }, { headers: { Prefer: "code=204" } });
    await expect(failure).rejects.toBeInstanceOf(UnexpectedResponseError);
  });

  it("describes responses that tolerate fields Adobe adds later", () => {
    const later = {
      status: 200,
      someNewTopLevelField: { nested: true },
      execute: { mboxes: [{ index: 0, name: "home", options: [{ type: "html", content: "<p/>", newFlag: 1 }] }] },
      prefetch: { views: [{ name: "home", id: 42, options: [] }] },
    };
    expect(checkSchema("execute", 200, "application/json", later)).toEqual({ valid: true, errors: [] });
  });

  it("is refused by the spec, not just by the client, when a field breaks a limit", async () => {
    // The raw client skips offerkit's checks, so this shows Prism (that is, the spec) rejecting it too.
    const { target } = client();
    const { error, response } = await rawClient(target).POST("/rest/v1/delivery", {
      params: { query: { sessionId: "s-1", client: "acme" } },
      // @ts-expect-error channel "tv" is not in the enum
      body: { context: { channel: "tv" } },
    });
    expect(response.status).toBe(400);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("channel");
  });

  it("is refused by the spec without a session id", async () => {
    const { target } = client();
    // @ts-expect-error sessionId is required by the spec
    const { response } = await rawClient(target).POST("/rest/v1/delivery", { params: { query: {} }, body: minimal });
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toMatch(/sessionid/i);
  });
});

describe("the default transport (no fetch option)", () => {
  it("sends through the vitest project's transport: undici on Node, else the global fetch", async () => {
    const original = globalThis.fetch;
    const viaGlobal: string[] = [];
    globalThis.fetch = (input, init) => {
      viaGlobal.push(input instanceof Request ? input.url : String(input));
      return original(input, init);
    };
    try {
      const target = createDeliveryClient({ client: "acme", baseUrl, retry: false });
      const { response } = await target.deliver({ sessionId: "s-1", request: minimal });
      expect(response.status).toBe(200);
      // The Node transport never touches the global fetch.
      expect(viaGlobal).toHaveLength(process.env.OFFERKIT_TRANSPORT === "node" ? 0 : 1);
    } finally {
      globalThis.fetch = original;
    }
  });
});
