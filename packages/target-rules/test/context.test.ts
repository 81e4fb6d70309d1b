import { describe, expect, it } from "vitest";
import { parseDomainDefault } from "../src/index.js";
import { pageContext, splitUrl } from "../src/url.js";
import { userContext } from "../src/user-agent.js";

describe("splitUrl", () => {
  it("splits URLs leniently, keeping case and encoding", () => {
    expect(splitUrl("http://local-target-test:8080/home?bar=true#hello")).toEqual({
      host: "local-target-test",
      path: "/home",
      query: "bar=true",
      fragment: "hello",
    });
    expect(splitUrl("https://user:pw@Shop.Example.CO.UK/A%20b?x=Y")).toEqual({
      host: "Shop.Example.CO.UK",
      path: "/A%20b",
      query: "x=Y",
      fragment: "",
    });
    expect(splitUrl("https://host#frag?not-query")).toEqual({
      host: "host",
      path: "",
      query: "",
      fragment: "frag?not-query",
    });
    expect(splitUrl("adobe.com/path")).toEqual({ host: "adobe.com", path: "/path", query: "", fragment: "" });
    expect(splitUrl("")).toEqual({ host: "", path: "", query: "", fragment: "" });
  });
});

describe("parseDomainDefault", () => {
  it("splits registrable domain and public suffix with its small built-in list", () => {
    expect(parseDomainDefault("www.adobe.com")).toEqual({ domain: "adobe.com", subdomain: "", topLevelDomain: "com" });
    expect(parseDomainDefault("pied.piper.decentralized.test.hooli.com")).toEqual({
      domain: "hooli.com",
      subdomain: "pied.piper.decentralized.test",
      topLevelDomain: "com",
    });
    expect(parseDomainDefault("www.shop.example.co.uk")).toEqual({
      domain: "example.co.uk",
      subdomain: "shop",
      topLevelDomain: "co.uk",
    });
    expect(parseDomainDefault("co.uk")).toEqual({ domain: "co.uk", subdomain: "", topLevelDomain: "uk" });
    expect(parseDomainDefault("local-target-test")).toEqual({
      domain: "local-target-test",
      subdomain: "",
      topLevelDomain: "",
    });
    expect(parseDomainDefault("127.0.0.1")).toEqual({ domain: "127.0.0.1", subdomain: "", topLevelDomain: "" });
  });
});

describe("pageContext", () => {
  it("gives every part and its lower-case copy, through the public-suffix hook", () => {
    const page = pageContext("https://WWW.Example.com/Path?Q=1#F", parseDomainDefault);
    expect(page).toEqual({
      url: "https://WWW.Example.com/Path?Q=1#F",
      path: "/Path",
      query: "Q=1",
      fragment: "F",
      domain: "example.com",
      subdomain: "",
      topLevelDomain: "com",
      url_lc: "https://www.example.com/path?q=1#f",
      path_lc: "/path",
      query_lc: "q=1",
      fragment_lc: "f",
      domain_lc: "example.com",
      subdomain_lc: "",
      topLevelDomain_lc: "com",
    });
    const hooked = pageContext("http://a.b.example.net/", () => ({ domain: "D", subdomain: "S", topLevelDomain: "T" }));
    expect([hooked.domain, hooked.subdomain_lc, hooked.topLevelDomain]).toEqual(["D", "s", "T"]);
    expect(pageContext(undefined, parseDomainDefault).url).toBe("");
  });
});

const UA = {
  chrome:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_3) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.163 Safari/537.36",
  firefox: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:73.0) Gecko/20100101 Firefox/73.0",
  safari:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0.5 Safari/605.1.15",
  mobileSafari:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 13_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0.5 Mobile/15E148 Safari/604.1",
  edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
  ie8: "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0)",
  android:
    "Mozilla/5.0 (Linux; Android 10; SM-G973F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/83.0.4103.106 Mobile Safari/537.36",
  linux: "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0",
};

describe("userContext", () => {
  it("names browser, major version and platform from the user agent", () => {
    const of = (ua: string) => {
      const user = userContext(ua, undefined);
      return `${user.browserType} ${user.browserVersion} ${user.platform}`;
    };
    expect(of(UA.chrome)).toBe("chrome 80 mac");
    expect(of(UA.firefox)).toBe("firefox 73 windows");
    expect(of(UA.safari)).toBe("safari 13 mac");
    expect(of(UA.mobileSafari)).toBe("mobile safari 13 iOS");
    expect(of(UA.edge)).toBe("edge 120 windows");
    expect(of(UA.ie11)).toBe("ie 11 windows");
    expect(of(UA.ie8)).toBe("ie 8 windows");
    expect(of(UA.android)).toBe("chrome 83 Android");
    expect(of(UA.linux)).toBe("firefox 115 linux");
    expect(of("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0)")).toBe("unknown -1 Unix");
    expect(of("")).toBe("unknown -1 unknown");
    expect(userContext(UA.chrome, undefined).locale).toBe("en");
  });

  it("lets client hints name the browser and platform", () => {
    const user = userContext(UA.chrome, {
      platform: "Windows",
      browserUAWithFullVersion: '"Microsoft Edge";v="101.0.1210.53", "Chromium";v="101.0.4951.67"',
    });
    expect(user).toMatchObject({ browserType: "edge", browserVersion: 101, platform: "windows" });
    expect(userContext(undefined, { platform: "macOS" }).platform).toBe("mac");
    expect(userContext(undefined, { platform: "Chrome OS" }).platform).toBe("Chrome OS");
    expect(userContext(UA.firefox, { browserUAWithMajorVersion: '"Not A;Brand";v="99"' }).browserType).toBe("firefox");
  });
});
