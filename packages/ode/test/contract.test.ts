import { readFileSync } from "node:fs";
import { ApiError, unwrap } from "@offerkit/core";
import {
  contractOperation,
  expectedUserAgent,
  loadSpec,
  recordingFetch,
  responseSchemaChecker,
  type SpecOperation,
} from "@offerkit/testkit";
import { describe, expect, inject, it } from "vitest";
import { createOdeClient, type OdeEndpoint, VERSION, type WorkloadRequest } from "../src/index.js";
import { rawClient } from "../src/raw.js";

// Every operation of specs/ode.yaml, called through the client against Prism serving the spec.
const baseUrl = inject("prismUrl");
const checkSchema = responseSchemaChecker("ode");
const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const CONTAINER = "0948b1c5-fff8-3b76-ba17-909c6b93b5a2";
const WORKLOAD = "47efef25-4bcf-404f-96e2-67c4f784a1f5";
const JSON_TYPE = "application/json";
/** Prism ignores `Prefer: code=` for an error whose media types the Accept header leaves out. */
const ACCEPT_PROBLEMS = "application/json, application/problem+json";

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as T;
const adobeRequest = fixture<WorkloadRequest>("adobe-start-request.json");

function client(endpoint: OdeEndpoint) {
  const fetch = recordingFetch();
  const ode = createOdeClient({
    auth: { accessToken: "contract-token", apiKey: "contract-key" },
    imsOrgId: ORG,
    sandboxName: "prod",
    sandboxId: "sandbox-1",
    baseUrl,
    fetch,
    retry: false,
    endpoint,
    containerId: endpoint === "container" ? CONTAINER : undefined,
  });
  return { fetch, ode };
}

/** Checked on what was really sent: Prism accepts any JSON Content-Type and ignores unknown headers. */
function expectWireHeaders(headers: Readonly<Record<string, string>>, accept = JSON_TYPE) {
  expect(headers).toMatchObject({
    accept,
    "content-type": JSON_TYPE,
    authorization: "Bearer contract-token",
    "x-api-key": "contract-key",
    "x-gw-ims-org-id": ORG,
    "x-sandbox-name": "prod",
    "x-sandbox-id": "sandbox-1",
    "user-agent": expectedUserAgent("ode", VERSION),
  });
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
}

interface MediaExamples {
  content: Record<string, { examples?: Record<string, { value: unknown }> }>;
}

/** The named examples the spec gives for one operation's request body or one of its responses. */
function examplesOf(op: SpecOperation, where: "request" | number): Record<string, unknown> {
  const item = loadSpec("ode").paths?.[op.path]?.[op.method.toLowerCase()] as {
    requestBody: MediaExamples;
    responses: Record<string, MediaExamples>;
  };
  const media = where === "request" ? item.requestBody : item.responses[String(where)];
  return Object.fromEntries(
    Object.entries(media?.content[JSON_TYPE]?.examples ?? {}).map(([name, example]) => [name, example.value]),
  );
}

// Literal operation ids: scripts/check-operation-coverage.mjs reads them from this file.
const generations = [
  {
    endpoint: "container",
    startOp: contractOperation("ode", "startContainerWorkload"),
    getOp: contractOperation("ode", "getContainerWorkload"),
  },
  {
    endpoint: "dwm",
    startOp: contractOperation("ode", "startWorkload"),
    getOp: contractOperation("ode", "getWorkload"),
  },
] as const;

describe.each(generations)("the $endpoint endpoint", ({ endpoint, startOp, getOp }) => {
  const start = startOp.operationId;
  const get = getOp.operationId;

  describe(`${startOp.method} ${startOp.path} (${start})`, () => {
    const requests = { adobeDocumentationFixture: adobeRequest, ...examplesOf(startOp, "request") };

    it.each(Object.entries(requests))("accepts the request %s and answers a QUEUED workload", async (_name, body) => {
      const { fetch, ode } = client(endpoint);
      const { data, response } = await ode.startWorkload(body as WorkloadRequest);
      expect(response.headers.get("sl-violations")).toBeNull();
      expect(startOp.successStatuses).toContain(response.status);
      expect(data?.["ode:status"]).toBe("QUEUED");
      expect(checkSchema(start, response.status, JSON_TYPE, data)).toEqual({ valid: true, errors: [] });
      expect(fetch.last.method).toBe("POST");
      expect(new URL(fetch.last.url).pathname).toBe(startOp.path.replace("{containerId}", CONTAINER));
      expect(JSON.parse(fetch.last.body)).toEqual(body);
      expectWireHeaders(fetch.last.headers);
    });

    it.each(startOp.statuses)("answers documented status %i in the typed shape", async (status) => {
      const { fetch, ode } = client(endpoint);
      const result = await ode.startWorkload(adobeRequest, {
        headers: { Accept: ACCEPT_PROBLEMS, Prefer: `code=${status}` },
      });
      await expectStatus(start, status, result, fetch.last.headers);
    });

    it("describes Adobe's documented start response", () => {
      const documented = fixture<Record<string, unknown>>("adobe-start-response.json");
      if (endpoint === "dwm") delete documented["xdm:containerId"];
      for (const status of startOp.successStatuses) {
        expect(checkSchema(start, status, JSON_TYPE, documented)).toEqual({ valid: true, errors: [] });
      }
    });
  });

  describe(`${getOp.method} ${getOp.path} (${get})`, () => {
    it("reads a workload", async () => {
      const { fetch, ode } = client(endpoint);
      const { data, response } = await ode.getWorkload(WORKLOAD);
      expect(response.status).toBe(200);
      expect(response.headers.get("sl-violations")).toBeNull();
      expect(checkSchema(get, 200, JSON_TYPE, data)).toEqual({ valid: true, errors: [] });
      expect(fetch.last.method).toBe("GET");
      expect(fetch.last.body).toBe("");
      expect(new URL(fetch.last.url).pathname).toBe(
        getOp.path.replace("{containerId}", CONTAINER).replace("{workloadId}", WORKLOAD),
      );
      expectWireHeaders(fetch.last.headers);
    });

    const named = examplesOf(getOp, 200);
    it.each(Object.keys(named))("answers the %s example in the typed shape", async (example) => {
      const { ode } = client(endpoint);
      const { data } = await ode.getWorkload(WORKLOAD, { headers: { Prefer: `example=${example}` } });
      expect(data).toEqual(named[example]);
      expect(checkSchema(get, 200, JSON_TYPE, data)).toEqual({ valid: true, errors: [] });
      expect("xdm:containerId" in (data ?? {})).toBe(endpoint === "container");
    });

    it("covers every status a workload can have", () => {
      const statuses = Object.values(named).map((w) => (w as { "ode:status": string })["ode:status"]);
      expect(new Set(statuses)).toEqual(new Set(["QUEUED", "PROCESSING", "INGESTING", "COMPLETED", "ERROR"]));
    });

    it.each(getOp.statuses)("answers documented status %i in the typed shape", async (status) => {
      const { fetch, ode } = client(endpoint);
      const result = await ode.getWorkload(WORKLOAD, {
        headers: { Accept: ACCEPT_PROBLEMS, Prefer: `code=${status}` },
      });
      await expectStatus(get, status, result, fetch.last.headers);
    });

    it("describes Adobe's documented status response", () => {
      const documented = fixture<Record<string, unknown>>("adobe-get-response.json");
      if (endpoint === "dwm") delete documented["xdm:containerId"];
      expect(checkSchema(get, 200, JSON_TYPE, documented)).toEqual({ valid: true, errors: [] });
    });
  });

  it("is refused by the spec, not just by the client, with two segment ids", async () => {
    // The raw client skips offerkit's checks, so this shows Prism (that is, the spec) refusing it too.
    const { ode } = client(endpoint);
    const header = { "x-gw-ims-org-id": ORG, "x-sandbox-name": "prod" };
    const body = { ...adobeRequest, "xdm:segmentIds": ["a", "b"] };
    const { response } =
      endpoint === "dwm"
        ? await rawClient(ode).POST("/data/core/dwm/workloads/decisions", { params: { header }, body })
        : await rawClient(ode).POST("/data/core/ode/{containerId}/workloads/decisions", {
            params: { header, path: { containerId: CONTAINER } },
            body,
          });
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toMatch(/segmentIds/);
  });
});

async function expectStatus(
  operationId: string,
  status: number,
  result: { data?: unknown; error?: unknown; response: Response },
  sent: Readonly<Record<string, string>>,
) {
  expect(result.response.status).toBe(status);
  expect(result.response.headers.get("sl-violations")).toBeNull();
  expectWireHeaders(sent, ACCEPT_PROBLEMS);
  const mediaType = result.response.headers.get("content-type")?.split(";")[0] ?? "";
  if (status < 300) {
    expect(checkSchema(operationId, status, mediaType, result.data)).toEqual({ valid: true, errors: [] });
    return;
  }
  expect(["application/json", "application/problem+json"]).toContain(mediaType);
  expect(checkSchema(operationId, status, mediaType, result.error)).toEqual({ valid: true, errors: [] });
  const error = await unwrap(result).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  // The gateway's id when it answers with one, else the id we sent: either way the call can be found in Adobe's logs.
  const requestId = result.response.headers.get("x-request-id") ?? sent["x-request-id"];
  expect(error).toMatchObject({ status, body: result.error, requestId });
}
