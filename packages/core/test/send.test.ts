import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createCallTransport, createTransport, newRequestId, send, UnexpectedResponseError } from "../src/index.js";
import { startServer } from "./http-server.js";

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.seen.length = 0;
});

async function call(input: Omit<Parameters<typeof send>[1], "baseUrl">) {
  const scope = createTransport({ retry: false }).begin();
  try {
    return await send(scope, { ...input, baseUrl: server.url });
  } finally {
    scope.end();
  }
}

describe("send: a client call without openapi-fetch", () => {
  it("leaves the answer's text, json and bytes readable for the caller, through a client's call transport", async () => {
    server.handle((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":"ü"}'));
    const scope = createCallTransport({ retry: false }).begin();
    const { data, response } = await send(scope, { method: "GET", baseUrl: server.url, path: "/r", headers: [] });
    scope.end();
    expect(data).toEqual({ ok: "ü" });
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ ok: "ü" });
    expect(await response.text()).toBe('{"ok":"ü"}');
    expect(new TextDecoder().decode(await response.bytes())).toBe('{"ok":"ü"}');
  });

  it("builds the URL (encoded path ids, query in order, arrays repeated, undefined left out) and the headers", async () => {
    server.handle((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
    const { data, response } = await call({
      method: "POST",
      path: "/items/{id}/parts",
      pathParams: { id: "a/b c" },
      query: { q: "x&y", skip: undefined, tag: ["t1", "t2"], n: 3 },
      headers: [
        { "x-a": "1", "x-b": "client" },
        { "x-b": "call", "x-c": undefined },
      ],
      body: { a: 1 },
    });
    expect(data).toEqual({ ok: true });
    expect(response.status).toBe(200);
    expect(server.seen[0]).toMatchObject({
      method: "POST",
      url: "/items/a%2Fb%20c/parts?q=x%26y&tag=t1&tag=t2&n=3",
      body: '{"a":1}',
    });
    expect(server.seen[0]?.headers).toMatchObject({ "content-type": "application/json", "x-a": "1", "x-b": "call" });
    expect(server.seen[0]?.headers["x-c"]).toBeUndefined();
  });

  it("lets a header set replace the JSON media type, and sends no Content-Type without a body", async () => {
    server.handle((_req, res) => res.writeHead(204).end());
    const noContent = [204];
    await call({
      method: "PATCH",
      path: "/p",
      headers: [{ "Content-Type": "application/json-patch+json" }],
      body: [],
      noContent,
    });
    await call({ method: "GET", path: "/g", headers: [], noContent });
    expect(server.seen[0]?.headers["content-type"]).toBe("application/json-patch+json");
    expect(server.seen[1]?.headers["content-type"]).toBeUndefined();
  });

  it("reads answers as openapi-fetch does: nothing for a no-content status, error bodies as JSON or text", async () => {
    const answers: [number, string, string][] = [
      [204, "", ""],
      [202, "application/json", ""],
      [404, "application/problem+json", '{"title":"Not Found"}'],
      [502, "text/plain", "bad gateway"],
      [404, "", ""],
    ];
    server.handle((req, res) => {
      const [status, type, body] = answers[Number(req.url?.slice(1))] ?? [500, "", ""];
      res.writeHead(status, type ? { "content-type": type } : {}).end(body);
    });
    const results = await Promise.all(
      answers.map((_, i) => call({ method: "GET", path: `/${i}`, headers: [], noContent: [202, 204] })),
    );
    expect(results.map(({ data, error }) => ({ data, error }))).toEqual([
      { data: undefined, error: undefined },
      { data: undefined, error: undefined },
      { data: undefined, error: { title: "Not Found" } },
      { data: undefined, error: "bad gateway" },
      { data: undefined, error: undefined },
    ]);
  });

  it("refuses an empty 2xx where the spec promises JSON: a typed error, never data: undefined (defect 5)", async () => {
    const answers: [number, Record<string, string>][] = [
      [200, { "content-type": "application/json", "content-length": "0", "x-request-id": "r-1" }],
      [200, { "content-type": "application/json", "transfer-encoding": "chunked", "x-request-id": "r-1" }],
      [204, { "x-request-id": "r-1" }],
    ];
    server.handle((req, res) => {
      const [status, headers] = answers[Number(req.url?.slice(1))] ?? [500, {}];
      res.writeHead(status, headers).end();
    });
    for (const [i] of answers.entries()) {
      const failure = call({ method: "POST", path: `/${i}`, headers: [], body: {} });
      await expect(failure).rejects.toBeInstanceOf(UnexpectedResponseError);
      await expect(failure).rejects.toMatchObject({ requestId: "r-1", request: { method: "POST" } });
    }
  });

  it("sends the body again on a 307 redirect and on a retry, though the Request carries it beside itself", async () => {
    let calls = 0;
    server.handle((req, res) => {
      calls++;
      if (req.url === "/start") res.writeHead(307, { location: "/moved" }).end();
      else if (calls === 2) res.writeHead(503).end();
      else res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    const scope = createTransport({
      retry: { attempts: 2, minDelay: 1, maxDelay: 1, retryNonIdempotent: true },
    }).begin();
    try {
      await send(scope, { method: "POST", baseUrl: server.url, path: "/start", headers: [], body: { a: 1 } });
    } finally {
      scope.end();
    }
    expect(server.seen.map((seen) => [seen.url, seen.body])).toEqual([
      ["/start", '{"a":1}'],
      ["/moved", '{"a":1}'],
      ["/start", '{"a":1}'],
      ["/moved", '{"a":1}'],
    ]);
  });
});

describe("newRequestId", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is a UUID v4, also where crypto.randomUUID is missing (insecure browser contexts)", () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newRequestId()).toMatch(v4);
    vi.stubGlobal("crypto", {});
    const ids = Array.from({ length: 200 }, newRequestId);
    for (const id of ids) expect(id).toMatch(v4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
