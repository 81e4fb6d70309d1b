import { readFileSync } from "node:fs";
import { validation as odeValidation } from "@offerkit/ode/validation";
import type { DecisionRequest, DecisionResponse } from "@offerkit/ods";
import { validation as odsValidation } from "@offerkit/ods/validation";
import { FAKE_IMS_CLIENT, type FakeIms, jsonResponse, recordingFetch, startFakeIms } from "@offerkit/testkit";
import { PLACEMENT_SCHEMA, type Placement } from "@offerkit/xcore";
import { validation as xcoreValidation } from "@offerkit/xcore/validation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfferkit, ImsAuthError, type OfferkitOptions, ValidationError } from "../src/index.js";

const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const WORKLOAD = "47efef25-4bcf-404f-96e2-67c4f784a1f5";
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../ods/test/fixtures/${name}`, import.meta.url), "utf8")) as T;
const adobeRequest = fixture<DecisionRequest>("adobe-request.json");
const adobeResponse = fixture<DecisionResponse>("adobe-response.json");

let ims: FakeIms;
beforeAll(async () => {
  ims = await startFakeIms();
});
afterAll(() => ims.close());

/** Sends token requests to the fake IMS and answers Platform calls itself, writing every request down. */
function platformFetch() {
  return recordingFetch(async (request) => {
    if (request.url.startsWith(ims.url)) return fetch(request);
    if (!ims.isAuthorized(request.headers.get("authorization")))
      return jsonResponse({ error_code: "401013" }, { status: 401 });
    if (request.url.includes("/ods/")) return jsonResponse(adobeResponse);
    if (request.url.includes("/xcore/")) return jsonResponse(offersPage(request.url));
    if (request.method === "POST") return jsonResponse({ "@id": WORKLOAD, "ode:status": "QUEUED" });
    return jsonResponse({ "@id": WORKLOAD, "ode:status": "COMPLETED" });
  });
}

const CONTAINER = "e0bd8463-0913-4ca1-bd84-6309134ca1f6";
const OFFERS = "https://ns.adobe.com/experience/offer-management/personalized-offer;version=0.5";
/** A listing of two pages: the first links to the second, which is the last. */
function offersPage(url: string) {
  const first = !url.includes("start=");
  return {
    _embedded: { results: [{ instanceId: first ? "o1" : "o2", _instance: { "xdm:name": "Offer" } }] },
    _links: first ? { next: { href: `/${CONTAINER}/instances?schema=${OFFERS}&start=o1` } } : {},
  };
}

function offerkit(overrides: Partial<OfferkitOptions> = {}) {
  const fetch = platformFetch();
  const kit = createOfferkit({
    auth: { ...FAKE_IMS_CLIENT, imsHost: ims.url },
    imsOrgId: ORG,
    sandboxName: "prod",
    fetch,
    ...overrides,
  });
  return { fetch, kit };
}

describe("createOfferkit", () => {
  it("asks IMS for one token for every client and call, and nothing before the first call", async () => {
    const before = ims.requests.length;
    const { fetch, kit } = offerkit();
    expect(fetch.requests).toHaveLength(0);
    const [decision, started, done, offers] = await Promise.all([
      kit.decide(adobeRequest),
      kit.startWorkload({
        "xdm:segmentIds": ["609028e4-e66c-4776-b0d9-c782887e2273"],
        "xdm:dataSetId": "6196b4a1a63bd118dafe093c",
        "xdm:propositionRequests": [
          { "xdm:activityId": "xcore:offer-activity:1", "xdm:placementId": "xcore:offer-placement:1" },
        ],
      }),
      kit.waitUntilWorkloadComplete({ workloadId: WORKLOAD }),
      kit.paginatePersonalizedOffers({ containerId: CONTAINER }, { prefetch: true }).toArray({ limit: 10 }),
    ]);
    expect(offers.map((offer) => offer.instanceId)).toEqual(["o1", "o2"]);
    expect(decision.propositionId).toBe(adobeResponse["xdm:propositionId"]);
    expect(started["ode:status"]).toBe("QUEUED");
    expect(done["ode:status"]).toBe("COMPLETED");
    expect(ims.requests.length - before).toBe(1);
    const token = ims.issued.at(-1);
    const apiCalls = fetch.requests.filter((r) => !r.url.startsWith(ims.url));
    // The three calls ran at once, so their order on the wire is not fixed.
    expect(apiCalls.map((r) => [r.method, new URL(r.url).pathname]).sort()).toEqual([
      ["GET", `/data/core/dwm/workloads/decisions/${WORKLOAD}`],
      ["GET", `/data/core/xcore/${CONTAINER}/instances`],
      ["GET", `/data/core/xcore/${CONTAINER}/instances`],
      ["POST", "/data/core/dwm/workloads/decisions"],
      ["POST", "/data/core/ods/decisions"],
    ]);
    for (const call of apiCalls) {
      expect(call.headers).toMatchObject({
        authorization: `Bearer ${token}`,
        "x-api-key": FAKE_IMS_CLIENT.clientId,
        "x-gw-ims-org-id": ORG,
        "x-sandbox-name": "prod",
      });
    }
  });

  it("creates each client once, on first use, with the shared options", () => {
    const { kit } = offerkit({
      baseUrl: "http://127.0.0.1:1",
      ode: { containerId: "0948b1c5-fff8-3b76-ba17-909c6b93b5a2" },
    });
    expect(kit.ods).toBe(kit.ods);
    expect(kit.ode).toBe(kit.ode);
    expect(kit.xcore).toBe(kit.xcore);
    expect(kit.ods.baseUrl).toBe("http://127.0.0.1:1");
    expect(kit.xcore.baseUrl).toBe("http://127.0.0.1:1");
    expect(kit.ode.endpoint).toBe("container");
  });

  it("shares a token provider or a fixed token it is given", async () => {
    const fetch = platformFetch();
    const token = await fetch(
      new Request(`${ims.url}/ims/token/v3`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: FAKE_IMS_CLIENT.clientId,
          client_secret: FAKE_IMS_CLIENT.clientSecret,
          scope: FAKE_IMS_CLIENT.scopes.join(","),
        }),
      }),
    ).then((r) => r.json() as Promise<{ access_token: string }>);
    const fixed = createOfferkit({
      auth: { accessToken: token.access_token, apiKey: "key-1" },
      imsOrgId: ORG,
      sandboxName: "prod",
      fetch,
    });
    await fixed.decide(adobeRequest);
    expect(fetch.last.headers).toMatchObject({ authorization: `Bearer ${token.access_token}`, "x-api-key": "key-1" });
    const shared = createOfferkit({
      auth: { tokenProvider: fixed.tokenProvider, apiKey: "key-2" },
      imsOrgId: ORG,
      sandboxName: "prod",
      fetch,
    });
    expect(shared.tokenProvider).toBe(fixed.tokenProvider);
    await shared.waitUntilWorkloadComplete({ workloadId: WORKLOAD });
    expect(fetch.last.headers).toMatchObject({ authorization: `Bearer ${token.access_token}`, "x-api-key": "key-2" });
  });

  it("pages any Offer Library type through the facade's xcore client, with the paging options given", async () => {
    const { fetch, kit } = offerkit();
    const controller = new AbortController();
    const placements = kit.paginateInstances(
      {
        containerId: CONTAINER,
        schema: "https://ns.adobe.com/experience/offer-management/offer-placement;version=0.4",
      },
      { signal: controller.signal, callOptions: { headers: { "x-trace": "t-1" } } },
    );
    const first = await placements.next();
    expect(first.done).toBe(false);
    controller.abort();
    await expect(placements.next()).rejects.toMatchObject({ name: "AbortError" });
    const searched = await kit
      .paginateSearchInstances({ containerId: CONTAINER, schema: OFFERS, q: "checking" })
      .toArray({
        limit: 1,
      });
    expect(searched).toHaveLength(1);
    const xcoreCalls = fetch.requests.filter((r) => r.url.includes("/xcore/"));
    expect(xcoreCalls.map((r) => r.url)).toEqual([
      `https://platform.adobe.io/data/core/xcore/${CONTAINER}/instances?schema=${encodeURIComponent("https://ns.adobe.com/experience/offer-management/offer-placement;version=0.4")}`,
      `https://platform.adobe.io/data/core/xcore/${CONTAINER}/queries/core/search?schema=${encodeURIComponent(OFFERS)}&q=checking`,
    ]);
    expect(xcoreCalls[0]?.headers["x-trace"]).toBe("t-1");
  });

  it("names the option that is wrong, as the caller wrote it", () => {
    expect(() => createOfferkit(undefined as never)).toThrow(ValidationError);
    expect(() => createOfferkit({ imsOrgId: ORG, sandboxName: "prod" } as never)).toThrow(
      expect.objectContaining({ field: "auth" }),
    );
    expect(() =>
      createOfferkit({ auth: { ...FAKE_IMS_CLIENT, clientSecret: "" }, imsOrgId: ORG, sandboxName: "prod" }),
    ).toThrow(expect.objectContaining({ name: "ValidationError", field: "auth.clientSecret" }));
  });

  it("refuses a validation that is not per client, naming it", () => {
    const base = { auth: { ...FAKE_IMS_CLIENT, imsHost: ims.url }, imsOrgId: ORG, sandboxName: "prod" };
    for (const validation of [odsValidation, null, "full", { delivery: odsValidation }]) {
      expect(() => createOfferkit({ ...base, validation } as never)).toThrow(
        expect.objectContaining({ name: "ValidationError", field: "validation" }),
      );
    }
    expect(() => createOfferkit({ ...base, validation: { ode: true } } as never)).toThrow(
      expect.objectContaining({ name: "ValidationError", field: "validation.ode" }),
    );
  });

  it("rejects, before any request, the first call of a client whose shared options it refuses", async () => {
    const { fetch, kit } = offerkit({ imsOrgId: "not-an-org" });
    const decision = kit.decide(adobeRequest);
    await expect(decision).rejects.toMatchObject({ name: "ValidationError", field: "imsOrgId" });
    await expect(kit.waitUntilWorkloadComplete({ workloadId: WORKLOAD })).rejects.toBeInstanceOf(ValidationError);
    expect(fetch.requests).toHaveLength(0);
  });

  it("reports refused credentials as ImsAuthError without the secret", async () => {
    const secret = "wrong-secret-must-not-leak";
    const { kit } = offerkit({ auth: { ...FAKE_IMS_CLIENT, clientSecret: secret, imsHost: ims.url } });
    const error = await kit.decide(adobeRequest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImsAuthError);
    expect(error).toMatchObject({ reason: "invalid_credentials" });
    expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain(secret);
  });
});

describe("createOfferkit validation, per client", () => {
  const scope = { "xdm:activityId": "xcore:offer-activity:1", "xdm:placementId": "xcore:offer-placement:2" };
  /** A body each API's spec refuses but the lean default check lets through (an object, every id well formed). */
  const violations = {
    ods: (kit: ReturnType<typeof offerkit>["kit"]) =>
      kit.decide({ ...adobeRequest, "xdm:propositionRequests": [{ ...scope, "xdm:itemCount": 31 }] }),
    ode: (kit: ReturnType<typeof offerkit>["kit"]) =>
      kit.startWorkload({
        "xdm:segmentIds": ["609028e4-e66c-4776-b0d9-c782887e2273", "7c2f4b0e-2b1d-4a4e-9d35-0b5f6a3e8c11"],
        "xdm:dataSetId": "6196b4a1a63bd118dafe093c",
        "xdm:propositionRequests": [scope],
      }),
    xcore: (kit: ReturnType<typeof offerkit>["kit"]) =>
      kit.xcore.create({ containerId: CONTAINER, schema: PLACEMENT_SCHEMA, instance: {} as Placement }),
  };
  const fields = {
    ods: 'body["xdm:propositionRequests"][0]["xdm:itemCount"]',
    ode: 'body["xdm:segmentIds"]',
    xcore: 'instance["xdm:name"]',
  };
  const paths = { ods: "/ods/", ode: "/workloads/", xcore: "/xcore/" };
  const sentTo = (fetch: ReturnType<typeof offerkit>["fetch"], api: keyof typeof paths) =>
    fetch.requests.filter((request) => !request.url.startsWith(ims.url) && request.url.includes(paths[api]));

  it("refuses each client's body violation before the network when each client opted in", async () => {
    const { fetch, kit } = offerkit({ validation: { ods: odsValidation, ode: odeValidation, xcore: xcoreValidation } });
    for (const api of ["ods", "ode", "xcore"] as const) {
      const error = await violations[api](kit).catch((e: unknown) => e);
      expect(error, api).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field, api).toBe(fields[api]);
    }
    expect(fetch.requests.filter((request) => !request.url.startsWith(ims.url))).toHaveLength(0);
  });

  it("leaves the body to the server for a client that did not opt in", async () => {
    const { fetch, kit } = offerkit({ validation: { ods: odsValidation } });
    await expect(violations.ods(kit)).rejects.toMatchObject({ name: "ValidationError", field: fields.ods });
    await violations.ode(kit);
    await violations.xcore(kit);
    expect(sentTo(fetch, "ods")).toHaveLength(0);
    expect(sentTo(fetch, "ode")).toHaveLength(1);
    expect(sentTo(fetch, "xcore")).toHaveLength(1);

    const none = offerkit();
    await violations.ods(none.kit);
    expect(sentTo(none.fetch, "ods")).toHaveLength(1);
  });
});
