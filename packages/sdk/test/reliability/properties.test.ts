// Property-based tests (fast-check, 10,000 runs each): what must hold for every input, not only the ones we thought of.
import { OfferkitError, PaginationError, unwrap, ValidationError } from "@offerkit/core";
import { assertSafeHeaders, paginate, parseRetryAfter } from "@offerkit/core/internal";
import { createDeliveryClient } from "@offerkit/delivery";
import { rawClient as rawDelivery } from "@offerkit/delivery/raw";
import { createOdsClient } from "@offerkit/ods";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createTargetCookie,
  parseTargetCookie,
  serializeTargetCookie,
  type TargetCookieEntry,
} from "../../src/adobe-target/cookies.js";
import { createTargetClient, paginatePlacements } from "../../src/index.js";
import { CONTAINER, DECISION_BODY, DELIVERY_BODY, describeError, ORG } from "./harness.js";

const RUNS = { numRuns: 10_000 } as const;
const NOW = 1_760_000_000_000;
const NOW_SECONDS = Math.ceil(NOW / 1000);

describe("the mbox cookie codec (@offerkit/sdk/target/cookies)", () => {
  const sessionId = fc.stringMatching(/^[!-.0->@-z|~]{1,128}$/);
  const tntPart = fc.stringMatching(/^[!-\-/-~]{1,60}$/);
  const tntId = fc.oneof(
    tntPart,
    fc.tuple(tntPart, tntPart).map(([a, b]) => `${a}.${b}`),
  );
  const expires = fc.integer({ min: NOW_SECONDS, max: 999_999_999_999 });
  // Any well-formed name and value for entries the codec does not interpret.
  const other = fc.record({
    name: fc.string({ unit: "grapheme", minLength: 0, maxLength: 12 }).filter((n) => n !== "session" && n !== "PC"),
    value: fc.string({ unit: "grapheme", maxLength: 40 }),
    expires,
  });

  it("round-trips every valid set of entries", () => {
    fc.assert(
      fc.property(
        fc.option(fc.record({ name: fc.constant("session"), value: sessionId, expires }), { nil: undefined }),
        fc.option(fc.record({ name: fc.constant("PC"), value: tntId, expires }), { nil: undefined }),
        fc.uniqueArray(other, { selector: (entry) => entry.name, maxLength: 5 }),
        (session, pc, others) => {
          const entries: TargetCookieEntry[] = [...others];
          if (session) entries.push(session);
          if (pc) entries.push(pc);
          const cookie = serializeTargetCookie(entries, NOW);
          const parsed = parseTargetCookie(cookie.value, NOW);
          expect(parsed.problem).toBeUndefined();
          expect(parsed.sessionId).toBe(session?.value);
          expect(parsed.tntId).toBe(pc?.value);
          expect(Object.values(parsed.entries)).toEqual(expect.arrayContaining(entries));
          expect(Object.keys(parsed.entries)).toHaveLength(entries.length);
        },
      ),
      RUNS,
    );
  });

  it("round-trips every session id and tnt id through createTargetCookie", () => {
    fc.assert(
      fc.property(sessionId, fc.option(tntId, { nil: undefined }), (session, tnt) => {
        const parsed = parseTargetCookie(createTargetCookie({ sessionId: session, tntId: tnt }, NOW).value, NOW);
        expect(parsed.sessionId).toBe(session);
        expect(parsed.tntId).toBe(tnt || undefined);
      }),
      RUNS,
    );
  });

  it("never throws on any string, and names a problem instead of half-parsing", () => {
    const cookieLike = fc.array(
      fc.oneof(fc.constantFrom("|", "#", "%", "%E0%A4%A", "session", "PC", "1", "99999999999"), fc.string()),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary" }),
          cookieLike.map((parts) => parts.join("")),
        ),
        fc.integer({ min: 0, max: 2 * NOW }),
        (value, now) => {
          const parsed = parseTargetCookie(value, now);
          if (parsed.problem !== undefined) {
            expect(parsed.sessionId).toBeUndefined();
            expect(parsed.tntId).toBeUndefined();
          }
        },
      ),
      RUNS,
    );
  });
});

describe("paging never loops, whatever the next links are", () => {
  const cursor = fc.oneof(
    fc.constantFrom(undefined, null, "", "a", "b", "/x", "//elsewhere.example/x", "javascript:alert(1)"),
    fc.string({ maxLength: 8 }),
  );

  it("core paginate: every cursor is fetched at most once, and it ends", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(cursor, { maxLength: 20 }),
        fc.boolean(),
        fc.option(fc.constantFrom("https://platform.adobe.io"), { nil: undefined }),
        async (nexts, prefetch, linkOrigin) => {
          const fetched: (string | undefined)[] = [];
          const pages = paginate<number, number>({
            fetchPage: async (at) => {
              fetched.push(at);
              return fetched.length - 1;
            },
            nextCursor: (page) => nexts[page],
            itemsOf: (page) => [page],
            prefetch,
            linkOrigin,
          });
          try {
            await pages.toArray({ limit: Number.POSITIVE_INFINITY });
          } catch (error) {
            expect(error, describeError(error)).toBeInstanceOf(PaginationError);
          }
          expect(fetched.length).toBeLessThanOrEqual(nexts.length + 1);
          expect(new Set(fetched).size).toBe(fetched.length);
        },
      ),
      RUNS,
    );
  });

  const schema = "https://ns.adobe.com/experience/offer-management/offer-placement;version=0.4";
  const listing = (start: string) => `/${CONTAINER}/instances?schema=${encodeURIComponent(schema)}&start=${start}`;
  const link = fc.oneof(
    fc.constantFrom("a", "b", "c").map(listing),
    fc.constantFrom("a", "b").map((start) => `https://platform.adobe.io/data/core/xcore${listing(start)}`),
    fc.constantFrom(undefined, "", "https://elsewhere.example/x", "/other/instances?schema=x"),
    fc.string({ maxLength: 12 }),
  );

  /** Pages through a fake Offer Library whose n-th page links to `hrefs[n]`; resolves with the links requested. */
  async function pageThrough(hrefs: readonly (string | undefined)[]): Promise<string[]> {
    const asked: string[] = [];
    const page = () => {
      const href = hrefs[asked.length - 1];
      const data = { _embedded: { results: [] }, _links: href === undefined ? {} : { next: { href } } };
      return Promise.resolve({ data, response: new Response(null, { status: 200 }) });
    };
    const client = {
      baseUrl: "https://platform.adobe.io",
      list: (input: { href?: string }) => {
        asked.push(input.href ?? "first");
        return page();
      },
      search: (input: { href?: string }) => {
        asked.push(input.href ?? "first");
        return page();
      },
    };
    const pages = paginatePlacements({ client: client as never }, { containerId: CONTAINER });
    try {
      for await (const _ of pages) {
        // every page is read
      }
    } catch (error) {
      expect(error, describeError(error)).toBeInstanceOf(OfferkitError);
    }
    return asked;
  }

  it("the Offer Library paginators: they end, with at most one request per link, and only typed errors", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(link, { maxLength: 12 }), async (hrefs) => {
        expect((await pageThrough(hrefs)).length).toBeLessThanOrEqual(hrefs.length + 1);
      }),
      RUNS,
    );
  });

  it("the Offer Library paginators: the same page is never requested twice, however its link is spelled", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(link, { maxLength: 12 }), async (hrefs) => {
        const asked = await pageThrough(hrefs);
        expect(new Set(asked).size, asked.join("\n")).toBe(asked.length);
      }),
      RUNS,
    );
  });
});

describe("parseRetryAfter", () => {
  // Delays are capped at what a timer can hold (2**31-1 ms, about 24.8 days).
  const MAX_DELAY = 2 ** 31 - 1;

  it("reads delta-seconds exactly, capped at what a timer can hold", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (seconds) => {
        expect(parseRetryAfter(String(seconds), NOW)).toBe(Math.min(seconds * 1000, MAX_DELAY));
      }),
      RUNS,
    );
  });

  it("reads an HTTP date as the time until it, never negative, capped", () => {
    fc.assert(
      fc.property(fc.integer({ min: NOW - 10 ** 10, max: NOW + 10 ** 10 }), (at) => {
        const delay = parseRetryAfter(new Date(at).toUTCString(), NOW);
        const expected = Math.min(MAX_DELAY, Math.max(0, Math.floor(at / 1000) * 1000 - NOW));
        expect(delay).toBe(expected);
      }),
      RUNS,
    );
  });

  it("refuses signed, fractional and exponent numbers (they fall back to backoff)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1, max: 10 ** 6 }).map((n) => `-${n}`),
          fc.integer({ min: 0, max: 10 ** 6 }).map((n) => `+${n}`),
          fc.tuple(fc.nat(1000), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${b}`),
          fc.tuple(fc.integer({ min: 1, max: 9 }), fc.nat(9)).map(([a, b]) => `${a}e${b}`),
        ),
        (value) => {
          expect(parseRetryAfter(value, NOW)).toBeUndefined();
        },
      ),
      RUNS,
    );
  });

  it("never throws, and answers undefined or a finite delay of 0 or more", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.constant(null)), (value) => {
        const delay = parseRetryAfter(value, NOW);
        if (delay !== undefined) {
          expect(Number.isFinite(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(MAX_DELAY);
        }
      }),
      RUNS,
    );
  });
});

/** Runs `run`; anything thrown must be a ValidationError (sync or async). */
async function onlyValidationErrors(run: () => unknown) {
  try {
    await run();
  } catch (error) {
    expect(error, describeError(error)).toBeInstanceOf(ValidationError);
  }
}

const answer = () =>
  Promise.resolve(new Response('{"status":200}', { headers: { "content-type": "application/json" } }));

describe("option and header checks throw nothing but ValidationError", () => {
  const anyValue = fc.oneof(
    fc.anything(),
    fc.double(),
    fc.constantFrom(2 ** 31, -1, Number.NaN, Number.POSITIVE_INFINITY, "yes", "x", true, null),
  );
  const retry = fc.oneof(
    anyValue,
    fc.dictionary(
      fc.oneof(
        fc.constantFrom("attempts", "minDelay", "maxDelay", "maxRetryAfter", "retryNonIdempotent"),
        fc.string({ maxLength: 10 }),
      ),
      anyValue,
      { maxKeys: 4 },
    ),
  );
  const headerValue = fc.oneof(fc.string({ unit: "binary", maxLength: 10 }), anyValue);
  const headers = fc.oneof(
    anyValue,
    fc.dictionary(fc.string({ unit: "binary", maxLength: 8 }), headerValue, { maxKeys: 3 }),
  );
  const options = fc.record(
    {
      timeout: anyValue,
      retry,
      headers,
      fetch: fc.oneof(anyValue, fc.constant(answer)),
      serverDomain: anyValue,
      baseUrl: fc.oneof(anyValue, fc.string({ maxLength: 20 }), fc.constant("http://127.0.0.1:9")),
      maxResponseBytes: anyValue,
    },
    { requiredKeys: [] },
  );

  it("createDeliveryClient and deliver, with any options and call options", async () => {
    await fc.assert(
      fc.asyncProperty(options, options, async (client, call) => {
        await onlyValidationErrors(() => {
          const delivery = createDeliveryClient({ client: "acme", fetch: answer, ...client } as never);
          // A fetch that is not a function may only pass the checks when it is undefined (the default is used).
          if (typeof (client as { fetch?: unknown }).fetch !== "function") return undefined;
          return delivery.deliver({ sessionId: "s1", request: DELIVERY_BODY }, call as never);
        });
      }),
      RUNS,
    );
  });

  it("createOdsClient and makeDecisions, with any options and call options", async () => {
    await fc.assert(
      fc.asyncProperty(options, options, async (client, call) => {
        await onlyValidationErrors(() => {
          const ods = createOdsClient({
            auth: { accessToken: "token", apiKey: "key" },
            imsOrgId: ORG,
            sandboxName: "prod",
            fetch: answer,
            ...client,
          } as never);
          if (typeof (client as { fetch?: unknown }).fetch !== "function") return undefined;
          return ods.makeDecisions(DECISION_BODY, call as never);
        });
      }),
      RUNS,
    );
  });

  it("createTargetClient, with any options", async () => {
    await fc.assert(
      fc.asyncProperty(options, async (client) => {
        await onlyValidationErrors(() => createTargetClient({ client: "acme", ...client } as never));
      }),
      RUNS,
    );
  });

  it("assertSafeHeaders, on any record of any strings", () => {
    fc.assert(
      fc.property(headers, (value) => {
        try {
          assertSafeHeaders(value as never, "headers");
        } catch (error) {
          expect(error, describeError(error)).toBeInstanceOf(ValidationError);
          return;
        }
        // What passed must be sendable: Headers accepts it.
        if (value && typeof value === "object") {
          const entries = Object.entries(value).filter(([, v]) => v !== undefined);
          expect(() => new Headers(entries as [string, string][])).not.toThrow();
        }
      }),
      RUNS,
    );
  });
});

describe("reading a response never throws anything untyped", () => {
  const contentType = fc.oneof(
    fc.constantFrom(
      undefined,
      "application/json",
      "application/json; charset=utf-8",
      "application/vnd.adobe.xdm+json",
      "application/problem+json",
      "text/html",
      "text/plain",
      "",
      ";",
      "application/json; charset=latin1",
    ),
    fc.stringMatching(/^[\x20-\x7e]{0,30}$/),
  );
  const body = fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.json({ maxDepth: 2 }).map((text) => new TextEncoder().encode(text)),
    fc.constantFrom("", "{", "null", "[]", '{"a":', "\u00ff\u00fe").map((text) => new TextEncoder().encode(text)),
  );
  const status = fc.constantFrom(200, 201, 202, 204, 400, 401, 404, 409, 422, 500, 503);

  function respond(bytes: Uint8Array, type: string | undefined, code: number) {
    const headers = new Headers();
    if (type !== undefined) headers.set("content-type", type);
    return () =>
      Promise.resolve(
        new Response(code === 204 || bytes.length === 0 ? null : bytes.slice(), { status: code, headers }),
      );
  }

  it("deliver, unwrap and the raw client: a result or an OfferkitError", async () => {
    await fc.assert(
      fc.asyncProperty(body, contentType, status, fc.boolean(), async (bytes, type, code, raw) => {
        const client = createDeliveryClient({ client: "acme", fetch: respond(bytes, type, code), retry: false });
        try {
          if (raw) {
            await unwrap(
              rawDelivery(client).POST("/rest/v1/delivery", {
                params: { query: { client: "acme", sessionId: "s1" } },
                body: DELIVERY_BODY,
              }),
            );
          } else {
            await unwrap(client.deliver({ sessionId: "s1", request: DELIVERY_BODY }));
          }
        } catch (error) {
          expect(error, describeError(error)).toBeInstanceOf(OfferkitError);
        }
      }),
      RUNS,
    );
  });
});
