// One regression test per defect of issue 15, each named after it. Every one of them fails on 85f9dfa.
import * as core from "@offerkit/core";
import {
  createImsTokenProvider,
  ImsAuthError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from "@offerkit/core";
import { parseRetryAfter } from "@offerkit/core/internal";
import { createDeliveryClient } from "@offerkit/delivery";
import { rawClient as rawDelivery } from "@offerkit/delivery/raw";
import { createOdeClient } from "@offerkit/ode";
import { createOdsClient } from "@offerkit/ods";
import { type FaultServer, startFaultServer } from "@offerkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfferkit, createTargetClient } from "../../src/index.js";
import {
  CREDENTIALS,
  DECISION_BODY,
  DELIVERY_BODY,
  describeError,
  fetchOption,
  garbagePressure,
  isOurs,
  ORG,
  renderings,
  settle,
  TRANSPORT_NAMES,
} from "./harness.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
  // Warm-up: the Node transport loads undici on its first request.
  await createDeliveryClient({ client: "acme", baseUrl: server.base("ok") }).deliver({
    sessionId: "warm",
    request: DELIVERY_BODY,
  });
});
afterAll(() => server?.close());

const MARGIN = 600;
let tags = 0;
const tag = () => `d${++tags}`;

/** Settles `run`, or reports "hung" after `ms` (a defect that never settles must fail, not hold the run). */
async function within(ms: number, run: () => Promise<unknown>) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<{ hung: true; ms: number }>((resolve) => {
    timer = setTimeout(() => resolve({ hung: true, ms }), ms);
  });
  const outcome = await Promise.race([settle(run), hung]);
  clearTimeout(timer);
  return outcome as { value?: unknown; error?: unknown; ms: number; hung?: true };
}

function delivery(base: string, transport: "node" | "fetch", extra: object = {}) {
  return createDeliveryClient({ client: "acme", baseUrl: base, ...fetchOption(transport), ...extra });
}

function ods(base: string, imsHost: string, transport: "node" | "fetch", extra: object = {}) {
  return createOdsClient({
    auth: { ...CREDENTIALS, imsHost },
    imsOrgId: ORG,
    sandboxName: "prod",
    baseUrl: base,
    ...fetchOption(transport),
    ...extra,
  });
}

const STALL_TIMEOUT = 1_000;

describe("defect 1: a stalled body under garbage collection never settles (fetch option, /raw on the Node transport)", () => {
  const cases = [
    {
      name: "deliver with the fetch option",
      run: (base: string) =>
        delivery(base, "fetch", { timeout: STALL_TIMEOUT }).deliver({ sessionId: "s1", request: DELIVERY_BODY }),
    },
    {
      name: "raw POST on the Node transport",
      run: (base: string) =>
        rawDelivery(delivery(base, "node", { timeout: STALL_TIMEOUT })).POST("/rest/v1/delivery", {
          params: { query: { client: "acme", sessionId: "s1" } },
          body: DELIVERY_BODY,
        }),
    },
    {
      name: "raw POST with the fetch option",
      run: (base: string) =>
        rawDelivery(delivery(base, "fetch", { timeout: STALL_TIMEOUT })).POST("/rest/v1/delivery", {
          params: { query: { client: "acme", sessionId: "s1" } },
          body: DELIVERY_BODY,
        }),
    },
  ];
  it.each(cases)("$name: TimeoutError on time, socket closed", async ({ run }) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, "run with --expose-gc (test/reliability/vitest.config.ts)").toBeTypeOf("function");
    const t = tag();
    const stop = garbagePressure(10, 200);
    try {
      const outcome = await within(STALL_TIMEOUT + 5_000, () => run(server.base("stall-after-headers", undefined, t)));
      expect(outcome.hung, "the call never settled").toBeUndefined();
      expect(outcome.error, describeError(outcome.error)).toBeInstanceOf(TimeoutError);
      // Full collections every 200 ms stop the world on a 2-core box: a wider margin than elsewhere.
      expect(outcome.ms).toBeLessThan(2 * STALL_TIMEOUT);
      const sockets = server.requestsTagged(t).map((request) => request.socket);
      expect(sockets).toHaveLength(1);
      expect(await server.waitForClosed(sockets, MARGIN)).toBe(true);
    } finally {
      stop();
      server.destroyTagged(t);
    }
  });
});

describe("defect 2: the token request outlives its callers", () => {
  it.each(TRANSPORT_NAMES)("on the %s transport the IMS socket closes when the call times out", async (transport) => {
    const t = tag();
    const client = ods(server.base("ok", undefined, t), server.base("hang", undefined, `${t}-ims`), transport, {
      timeout: 500,
    });
    const outcome = await within(500 + 4_000, () => client.makeDecisions(DECISION_BODY));
    try {
      expect(outcome.hung).toBeUndefined();
      expect(isOurs(outcome.error, "TimeoutError", "ImsAuthError"), describeError(outcome.error)).toBe(true);
      expect(outcome.ms).toBeLessThan(500 + MARGIN);
      const ims = server.requestsTagged(`${t}-ims`);
      expect(ims).toHaveLength(1);
      expect(server.requestsTagged(t)).toHaveLength(0);
      // The token request was made for this call: its socket (and its timer) go with the call.
      expect(await server.waitForClosed([ims[0]?.socket ?? -1], MARGIN), "the IMS socket stayed open").toBe(true);
    } finally {
      server.destroyTagged(`${t}-ims`);
    }
  });
});

describe("defect 3: no response size limit", () => {
  it("the default limit is 16 MiB", () => {
    expect((core as Record<string, unknown>).DEFAULT_MAX_RESPONSE_BYTES).toBe(16 * 1024 * 1024);
  });

  it.each(TRANSPORT_NAMES)("on the %s transport an oversized body is refused while reading", async (transport) => {
    const t = tag();
    const limit = 1024 * 1024;
    const client = delivery(server.base("oversized", 8 * 1024 * 1024, t), transport, {
      timeout: 5_000,
      maxResponseBytes: limit,
    });
    const outcome = await within(8_000, () => client.deliver({ sessionId: "s1", request: DELIVERY_BODY }));
    server.destroyTagged(t);
    expect(outcome.hung).toBeUndefined();
    expect(isOurs(outcome.error, "ResponseTooLargeError"), describeError(outcome.error)).toBe(true);
    expect(outcome.error).toMatchObject({ status: 200, requestId: "oversized-id", limit });
  });

  it.each(TRANSPORT_NAMES)(
    "on the %s transport a fast endless body ends at the default limit, memory about the limit",
    async (transport) => {
      const t = tag();
      const client = delivery(server.base("endless-fast", undefined, t), transport, { timeout: 8_000 });
      (globalThis as { gc?: () => void }).gc?.();
      const before = process.memoryUsage();
      let peak = 0;
      const sampler = setInterval(() => {
        const now = process.memoryUsage();
        peak = Math.max(peak, now.heapUsed + now.arrayBuffers - before.heapUsed - before.arrayBuffers);
      }, 5);
      const outcome = await within(8_000 + 4_000, () => client.deliver({ sessionId: "s1", request: DELIVERY_BODY }));
      clearInterval(sampler);
      server.destroyTagged(t);
      expect(outcome.hung).toBeUndefined();
      expect(isOurs(outcome.error, "ResponseTooLargeError"), describeError(outcome.error)).toBe(true);
      expect(outcome.error).toMatchObject({ status: 200, requestId: "endless-id", limit: 16 * 1024 * 1024 });
      // The limit, the chunks in flight, and what the test process does anyway: far from the 2 GB of 85f9dfa.
      expect(peak).toBeLessThan(160 * 1024 * 1024);
    },
  );

  it("the limit is per call too", async () => {
    const t = tag();
    const client = delivery(server.base("oversized", 256 * 1024, t), "node", { timeout: 5_000 });
    const outcome = await settle(() =>
      client.deliver({ sessionId: "s1", request: DELIVERY_BODY }, { maxResponseBytes: 64 * 1024 } as object),
    );
    server.destroyTagged(t);
    expect(isOurs(outcome.error, "ResponseTooLargeError"), describeError(outcome.error)).toBe(true);
    expect(outcome.error).toMatchObject({ limit: 64 * 1024 });
  });
});

/** Refused as a `ValidationError` naming `field`, at construction or at the call, before anything is sent. */
async function refused(field: RegExp, make: () => { call(): Promise<unknown> }, sentTo?: string) {
  let error: unknown;
  try {
    await make().call();
  } catch (caught) {
    error = caught;
  }
  expect(error, describeError(error)).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).field).toMatch(field);
  if (sentTo) expect(server.requestsTagged(sentTo)).toHaveLength(0);
}

describe("defect 4: timer overflow (a timeout or delay above 2**31-1 ms)", () => {
  const tooLong = [2 ** 31, 2 ** 40, Number.MAX_SAFE_INTEGER];
  it.each(tooLong)("timeout %d is a ValidationError, not a timeout after 1 ms", async (timeout) => {
    const t = tag();
    await refused(
      /timeout/,
      () => {
        const client = delivery(server.base("ok", undefined, t), "node", { timeout });
        return { call: () => client.deliver({ sessionId: "s1", request: DELIVERY_BODY }) };
      },
      t,
    );
    await refused(
      /timeout/,
      () => {
        const client = delivery(server.base("ok", undefined, t), "node");
        return { call: () => client.deliver({ sessionId: "s1", request: DELIVERY_BODY }, { timeout }) };
      },
      t,
    );
  });

  it.each(["minDelay", "maxDelay", "maxRetryAfter"])("retry.%s of 2**31 is a ValidationError", async (name) => {
    const t = tag();
    await refused(
      new RegExp(name),
      () => {
        const client = delivery(server.base("ok", undefined, t), "node", { retry: { [name]: 2 ** 31 } });
        return { call: () => client.deliver({ sessionId: "s1", request: DELIVERY_BODY }) };
      },
      t,
    );
  });

  it("2**31-1 ms is the longest timeout and is accepted", async () => {
    const t = tag();
    const client = delivery(server.base("ok", undefined, t), "node", { timeout: 2 ** 31 - 1 });
    const outcome = await settle(() => client.deliver({ sessionId: "s1", request: DELIVERY_BODY }));
    expect(outcome.error, describeError(outcome.error)).toBeUndefined();
  });
});

describe("defect 5: unwrap resolves undefined for an empty 2xx on deliver and makeDecisions", () => {
  const empties = ["empty-length-0", "empty-chunked", "empty-204"] as const;
  it.each(empties)("deliver answered %s is an UnexpectedResponseError", async (fault) => {
    const t = tag();
    const outcome = await settle(() =>
      core.unwrap(
        delivery(server.base(fault, undefined, t), "node").deliver({ sessionId: "s1", request: DELIVERY_BODY }),
      ),
    );
    expect(outcome.value).toBeUndefined();
    expect(outcome.error, describeError(outcome.error)).toBeInstanceOf(UnexpectedResponseError);
  });

  it.each(empties)("makeDecisions answered %s is an UnexpectedResponseError", async (fault) => {
    const t = tag();
    const outcome = await settle(() =>
      core.unwrap(
        ods(server.base(fault, undefined, t), server.base("ok", undefined, `${t}-ims`), "fetch").makeDecisions(
          DECISION_BODY,
        ),
      ),
    );
    expect(outcome.value).toBeUndefined();
    expect(outcome.error, describeError(outcome.error)).toBeInstanceOf(UnexpectedResponseError);
  });
});

describe("defect 6: the client secret reaches ImsAuthError when IMS echoes the form", () => {
  const secret = "s3cr/t+with=signs&a space";
  const spellings = [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
  it.each(["error.form", "error.decoded", "error_description.form", "error_description.percent", "all.json"])(
    "IMS echoing it as %s",
    async (echo) => {
      const provider = createImsTokenProvider({
        ...CREDENTIALS,
        clientSecret: secret,
        imsHost: server.base("ims-echo", echo, tag()),
        retry: false,
      });
      const outcome = await settle(() => provider.getToken());
      expect(outcome.error, describeError(outcome.error)).toBeInstanceOf(ImsAuthError);
      for (const text of renderings(outcome.error)) {
        for (const spelling of spellings) expect(text).not.toContain(spelling);
      }
    },
  );
});

describe("defect 7: a bare TypeError for a header value above U+00FF", () => {
  const value = "caf\u00e9 \u2615";
  it("in a client's headers", async () => {
    await refused(/headers/, () => {
      const client = delivery(server.base("ok"), "node", { headers: { "x-note": value } });
      return { call: () => client.deliver({ sessionId: "s1", request: DELIVERY_BODY }) };
    });
  });
  it("in a call's headers", async () => {
    await refused(/headers/, () => {
      const client = delivery(server.base("ok"), "node");
      return {
        call: () => client.deliver({ sessionId: "s1", request: DELIVERY_BODY }, { headers: { "x-note": value } }),
      };
    });
  });
  it("in a per-call x-request-id", async () => {
    await refused(/x-request-id|headers/, () => {
      const client = ods(server.base("ok"), server.base("ok"), "node");
      return { call: () => client.makeDecisions(DECISION_BODY, { headers: { "x-request-id": value } }) };
    });
  });
});

describe("defect 8: options accepted unchecked", () => {
  it('retry.retryNonIdempotent: "no" is refused, and a deliver is never sent three times on a 503', async () => {
    const t = tag();
    await refused(
      /retryNonIdempotent/,
      () => {
        const client = delivery(server.base("5xx-html", 503, t), "node", {
          retry: { retryNonIdempotent: "no", minDelay: 1, maxDelay: 2 },
        });
        return { call: () => client.deliver({ sessionId: "s1", request: DELIVERY_BODY }) };
      },
      t,
    );
  });

  const bad: [string, RegExp, object][] = [
    ["retry.maxDelay NaN", /maxDelay/, { retry: { maxDelay: Number.NaN } }],
    ["retry.minDelay -100", /minDelay/, { retry: { minDelay: -100 } }],
    ["retry.maxRetries (unknown key)", /retry/, { retry: { maxRetries: 5 } }],
    ['retry "yes"', /retry/, { retry: "yes" }],
    ["retry.attempts -1", /attempts/, { retry: { attempts: -1 } }],
    ['headers "x"', /headers/, { headers: "x" }],
    ['fetch "x"', /fetch/, { fetch: "x" }],
    ["timeout NaN", /timeout/, { timeout: Number.NaN }],
  ];
  it.each(bad)("%s is a ValidationError naming the field (delivery)", async (_, field, options) => {
    const t = tag();
    await refused(
      field,
      () => {
        const client = delivery(server.base("ok", undefined, t), "node", options);
        return { call: () => client.deliver({ sessionId: "s1", request: DELIVERY_BODY }) };
      },
      t,
    );
  });
  it.each(bad)("%s is a ValidationError naming the field (ods)", async (_, field, options) => {
    const t = tag();
    await refused(
      field,
      () => {
        const client = ods(server.base("ok", undefined, t), server.base("ok", undefined, t), "node", options);
        return { call: () => client.makeDecisions(DECISION_BODY) };
      },
      t,
    );
  });
  it.each(bad)("%s is a ValidationError naming the field (createOfferkit)", async (_, field, options) => {
    const t = tag();
    await refused(
      field,
      () => {
        const kit = createOfferkit({
          auth: { ...CREDENTIALS, imsHost: server.base("ok", undefined, t) },
          imsOrgId: ORG,
          sandboxName: "prod",
          baseUrl: server.base("ok", undefined, t),
          ...(options as object),
        });
        return { call: () => kit.decide(DECISION_BODY) };
      },
      t,
    );
  });
  it("serverDomain: 123 is a ValidationError (delivery and the Target client)", async () => {
    await refused(/serverDomain/, () => {
      const client = createDeliveryClient({ client: "acme", serverDomain: 123 as unknown as string });
      return { call: () => client.deliver({ sessionId: "s1", request: DELIVERY_BODY }) };
    });
    await refused(/serverDomain/, () => {
      const client = createTargetClient({ client: "acme", serverDomain: 123 as unknown as string });
      return { call: () => client.getOffers({ request: DELIVERY_BODY }) };
    });
  });
  const perCall = bad.filter(([, , options]) => !("fetch" in options));
  it.each(perCall)("%s per call is a ValidationError naming the field", async (_, field, options) => {
    const t = tag();
    await refused(
      field,
      () => {
        const client = delivery(server.base("ok", undefined, t), "node");
        return { call: () => client.deliver({ sessionId: "s1", request: DELIVERY_BODY }, options as object) };
      },
      t,
    );
  });
});

describe("defect 9: Retry-After -5 or 1.5 is read as a date in 2001, so the retry is immediate", () => {
  it.each(["-5", "1.5", "+3", "1e3", "0x10", " -1 "])("parseRetryAfter(%j) is undefined (use the backoff)", (value) => {
    expect(parseRetryAfter(value, Date.now())).toBeUndefined();
  });

  it.each(["-5", "1.5"])("a GET answered 503 Retry-After: %s waits the backoff before its retry", async (value) => {
    const t = tag();
    const ode = createOdeClient({
      auth: { accessToken: "token", apiKey: "key" },
      imsOrgId: ORG,
      sandboxName: "prod",
      baseUrl: server.base("503-malformed", value, t),
      retry: { minDelay: 300, maxDelay: 300 },
      timeout: 5_000,
    });
    const outcome = await settle(() => ode.getWorkload("47efef25-4bcf-404f-96e2-67c4f784a1f5"));
    expect(outcome.error, describeError(outcome.error)).toBeUndefined();
    const [first, second] = server.requestsTagged(t);
    expect(second, "no retry was made").toBeDefined();
    // Equal jitter: the first backoff is at least minDelay / 2.
    expect((second?.time ?? 0) - (first?.time ?? 0)).toBeGreaterThanOrEqual(140);
  });
});
