import { describe, expect, it } from "vitest";
import {
  clusterFromEdgeHost,
  clusterFromTntId,
  createLocationHintCookie,
  createTargetCookie,
  parseLocationHint,
  parseTargetCookie,
  serializeTargetCookie,
} from "../src/adobe-target/cookies.js";

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const SECONDS = NOW / 1000;

describe("createTargetCookie", () => {
  it("writes the session for 1860 s and the tnt id for 732 days; maxAge reaches the furthest expiry", () => {
    expect(createTargetCookie({ sessionId: "s-1", tntId: "abc.28_0" }, NOW)).toEqual({
      name: "mbox",
      value: `session#s-1#${SECONDS + 1860}|PC#abc.28_0#${SECONDS + 63_244_800}`,
      maxAge: 63_244_800,
    });
  });

  it("writes only the session when Target returned no tnt id", () => {
    expect(createTargetCookie({ sessionId: "s-1" }, NOW)).toEqual({
      name: "mbox",
      value: `session#s-1#${SECONDS + 1860}`,
      maxAge: 1860,
    });
  });

  it("rounds now up to whole seconds for expiries and maxAge up from the exact remainder", () => {
    const cookie = createTargetCookie({ sessionId: "s" }, NOW + 1);
    expect(cookie.value).toBe(`session#s#${SECONDS + 1 + 1860}`);
    expect(cookie.maxAge).toBe(1861);
  });

  it("URI-encodes names and values", () => {
    const cookie = serializeTargetCookie([{ name: "a b", value: "x|y#z", expires: SECONDS + 10 }], NOW);
    expect(cookie.value).toBe(`a%20b#x%7Cy%23z#${SECONDS + 10}`);
    expect(parseTargetCookie(cookie.value, NOW).entries["a b"]?.value).toBe("x|y#z");
  });
});

describe("parseTargetCookie", () => {
  it("reads what createTargetCookie writes", () => {
    const { value } = createTargetCookie({ sessionId: "s-1", tntId: "abc.28_0" }, NOW);
    expect(parseTargetCookie(value, NOW + 5000)).toMatchObject({
      sessionId: "s-1",
      tntId: "abc.28_0",
      problem: undefined,
    });
  });

  it("drops expired entries (an expired session is replaced by the caller) and lets later duplicates win", () => {
    const value = `session#old#${SECONDS - 1}|PC#t1.28_0#${SECONDS + 100}|PC#t2.31_1#${SECONDS + 100}`;
    expect(parseTargetCookie(value, NOW)).toMatchObject({ sessionId: undefined, tntId: "t2.31_1" });
  });

  it("keeps an entry whose expiry is exactly now (rounded up to seconds)", () => {
    expect(parseTargetCookie(`session#s#${SECONDS + 1}`, NOW + 1).sessionId).toBe("s");
  });

  it("keeps entries at.js writes that it does not use", () => {
    const value = `check#true#${SECONDS + 60}|session#s#${SECONDS + 60}`;
    expect(parseTargetCookie(value, NOW).entries.check?.value).toBe("true");
  });

  it("keeps entries named like Object's own properties as data, __proto__ included, and writes them back", () => {
    const value = `__proto__#p#${SECONDS + 60}|constructor#c#${SECONDS + 60}|session#s#${SECONDS + 60}|__proto__#q#${SECONDS + 60}`;
    const parsed = parseTargetCookie(value, NOW);
    expect(Object.keys(parsed.entries)).toEqual(["__proto__", "constructor", "session"]);
    expect(Object.getOwnPropertyDescriptor(parsed.entries, "__proto__")?.value).toEqual({
      name: "__proto__",
      value: "q",
      expires: SECONDS + 60,
    });
    expect(Object.getPrototypeOf(parsed.entries)).toBe(Object.prototype);
    expect(parsed.sessionId).toBe("s");
    const written = serializeTargetCookie(Object.values(parsed.entries), NOW).value;
    expect(written).toBe(`__proto__#q#${SECONDS + 60}|constructor#c#${SECONDS + 60}|session#s#${SECONDS + 60}`);
  });

  it.each([
    ["a truncated entry", `session#s-1#${SECONDS + 60}|PC#abc.28_0`],
    ["an entry with four fields", `session#s-1#${SECONDS + 60}#x`],
    ["a non-numeric expiry", `session#s-1#12ab`],
    ["bad percent-encoding", `session#%E0%A4%A#${SECONDS + 60}`],
    ["a session id Target refuses", `session#a%20b#${SECONDS + 60}`],
    ["a tnt id with two dots", `PC#a.b.28_0#${SECONDS + 60}`],
    ["a tnt id that is too long", `PC#${"a".repeat(129)}#${SECONDS + 60}`],
  ])("ignores the whole cookie for %s, and says why without quoting it", (_, value) => {
    const parsed = parseTargetCookie(value, NOW);
    expect(parsed).toMatchObject({ sessionId: undefined, tntId: undefined, entries: {} });
    expect(parsed.problem).toMatch(/mbox cookie/);
    expect(parsed.problem).not.toContain("s-1");
  });

  it("returns nothing for an absent or empty cookie, and never throws", () => {
    for (const value of [undefined, null, "", "|", "###", "%", 42 as unknown as string]) {
      expect(() => parseTargetCookie(value, NOW)).not.toThrow();
      expect(parseTargetCookie(value, NOW).sessionId).toBeUndefined();
    }
  });
});

describe("edge clusters", () => {
  it("reads the cluster from a tnt id shaped <id>.<cluster>_<node>", () => {
    expect(clusterFromTntId("d359234570e04f14e1faeeba02d6ab9914e.28_7")).toBe("28");
    expect(clusterFromTntId("abc")).toBeUndefined();
    expect(clusterFromTntId("abc.28")).toBeUndefined();
    expect(clusterFromTntId("abc._7")).toBeUndefined();
    expect(clusterFromTntId("abc.28_7_1")).toBeUndefined();
    expect(clusterFromTntId("a.b.28_7")).toBeUndefined();
    // Adobe's SDK would route this one to mboxedgeevil.tt.omtrdc.net; only cluster numbers become hosts here.
    expect(clusterFromTntId("abc.evil_7")).toBeUndefined();
  });

  it("reads the cluster from an edgeHost of exactly four labels", () => {
    expect(clusterFromEdgeHost("mboxedge28.tt.omtrdc.net")).toBe("28");
    expect(clusterFromEdgeHost("mboxedge1.dev.tt.omtrdc.net")).toBeUndefined();
    expect(clusterFromEdgeHost("acme.tt.omtrdc.net")).toBeUndefined();
    expect(clusterFromEdgeHost(undefined)).toBeUndefined();
  });

  it("accepts only cluster numbers as location hints", () => {
    expect(parseLocationHint("35")).toBe("35");
    for (const bad of ["", "x", "28.evil.com", "28 ", "-1", "123456", undefined, null]) {
      expect(parseLocationHint(bad)).toBeUndefined();
    }
    expect(createLocationHintCookie("35")).toEqual({ name: "mboxEdgeCluster", value: "35", maxAge: 1860 });
  });
});
