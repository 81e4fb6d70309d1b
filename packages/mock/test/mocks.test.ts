import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MOCK_EXAMPLE_HEADER,
  MOCK_STATUS_HEADER,
  MOCK_WORKFLOW_HEADER,
  type Mocks,
  mockFetch,
  startMocks,
  startPrism,
} from "../src/index.js";
import { allClosed, idleConnection } from "./connections.js";

const ODS_REQUEST =
  'application/vnd.adobe.xdm+json; schema="https://ns.adobe.com/experience/offer-management/decision-request;version=1.0"';
const ODS_RESPONSE =
  'application/vnd.adobe.xdm+json; schema="https://ns.adobe.com/experience/offer-management/decision-response;version=1.0"';
const DECISION = JSON.stringify({
  "xdm:propositionRequests": [
    { "xdm:activityId": "xcore:offer-activity:1", "xdm:placementId": "xcore:offer-placement:1" },
  ],
  "xdm:profiles": [{ "xdm:identityMap": { ECID: [{ "xdm:id": "1" }] } }],
});

let mocks: Mocks;
let platformHeaders: Record<string, string>;

beforeAll(async () => {
  mocks = await startMocks();
  const { clientId, clientSecret, scopes, imsOrgId, sandboxName } = mocks.credentials;
  const token = await fetch(`${mocks.url}/ims/token/v3`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope: scopes.join(","),
    }),
  });
  expect(token.status).toBe(200);
  const { access_token } = (await token.json()) as { access_token: string };
  platformHeaders = {
    authorization: `Bearer ${access_token}`,
    "x-api-key": clientId,
    "x-gw-ims-org-id": imsOrgId,
    "x-sandbox-name": sandboxName,
  };
});
afterAll(() => mocks?.stop());

function decide(headers: Record<string, string> = {}) {
  return fetch(`${mocks.url}/data/core/ods/decisions`, {
    method: "POST",
    headers: { ...platformHeaders, "content-type": ODS_REQUEST, accept: ODS_RESPONSE, ...headers },
    body: DECISION,
  });
}

describe("startMocks", () => {
  it("serves every spec and the fake IMS on one loopback origin, routed by path", async () => {
    expect(mocks.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mocks.serverDomain).toBe(new URL(mocks.url).host);
    expect(Object.keys(mocks.specs)).toEqual(["delivery", "dps", "ode", "ods", "xcore"]);
    expect(mocks.ims.requests).toHaveLength(1);

    const decision = await decide();
    expect(decision.status).toBe(200);
    expect(decision.headers.get("content-type")).toBe(ODS_RESPONSE);
    expect(await decision.json()).toHaveProperty("xdm:propositions");

    const containers = await fetch(`${mocks.url}/data/core/xcore/`, { headers: platformHeaders });
    expect(containers.status).toBe(200);

    const unknown = await fetch(`${mocks.url}/data/core/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ status: 404, detail: "no mocked API serves /data/core/nope" });
  });

  it("still validates requests: a field out of range is refused with the violation named", async () => {
    const tooMany = JSON.parse(DECISION) as { "xdm:propositionRequests": Record<string, unknown>[] };
    Object.assign(tooMany["xdm:propositionRequests"][0] ?? {}, { "xdm:itemCount": 31 });
    const refused = await fetch(`${mocks.url}/data/core/ods/decisions`, {
      method: "POST",
      headers: { ...platformHeaders, "content-type": ODS_REQUEST, accept: ODS_RESPONSE },
      body: JSON.stringify(tooMany),
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("sl-violations")).toContain("xdm:itemCount");
  });

  it("answers the status named by x-mock-status even when Accept lists only the success media type", async () => {
    // Prism alone ignores Prefer: code=503 here, because Accept does not list application/problem+json.
    const prism = await decide().then(() =>
      fetch(`${mocks.specs.ods}/data/core/ods/decisions`, {
        method: "POST",
        headers: { ...platformHeaders, "content-type": ODS_REQUEST, accept: ODS_RESPONSE, prefer: "code=503" },
        body: DECISION,
      }),
    );
    expect(prism.status).toBe(200);

    for (const status of [400, 401, 403, 429, 500, 503]) {
      const answer = await decide({ [MOCK_STATUS_HEADER]: String(status) });
      expect(answer.status).toBe(status);
      // The spec's example for that status: Platform problem details, or the gateway's shape for 401/403.
      const body = (await answer.json()) as Record<string, unknown>;
      if (status === 401 || status === 403) expect(body).toHaveProperty("error_code");
      else expect(body).toMatchObject({ status });
    }
    // Prism's own Prefer header works through the mocks' origin too.
    expect((await decide({ prefer: "code=429" })).status).toBe(429);
  });

  it("answers a status the spec does not declare in the Platform's problem shape", async () => {
    const answer = await decide({ [MOCK_STATUS_HEADER]: "418" });
    expect(answer.status).toBe(418);
    expect(await answer.json()).toMatchObject({ status: 418, title: "I'm a Teapot" });
    expect((await decide({ [MOCK_STATUS_HEADER]: "nope" })).status).toBe(400);
  });

  it("picks the Target example that fits the request: execute or prefetch", async () => {
    const deliver = async (body: unknown) => {
      const answer = await fetch(`${mocks.url}/rest/v1/delivery?client=demo&sessionId=s-1`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ context: { channel: "web" }, ...(body as object) }),
      });
      expect(answer.status).toBe(200);
      return (await answer.json()) as Record<string, unknown>;
    };
    expect(await deliver({ execute: { mboxes: [{ index: 0, name: "hero" }] } })).toHaveProperty("execute");
    const prefetched = await deliver({ prefetch: { mboxes: [{ index: 0, name: "hero" }] } });
    expect(prefetched).toHaveProperty("prefetch");
    expect(prefetched).not.toHaveProperty("execute");
    expect(prefetched.edgeHost).toBe("mboxedge28.tt.omtrdc.net");
  });

  describe("answers a Delivery request as Target would", () => {
    const deliver = async (body: object, headers: Record<string, string> = {}) => {
      const answer = await fetch(`${mocks.url}/rest/v1/delivery?client=demo&sessionId=s-1`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ context: { channel: "web" }, ...body }),
      });
      expect(answer.status).toBe(200);
      return (await answer.json()) as {
        requestId?: string;
        id?: { tntId?: string };
        execute?: { pageLoad?: unknown; mboxes?: { index: number; name: string; options?: unknown[] }[] };
        prefetch?: { views?: unknown[]; mboxes?: { index: number; name: string; options?: unknown[] }[] };
        notifications?: { id: string }[];
      };
    };

    it("one entry per mbox asked for, under its own name and index, and no page load unless asked for", async () => {
      const answer = await deliver({ execute: { mboxes: [{ index: 0, name: "hero" }] } });
      expect(answer.execute?.mboxes).toHaveLength(1);
      expect(answer.execute?.mboxes?.[0]).toMatchObject({ index: 0, name: "hero", options: [{ type: "html" }] });
      expect(answer.execute).not.toHaveProperty("pageLoad");
    });

    it("an example mbox of the same name keeps its content; one past the examples has no options", async () => {
      const asked = ["legacy-landing", "a", "b", "c"].map((name, index) => ({ index: index + 5, name }));
      const answer = await deliver({ execute: { pageLoad: {}, mboxes: asked } });
      expect(answer.execute?.pageLoad).toHaveProperty("options");
      const mboxes = answer.execute?.mboxes ?? [];
      expect(mboxes.map(({ index, name }) => [index, name])).toEqual(asked.map(({ index, name }) => [index, name]));
      expect(mboxes[0]?.options).toEqual([{ type: "redirect", content: "https://shop.example.com/new-landing" }]);
      expect(mboxes[1]?.options).toMatchObject([{ type: "json" }]);
      expect(mboxes[3]).toEqual({ index: 8, name: "c" });
    });

    it("execute and prefetch together, its own requestId, an acknowledgement per notification", async () => {
      const answer = await deliver({
        requestId: "req-42",
        id: { tntId: "returning-visitor.28_0" },
        execute: { mboxes: [{ index: 0, name: "hero" }] },
        prefetch: { views: [{}], mboxes: [{ index: 1, name: "onboarding-tip" }] },
        notifications: [
          { id: "n-1", type: "display", timestamp: 1, mbox: { name: "hero" } },
          { id: "n-2", type: "click", timestamp: 2, mbox: { name: "hero" } },
        ],
      });
      expect(answer.requestId).toBe("req-42");
      expect(answer.id).toEqual({ tntId: "returning-visitor.28_0" });
      expect(answer.execute?.mboxes?.map((mbox) => mbox.name)).toEqual(["hero"]);
      expect(answer.prefetch?.views).toMatchObject([{ name: "dashboard" }]);
      const named = await deliver({ prefetch: { views: [{ name: "checkout" }] } });
      expect(named.prefetch?.views).toEqual([]);
      expect(answer.prefetch?.mboxes?.[0]).toMatchObject({ index: 1, name: "onboarding-tip", options: [{}] });
      expect(answer.notifications).toEqual([{ id: "n-1" }, { id: "n-2" }]);
    });

    it("an example asked for by name is sent as the spec has it", async () => {
      const answer = await deliver(
        { execute: { mboxes: [{ index: 0, name: "hero" }] } },
        { [MOCK_EXAMPLE_HEADER]: "executeOptions" },
      );
      expect(answer.execute?.mboxes?.map((mbox) => mbox.name)).toEqual([
        "thank-you-hero",
        "cross-sell-strip",
        "legacy-landing",
      ]);
    });
  });

  it("moves a batch workload through its states, one status check at a time, per workload", async () => {
    const states = async (id: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 5; i++) {
        const answer = await fetch(`${mocks.url}/data/core/dwm/workloads/decisions/${id}`, {
          headers: platformHeaders,
        });
        expect(answer.status).toBe(200);
        seen.push(((await answer.json()) as Record<string, unknown>)["ode:status"]);
      }
      return seen;
    };
    const first = await states("wl-1");
    expect(first).toEqual(["QUEUED", "PROCESSING", "INGESTING", "COMPLETED", "COMPLETED"]);
    expect((await states("wl-2"))[0]).toBe("QUEUED");
  });

  it("gives each migration workflow started its own id and moves it to Completed over three status checks", async () => {
    const body = {
      imsOrgId: mocks.credentials.imsOrgId,
      sourceSandboxDetails: { sandboxName: "prod" },
      targetSandboxDetails: { sandboxName: "dev" },
      createDataStream: false,
      dependency: { datasetName: "offers" },
    };
    const start = async (kind: string, query: string, payload: unknown, headers: Record<string, string> = {}) => {
      const answer = await fetch(`${mocks.url}/workflows/${kind}${query}`, {
        method: "POST",
        headers: { ...platformHeaders, "content-type": "application/json", ...headers },
        body: JSON.stringify(payload),
      });
      expect(answer.status).toBe(200);
      return (await answer.json()) as { id: string; status: string; _links: { self: { href: string } } };
    };
    const states = async (kind: string, id: string, checks: number) => {
      const seen: unknown[] = [];
      for (let i = 0; i < checks; i++) {
        const answer = await fetch(`${mocks.url}/workflows/${kind}/${id}`, { headers: platformHeaders });
        expect(answer.status).toBe(200);
        const workflow = (await answer.json()) as Record<string, unknown>;
        expect(workflow).toMatchObject({ id, _links: { self: { href: `/workflows/${kind}/${id}` } } });
        seen.push(workflow.status);
      }
      return seen;
    };

    const analysis = await start("generate-dependencies", "?request-level=sandbox", body);
    const migration = await start("migration", "?request-level=sandbox", body);
    expect(analysis).toMatchObject({
      status: "New",
      _links: { self: { href: `/workflows/generate-dependencies/${analysis.id}` } },
    });
    expect(analysis.id).not.toBe(migration.id);
    expect(await states("generate-dependencies", analysis.id, 4)).toEqual([
      "Running",
      "Running",
      "Completed",
      "Completed",
    ]);
    expect(await states("migration", migration.id, 3)).toEqual(["Running", "Running", "Completed"]);
    const rollback = await start("rollback", "", { rollbackWorkflowId: migration.id });
    expect(await states("rollback", rollback.id, 3)).toEqual(["Running", "Running", "Completed"]);

    // A workflow the mocks did not start is answered with the spec's example, as before.
    const other = await fetch(`${mocks.url}/workflows/migration/not-started-here`, { headers: platformHeaders });
    expect(await other.json()).toMatchObject({ status: "Running" });
  });

  it("fails a migration workflow whose start sent x-mock-workflow: fail, with the spec's errors", async () => {
    const failing = { ...platformHeaders, "content-type": "application/json", [MOCK_WORKFLOW_HEADER]: "fail" };
    const started = await fetch(`${mocks.url}/workflows/migration?request-level=sandbox`, {
      method: "POST",
      headers: failing,
      body: JSON.stringify({
        imsOrgId: mocks.credentials.imsOrgId,
        sourceSandboxDetails: { sandboxName: "prod" },
        targetSandboxDetails: { sandboxName: "dev" },
        dependency: { datasetName: "offers" },
      }),
    });
    const { id } = (await started.json()) as { id: string };
    const check = async () =>
      (await fetch(`${mocks.url}/workflows/migration/${id}`, { headers: platformHeaders })).json();
    expect(await check()).toMatchObject({ status: "Running" });
    expect(await check()).toMatchObject({ status: "Failed", errors: [{ message: expect.any(String) }] });

    const rollback = await fetch(`${mocks.url}/workflows/rollback`, {
      method: "POST",
      headers: failing,
      body: JSON.stringify({ rollbackWorkflowId: id }),
    });
    const rollbackId = ((await rollback.json()) as { id: string }).id;
    await fetch(`${mocks.url}/workflows/rollback/${rollbackId}`, { headers: platformHeaders });
    const failed = await fetch(`${mocks.url}/workflows/rollback/${rollbackId}`, { headers: platformHeaders });
    expect(await failed.json()).toMatchObject({
      id: rollbackId,
      status: "Failed",
      errors: [{ message: expect.any(String) }],
    });

    const refused = await fetch(`${mocks.url}/workflows/rollback`, {
      method: "POST",
      headers: { ...failing, [MOCK_WORKFLOW_HEADER]: "later" },
      body: JSON.stringify({ rollbackWorkflowId: id }),
    });
    expect(refused.status).toBe(400);
  });

  it("answers the example named by x-mock-example", async () => {
    const answer = await fetch(`${mocks.url}/data/core/dwm/workloads/decisions/wl-3`, {
      headers: { ...platformHeaders, [MOCK_EXAMPLE_HEADER]: "error" },
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ "ode:status": "ERROR" });
  });

  it("fails a token request with the status named by x-mock-status, in IMS's error shape", async () => {
    const { clientId, clientSecret, scopes } = mocks.credentials;
    const token = await fetch(`${mocks.url}/ims/token/v3`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", [MOCK_STATUS_HEADER]: "503" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: clientSecret,
        scope: scopes.join(","),
      }),
    });
    expect(token.status).toBe(503);
    expect(await token.json()).toMatchObject({ error: "server_error" });
  });
});

describe("the Decisioning APIs and the Decisioning Migration API on the one origin", () => {
  const SCHEMA_ID = "https://ns.adobe.com/acme/schemas/0123456789abcdef0123456789abcdef";
  const MIGRATION = {
    imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
    sourceSandboxDetails: { sandboxName: "prod" },
    targetSandboxDetails: { sandboxName: "exd" },
    dependency: { datasetName: "ExD decisions" },
  };
  const migrate = (headers: Record<string, string> = {}) =>
    fetch(`${mocks.url}/workflows/migration?request-level=sandbox`, {
      method: "POST",
      headers: { ...platformHeaders, "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify(MIGRATION),
    });

  it("serves the decisioning objects under /data/core/dps, as on Adobe's gateway, ids with colons included", async () => {
    const items = await fetch(`${mocks.url}/data/core/dps/offer-items?limit=2`, {
      headers: { ...platformHeaders, "x-schema-id": SCHEMA_ID, accept: "application/json" },
    });
    expect(items.status).toBe(200);
    expect(items.headers.get("sl-violations")).toBeNull();
    expect(await items.json()).toHaveProperty("results");
    const offer = await fetch(
      `${mocks.url}/data/core/dps/offers/${encodeURIComponent("dps:offer:19af09a9ae45a8d3")}?offer-type=fallback`,
      { headers: { ...platformHeaders, accept: "application/json" } },
    );
    expect(offer.status).toBe(200);
    expect(offer.headers.get("sl-violations")).toBeNull();
    // The spec's paths alone are not served: they are relative to its server's path.
    const bare = await fetch(`${mocks.url}/offer-items`, { headers: platformHeaders });
    expect(bare.status).toBe(404);
  });

  it("still validates: an item call without x-schema-id is refused with the violation named", async () => {
    const refused = await fetch(`${mocks.url}/data/core/dps/offer-items`, { headers: platformHeaders });
    expect([400, 422]).toContain(refused.status);
    expect(refused.headers.get("sl-violations")).toContain("x-schema-id");
  });

  it("serves the migration workflows at the root, and their 409 through x-mock-status", async () => {
    const started = await migrate();
    expect([200, 202]).toContain(started.status);
    expect(started.headers.get("sl-violations")).toBeNull();
    const workflow = (await started.json()) as { id: string; status: string };
    expect(["New", "Running", "Completed", "Failed"]).toContain(workflow.status);
    const polled = await fetch(`${mocks.url}/workflows/migration/${workflow.id}`, { headers: platformHeaders });
    expect(polled.status).toBe(200);
    const busy = await migrate({ [MOCK_STATUS_HEADER]: "409" });
    expect(busy.status).toBe(409);
    expect(await busy.json()).toMatchObject({ status: 409 });
  });

  it("mockFetch sends Adobe's two decisioning hosts to the mocks", async () => {
    const send = mockFetch({ url: mocks.url });
    const tags = await send("https://platform.adobe.io/data/core/dps/tags?limit=1", {
      headers: { ...platformHeaders, accept: "application/json" },
    });
    expect(tags.status).toBe(200);
    const rollback = await send("https://decisioning-migration.adobe.io/workflows/rollback", {
      method: "POST",
      headers: { ...platformHeaders, "content-type": "application/json" },
      body: JSON.stringify({ rollbackWorkflowId: "0b7e6d2c-9f7e-4a53-9d0e-2f1b6a3c4d5e" }),
    });
    expect([200, 202]).toContain(rollback.status);
    expect(rollback.headers.get("sl-violations")).toBeNull();
  });
});

describe("mockFetch", () => {
  it("sends Target's client and edge-cluster hosts, Platform and IMS to the mocks, and refuses other hosts", async () => {
    const seen: string[] = [];
    const send = mockFetch({
      url: mocks.url,
      fetch: (request) => {
        seen.push(`${request.method} ${request.url} ${request.headers.get(MOCK_STATUS_HEADER) ?? "-"}`);
        return fetch(request);
      },
      status: (request) => (request.url.includes("/xcore/") ? 503 : undefined),
    });
    const edge = await send("https://mboxedge35.tt.omtrdc.net/rest/v1/delivery?client=demo&sessionId=s", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ context: { channel: "web" }, execute: { pageLoad: {} } }),
    });
    expect(edge.status).toBe(200);
    const library = await send("https://platform.adobe.io/data/core/xcore/", { headers: platformHeaders });
    expect(library.status).toBe(503);
    const { clientId, clientSecret, scopes } = mocks.credentials;
    const token = await send("https://ims-na1.adobelogin.com/ims/token/v3", {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: clientSecret,
        scope: scopes.join(","),
      }),
    });
    expect(token.status).toBe(200);
    expect(seen).toEqual([
      `POST ${mocks.url}/rest/v1/delivery?client=demo&sessionId=s -`,
      `GET ${mocks.url}/data/core/xcore/ 503`,
      `POST ${mocks.url}/ims/token/v3 -`,
    ]);
    await expect(send("https://example.com/")).rejects.toThrow("@offerkit/mock refuses https://example.com");
    expect(seen).toHaveLength(3);
  });
});

describe("stop", () => {
  it("ends every server's connections, idle ones included, and a second call does nothing", async () => {
    const own = await startMocks();
    const origins = [own.url, own.ims.url, ...Object.values(own.specs)];
    const idle = await Promise.all(origins.map(idleConnection));
    expect((await fetch(`${own.url}/data/core/nope`)).status).toBe(404);
    await own.stop();
    await own.stop();
    await allClosed(idle, origins);
  });

  it("startPrism's close ends a connection that never sent a request", async () => {
    const prism = await startPrism({ spec: "ods" });
    const idle = await idleConnection(prism.url);
    await prism.close();
    await allClosed([idle], [prism.url]);
  });

  it("startPrism serves one spec by name", async () => {
    const prism = await startPrism({ spec: "delivery" });
    try {
      const answer = await fetch(`${prism.url}/rest/v1/delivery`, { method: "POST", body: "{}" });
      expect(answer.status).toBe(400);
    } finally {
      await prism.close();
    }
  });
});
