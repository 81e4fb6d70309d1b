import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTransport, NetworkError, platformAuth } from "../src/index.js";
import { twoOrigins } from "./http-server.js";

// Two loopback servers on different ports are two origins. Each test runs on the default base fetch of its vitest
// project: the Node transport, or global fetch behind core's redirect handling.
const servers = twoOrigins({ beforeAll, afterAll, afterEach });

const ok = (_req: unknown, res: import("node:http").ServerResponse) =>
  res.writeHead(200, { "content-type": "application/json" }).end('{"landed":true}');

function redirectOnce(status: number, to: () => string) {
  servers.origin.handle((req, res) => {
    if (req.url === "/start") res.writeHead(status, { location: to() }).end();
    else ok(req, res);
  });
}

const post = (url: string, headers: Record<string, string> = {}) =>
  new Request(url, { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json", ...headers } });

describe("redirects follow fetch's rules on every base fetch", () => {
  it.each([301, 302, 303])("%i turns a POST into a GET without body or body headers", async (status) => {
    redirectOnce(status, () => "/landing");
    const response = await createTransport({ retry: false })(post(`${servers.origin.url}/start`));
    expect(await response.json()).toEqual({ landed: true });
    const landing = servers.origin.seen[1];
    expect(landing).toMatchObject({ method: "GET", url: "/landing", body: "" });
    expect(landing?.headers["content-type"]).toBeUndefined();
    expect(response.redirected).toBe(true);
  });

  it.each([307, 308])("%i keeps the method and the body", async (status) => {
    redirectOnce(status, () => "/landing");
    await createTransport({ retry: false })(post(`${servers.origin.url}/start`));
    expect(servers.origin.seen[1]).toMatchObject({ method: "POST", url: "/landing", body: '{"a":1}' });
    expect(servers.origin.seen[1]?.headers["content-type"]).toBe("application/json");
  });

  it("gives up after 20 redirects with a NetworkError", async () => {
    servers.origin.handle((_req, res) => res.writeHead(302, { location: "/again" }).end());
    await expect(createTransport({ retry: false })(new Request(`${servers.origin.url}/start`))).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(servers.origin.seen).toHaveLength(21);
  });

  it('returns the redirect itself when the request says redirect: "manual"', async () => {
    redirectOnce(302, () => "/landing");
    const response = await createTransport({ retry: false })(
      new Request(`${servers.origin.url}/start`, { redirect: "manual" }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/landing");
    expect(servers.origin.seen).toHaveLength(1);
  });
});

describe("credentials never follow a redirect to another origin", () => {
  const credentials = {
    authorization: "Bearer secret-token",
    "x-api-key": "client-id",
    "x-gw-ims-org-id": "ORG@AdobeOrg",
    "x-sandbox-name": "prod",
    "x-sandbox-id": "sandbox-1",
  };

  it("drops the token, api key, org id and sandbox headers on a cross-origin redirect, keeps the rest", async () => {
    servers.other.handle(ok);
    redirectOnce(307, () => `${servers.other.url}/elsewhere`);
    await createTransport({ retry: false })(
      post(`${servers.origin.url}/start`, { ...credentials, "x-request-id": "r-1" }),
    );
    expect(servers.origin.seen[0]?.headers).toMatchObject(credentials);
    const elsewhere = servers.other.seen[0]?.headers ?? {};
    for (const name of Object.keys(credentials)) expect(elsewhere[name]).toBeUndefined();
    expect(elsewhere["x-request-id"]).toBe("r-1");
    expect(servers.other.seen[0]?.body).toBe('{"a":1}');
  });

  it("keeps them on a same-origin redirect", async () => {
    redirectOnce(308, () => "/landing");
    await createTransport({ retry: false })(post(`${servers.origin.url}/start`, credentials));
    expect(servers.origin.seen[1]?.headers).toMatchObject(credentials);
  });

  it("drops what a Platform client's authenticator adds", async () => {
    servers.other.handle(ok);
    redirectOnce(302, () => `${servers.other.url}/elsewhere`);
    const auth = platformAuth({
      credentials: { accessToken: "secret-token", apiKey: "client-id" },
      imsOrgId: "ORG@AdobeOrg",
      sandboxName: "prod",
      sandboxId: "sandbox-1",
    });
    await createTransport({ retry: false, auth })(new Request(`${servers.origin.url}/start`));
    expect(servers.origin.seen[0]?.headers).toMatchObject(credentials);
    expect(Object.keys(servers.other.seen[0]?.headers ?? {}).filter((name) => name in credentials)).toEqual([]);
  });
});
