// The runner: what a client method describes becomes one call with identity, checks, media types, the answer read
// into { data, error, response, metadata }, and the call closed however it ended.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  type CallMetadata,
  createTransport,
  UnexpectedResponseError,
  unwrap,
  ValidationError,
} from "../src/index.js";
import {
  CALL_OPTION_CHECKS,
  type Connection,
  createRunner,
  isString,
  newRequestId,
  type PreparedRequest,
  parameter,
} from "../src/internal.js";
import type { BaseCallOptions } from "../src/runner/runner.js";
import { startServer } from "./http-server.js";

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.seen.length = 0;
});

type Result = { data?: unknown; error?: unknown; response: Response; metadata: CallMetadata };

function runner(connection: Partial<Connection<"op", BaseCallOptions>> = {}) {
  return createRunner<"op", BaseCallOptions>({
    baseUrl: server.url,
    transport: createTransport({ retry: false }),
    headers: undefined,
    callChecks: CALL_OPTION_CHECKS,
    rules: { op: {} },
    ...connection,
  });
}

function call(request: PreparedRequest, options?: BaseCallOptions) {
  return runner()<Result>(options, "op", () => request);
}

describe("the runner: one call from a prepared request", () => {
  it("leaves the answer's text, json and bytes readable for the caller", async () => {
    server.handle((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":"ü"}'));
    const { data, response } = await call({ method: "GET", path: "/r" });
    expect(data).toEqual({ ok: "ü" });
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ ok: "ü" });
    expect(await response.text()).toBe('{"ok":"ü"}');
    expect(new TextDecoder().decode(await response.bytes())).toBe('{"ok":"ü"}');
  });

  it("builds the URL (encoded path ids, query in order, arrays repeated, undefined left out) and the headers", async () => {
    server.handle((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
    const { data, response } = await runner({ headers: { "x-a": "1", "x-b": "client" } })<Result>(
      undefined,
      "op",
      () => ({
        method: "POST",
        path: "/items/{id}/parts",
        pathParams: { id: "a/b c" },
        query: { q: "x&y", skip: undefined, tag: ["t1", "t2"], n: 3 },
        headers: { "x-b": "call", "x-c": undefined },
        body: { a: 1 },
      }),
    );
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

  it("sends the request's own media type for its body, and no Content-Type without a body", async () => {
    server.handle((_req, res) => res.writeHead(204).end());
    const noContent = [204];
    await call({ method: "PATCH", path: "/p", contentType: "application/json-patch+json", body: [], noContent });
    await call({ method: "GET", path: "/g", noContent });
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
      answers.map((_, i) => call({ method: "GET", path: `/${i}`, noContent: [202, 204] })),
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
      const failure = call({ method: "POST", path: `/${i}`, body: {} });
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
    const transport = createTransport({ retry: { attempts: 2, minDelay: 1, maxDelay: 1, retryNonIdempotent: true } });
    const { metadata } = await runner({ transport })<Result>(undefined, "op", () => ({
      method: "POST",
      path: "/start",
      body: { a: 1 },
    }));
    expect(metadata.attempts).toBe(2);
    expect(server.seen.map((seen) => [seen.url, seen.body])).toEqual([
      ["/start", '{"a":1}'],
      ["/moved", '{"a":1}'],
      ["/start", '{"a":1}'],
      ["/moved", '{"a":1}'],
    ]);
  });
  it("puts the call's metadata on every result: the request, the id to quote and the attempts", async () => {
    let calls = 0;
    server.handle((_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(503).end();
      else res.writeHead(404, { "content-type": "application/json", "x-request-id": "server-id" }).end("{}");
    });
    const transport = createTransport({ retry: { attempts: 3, minDelay: 1, maxDelay: 1 } });
    const result = runner({ transport })<Result>({ headers: { "x-request-id": "sent-id" } }, "op", () => ({
      method: "GET",
      path: "/items/{id}",
      pathParams: { id: "7" },
      query: { secret: "not shown" },
    }));
    expect((await result).metadata).toEqual({
      request: { method: "GET", url: `${server.url}/items/7` },
      requestId: "server-id",
      attempts: 2,
    });
    const error = await unwrap(result).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, requestId: "server-id", attempts: 2 });
  });

  it("quotes the id it sent when the server sends none", async () => {
    server.handle((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    const { metadata } = await call({ method: "GET", path: "/r" }, { headers: { "X-Request-Id": "mine" } });
    expect(metadata).toMatchObject({ requestId: "mine", attempts: 1 });
  });

  it("checks the call's options, then runs prepare and the spec's checks inside the call: nothing is sent", async () => {
    const prepare = vi.fn(() => ({ method: "GET", path: "/r" }) as const);
    const run = runner({ rules: { op: { query: { q: parameter(true, isString) } } } });
    await expect(run(undefined, "op", prepare)).rejects.toMatchObject({ field: "query.q", allowed: "present" });
    await expect(run({ timeout: -1 }, "op", prepare)).rejects.toMatchObject({ field: "options.timeout" });
    await expect(run({ nope: 1 } as BaseCallOptions, "op", prepare)).rejects.toBeInstanceOf(ValidationError);
    await expect(
      run(undefined, "op", () => {
        throw new ValidationError("input", "an object");
      }),
    ).rejects.toMatchObject({ field: "input" });
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(server.seen).toHaveLength(0);
  });

  it("adds identity headers last, owns Content-Type when the request names its media types, lets Accept be the caller's", async () => {
    server.handle((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    const run = runner({ identity: (_call, headers) => headers.set("x-sandbox-name", "prod") });
    await run<Result>(
      { headers: { Accept: "application/problem+json", "Content-Type": "text/plain", "x-sandbox-name": "dev" } },
      "op",
      () => ({
        method: "POST",
        path: "/r",
        body: {},
        accept: "application/vnd.x+json",
        contentType: "application/vnd.y+json",
      }),
    );
    expect(server.seen[0]?.headers).toMatchObject({
      accept: "application/problem+json",
      "content-type": "application/vnd.y+json",
      "x-sandbox-name": "prod",
    });
  });

  it("leaves Content-Type to the caller when the request names no media types (Delivery)", async () => {
    server.handle((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    await call(
      { method: "POST", path: "/r", body: {} },
      { headers: { "Content-Type": "application/json; charset=utf-8" } },
    );
    await call({ method: "POST", path: "/r", body: {} });
    expect(server.seen.map((seen) => seen.headers["content-type"])).toEqual([
      "application/json; charset=utf-8",
      "application/json",
    ]);
  });

  it("sends a raw query as written, and a per-call origin instead of the client's", async () => {
    server.handle((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    await call({ method: "GET", path: "/list", query: { schema: "s" }, rawQuery: "schema=s&start=a%2Cb" });
    await runner({ baseUrl: "http://127.0.0.1:1" })<Result>(undefined, "op", () => ({
      method: "GET",
      path: "/here",
      baseUrl: server.url,
    }));
    expect(server.seen.map((seen) => seen.url)).toEqual(["/list?schema=s&start=a%2Cb", "/here"]);
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
