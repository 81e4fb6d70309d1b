import { inspect } from "node:util";
import { FAKE_IMS_CLIENT, type FakeIms, startFakeIms } from "@offerkit/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  createImsTokenProvider,
  createTransport,
  ImsAuthError,
  NetworkError,
  platformAuth,
  staticToken,
  TimeoutError,
  ValidationError,
} from "../src/index.js";
import { startServer } from "./http-server.js";

let ims: FakeIms;
let api: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  ims = await startFakeIms();
  api = await startServer();
});
afterAll(async () => {
  await ims.close();
  await api.close();
});
afterEach(() => {
  vi.useRealTimers();
  ims.setDelay(0);
  ims.setExpiresIn(86_399);
  api.seen.length = 0;
});

const fast = { minDelay: 1, maxDelay: 5 };
const SECRET = FAKE_IMS_CLIENT.clientSecret;

function provider(overrides: Partial<Parameters<typeof createImsTokenProvider>[0]> = {}) {
  return createImsTokenProvider({ ...FAKE_IMS_CLIENT, imsHost: ims.url, retry: fast, ...overrides });
}

/**
 * A fake IMS of the test's own, answering after `delay` ms, closed when `run` ends. For tests that give up on a token
 * request: on a loaded machine the abandoned request can reach IMS after the next test began, and on the shared fake
 * it would take that test's scripted failure or count as one of its requests.
 */
async function withSlowIms(delay: number, run: (slow: FakeIms) => Promise<void>): Promise<void> {
  const slow = await startFakeIms();
  slow.setDelay(delay);
  try {
    await run(slow);
  } finally {
    await slow.close();
  }
}

/** Token requests made while `run` ran. */
async function countTokenRequests(run: () => Promise<unknown>): Promise<number> {
  const before = ims.requests.length;
  await run();
  return ims.requests.length - before;
}

/** Everything an error could leak through: message, stack, enumerable fields and the whole cause chain. */
function everythingIn(value: unknown): string {
  return `${inspect(value, { depth: 10, showHidden: true })} ${JSON.stringify(value) ?? ""}`;
}

describe("IMS token provider", () => {
  it("asks IMS for a client-credentials token with a form body, never with the secret in the URL", async () => {
    const tokens = provider({ scopes: "openid, AdobeID" });
    const token = await tokens.getToken();
    expect(token).toBe(ims.issued.at(-1));
    expect(ims.requests.at(-1)).toEqual({
      contentType: "application/x-www-form-urlencoded",
      grantType: "client_credentials",
      clientId: FAKE_IMS_CLIENT.clientId,
      scope: "openid,AdobeID",
      secretInQuery: false,
    });
    expect(tokens.endpoint).toBe(`${ims.url}/ims/token/v3`);
  });

  it("reuses the token until shortly before it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    ims.setExpiresIn(3600); // the margin becomes 5 minutes
    const tokens = provider();
    expect(await countTokenRequests(() => tokens.getToken())).toBe(1);
    const first = await tokens.getToken();
    vi.advanceTimersByTime(54 * 60_000);
    expect(await countTokenRequests(() => tokens.getToken())).toBe(0);
    vi.advanceTimersByTime(2 * 60_000); // 4 minutes before expiry
    const second = await tokens.getToken();
    expect(second).not.toBe(first);
    expect(ims.isAuthorized(`Bearer ${second}`)).toBe(true);
  });

  it("keeps short-lived tokens for nine tenths of their life", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    ims.setExpiresIn(100);
    const tokens = provider();
    await tokens.getToken();
    vi.advanceTimersByTime(89_000);
    expect(await countTokenRequests(() => tokens.getToken())).toBe(0);
    vi.advanceTimersByTime(2_000);
    expect(await countTokenRequests(() => tokens.getToken())).toBe(1);
  });

  it("sends one token request for 1,000 concurrent callers", async () => {
    ims.setDelay(30);
    const tokens = provider();
    let results: string[] = [];
    const made = await countTokenRequests(async () => {
      results = await Promise.all(Array.from({ length: 1000 }, () => tokens.getToken()));
    });
    expect(made).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it("says the credentials are wrong when IMS refuses the secret, without the secret", async () => {
    const tokens = provider({ clientSecret: "wrong-secret-value" });
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImsAuthError);
    expect(error).toMatchObject({
      reason: "invalid_credentials",
      status: 401,
      imsError: "invalid_client",
      endpoint: `${ims.url}/ims/token/v3`,
    });
    expect((error as Error).message).toMatch(/refused the client credentials.*clientSecret/);
    expect(everythingIn(error)).not.toContain("wrong-secret-value");
  });

  it("says the credentials are wrong for an unknown client id", async () => {
    const error = await provider({ clientId: "nobody" })
      .getToken()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "invalid_credentials", status: 400, imsError: "invalid_client" });
  });

  it("says which scopes problem it is", async () => {
    const error = await provider({ scopes: ["openid", "not_granted"] })
      .getToken()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "invalid_scope", imsError: "invalid_scope" });
    expect((error as Error).message).toMatch(/scopes/);
  });

  it("blanks the secret if IMS ever echoes it in a description", async () => {
    ims.failNext(400, { error: "invalid_request", error_description: `bad value ${SECRET}` });
    const error = await provider()
      .getToken()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "rejected", imsErrorDescription: "bad value [redacted]" });
    expect(everythingIn(error)).not.toContain(SECRET);
  });

  it("retries an IMS outage, then says IMS is down rather than blaming the credentials", async () => {
    ims.failNext(503, { error: "temporarily_unavailable" }, 3);
    const tokens = provider();
    let error: unknown;
    const made = await countTokenRequests(async () => {
      error = await tokens.getToken().catch((e: unknown) => e);
    });
    expect(made).toBe(3);
    expect(error).toBeInstanceOf(ImsAuthError);
    expect(error).toMatchObject({ reason: "unavailable", status: 503 });
    expect((error as Error).message).toMatch(/unavailable; the credentials were not checked/);
  });

  it("recovers from a brief outage within its retries", async () => {
    ims.failNext(502, "<html>Bad gateway</html>");
    expect(await provider().getToken()).toBe(ims.issued.at(-1));
  });

  it("says IMS is unreachable, keeping the network error as the cause", async () => {
    const tokens = provider({ imsHost: "http://127.0.0.1:1", retry: false });
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "unavailable" });
    expect((error as ImsAuthError).cause).toBeInstanceOf(NetworkError);
    expect(everythingIn(error)).not.toContain(SECRET);
  });

  it("says IMS is unavailable when it is too slow", async () => {
    await withSlowIms(300, async (slow) => {
      const error = await provider({ timeout: 50, imsHost: slow.url })
        .getToken()
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: "unavailable" });
      expect((error as ImsAuthError).cause).toBeInstanceOf(TimeoutError);
    });
  });

  it.each([
    ["a 2xx that is not JSON", 200, "<html>login</html>"],
    ["a token without expiry", 200, { access_token: "abc", token_type: "bearer" }],
    ["a token with a line break", 200, { access_token: "abc\r\nx-evil: 1", expires_in: 100 }],
  ])("refuses %s as an unexpected response", async (_name, status, body) => {
    ims.failNext(status, body);
    const error = await provider()
      .getToken()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "unexpected_response", status: 200 });
  });

  it("does not cache a failure: the next call asks IMS again", async () => {
    ims.failNext(401, { error: "invalid_client" });
    const tokens = provider();
    await expect(tokens.getToken()).rejects.toBeInstanceOf(ImsAuthError);
    expect(await tokens.getToken()).toBe(ims.issued.at(-1));
  });

  it("keeps using a still-valid token when IMS is down at refresh time", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    ims.setExpiresIn(3600);
    const tokens = provider({ retry: false });
    const first = await tokens.getToken();
    vi.advanceTimersByTime(58 * 60_000);
    ims.failNext(503);
    expect(await tokens.getToken()).toBe(first);
    vi.advanceTimersByTime(3 * 60_000); // now really expired
    ims.failNext(503);
    await expect(tokens.getToken()).rejects.toMatchObject({ reason: "unavailable" });
  });

  it("does not fall back to a token the API refused while IMS was being asked", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    ims.setExpiresIn(3600);
    const tokens = provider({ retry: false });
    const refused = await tokens.getToken();
    vi.advanceTimersByTime(58 * 60_000);
    ims.setDelay(30);
    ims.failNext(503);
    const refreshing = tokens.getToken();
    tokens.invalidate(refused);
    await expect(refreshing).rejects.toMatchObject({ reason: "unavailable" });
  });

  it("lets one caller stop waiting without cancelling the shared request", async () => {
    ims.setDelay(100);
    const tokens = provider();
    const controller = new AbortController();
    const abandoned = tokens.getToken({ signal: controller.signal });
    const patient = tokens.getToken();
    controller.abort(new Error("user left"));
    await expect(abandoned).rejects.toBeInstanceOf(AbortError);
    await expect(abandoned).rejects.toMatchObject({ cause: new Error("user left") });
    expect(await patient).toBe(ims.issued.at(-1));
  });

  it("forgets a refused token so the next caller gets a new one, once", async () => {
    const tokens = provider();
    const first = await tokens.getToken();
    expect(tokens.invalidate(first)).toBe(true);
    const second = await tokens.getToken();
    expect(second).not.toBe(first);
    // A late 401 for the old token must not throw away the new one.
    tokens.invalidate(first);
    expect(await countTokenRequests(() => tokens.getToken())).toBe(0);
  });

  it("keeps the secret out of its own printout", () => {
    const tokens = provider();
    expect(everythingIn(tokens)).not.toContain(SECRET);
    expect(Object.keys(tokens)).not.toContain("clientSecret");
  });

  it.each([
    [{ clientId: "" }, "clientId"],
    [{ clientSecret: undefined }, "clientSecret"],
    [{ scopes: [] }, "scopes"],
    [{ scopes: "openid,read orgs" }, "scopes"],
    [{ imsHost: "ims-na1.adobelogin.com" }, "imsHost"],
    [{ refreshMargin: -1 }, "refreshMargin"],
  ])("refuses bad options %o naming %s", (overrides, field) => {
    const error = (() => {
      try {
        createImsTokenProvider({ ...FAKE_IMS_CLIENT, ...(overrides as object) });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
  });
});

describe("static token", () => {
  it("hands out the same token and cannot be refreshed", async () => {
    const tokens = staticToken("abc.def");
    expect(await tokens.getToken()).toBe("abc.def");
    expect(tokens.invalidate("abc.def")).toBe(false);
  });

  it("refuses a token that would break the header, without echoing it", () => {
    expect(() => staticToken("abc\r\nx-injected: yes")).toThrow(ValidationError);
    try {
      staticToken("abc\r\nx-injected: yes");
    } catch (error) {
      expect((error as Error).message).not.toContain("x-injected");
    }
  });
});

describe("platform auth through the transport", () => {
  const identity = { imsOrgId: "0123456789ABCDEF01234567@AdobeOrg", sandboxName: "prod" };

  /** A Platform-like API: 401 unless the bearer token is one the fake IMS issued and still honours. */
  function protectedApi() {
    api.handle((req, res) => {
      const ok = ims.isAuthorized(req.headers.authorization);
      res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
      res.end(JSON.stringify(ok ? { ok: true } : { error_code: "401013", message: "Oauth token is not valid" }));
    });
  }

  function transport(credentials: Parameters<typeof platformAuth>[0]["credentials"], sandboxId?: string) {
    return createTransport({
      retry: fast,
      auth: platformAuth({ credentials, ...identity, sandboxId }),
    });
  }

  it("adds the bearer token, API key, org and sandbox headers to each request", async () => {
    protectedApi();
    const send = transport({ ...FAKE_IMS_CLIENT, imsHost: ims.url }, "sb-1");
    const response = await send(new Request(`${api.url}/data`));
    expect(response.status).toBe(200);
    const headers = api.seen.at(-1)?.headers;
    expect(headers?.authorization).toBe(`Bearer ${ims.issued.at(-1)}`);
    expect(headers).toMatchObject({
      "x-api-key": FAKE_IMS_CLIENT.clientId,
      "x-gw-ims-org-id": identity.imsOrgId,
      "x-sandbox-name": "prod",
      "x-sandbox-id": "sb-1",
    });
  });

  it("lets a call choose its own sandbox but never its own Authorization", async () => {
    protectedApi();
    const send = transport({ accessToken: "static-token", apiKey: "key" });
    await send(new Request(`${api.url}/data`, { headers: { "x-sandbox-name": "dev", authorization: "Bearer x" } }));
    expect(api.seen.at(-1)?.headers).toMatchObject({ "x-sandbox-name": "dev", authorization: "Bearer static-token" });
  });

  it("gets a new token and sends again once when the API answers 401, keeping the body", async () => {
    protectedApi();
    const tokens = provider();
    const send = transport({ tokenProvider: tokens, apiKey: FAKE_IMS_CLIENT.clientId });
    const revoked = await tokens.getToken();
    ims.revoke(revoked);
    const made = await countTokenRequests(async () => {
      const response = await send(
        new Request(`${api.url}/data`, {
          method: "POST",
          body: '{"a":1}',
          headers: { "content-type": "application/json" },
        }),
      );
      expect(response.status).toBe(200);
    });
    expect(made).toBe(1);
    expect(api.seen.map((r) => [r.headers.authorization, r.body])).toEqual([
      [`Bearer ${revoked}`, '{"a":1}'],
      [`Bearer ${ims.issued.at(-1)}`, '{"a":1}'],
    ]);
  });

  it("sends again only once when the API keeps answering 401, and returns that answer", async () => {
    api.handle((_req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end('{"error_code":"401013","message":"Oauth token is not valid"}');
    });
    const send = transport({ ...FAKE_IMS_CLIENT, imsHost: ims.url });
    const response = await send(new Request(`${api.url}/data`));
    expect(response.status).toBe(401);
    expect(api.seen).toHaveLength(2);
  });

  it("does not send again with a fixed token, which a 401 cannot fix", async () => {
    protectedApi();
    const response = await transport({ accessToken: "not-issued", apiKey: "key" })(new Request(`${api.url}/data`));
    expect(response.status).toBe(401);
    expect(api.seen).toHaveLength(1);
  });

  it("refreshes once for 50 concurrent calls that all meet a revoked token", async () => {
    protectedApi();
    const tokens = provider();
    const send = transport({ tokenProvider: tokens, apiKey: FAKE_IMS_CLIENT.clientId });
    ims.revoke(await tokens.getToken());
    const made = await countTokenRequests(async () => {
      const responses = await Promise.all(Array.from({ length: 50 }, () => send(new Request(`${api.url}/data`))));
      expect(responses.every((r) => r.status === 200)).toBe(true);
    });
    expect(made).toBe(1);
  });

  it("counts the token request against the call's timeout", async () => {
    protectedApi();
    await withSlowIms(500, async (slow) => {
      const send = createTransport({
        timeout: 50,
        auth: platformAuth({ credentials: { ...FAKE_IMS_CLIENT, imsHost: slow.url }, ...identity }),
      });
      await expect(send(new Request(`${api.url}/data`))).rejects.toBeInstanceOf(TimeoutError);
      expect(api.seen).toHaveLength(0);
    });
  });

  it("stops waiting for the token when the caller aborts", async () => {
    await withSlowIms(500, async (slow) => {
      const send = transport({ ...FAKE_IMS_CLIENT, imsHost: slow.url });
      const controller = new AbortController();
      const pending = send(new Request(`${api.url}/data`, { signal: controller.signal }));
      controller.abort();
      await expect(pending).rejects.toBeInstanceOf(AbortError);
    });
  });

  it("passes IMS failures to the caller as they are, without the secret", async () => {
    const send = transport({ ...FAKE_IMS_CLIENT, clientSecret: "rotated-away", imsHost: ims.url });
    const error = await send(new Request(`${api.url}/data`)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ImsAuthError", reason: "invalid_credentials" });
    expect(everythingIn(error)).not.toContain("rotated-away");
    expect(api.seen).toHaveLength(0);
  });

  it.each([
    [{ credentials: undefined }, "auth"],
    [{ credentials: { accessToken: "t" } }, "auth.apiKey"],
    [{ credentials: { accessToken: "t\nx", apiKey: "k" } }, "auth.accessToken"],
    [{ credentials: { tokenProvider: {}, apiKey: "k" } }, "auth.tokenProvider"],
    [{ credentials: { clientId: "c", clientSecret: "s", scopes: "" } }, "auth.scopes"],
    [{ imsOrgId: "" }, "imsOrgId"],
    [{ sandboxName: undefined }, "sandboxName"],
    [{ sandboxName: "prod\r\nx-evil: 1" }, "sandboxName"],
  ])("refuses %o naming %s", (overrides, field) => {
    const options = { credentials: { accessToken: "t", apiKey: "k" }, ...identity, ...overrides };
    expect(() => platformAuth(options as Parameters<typeof platformAuth>[0])).toThrow(
      expect.objectContaining({ name: "ValidationError", field }),
    );
  });
});
