// A real browser: Debian's chromium, driven by playwright-core (which never downloads a browser), loads a page
// bundled from @offerkit/delivery and the facade's Target part, which calls Prism across origins (CORS). The test
// reads what the page shows.
import { existsSync } from "node:fs";
import { type PrismMock, startPrismMock } from "@offerkit/testkit";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, type LocalServer, startSilentServer, startStaticServer } from "./servers.js";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let browser: Browser | undefined;
let prism: PrismMock | undefined;
let silent: LocalServer | undefined;
let site: LocalServer | undefined;
let shown: Record<string, string> = {};
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  }
  const script = await bundle("page.ts", { platform: "browser", format: "iife" });
  [prism, silent, site] = await Promise.all([
    startPrismMock({ spec: "delivery", cors: true }),
    startSilentServer(),
    startStaticServer({
      "/": {
        type: "text/html",
        body: '<!doctype html><html><head><title>offerkit</title></head><body><script src="/page.js"></script></body></html>',
      },
      "/page.js": { type: "text/javascript", body: script },
    }),
  ]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const query = new URLSearchParams({ delivery: prism.url, silent: silent.url });
  await page.goto(`${site.url}/?${query}`);
  await page.waitForSelector("body[data-done=true]", { timeout: 60_000 });
  shown = Object.fromEntries(
    await page.$$eval("output", (outputs) => outputs.map((output) => [output.id, output.textContent ?? ""])),
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([prism?.close(), silent?.close(), site?.close()]);
});

describe("in Chromium", () => {
  it("runs the page without an uncaught error", () => {
    expect(pageErrors).toEqual([]);
    expect(Object.keys(shown)).toEqual(["deliver", "getOffers", "timeout", "abort"]);
  });

  it("calls Target Delivery across origins and shows the decided options", () => {
    expect(shown.deliver).toBe("deliver: 1 options, the first of type html");
  });

  it("gets offers through the facade, with the mbox cookie to set", () => {
    expect(shown.getOffers).toBe("getOffers: cookie mbox, 3 mboxes");
  });

  it("ends a call that gets no answer at its timeout, with a TimeoutError", () => {
    expect(shown.timeout).toMatch(/^TimeoutError after (0\.[3-9]|[1-4]\.\d) s$/);
  });

  it("ends a call when the caller aborts, with an AbortError", () => {
    expect(shown.abort).toMatch(/^AbortError after (0\.[1-9]|[1-4]\.\d) s$/);
  });
});
