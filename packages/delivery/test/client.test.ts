import { ApiError, TimeoutError, UnexpectedResponseError, unwrap, ValidationError } from "@offerkit/core";
import { expectedUserAgent, fakeFetch, jsonResponse } from "@offerkit/testkit";
import { describe, expect, it } from "vitest";
import { createDeliveryClient, type DeliveryRequest, VERSION } from "../src/index.js";
import { validation } from "../src/validation.js";

const request: DeliveryRequest = {
  id: { tntId: "6f1c0d2e9b8a4f57a1c3d9e4b2a7c801.28_0" },
  context: { channel: "web", address: { url: "https://shop.example.com/" } },
  property: { token: "00000000-0000-0000-0000-000000000000" },
  prefetch: { mboxes: [{ index: 1, name: "hero-banner", parameters: { tier: "gold" } }] },
};

const okBody = { status: 200, requestId: "r-1", client: "acme", edgeHost: "mboxedge28.tt.omtrdc.net" };

describe("the wire request", () => {
  it("is exactly one POST with the account, session, JSON body and user agent", async () => {
    const fetch = fakeFetch(() => jsonResponse(okBody));
    const target = createDeliveryClient({ client: "acme", fetch });
    const { data } = await target.deliver({ sessionId: "s-1", request });

    expect(data).toEqual(okBody);
    expect(fetch.requests).toEqual([
      {
        method: "POST",
        url: "https://acme.tt.omtrdc.net/rest/v1/delivery?client=acme&sessionId=s-1",
        headers: { "content-type": "application/json", "user-agent": expectedUserAgent("delivery", VERSION) },
        body: JSON.stringify(request),
      },
    ]);
  });

  it("sends imsOrgId the way Adobe's SDK does, and both identifiers when given", async () => {
    const fetch = fakeFetch(() => jsonResponse(okBody));
    await createDeliveryClient({
      imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
      serverDomain: "t.example.com",
      fetch,
    }).deliver({ sessionId: "s-2", request, version: "2.11.4" });
    await createDeliveryClient({ client: "acme", imsOrgId: "0123456789ABCDEF01234567@AdobeOrg", fetch }).deliver({
      sessionId: "s-3",
      request,
    });
    expect(fetch.requests.map((r) => r.url)).toEqual([
      "https://t.example.com/rest/v1/delivery?imsOrgId=0123456789ABCDEF01234567%40AdobeOrg&sessionId=s-2&version=2.11.4",
      "https://acme.tt.omtrdc.net/rest/v1/delivery?client=acme&imsOrgId=0123456789ABCDEF01234567%40AdobeOrg&sessionId=s-3",
    ]);
  });

  it("routes one call to an edge cluster and adds per-call headers", async () => {
    const fetch = fakeFetch(() => jsonResponse(okBody));
    const target = createDeliveryClient({ client: "acme", fetch, headers: { "x-team": "web" } });
    await target.deliver(
      { sessionId: "s-4", request },
      { baseUrl: "https://mboxedge31.tt.omtrdc.net/", headers: { "X-Request-Id": "req-9" } },
    );
    expect(fetch.last.url).toBe("https://mboxedge31.tt.omtrdc.net/rest/v1/delivery?client=acme&sessionId=s-4");
    expect(fetch.last.headers).toMatchObject({ "x-team": "web", "x-request-id": "req-9" });
    expect(target.baseUrl).toBe("https://acme.tt.omtrdc.net");
  });

  it("keeps its host in the form a Request gives it, whichever way it was named", async () => {
    const fetch = fakeFetch(() => jsonResponse(okBody));
    const spellings = [
      [{ client: "Acme" }, "https://acme.tt.omtrdc.net"],
      [{ client: "acme", serverDomain: "Target.Example.com:443" }, "https://target.example.com"],
      [{ client: "acme", baseUrl: "HTTPS://MboxEdge31.tt.omtrdc.net:443/" }, "https://mboxedge31.tt.omtrdc.net"],
    ] as const;
    for (const [options, base] of spellings) {
      const target = createDeliveryClient({ ...options, fetch });
      expect(target.baseUrl).toBe(base);
      await target.deliver({ sessionId: "s-5", request });
      expect(fetch.last.url).toBe(`${base}/rest/v1/delivery?client=${options.client}&sessionId=s-5`);
    }
  });

  it("never retries a delivery POST by default, and does when told it is safe", async () => {
    const fetch = fakeFetch(() => jsonResponse({ status: 503, message: "busy" }, { status: 503 }));
    await createDeliveryClient({ client: "acme", fetch }).deliver({ sessionId: "s", request });
    expect(fetch.requests).toHaveLength(1);
    await createDeliveryClient({
      client: "acme",
      fetch,
      retry: { retryNonIdempotent: true, attempts: 2, minDelay: 1, maxDelay: 1 },
    }).deliver({ sessionId: "s", request });
    expect(fetch.requests).toHaveLength(3);
  });
});

describe("bad input is refused before any network call (with the opt-in full validation)", () => {
  const fetch = fakeFetch();
  const target = createDeliveryClient({ client: "acme", fetch, validation });

  async function refusal(run: () => Promise<unknown>) {
    const before = fetch.requests.length;
    const error = await run().catch((e: unknown) => e);
    expect(fetch.requests.length).toBe(before);
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }

  it.each([
    ["a missing session id", { request }, "query.sessionId", "present"],
    ["an empty session id", { sessionId: "", request }, "query.sessionId", "at least 1 character"],
    ["a session id with a slash", { sessionId: "a/b", request }, "query.sessionId", "matching"],
    ["a 129-character session id", { sessionId: "s".repeat(129), request }, "query.sessionId", "at most 128"],
    ["a missing body", { sessionId: "s" }, "body", "present"],
    ["a missing context", { sessionId: "s", request: {} }, "body.context", "present"],
    [
      "an unknown channel",
      { sessionId: "s", request: { context: { channel: "tv" } } },
      "body.context.channel",
      "one of web, mobile",
    ],
    [
      "51 customer ids",
      {
        sessionId: "s",
        request: {
          context: { channel: "web" },
          id: {
            customerIds: Array.from({ length: 51 }, (_, i) => ({
              id: `c${i}`,
              integrationCode: "crm",
              authenticatedState: "authenticated",
            })),
          },
        },
      },
      "body.id.customerIds",
      "at most 50 items",
    ],
    [
      "a profile. parameter key",
      {
        sessionId: "s",
        request: {
          context: { channel: "web" },
          execute: { mboxes: [{ index: 0, name: "m", parameters: { "profile.x": "1" } }] },
        },
      },
      "body.execute.mboxes[0].parameters",
      "",
    ],
    [
      "a notification without timestamp",
      { sessionId: "s", request: { context: { channel: "web" }, notifications: [{ id: "n", type: "display" }] } },
      "body.notifications[0].timestamp",
      "present",
    ],
    [
      "a notification for an mbox and a view at once",
      {
        sessionId: "s",
        request: {
          context: { channel: "web" },
          notifications: [{ id: "n", type: "display", timestamp: 1, mbox: { name: "m" }, view: { name: "v" } }],
        },
      },
      "body.notifications[0]",
      "without mbox and view together",
    ],
  ])("%s", async (_name, input, field, allowed) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed input, as untyped JavaScript callers send
    const error = await refusal(() => target.deliver(input as any));
    expect(error.field.startsWith(field)).toBe(true);
    expect(error.message).toContain(allowed);
  });

  it("refuses a body JSON cannot carry instead of throwing a bare TypeError", async () => {
    const screen: Record<string, unknown> = { width: 390 };
    screen.self = screen; // a cycle outside the fields the spec constrains
    const error = await refusal(() =>
      target.deliver({ sessionId: "s", request: { context: { channel: "web", screen } } as DeliveryRequest }),
    );
    expect(error.field).toBe("body");
  });

  it("refuses a header value that could smuggle in another header, naming only the header", async () => {
    const error = await refusal(() =>
      target.deliver({ sessionId: "s", request }, { headers: { "X-Request-Id": "a\r\nX-Evil: secret-value" } }),
    );
    expect(error.field).toBe("options.headers.X-Request-Id");
    expect(error.message).not.toContain("secret-value");
  });

  it("checks per-call headers against the spec's header limits", async () => {
    const error = await refusal(() =>
      target.deliver({ sessionId: "s", request }, { headers: { "X-Request-Id": "r".repeat(129) } }),
    );
    expect(error.field).toBe("header.x-request-id");
    expect(error.allowed).toBe("at most 128 characters");
  });

  it("refuses an origin with a query or another scheme", async () => {
    await refusal(() => target.deliver({ sessionId: "s", request }, { baseUrl: "https://x.test/?a=1" }));
    await refusal(() => target.deliver({ sessionId: "s", request }, { baseUrl: "ftp://x.test" }));
  });

  it("refuses client options that cannot work", () => {
    expect(() => createDeliveryClient({})).toThrow(ValidationError);
    expect(() => createDeliveryClient({ client: "ac me" })).toThrow(/Invalid client/);
    expect(() => createDeliveryClient({ imsOrgId: "0123@AdobeOrg" })).toThrow(/Invalid baseUrl/);
    expect(() => createDeliveryClient({ client: "acme", serverDomain: "https://x.test/path" })).toThrow(
      /Invalid serverDomain/,
    );
    expect(() => createDeliveryClient({ client: "acme", headers: { "x-a": "1\n2" } })).toThrow(/headers.x-a/);
    expect(() => createDeliveryClient({ client: "acme", timeout: -5 })).toThrow(/Invalid timeout/);
  });
});

describe("answers", () => {
  it("keeps the status, request id and body of a 400", async () => {
    const body = { status: 400, message: "Invalid property token" };
    const fetch = fakeFetch(() => jsonResponse(body, { status: 400, headers: { "x-request-id": "edge-7" } }));
    const result = await createDeliveryClient({ client: "acme", fetch }).deliver({ sessionId: "s", request });
    expect(result.error).toEqual(body);
    expect(result.response.status).toBe(400);
    const error = await unwrap(result).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, requestId: "edge-7", body });
    expect((error as ApiError).message).toContain("Invalid property token");
  });

  it("gives no data for a beacon's 204", async () => {
    const fetch = fakeFetch(() => new Response(null, { status: 204 }));
    const result = await createDeliveryClient({ client: "acme", fetch }).deliver({
      sessionId: "s",
      request: { context: { channel: "web", beacon: true } },
    });
    expect(result.response.status).toBe(204);
    expect(result.data).toBeUndefined();
  });

  it("turns an HTML 200 from a proxy into a typed error", async () => {
    const fetch = fakeFetch(
      () => new Response("<html>captive portal</html>", { headers: { "content-type": "text/html" } }),
    );
    const error = await createDeliveryClient({ client: "acme", fetch })
      .deliver({ sessionId: "s", request })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 200, bodyStart: "<html>captive portal</html>" });
  });

  it("applies a per-call timeout and aborts", async () => {
    const fetch = fakeFetch(
      (req) =>
        new Promise<Response>((_resolve, reject) =>
          req.signal.addEventListener("abort", () => reject(req.signal.reason)),
        ),
    );
    const target = createDeliveryClient({ client: "acme", fetch, timeout: 60_000 });
    const error = await target.deliver({ sessionId: "s", request }, { timeout: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeout).toBe(30);
  });
});

describe("without the opt-in, every call still checks what the server cannot be trusted with", () => {
  const fetch = fakeFetch();
  const target = createDeliveryClient({ client: "acme", fetch });
  const context = { context: { channel: "web" as const } };

  it.each([
    ["a missing session id", { request: context }, "query.sessionId", "present"],
    ["a session id with a slash", { sessionId: "a/b", request: context }, "query.sessionId", "a string matching"],
    ["a 129-character session id", { sessionId: "s".repeat(129), request: context }, "query.sessionId", "at most 128"],
    ["a missing body", { sessionId: "s" }, "body", "present"],
    ["a body that is not an object", { sessionId: "s", request: [] }, "body", "an object"],
  ])("%s", async (_name, input, field, allowed) => {
    const error = await target.deliver(input as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect((error as ValidationError).allowed).toContain(allowed);
    expect(fetch.requests).toHaveLength(0);
  });

  it("refuses unsafe header values and leaves the rest of the body to the server", async () => {
    await expect(
      target.deliver({ sessionId: "s", request: context }, { headers: { "x-note": "a\r\nb" } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await target.deliver({ sessionId: "s", request: { context: { channel: "tv" } } as never });
    expect(JSON.parse(fetch.last.body)).toEqual({ context: { channel: "tv" } });
  });
});
