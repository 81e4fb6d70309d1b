import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { OfferkitError } from "../src/index.js";
import { baseFetch, followRedirects } from "../src/transport/base-fetch.browser.js";
import { twoOrigins } from "./http-server.js";

// The `browser` condition's redirect policy, run here over Node's global fetch: `redirect: "manual"` then answers
// with the plain 3xx a worker sees, where a browser answers with an opaque redirect (faked below).
const servers = twoOrigins({ beforeAll, afterAll, afterEach });

const send = followRedirects(baseFetch);
const credentials = { authorization: "Bearer secret-token", "x-api-key": "client-id" };
const post = (url: string, headers: Record<string, string> = {}, redirect: RequestRedirect = "follow") =>
  send(new Request(url, { method: "POST", headers, redirect }), { body: '{"a":1}' });

function redirectOnce(status: number, to: () => string) {
  servers.origin.handle((req, res) => {
    if (req.url?.startsWith("/start")) res.writeHead(status, { location: to() }).end();
    else res.writeHead(200, { "content-type": "application/json" }).end('{"landed":true}');
  });
}

describe("browser redirect policy", () => {
  it("lets a request without credentials follow redirects the runtime's own way", async () => {
    redirectOnce(307, () => "/landing");
    const response = await post(`${servers.origin.url}/start`);
    expect(await response.json()).toEqual({ landed: true });
    expect(servers.origin.seen[1]).toMatchObject({ method: "POST", url: "/landing", body: '{"a":1}' });
  });

  it("refuses a redirect of a request with credentials, before anything reaches the target", async () => {
    servers.other.handle((_req, res) => res.writeHead(200).end());
    redirectOnce(302, () => `${servers.other.url}/elsewhere`);
    const refused = post(`${servers.origin.url}/start?secret=query`, credentials);
    await expect(refused).rejects.toBeInstanceOf(OfferkitError);
    await expect(refused).rejects.toThrow(`POST ${servers.origin.url}/start was redirected`);
    await expect(refused).rejects.not.toThrow(/secret/);
    expect(servers.other.seen).toHaveLength(0);
  });

  it("refuses an opaque redirect, what a browser answers instead", async () => {
    const opaque = followRedirects(async () => ({ type: "opaqueredirect", status: 0, body: null }) as Response);
    await expect(opaque(new Request("https://example.test/x", { headers: credentials }), {})).rejects.toThrow(
      /was redirected: offerkit does not let credentials follow a redirect/,
    );
  });

  it("returns an answer that is not a redirect, and a redirect the caller asked to see", async () => {
    servers.origin.handle((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    expect((await post(`${servers.origin.url}/data`, credentials)).status).toBe(200);
    redirectOnce(302, () => "/landing");
    const manual = await post(`${servers.origin.url}/start`, credentials, "manual");
    expect(manual.status).toBe(302);
    expect(servers.origin.seen).toHaveLength(2);
  });
});
