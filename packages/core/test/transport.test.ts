import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ApiError,
  ConflictError,
  createTransport,
  NetworkError,
  TimeoutError,
  UnexpectedResponseError,
  unwrap,
  ValidationError,
} from "../src/index.js";
import { checkBaseUrl, serializeJsonBody } from "../src/transport/transport.js";
import { startServer } from "./http-server.js";

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
  server.seen.length = 0;
});

const fast = { minDelay: 1, maxDelay: 5 };

function get(path: string, init?: RequestInit) {
  return new Request(`${server.url}${path}`, init);
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${server.url}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
}

describe("timeouts", () => {
  it("aborts the socket when the server is slow to answer", async () => {
    server.handle(() => {}); // never answers
    const transport = createTransport({ timeout: 50, retry: false });
    const error = await transport(get("/slow?secret=1")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeout).toBe(50);
    expect((error as TimeoutError).message).toContain(`GET ${server.url}/slow timed out after 50 ms`);
    expect((error as TimeoutError).message).not.toContain("secret");
    await server.seen[0]?.aborted; // the server sees the connection go away
  });

  it("gives up on time even when a custom fetch ignores its signal", async () => {
    const deaf = () => new Promise<Response>(() => {});
    const transport = createTransport({ fetch: deaf, timeout: 30, retry: false });
    await expect(transport(get("/deaf"))).rejects.toBeInstanceOf(TimeoutError);
  });

  it("covers a body that stalls after the headers", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"partial":');
    });
    const transport = createTransport({ timeout: 80, retry: false });
    await expect(transport(get("/stall"))).rejects.toBeInstanceOf(TimeoutError);
    await server.seen[0]?.aborted;
  });

  it("counts retries and backoff against one deadline", async () => {
    server.handle((_req, res) => {
      res.writeHead(503, { "retry-after": "30" }).end();
    });
    // The transport's clock and timers are fake and never advanced: the deadline cannot fire however slow the machine,
    // and a wait before a retry would never end, so the call only resolves if it gives up on retrying at once.
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    const transport = createTransport({ timeout: 10_000, retry: { attempts: 5 } });
    const response = await transport(get("/busy"));
    // Waiting 30 s (allowed by maxRetryAfter) would overrun the 10 s budget, so the 503 comes back at once.
    expect(response.status).toBe(503);
    // Filtered by path: on a loaded machine a request of an earlier test can still be arriving.
    expect(server.seen.filter((seen) => seen.url === "/busy")).toHaveLength(1);
  });

  it("rejects a negative timeout before sending", () => {
    expect(() => createTransport({ timeout: -1 })).toThrow(ValidationError);
  });

  it("lets one call override the timeout", async () => {
    server.handle((_req, res) => setTimeout(() => res.end("{}"), 60));
    const transport = createTransport({ timeout: 20, retry: false });
    await expect(transport(get("/a"))).rejects.toBeInstanceOf(TimeoutError);
    const response = await transport.with({ timeout: 10_000 })(get("/a"));
    expect(response.status).toBe(200);
  });
});

describe("caller aborts", () => {
  it("stops the request and reports the caller's reason", async () => {
    server.handle(() => {});
    const controller = new AbortController();
    const transport = createTransport({ retry: false });
    const pending = transport(get("/wait", { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error("user left")), 20);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error("user left"));
    await server.seen[0]?.aborted;
  });

  it("never sends when the signal is already aborted", async () => {
    const transport = createTransport();
    await expect(transport(get("/x", { signal: AbortSignal.abort() }))).rejects.toBeInstanceOf(AbortError);
    expect(server.seen).toHaveLength(0);
  });

  it("stops waiting between retries", async () => {
    const controller = new AbortController();
    server.handle((_req, res) => {
      res.writeHead(503, { "retry-after": "30" }).end();
      // Once the first attempt has been answered, however long that took: the transport is waiting 30 s to retry.
      setTimeout(() => controller.abort(), 50);
    });
    const transport = createTransport({ retry: { attempts: 3 }, timeout: 0 });
    const pending = transport(get("/busy", { signal: controller.signal }));
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    // Filtered by path, as above: on a loaded machine a request of an earlier test can still be arriving.
    expect(server.seen.filter((seen) => seen.url === "/busy")).toHaveLength(1);
  });
});

describe("retries", () => {
  it("retries an idempotent request on 5xx and 429, then succeeds", async () => {
    const statuses = [500, 429, 200];
    server.handle((_req, res) => {
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ status }));
    });
    const response = await createTransport({ retry: fast })(get("/flaky"));
    expect(response.status).toBe(200);
    expect(server.seen).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 409, 422, 501])("never retries %i", async (status) => {
    server.handle((_req, res) => res.writeHead(status).end());
    const response = await createTransport({ retry: { ...fast, attempts: 5 } })(get("/no"));
    expect(response.status).toBe(status);
    expect(server.seen).toHaveLength(1);
  });

  it("gives up after the configured attempts and returns the last response", async () => {
    server.handle((_req, res) => res.writeHead(502).end("bad gateway"));
    const response = await createTransport({ retry: { ...fast, attempts: 4 } })(get("/down"));
    expect(response.status).toBe(502);
    expect(await response.text()).toBe("bad gateway");
    expect(server.seen).toHaveLength(4);
  });

  it("does not retry POST unless told to, or unless it carries an Idempotency-Key", async () => {
    server.handle((_req, res) => res.writeHead(503).end());
    await createTransport({ retry: fast })(post("/p", { a: 1 }));
    expect(server.seen).toHaveLength(1);

    server.seen.length = 0;
    await createTransport({ retry: { ...fast, retryNonIdempotent: true } })(post("/p", { a: 1 }));
    expect(server.seen.map((r) => r.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);

    server.seen.length = 0;
    await createTransport({ retry: fast })(post("/p", { a: 2 }, { "idempotency-key": "k-1" }));
    expect(server.seen).toHaveLength(3);
  });

  it("honours Retry-After in seconds and as an HTTP date", async () => {
    const answers: Array<[number, Record<string, string>]> = [
      [429, { "retry-after": "0" }],
      [503, { "retry-after": new Date(Date.now() - 1000).toUTCString() }],
      [200, {}],
    ];
    server.handle((_req, res) => {
      const [status, headers] = answers.shift() ?? [200, {}];
      res.writeHead(status, headers).end();
    });
    const response = await createTransport({ retry: { attempts: 3, minDelay: 10_000, maxDelay: 10_000 } })(get("/r"));
    expect(response.status).toBe(200);
    expect(server.seen).toHaveLength(3);
  });

  it("returns the response instead of waiting longer than maxRetryAfter", async () => {
    server.handle((_req, res) => res.writeHead(429, { "retry-after": "120" }).end());
    const response = await createTransport({ retry: fast })(get("/later"));
    expect(response.status).toBe(429);
    expect(server.seen).toHaveLength(1);
  });

  it("retries network failures, then reports them with the attempt count", async () => {
    let calls = 0;
    const refused: typeof fetch = async () => {
      calls++;
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    };
    const error = await createTransport({ fetch: refused, retry: fast })(get("/gone")).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).attempts).toBe(3);
    expect((error as NetworkError).message).toContain("ECONNREFUSED");
  });

  it("refuses a retry policy without attempts", () => {
    expect(() => createTransport({ retry: { attempts: 0 } })).toThrow(ValidationError);
    expect(() => createTransport({ retry: { attempts: 0 } })).toThrow("retry.attempts");
  });
});

describe("responses", () => {
  it("hands openapi-fetch the parsed JSON and keeps status, headers and url", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-request-id": "r-1" }).end('{"ok":true}');
    });
    const response = await createTransport()(get("/ok"));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("r-1");
    expect(response.url).toBe(`${server.url}/ok`);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("leaves every body reader usable after buffering", async () => {
    server.handle((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":"ü"}'));
    const response = await createTransport()(get("/readers"));
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe('{"ok":"ü"}');
    expect(await response.json()).toEqual({ ok: "ü" });
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe('{"ok":"ü"}');
    expect(await (await response.blob()).text()).toBe('{"ok":"ü"}');
    expect(await new Response(response.body).text()).toBe('{"ok":"ü"}');
    const copy = response.clone();
    expect(copy.status).toBe(200);
    expect(await copy.json()).toEqual({ ok: "ü" });
    expect(await copy.text()).toBe('{"ok":"ü"}');
  });

  it("turns a 2xx body that is not JSON into a typed error with the start of the body", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-request-id": "r-2" }).end("<html>proxy</html>");
    });
    const error = await createTransport()(get("/html")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 200, requestId: "r-2", bodyStart: "<html>proxy</html>" });
  });

  it("turns a 2xx with a non-JSON media type into a typed error", async () => {
    server.handle((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<p>maintenance</p>"));
    const error = await createTransport()(get("/maint")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).message).toContain("text/html body where JSON was expected");
  });

  it("keeps what arrived of a body cut short", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100", "x-request-id": "r-3" });
      res.write('{"status":200,"requ');
      setTimeout(() => res.destroy(), 10);
    });
    const error = await createTransport({ retry: false })(get("/cut")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 200, requestId: "r-3", bodyStart: '{"status":200,"requ' });
  });

  it("passes error responses through for the caller to read", async () => {
    server.handle((_req, res) => {
      res.writeHead(400, { "content-type": "application/json" }).end('{"status":400,"message":"bad"}');
    });
    const response = await createTransport()(get("/bad"));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('{"status":400,"message":"bad"}');
  });

  it("sends the user agent outside browsers, without overriding the caller's", async () => {
    server.handle((_req, res) => res.end());
    const transport = createTransport({ userAgent: "offerkit-test/1.0.0" });
    await transport(get("/ua"));
    await transport(get("/ua", { headers: { "user-agent": "mine" } }));
    expect(server.seen.map((r) => r.headers["user-agent"])).toEqual(["offerkit-test/1.0.0", "mine"]);
  });

  it("sends through the default base fetch: the Node transport on Node, else globalThis.fetch read at call time", async () => {
    server.handle((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"server":true}'));
    const original = globalThis.fetch;
    globalThis.fetch = async () => new Response('{"stub":true}', { headers: { "content-type": "application/json" } });
    try {
      const response = await createTransport()(get("/default"));
      // The vitest project pins core's `#base-fetch` to one transport (scripts/vitest-transports.ts).
      expect(await response.json()).toEqual(
        process.env.OFFERKIT_TRANSPORT === "node" ? { server: true } : { stub: true },
      );
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe("the fetch option", () => {
  it("is called as the global fetch is: (url, init) with method, headers, body, the call's signal and manual redirects", async () => {
    const calls: [unknown, RequestInit][] = [];
    const transport = createTransport({
      fetch: async (url, init) => {
        calls.push([url, init]);
        return new Response('{"ok":true}', { headers: { "content-type": "application/json" } });
      },
      retry: false,
    });
    const response = await transport(
      new Request("https://api.example.test/things?q=1", {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": "r-1" },
        body: '{"a":1}',
      }),
    );
    expect(await response.json()).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    const [url, init] = calls[0] as [unknown, RequestInit];
    // A string, not a Request: no Request is built for a fetch option.
    expect(url).toBe("https://api.example.test/things?q=1");
    expect(init.method).toBe("POST");
    expect(new Headers(init.headers).get("x-request-id")).toBe("r-1");
    expect(new TextDecoder().decode(init.body as Uint8Array)).toBe('{"a":1}');
    expect(init.redirect).toBe("manual");
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it("gets the call's deadline as init.signal, aborted when the call times out", async () => {
    let signal: AbortSignal | undefined;
    const transport = createTransport({
      fetch: (_url, init) => {
        signal = init.signal ?? undefined;
        return new Promise<Response>(() => {});
      },
      timeout: 30,
      retry: false,
    });
    await expect(transport(get("/deadline"))).rejects.toBeInstanceOf(TimeoutError);
    expect(signal?.aborted).toBe(true);
  });

  it("is called once per attempt, each with a fresh init", async () => {
    const inits: RequestInit[] = [];
    const transport = createTransport({
      fetch: async (_url, init) => {
        inits.push(init);
        return new Response(null, { status: inits.length === 1 ? 503 : 204 });
      },
      retry: { minDelay: 1, maxDelay: 1 },
    });
    expect((await transport(get("/twice"))).status).toBe(204);
    expect(inits).toHaveLength(2);
    expect(inits[0]).not.toBe(inits[1]);
  });
});

describe("unwrap", () => {
  it("throws an ApiError that keeps status, request id and the problem body", async () => {
    const response = new Response('{"status":500,"message":"boom","requestId":"body-id"}', {
      status: 500,
      statusText: "Internal Server Error",
    });
    const error = await unwrap({ error: { status: 500, message: "boom", requestId: "body-id" }, response }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 500, requestId: "body-id", body: { message: "boom" } });
    expect((error as ApiError).message).toContain("500 Internal Server Error: boom (request id body-id)");
  });

  it("prefers the x-request-id response header", async () => {
    const response = new Response("", { status: 429, headers: { "x-request-id": "hdr-id" } });
    await expect(unwrap({ error: "", response })).rejects.toMatchObject({ status: 429, requestId: "hdr-id" });
  });

  it("falls back to the x-request-id that was sent when the server names none", async () => {
    server.handle((_req, res) => {
      res.writeHead(503, { "content-type": "application/json" });
      res.end('{"title":"busy"}');
    });
    const response = await createTransport({ retry: false })(get("/busy", { headers: { "x-request-id": "sent-id" } }));
    await expect(unwrap({ error: await response.json(), response })).rejects.toMatchObject({
      status: 503,
      requestId: "sent-id",
      body: { title: "busy" },
    });
  });

  it("throws a ConflictError, still an ApiError, for 409 and tells the caller to re-read", async () => {
    const body = { title: "Conflict", detail: "expected etag 1, current etag 2" };
    const response = new Response(JSON.stringify(body), { status: 409, statusText: "Conflict" });
    const error = await unwrap({ error: body, response }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: "ConflictError", status: 409, body });
    expect((error as ConflictError).message).toMatch(/409 Conflict: expected etag 1, current etag 2\. .*read it again/);
    const other = await unwrap({ error: body, response: new Response("", { status: 412 }) }).catch((e: unknown) => e);
    expect(other).not.toBeInstanceOf(ConflictError);
  });

  it("returns the data of a 2xx", async () => {
    await expect(unwrap(Promise.resolve({ data: { a: 1 }, response: new Response("{}") }))).resolves.toEqual({ a: 1 });
  });
});

describe("hardening", () => {
  it("names the method and URL of the call in an ApiError built from the response alone", async () => {
    server.handle((_req, res) => res.writeHead(404, { "content-type": "application/json" }).end('{"title":"gone"}'));
    const response = await createTransport()(get("/missing?token=secret"));
    const error = await unwrap({ error: { title: "gone" }, response }).catch((e: unknown) => e);
    expect((error as ApiError).request).toEqual({ method: "GET", url: `${server.url}/missing` });
    expect((error as ApiError).message).toBe(`GET ${server.url}/missing answered 404 Not Found: gone`);
  });

  it("refuses a custom fetch that does not resolve to a Response", async () => {
    const broken = (async () => ({ ok: true })) as unknown as typeof fetch;
    await expect(createTransport({ fetch: broken })(get("/x"))).rejects.toThrow("not a Response");
  });

  it("refuses bodies JSON cannot carry with a ValidationError", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => serializeJsonBody(cyclic)).toThrow(ValidationError);
    expect(() => serializeJsonBody({ n: 1n })).toThrow("serializable as JSON");
    expect(serializeJsonBody({ a: [1] })).toBe('{"a":[1]}');
  });
});

describe("begin(): one call whose Request is born with the call's signal", () => {
  it("times out and aborts the socket", async () => {
    server.handle(() => {});
    const scope = createTransport({ retry: false }).begin({ timeout: 40 });
    const request = new Request(`${server.url}/scoped`, { signal: scope.signal });
    const error = await scope
      .fetch(request)
      .catch((e: unknown) => e)
      .finally(scope.end);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain(`GET ${server.url}/scoped timed out after 40 ms`);
    await server.seen[0]?.aborted;
  });

  it("follows the caller's signal, even one that fired before the call", async () => {
    const transport = createTransport();
    const early = transport.begin({ signal: AbortSignal.abort("gone") });
    await expect(early.fetch(new Request(`${server.url}/x`, { signal: early.signal }))).rejects.toMatchObject({
      name: "AbortError",
      cause: "gone",
    });
    early.end();
    expect(server.seen).toHaveLength(0);
  });

  it("applies per-call retry overrides and leaves no timer behind after end()", async () => {
    server.handle((_req, res) => res.writeHead(503).end());
    const scope = createTransport({ retry: false, timeout: 60_000 }).begin({ retry: { attempts: 2, minDelay: 1 } });
    const response = await scope.fetch(new Request(`${server.url}/per-call-retry`, { signal: scope.signal }));
    scope.end();
    expect(response.status).toBe(503);
    // Counted by path: a request an earlier test abandoned may still reach the shared server.
    expect(server.seen.filter((seen) => seen.url === "/per-call-retry")).toHaveLength(2);
    expect(scope.signal.aborted).toBe(false);
  });
});

describe("checkBaseUrl: a base URL in the form a Request gives it, so calls append to it without parsing again", () => {
  const bases = [
    "https://platform.adobe.io",
    "HTTPS://Platform.Adobe.IO/",
    "https://platform.adobe.io:443",
    "http://127.0.0.1:4010",
    "http://localhost:80",
    "https://Demo.tt.omtrdc.net",
    "https://münchen.example",
    "http://[::1]:8080",
    "https://platform.adobe.io/data/core/dps//",
    "https://platform.adobe.io/Data/./core/../dps",
    "https://platform.adobe.io/c%7e/ä",
  ];
  // What the runner appends: a path from the spec with encoded ids, then an encoded query (or a link's raw one).
  const rests = [
    "/rest/v1/delivery?client=demo&sessionId=s%201",
    "/data/core/xcore/c-1/instances?property=a%3D%3Db&property=c&limit=10",
    "/offers/p%2F1?offer-type=personalized",
    "/a?q=%E2%9C%93",
    "/tags",
  ];
  it.each(bases.flatMap((base) => rests.map((rest) => [base, rest])))("%s + %s", (base, rest) => {
    const normal = checkBaseUrl(base, "baseUrl");
    expect(normal + rest).toBe(new URL(base.replace(/\/+$/, "") + rest).href);
    expect(normal.endsWith("/")).toBe(false);
  });
});
