import {
  FAKE_IMS_CLIENT,
  fakeFetch,
  fixedTokenIdentity,
  jsonResponse,
  startFakeIms,
  withoutRequestId,
} from "@offerkit/testkit";
import { describe, expect, it } from "vitest";
import {
  ApiError,
  createOdeClient,
  isTerminalStatus,
  type OdeClient,
  type OdeClientOptions,
  unwrap,
  ValidationError,
  VERSION,
  type WorkloadRequest,
} from "../src/index.js";
import { validation } from "../src/validation.js";

const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const CONTAINER = "0948b1c5-fff8-3b76-ba17-909c6b93b5a2";
const WORKLOAD = "47efef25-4bcf-404f-96e2-67c4f784a1f5";

const request: WorkloadRequest = {
  "xdm:segmentIds": ["609028e4-e66c-4776-b0d9-c782887e2273"],
  "xdm:dataSetId": "6196b4a1a63bd118dafe093c",
  "xdm:propositionRequests": [
    {
      "xdm:activityId": "xcore:offer-activity:1410cdcda196707b",
      "xdm:placementId": "xcore:offer-placement:1410c4117306488a",
    },
  ],
};
const queued = { "@id": WORKLOAD, "xdm:imsOrgId": ORG, "ode:createDate": 1648078924834, "ode:status": "QUEUED" };

function client(overrides: Partial<OdeClientOptions> = {}, respond = () => jsonResponse(queued)) {
  const fetch = fakeFetch(respond);
  const ode = createOdeClient({
    auth: { accessToken: "token-1", apiKey: "key-1" },
    imsOrgId: ORG,
    sandboxName: "prod",
    fetch,
    ...overrides,
  });
  return { fetch, ode };
}

const identity = fixedTokenIdentity("ode", VERSION, ORG);

describe("the wire request", () => {
  it("starts a workload on the newest (dwm) endpoint with JSON, credentials and a fresh request id", async () => {
    const { fetch, ode } = client();
    const { data } = await ode.startWorkload(request);
    expect(data).toEqual(queued);
    expect(ode.endpoint).toBe("dwm");
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.last).toMatchObject({
      method: "POST",
      url: "https://platform.adobe.io/data/core/dwm/workloads/decisions",
      body: JSON.stringify(request),
    });
    expect(withoutRequestId(fetch.last.headers)).toEqual({
      ...identity,
      accept: "application/json",
      "content-type": "application/json",
    });
  });

  it("uses the container endpoint when a container id is given, and sends JSON headers on the GET too", async () => {
    const { fetch, ode } = client({ containerId: CONTAINER, sandboxId: "sb-7" });
    await ode.startWorkload(request);
    await ode.getWorkload(WORKLOAD);
    expect(ode.endpoint).toBe("container");
    expect(fetch.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      `POST https://platform.adobe.io/data/core/ode/${CONTAINER}/workloads/decisions ${JSON.stringify(request)}`,
      `GET https://platform.adobe.io/data/core/ode/${CONTAINER}/workloads/decisions/${WORKLOAD} `,
    ]);
    expect(withoutRequestId(fetch.last.headers)).toEqual({
      ...identity,
      "x-sandbox-id": "sb-7",
      accept: "application/json",
      "content-type": "application/json",
    });
  });

  it("gives every call its own request id unless the caller brings one", async () => {
    const { fetch, ode } = client();
    await ode.getWorkload(WORKLOAD);
    await ode.getWorkload(WORKLOAD);
    await ode.getWorkload(WORKLOAD, { headers: { "X-Request-Id": "my-trace-1" } });
    const ids = fetch.requests.map((r) => r.headers["x-request-id"]);
    expect(new Set(ids).size).toBe(3);
    expect(ids[2]).toBe("my-trace-1");
  });

  it("switches sandbox and container per call", async () => {
    const { fetch, ode } = client({ endpoint: "container" });
    await ode.getWorkload(WORKLOAD, { containerId: "c-2", sandboxName: "dev" });
    expect(fetch.last.url).toBe(`https://platform.adobe.io/data/core/ode/c-2/workloads/decisions/${WORKLOAD}`);
    expect(fetch.last.headers["x-sandbox-name"]).toBe("dev");
  });

  it.each([
    ["a/b", "a%2Fb"],
    ["../../ods/decisions", "..%2F..%2Fods%2Fdecisions"],
    ["x?admin=1#top", "x%3Fadmin%3D1%23top"],
    ["%2e%2e", "%252e%252e"],
    ["id with space", "id%20with%20space"],
  ])("keeps the id %j inside its path segment", async (id, encoded) => {
    const { fetch, ode } = client({ containerId: id });
    await ode.getWorkload(id);
    expect(fetch.last.url).toBe(`https://platform.adobe.io/data/core/ode/${encoded}/workloads/decisions/${encoded}`);
    expect(new URL(fetch.last.url).pathname.split("/")).toHaveLength(8);
  });

  it("retries a status read on 503 but never a start", async () => {
    const busy = () => jsonResponse({ title: "busy" }, { status: 503 });
    const { fetch, ode } = client({ retry: { minDelay: 1, maxDelay: 2 } }, busy);
    await ode.startWorkload(request);
    expect(fetch.requests).toHaveLength(1);
    await ode.getWorkload(WORKLOAD);
    expect(fetch.requests).toHaveLength(4);
  });

  it("keeps the status, request id and problem body of a failed call", async () => {
    const problem = { type: "https://ns.adobe.com/aep/errors/ODE-0404-404", title: "Not found", status: 404 };
    const { ode } = client({}, () => jsonResponse(problem, { status: 404, headers: { "x-request-id": "srv-1" } }));
    const error = await unwrap(ode.getWorkload(WORKLOAD)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, requestId: "srv-1", body: problem });
    expect((error as Error).message).not.toContain("token-1");
  });

  it("authenticates with OAuth Server-to-Server credentials against IMS", async () => {
    const ims = await startFakeIms();
    try {
      // One fetch for all traffic: token requests go through the client's fetch too, here on to the fake IMS.
      const fetch = fakeFetch((req) => {
        if (req.url.startsWith(ims.url)) return globalThis.fetch(req);
        return ims.isAuthorized(req.headers.get("authorization"))
          ? jsonResponse(queued)
          : jsonResponse({ error_code: "401013", message: "Oauth token is not valid" }, { status: 401 });
      });
      const ode = createOdeClient({
        auth: { ...FAKE_IMS_CLIENT, imsHost: ims.url },
        imsOrgId: ORG,
        sandboxName: "prod",
        fetch,
      });
      await ode.getWorkload(WORKLOAD);
      ims.revoke(ims.issued[0] ?? "");
      const { response } = await ode.getWorkload(WORKLOAD);
      expect(response.status).toBe(200);
      expect(ims.requests).toHaveLength(2);
      const [tokenRequests, apiRequests] = [
        fetch.requests.filter((r) => r.url.startsWith(ims.url)),
        fetch.requests.filter((r) => !r.url.startsWith(ims.url)),
      ];
      expect(tokenRequests.map((r) => r.url)).toEqual(Array(2).fill(`${ims.url}/ims/token/v3`));
      expect(apiRequests.map((r) => r.headers["x-api-key"])).toEqual(Array(3).fill(FAKE_IMS_CLIENT.clientId));
      expect(apiRequests.map((r) => r.headers.authorization)).toEqual([
        `Bearer ${ims.issued[0]}`,
        `Bearer ${ims.issued[0]}`,
        `Bearer ${ims.issued[1]}`,
      ]);
    } finally {
      await ims.close();
    }
  });

  it("knows which statuses are final", () => {
    expect(
      ["QUEUED", "PROCESSING", "INGESTING", "COMPLETED", "ERROR"].filter((s) => isTerminalStatus(s as "ERROR")),
    ).toEqual(["COMPLETED", "ERROR"]);
  });
});

describe("bad input is refused before any network call (with the opt-in full validation)", () => {
  async function refusal(run: (ode: ReturnType<typeof client>["ode"]) => Promise<unknown>, options = {}) {
    const { fetch, ode } = client({ validation, ...options });
    const error = await run(ode).catch((e: unknown) => e);
    expect(fetch.requests).toHaveLength(0);
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }

  const withRequest = (patch: Record<string, unknown>) => ({ ...request, ...patch }) as WorkloadRequest;
  const scope = request["xdm:propositionRequests"][0];

  it.each([
    ["two segment ids", { "xdm:segmentIds": ["a", "b"] }, 'body["xdm:segmentIds"]', "at most 1 item"],
    ["no segment id", { "xdm:segmentIds": [] }, 'body["xdm:segmentIds"]', "at least 1 item"],
    ["no dataset", { "xdm:dataSetId": undefined }, 'body["xdm:dataSetId"]', "present"],
    ["no decision scope", { "xdm:propositionRequests": [] }, 'body["xdm:propositionRequests"]', "at least 1 item"],
    [
      "31 items",
      { "xdm:propositionRequests": [{ ...scope, "xdm:itemCount": 31 }] },
      'body["xdm:propositionRequests"][0]["xdm:itemCount"]',
      "at most 30",
    ],
    [
      "0 items",
      { "xdm:propositionRequests": [{ ...scope, "xdm:itemCount": 0 }] },
      'body["xdm:propositionRequests"][0]["xdm:itemCount"]',
      "at least 1",
    ],
  ])("a request with %s", async (_name, patch, field, allowed) => {
    const error = await refusal((ode) => ode.startWorkload(withRequest(patch)));
    expect(error).toMatchObject({ field, allowed });
  });

  it.each([
    ["..", "workloadId"],
    [".", "workloadId"],
    ["", "workloadId"],
  ])("the workload id %j", async (id, field) => {
    expect(await refusal((ode) => ode.getWorkload(id))).toMatchObject({ field });
  });

  it("a missing container id on the container endpoint", async () => {
    const error = await refusal((ode) => ode.startWorkload(request), { endpoint: "container" });
    expect(error.field).toBe("containerId");
    expect(error.message).toMatch(/container id/);
  });

  it("a container id for the dwm endpoint, which has none", async () => {
    const error = await refusal((ode) => ode.getWorkload(WORKLOAD, { containerId: CONTAINER }));
    expect(error.field).toBe("options.containerId");
  });

  it("a header value with CR or LF, without echoing it", async () => {
    const error = await refusal((ode) => ode.getWorkload(WORKLOAD, { headers: { "x-trace": "a\r\nx-evil: 1" } }));
    expect(error.field).toBe("options.headers.x-trace");
    expect(error.message).not.toContain("x-evil");
  });

  it("a bad per-call sandbox", async () => {
    expect(await refusal((ode) => ode.getWorkload(WORKLOAD, { sandboxName: "" }))).toMatchObject({
      field: "options.sandboxName",
    });
  });

  it.each([
    [{ auth: undefined }, "auth"],
    [{ auth: { accessToken: "t" } }, "auth.apiKey"],
    [{ auth: { clientId: "c", clientSecret: "s", scopes: [] } }, "auth.scopes"],
    [{ sandboxName: undefined }, "sandboxName"],
    [{ imsOrgId: "not-an-org" }, "imsOrgId"],
    [{ containerId: ".." }, "containerId"],
    [{ endpoint: "v2" }, "endpoint"],
    [{ baseUrl: "platform.adobe.io" }, "baseUrl"],
    [{ headers: { "x-a": "1\n2" } }, "headers.x-a"],
  ])("options %o when the client is created", (overrides, field) => {
    expect(() => client(overrides as Partial<OdeClientOptions>)).toThrow(
      expect.objectContaining({ name: "ValidationError", field }),
    );
  });

  it("a secret never appears in a refusal", () => {
    try {
      client({ auth: { clientId: "c", clientSecret: "super-secret", scopes: "" } });
    } catch (error) {
      expect(JSON.stringify(error)).not.toContain("super-secret");
      expect((error as Error).message).not.toContain("super-secret");
    }
  });
});

describe("without the opt-in, every call still checks ids, identity and the body's presence", () => {
  it.each([
    ["a workload id of ..", (ode: OdeClient) => ode.getWorkload(".."), "workloadId", 'none of ".", ".."'],
    ["an empty workload id", (ode: OdeClient) => ode.getWorkload(""), "workloadId", "at least 1 character"],
    ["a missing body", (ode: OdeClient) => ode.startWorkload(undefined as never), "body", "present"],
    ["a body that is not an object", (ode: OdeClient) => ode.startWorkload([] as never), "body", "an object"],
  ])("%s", async (_name, run, field, allowed) => {
    const { fetch, ode } = client();
    const error = await run(ode).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect((error as ValidationError).allowed).toContain(allowed);
    expect(fetch.requests).toHaveLength(0);
  });

  it("leaves the rest of the body to the server", async () => {
    const { fetch, ode } = client();
    await ode.startWorkload({ ...request, "xdm:segmentIds": ["a", "b"] });
    expect(JSON.parse(fetch.last.body)["xdm:segmentIds"]).toEqual(["a", "b"]);
  });
});
