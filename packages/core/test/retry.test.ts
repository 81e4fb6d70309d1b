import { describe, expect, it } from "vitest";
import { isRetryableStatus, parseRetryAfter } from "../src/internal.js";
import { backoffDelay, DEFAULT_RETRY } from "../src/transport/retry-policy.js";
import { omitUndefined } from "../src/transport/transport.js";

describe("retry policy", () => {
  it("classifies statuses", () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 304, 400, 401, 403, 404, 409, 422, 501, 505].some(isRetryableStatus)).toBe(false);
  });

  it("parses Retry-After seconds and dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("backs off exponentially, capped, with jitter in the upper half", () => {
    const policy = { ...DEFAULT_RETRY, minDelay: 100, maxDelay: 1000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
    expect(backoffDelay(10, policy, () => 0)).toBe(500);
  });
});

describe("omitUndefined", () => {
  it("drops only undefined values, so an explicit undefined never overrides a default", () => {
    expect(omitUndefined({ a: 1, b: undefined, c: null, d: 0, e: "" })).toEqual({ a: 1, c: null, d: 0, e: "" });
    expect({ timeout: 10, ...omitUndefined({ timeout: undefined }) }).toEqual({ timeout: 10 });
    expect(omitUndefined(undefined)).toBeUndefined();
  });
});
