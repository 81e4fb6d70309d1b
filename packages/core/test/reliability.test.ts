// Core-level checks of the reliability fixes: the body limit, option checks, timer bounds, Retry-After, header
// values, hooks and the logger, on whichever transport this project runs (see vitest.config.ts).
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type CallHooks,
  createImsTokenProvider,
  createTransport,
  DEFAULT_MAX_RESPONSE_BYTES,
  ImsAuthError,
  MAX_TIMER_MS,
  ResponseTooLargeError,
  TimeoutError,
  ValidationError,
} from "../src/index.js";
import { parseRetryAfter } from "../src/internal.js";
import { startServer } from "./http-server.js";

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.seen.length = 0;
});

const get = (path: string, init?: RequestInit) => new Request(`${server.url}${path}`, init);

describe("the response size limit", () => {
  it("is 16 MiB by default", () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(16 * 1024 * 1024);
  });

  it("refuses a body whose Content-Length is over the limit, keeping status and request id", async () => {
    server.handle((_req, res) =>
      res.writeHead(200, { "content-type": "application/json", "x-request-id": "r-big" }).end("x".repeat(2048)),
    );
    const failure = createTransport({ maxResponseBytes: 1024 })(get("/big?secret=1"));
    await expect(failure).rejects.toBeInstanceOf(ResponseTooLargeError);
    await expect(failure).rejects.toMatchObject({
      status: 200,
      requestId: "r-big",
      limit: 1024,
      request: { method: "GET", url: `${server.url}/big` },
    });
  });

  it("stops an endless chunked body at the limit, before the deadline, and closes the connection", async () => {
    let closed!: Promise<void>;
    server.handle((_req, res, seen) => {
      closed = seen.aborted;
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(16 * 1024, 32);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {}
      };
      res.on("drain", pump);
      pump();
    });
    const started = Date.now();
    const failure = createTransport({ maxResponseBytes: 256 * 1024, timeout: 10_000 })(get("/endless"));
    await expect(failure).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(Date.now() - started).toBeLessThan(5_000);
    await closed;
  });

  it("is checked per call too, and refuses what is not a whole number of bytes", async () => {
    server.handle((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"a":"12345"}'));
    const transport = createTransport();
    await expect(transport.with({ maxResponseBytes: 4 })(get("/small"))).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(() => createTransport({ maxResponseBytes: 0 })).toThrow(ValidationError);
    expect(() => createTransport({ maxResponseBytes: 1.5 })).toThrow("maxResponseBytes");
  });
});

describe("option checks (defects 4 and 8)", () => {
  const refused: [string, Parameters<typeof createTransport>[0]][] = [
    ["timeout", { timeout: 2 ** 31 }],
    ["timeout", { timeout: Number.NaN }],
    ["timeout", { timeout: -1 }],
    ["retry.minDelay", { retry: { minDelay: -100 } }],
    ["retry.maxDelay", { retry: { maxDelay: Number.NaN } }],
    ["retry.maxDelay", { retry: { maxDelay: 2 ** 31 } }],
    ["retry.maxRetryAfter", { retry: { maxRetryAfter: 2 ** 40 } }],
    ["retry.retryNonIdempotent", { retry: { retryNonIdempotent: "no" as unknown as boolean } }],
    ["retry.maxRetries", { retry: { maxRetries: 5 } as never }],
    ["retry.attempts", { retry: { attempts: -1 } }],
    ["retry", { retry: "yes" as never }],
    ["fetch", { fetch: "x" as never }],
    ["hooks.onRequets", { hooks: { onRequets: () => {} } as never }],
    ["logger.debug", { logger: { debug: "yes" } as never }],
  ];
  it.each(refused)("refuses a bad %s with a ValidationError naming it", (field, options) => {
    let error: unknown;
    try {
      createTransport(options);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
  });

  it("accepts the largest delays a timer holds", () => {
    expect(() =>
      createTransport({
        timeout: MAX_TIMER_MS,
        retry: { minDelay: MAX_TIMER_MS, maxDelay: MAX_TIMER_MS, maxRetryAfter: MAX_TIMER_MS },
      }),
    ).not.toThrow();
  });

  it("checks per-call overrides as options.<name>", () => {
    const transport = createTransport();
    expect(() => transport.begin({ timeout: 2 ** 31 })).toThrow(
      expect.objectContaining({ field: "options.timeout" }) as never,
    );
  });

  it("keeps a large timeout a long one (a timer past 2^31-1 ms would fire at once)", async () => {
    server.handle((_req, res) =>
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end("{}"), 50),
    );
    const response = await createTransport({ timeout: MAX_TIMER_MS })(get("/slow"));
    expect(response.status).toBe(200);
  });
});

describe("Retry-After (defect 9)", () => {
  const now = Date.parse("2026-12-03T10:00:00Z");
  it.each(["-5", "1.5", "+3", "soon", "1e3", "", "Thu, 03 Dec 2026"])("falls back to backoff for %j", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
  it("reads delta-seconds and every HTTP date form", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Thu, 03 Dec 2026 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Thursday, 03-Dec-26 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Thu Dec  3 10:00:05 2026", now)).toBe(5000);
    expect(parseRetryAfter("99999999999", now)).toBe(MAX_TIMER_MS);
  });

  it("waits its backoff for a malformed value instead of retrying at once", async () => {
    let calls = 0;
    const times: number[] = [];
    server.handle((_req, res) => {
      times.push(Date.now());
      if (++calls === 1) res.writeHead(503, { "retry-after": "-5" }).end();
      else res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    const transport = createTransport({ retry: { attempts: 2, minDelay: 300, maxDelay: 300 } });
    expect((await transport(get("/busy"))).status).toBe(200);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(140);
  });
});

describe("hooks and logger", () => {
  it("report each attempt, retry and failure with summaries only, and survive a hook that throws", async () => {
    let calls = 0;
    server.handle((_req, res) => {
      if (++calls === 1) res.writeHead(503, { "retry-after": "0" }).end();
      else res.writeHead(200, { "content-type": "application/json", "x-request-id": "srv-1" }).end("{}");
    });
    const events: [string, unknown][] = [];
    const hooks: CallHooks = {
      onRequest: (event) => {
        events.push(["request", event]);
        throw new Error("a broken hook");
      },
      onResponse: (event) => events.push(["response", event]),
      onRetry: (event) => events.push(["retry", event]),
      onError: (event) => events.push(["error", event]),
    };
    const lines: unknown[][] = [];
    const logger = { debug: (...m: unknown[]) => lines.push(m), warn: (...m: unknown[]) => lines.push(m) };
    const transport = createTransport({ hooks, logger, retry: { attempts: 2 } });
    const response = await transport(
      get("/hooked?token=abc", { headers: { authorization: "Bearer sekret", "x-request-id": "req-1" } }),
    );
    expect(response.status).toBe(200);
    const url = `${server.url}/hooked`;
    expect(events.map(([kind]) => kind)).toEqual(["request", "response", "retry", "request", "response"]);
    expect(events[1]?.[1]).toMatchObject({ request: { method: "GET", url }, attempt: 1, status: 503 });
    expect(events[2]?.[1]).toMatchObject({ attempt: 1, reason: 503, delay: 0, requestId: "req-1" });
    expect(events[4]?.[1]).toMatchObject({ attempt: 2, status: 200, requestId: "srv-1" });
    expect(events[4]?.[1]).toHaveProperty("duration", expect.any(Number));
    const logged = inspect([lines, events], { depth: 10 });
    expect(logged).not.toContain("sekret");
    expect(logged).not.toContain("token=abc");
  });

  it("report a timeout once, as the call's error", async () => {
    server.handle(() => {});
    const errors: unknown[] = [];
    const transport = createTransport({ timeout: 100, hooks: { onError: (event) => errors.push(event) } });
    await expect(transport(get("/hang"))).rejects.toBeInstanceOf(TimeoutError);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ error: expect.any(TimeoutError), attempts: 1 });
  });
});

describe("IMS secrets (defect 6)", () => {
  const secret = "p4ss/w+rd=&x y";
  const spellings = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    encodeURIComponent(secret).toLowerCase(),
  ];
  it.each(["error", "error_description"])("never shows the secret IMS echoes in %s, in any spelling", async (field) => {
    server.handle((req, res, seen) => {
      res
        .writeHead(400, { "content-type": "application/json" })
        .end(JSON.stringify({ [field]: `bad request ${seen.body} ${spellings.join(" ")}` }));
      void req;
    });
    const provider = createImsTokenProvider({
      clientId: "id",
      clientSecret: secret,
      scopes: ["openid"],
      imsHost: server.url,
    });
    const error = await provider.getToken().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ImsAuthError);
    const shown = [
      (error as Error).message,
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      (error as Error).stack ?? "",
    ].join("\n");
    for (const spelling of spellings) expect(shown).not.toContain(spelling);
  });
});

describe("the IMS token request and redirects", () => {
  it("never follows one: the form, client secret included, reaches no other host", async () => {
    const other = await startServer();
    try {
      server.handle((_req, res) => res.writeHead(307, { location: `${other.url}/token` }).end());
      const provider = createImsTokenProvider({
        clientId: "id",
        clientSecret: "s3cret",
        scopes: ["openid"],
        imsHost: server.url,
        retry: false,
      });
      await expect(provider.getToken()).rejects.toBeInstanceOf(ImsAuthError);
      expect(other.seen).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});
