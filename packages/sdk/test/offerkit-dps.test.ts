// createOfferkit().dps: created on first use with the shared token and identity, its own options and validation.
import type { TagInput } from "@offerkit/dps";
import { validation as dpsValidation } from "@offerkit/dps/validation";
import { FAKE_IMS_CLIENT, type FakeIms, jsonResponse, recordingFetch, startFakeIms } from "@offerkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfferkit, type OfferkitOptions, unwrap, ValidationError } from "../src/index.js";

const ORG = "0123456789ABCDEF01234567@AdobeOrg";

let ims: FakeIms;
beforeAll(async () => {
  ims = await startFakeIms();
});
afterAll(() => ims.close());

function offerkit(overrides: Partial<OfferkitOptions> = {}) {
  const send = recordingFetch(async (request) => {
    if (request.url.startsWith(ims.url)) return fetch(request);
    if (request.url.includes("/workflows/")) return jsonResponse({ id: "w-1", status: "Completed" });
    if (request.method === "POST") return jsonResponse({ id: "dps:tag:1", etag: 1 });
    if (request.url.includes("/ods/")) return jsonResponse({ "xdm:propositionId": "p-1", "xdm:propositions": [] });
    return jsonResponse({ results: [], count: 0, total: 0, _links: { self: { href: "/tags" } } });
  });
  const kit = createOfferkit({
    auth: { ...FAKE_IMS_CLIENT, imsHost: ims.url },
    imsOrgId: ORG,
    sandboxName: "prod",
    fetch: send,
    ...overrides,
  });
  const apiCalls = () => send.requests.filter((request) => !request.url.startsWith(ims.url));
  return { kit, apiCalls };
}

describe("createOfferkit().dps", () => {
  it("is created once, on first use, and shares the kit's one IMS token and identity", async () => {
    const before = ims.requests.length;
    const { kit, apiCalls } = offerkit();
    expect(apiCalls()).toHaveLength(0);
    expect(kit.dps).toBe(kit.dps);
    await Promise.all([
      unwrap(kit.dps.tags.list()),
      unwrap(kit.dps.migration.getMigration("w-1")),
      kit.decide({ "xdm:propositionRequests": [], "xdm:profiles": [] } as never).catch(() => undefined),
    ]);
    expect(ims.requests.length - before).toBe(1);
    const token = ims.issued.at(-1);
    const [tags, workflow] = apiCalls();
    expect(tags?.url).toBe("https://platform.adobe.io/data/core/dps/tags");
    expect(workflow?.url).toBe("https://decisioning-migration.adobe.io/workflows/migration/w-1");
    for (const call of [tags, workflow]) {
      expect(call?.headers).toMatchObject({ authorization: `Bearer ${token}`, "x-gw-ims-org-id": ORG });
    }
    expect(tags?.headers).toMatchObject({ "x-api-key": FAKE_IMS_CLIENT.clientId, "x-sandbox-name": "prod" });
  });

  it("takes the migration API's origin and the offer items' schema id from the dps option", async () => {
    const { kit, apiCalls } = offerkit({
      baseUrl: "http://127.0.0.1:4010",
      dps: { migrationBaseUrl: "http://127.0.0.1:4010", schemaId: "https://ns.adobe.com/acme/schemas/1" },
    });
    expect(kit.dps.baseUrl).toBe("http://127.0.0.1:4010/data/core/dps");
    expect(kit.dps.migrationBaseUrl).toBe("http://127.0.0.1:4010");
    await unwrap(kit.dps.offerItems.list());
    await kit.waitUntilMigrationComplete({ workflowId: "w-1" });
    expect(apiCalls().map((call) => [call.url, call.headers["x-schema-id"]])).toEqual([
      ["http://127.0.0.1:4010/data/core/dps/offer-items", "https://ns.adobe.com/acme/schemas/1"],
      ["http://127.0.0.1:4010/workflows/migration/w-1", undefined],
    ]);
  });

  it("refuses an unknown or malformed dps option when the kit is created", () => {
    const base = { auth: { accessToken: "t", apiKey: "k" }, imsOrgId: ORG, sandboxName: "prod" };
    expect(() => createOfferkit({ ...base, dps: { migrationUrl: "x" } } as never)).toThrow(
      expect.objectContaining({ name: "ValidationError", field: "dps.migrationUrl" }),
    );
    expect(() => createOfferkit({ ...base, dps: { schemaId: 7 } } as never)).toThrow(
      expect.objectContaining({ field: "dps.schemaId" }),
    );
  });

  it("checks dps bodies against the spec only when validation.dps is given", async () => {
    const checked = offerkit({ validation: { dps: dpsValidation } });
    const error = await checked.kit.dps.tags.create({} as TagInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(checked.apiCalls()).toHaveLength(0);

    const lean = offerkit();
    await unwrap(lean.kit.dps.tags.create({} as TagInput));
    expect(lean.apiCalls()).toHaveLength(1);
    expect(() =>
      createOfferkit({
        ...{ auth: { accessToken: "t", apiKey: "k" }, imsOrgId: ORG, sandboxName: "prod" },
        validation: { dps: "full" },
      } as never),
    ).toThrow(expect.objectContaining({ field: "validation.dps" }));
  });
});
