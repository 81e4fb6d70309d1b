// Every fault of the fault server x every entry point (client methods, /raw, facade, token request) x both transports.
import { ApiError, NetworkError, TimeoutError, UnexpectedResponseError } from "@offerkit/core";
import { type FaultName, type FaultServer, startFaultServer } from "@offerkit/testkit";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import {
  describeError,
  ENTRIES,
  type Entry,
  garbagePressure,
  isOurs,
  settle,
  TRANSPORT_NAMES,
  type TransportName,
} from "./harness.js";

/**
 * The deadline of most cells: short, so the matrix stays fast, yet long enough for a token request, a connection
 * and an answer on a 2-core box shared with other jobs (MATRIX_TIMEOUT and MATRIX_MARGIN override both).
 */
const TIMEOUT = Number(process.env.MATRIX_TIMEOUT ?? 2000);
/** How late a call may settle after its deadline: scheduling on a loaded 2-core CI box, not a design allowance. */
const MARGIN = Number(process.env.MATRIX_MARGIN ?? 1000);
const LIMIT = 64 * 1024;
const RETRY = { minDelay: 100, maxDelay: 200 } as const;

interface Cell {
  readonly fault: FaultName;
  readonly param?: string | number;
  /** The call's timeout (longer for faults that wait out a Retry-After). */
  readonly timeout?: number;
  /** Why this fault ends as it does, for the report. */
  readonly check: (result: Outcome, entry: Entry) => void;
  /** Whether the connection that carried the faulty answer must be closed by the client. */
  readonly socketClosed?: boolean;
  /** How many API requests the server must see (default 1). */
  readonly requests?: (entry: Entry) => number;
  /** Minimum gap between the first two requests, when there are two. */
  readonly gap?: number;
}

interface Outcome {
  readonly value?: unknown;
  readonly error?: unknown;
  readonly ms: number;
}

const retried = (entry: Entry) => (entry.idempotent ? 3 : 1);
const twiceIfRetried = (entry: Entry) => (entry.idempotent ? 2 : 1);

function succeeds(result: Outcome) {
  expect(result.error, describeError(result.error)).toBeUndefined();
  expect(result.value).toBeDefined();
}

function imsOr(entry: Entry, result: Outcome, ...names: string[]) {
  const allowed = entry.ims ? ["ImsAuthError", ...names] : names;
  expect(isOurs(result.error, ...allowed), describeError(result.error)).toBe(true);
}

function timedOut(result: Outcome, entry: Entry) {
  imsOr(entry, result, "TimeoutError");
  if (entry.ims) {
    expect((result.error as { reason?: unknown }).reason).toBe("unavailable");
  } else {
    expect(result.error).toBeInstanceOf(TimeoutError);
  }
  expect(result.ms).toBeGreaterThanOrEqual(TIMEOUT - 25);
}

function retryAfterHonoured(status: number) {
  return (result: Outcome, entry: Entry) => {
    if (entry.idempotent) return succeeds(result);
    // A POST is never sent twice: the 429/503 is the answer.
    expect(result.error, describeError(result.error)).toBeInstanceOf(ApiError);
    expect((result.error as ApiError).status).toBe(status);
  };
}

function unexpected(result: Outcome, entry: Entry) {
  imsOr(entry, result, "UnexpectedResponseError");
  if (!entry.ims) expect(result.error).toBeInstanceOf(UnexpectedResponseError);
  if (entry.ims) expect((result.error as { reason?: unknown }).reason).toBe("unexpected_response");
}

function tooLarge(requestId: string) {
  return (result: Outcome, entry: Entry) => {
    if (entry.ims && isOurs(result.error, "ImsAuthError")) {
      expect((result.error as { reason?: unknown }).reason).toBe("unexpected_response");
      return;
    }
    expect(isOurs(result.error, "ResponseTooLargeError"), describeError(result.error)).toBe(true);
    const error = result.error as unknown as Record<string, unknown>;
    expect(error.status).toBe(200);
    expect(error.limit).toBe(LIMIT);
    expect(error.requestId).toBe(requestId);
    expect(error.request).toMatchObject({
      method: expect.any(String),
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/),
    });
  };
}

/**
 * An empty 2xx: the methods promise JSON, so it is an `UnexpectedResponseError`. A raw call resolves as openapi-fetch
 * does (no `data`), and `unwrap` then refuses an empty 200 the same way but passes a 204 through (no content is
 * what a 204 promises).
 */
function emptyBody(status: 200 | 204) {
  return (result: Outcome, entry: Entry) => {
    if (entry.raw && status === 204) {
      expect(result.error, describeError(result.error)).toBeUndefined();
      expect(result.value).toBeUndefined();
      return;
    }
    unexpected(result, entry);
  };
}

const CELLS: readonly Cell[] = [
  { fault: "ok", check: succeeds },
  {
    fault: "reset-before-headers",
    // Three attempts and two backoff waits.
    timeout: TIMEOUT + 1_000,
    check: (result, entry) => {
      imsOr(entry, result, "NetworkError");
      if (!entry.ims) {
        expect(result.error).toBeInstanceOf(NetworkError);
        expect((result.error as NetworkError).attempts).toBe(retried(entry));
      }
    },
    requests: retried,
  },
  {
    fault: "reset-mid-body",
    check: (result, entry) => imsOr(entry, result, "UnexpectedResponseError", "NetworkError"),
    socketClosed: true,
  },
  { fault: "stall-after-headers", check: timedOut, socketClosed: true },
  { fault: "hang", check: timedOut, socketClosed: true },
  { fault: "endless-fast", check: tooLarge("endless-id"), socketClosed: true },
  { fault: "endless-slow", check: timedOut, socketClosed: true },
  {
    fault: "429-seconds",
    param: 1,
    timeout: TIMEOUT + 1_500,
    check: retryAfterHonoured(429),
    requests: twiceIfRetried,
    gap: 900,
  },
  {
    fault: "503-seconds",
    param: 1,
    timeout: TIMEOUT + 1_500,
    check: retryAfterHonoured(503),
    requests: twiceIfRetried,
    gap: 900,
  },
  {
    fault: "503-date",
    param: 2,
    timeout: TIMEOUT + 2_500,
    check: retryAfterHonoured(503),
    requests: twiceIfRetried,
    gap: 900,
  },
  {
    fault: "429-date",
    param: 2,
    timeout: TIMEOUT + 2_500,
    check: retryAfterHonoured(429),
    requests: twiceIfRetried,
    gap: 900,
  },
  // Malformed: never an immediate retry, the backoff (at least minDelay / 2) instead.
  {
    fault: "503-malformed",
    param: "-5",
    timeout: TIMEOUT + 1_000,
    check: retryAfterHonoured(503),
    requests: twiceIfRetried,
    gap: 45,
  },
  {
    fault: "503-malformed",
    param: "1.5",
    timeout: TIMEOUT + 1_000,
    check: retryAfterHonoured(503),
    requests: twiceIfRetried,
    gap: 45,
  },
  {
    fault: "429-malformed",
    param: "soon",
    timeout: TIMEOUT + 1_000,
    check: retryAfterHonoured(429),
    requests: twiceIfRetried,
    gap: 45,
  },
  {
    fault: "5xx-html",
    param: 503,
    timeout: TIMEOUT + 1_000,
    check: (result, entry) => {
      if (entry.ims) {
        expect(isOurs(result.error, "ImsAuthError"), describeError(result.error)).toBe(true);
        expect((result.error as { reason?: unknown }).reason).toBe("unavailable");
        return;
      }
      expect(result.error, describeError(result.error)).toBeInstanceOf(ApiError);
      expect((result.error as ApiError).status).toBe(503);
      expect(String((result.error as ApiError).body)).toContain("Service Unavailable");
    },
    requests: retried,
  },
  { fault: "truncated", check: unexpected, socketClosed: true },
  { fault: "empty-length-0", check: emptyBody(200) },
  { fault: "empty-chunked", check: emptyBody(200) },
  { fault: "empty-204", check: emptyBody(204) },
  { fault: "non-json", check: unexpected },
  { fault: "wrong-content-type", check: unexpected },
  { fault: "oversized", param: 256 * 1024, check: tooLarge("oversized-id"), socketClosed: true },
  // The IMS token request never follows a redirect: its form carries the client secret.
  { fault: "redirect-same", check: unlessIms(succeeds), requests: (entry) => (entry.ims ? 1 : 2) },
  { fault: "redirect-cross", check: unlessIms(succeeds) },
];

/** `check`, except for the IMS token request, which refuses every redirect as an unexpected answer, never retried. */
function unlessIms(check: Cell["check"]): Cell["check"] {
  return (result, entry) => {
    if (!entry.ims) return check(result, entry);
    expect(isOurs(result.error, "ImsAuthError"), describeError(result.error)).toBe(true);
    expect((result.error as { reason?: unknown }).reason).toBe("unexpected_response");
  };
}

let server: FaultServer;
let cross: FaultServer;
let stopPressure: () => void;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  cross = await startFaultServer();
  server = await startFaultServer({ crossOrigin: cross });
  process.on("unhandledRejection", onUnhandled);
  // Loads what the first call loads lazily (undici, on the Node transport), which would otherwise eat the first
  // cells' short deadlines.
  for (const transport of TRANSPORT_NAMES) {
    await Promise.all(
      ENTRIES.map((entry) =>
        entry.run({
          base: server.base("ok", undefined, "warm-up"),
          origin: () => server.originFor("ok", undefined, "warm-up"),
          imsHost: server.base("ok", undefined, "warm-up"),
          transport,
          options: { timeout: 10_000, retry: false, extra: {} },
        }),
      ),
    );
  }
  // Every cell runs under GC pressure: a deadline held only weakly (defect 1) is collected and the call hangs.
  stopPressure = garbagePressure();
});

afterAll(async () => {
  stopPressure?.();
  process.off("unhandledRejection", onUnhandled);
  await server?.close();
  await cross?.close();
  expect(unhandled).toEqual([]);
});

let tags = 0;

describe.concurrent.each(TRANSPORT_NAMES)("fault matrix on the %s transport", (transport: TransportName) => {
  for (const cell of CELLS) {
    const label = `${cell.fault}${cell.param === undefined ? "" : ` ${cell.param}`}`;
    describe.concurrent(label, () => {
      it.concurrent.each(ENTRIES.map((entry) => [entry.name, entry] as const))("%s", async (_, entry) => {
        const tag = `c${++tags}`;
        const timeout = cell.timeout ?? TIMEOUT;
        const base = server.base(cell.fault, cell.param, tag);
        onTestFinished(() => server.destroyTagged(tag));
        const result = await settle(() =>
          entry.run({
            base,
            origin: () => server.originFor(cell.fault, cell.param, tag),
            imsHost: server.base("ok", undefined, `${tag}-ims`),
            transport,
            options: { timeout, retry: RETRY, extra: { maxResponseBytes: LIMIT } },
          }),
        );
        if (process.env.MATRIX_DEBUG)
          console.log(
            transport,
            cell.fault,
            entry.name,
            Math.round(result.ms),
            describeError(result.error),
            server.requests.length,
            server.requestsTagged(tag).length,
            server.openSockets(),
          );
        // Settles within its deadline, plus scheduling slack.
        expect(result.ms, describeError(result.error)).toBeLessThanOrEqual(timeout + MARGIN);
        cell.check(result, entry);

        const api = server.requestsTagged(tag);
        const expected = cell.requests?.(entry) ?? 1;
        expect(
          api.map((request) => `${request.method} ${request.url}`),
          `requests the server saw for ${entry.name}`,
        ).toHaveLength(expected);
        if (cell.gap !== undefined && api.length >= 2) {
          const [first, second] = api;
          expect((second?.time ?? 0) - (first?.time ?? 0)).toBeGreaterThanOrEqual(cell.gap);
        }
        if (cell.fault === "redirect-cross") {
          const hops = cross.requests.filter((request) => request.tag === tag);
          expect(hops).toHaveLength(entry.ims ? 0 : 1);
          for (const name of ["authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name"]) {
            expect(hops[0]?.headers[name], `${name} followed a cross-origin redirect`).toBeUndefined();
          }
        }
        if (cell.socketClosed) {
          const sockets = api.map((request) => request.socket);
          expect(await server.waitForClosed(sockets, MARGIN), "the faulty connection was left open").toBe(true);
        }
        expect(unhandled).toEqual([]);
      });
    });
  }
});
