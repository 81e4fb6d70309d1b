import { describe, expect, it } from "vitest";
import { AbortError, PaginationError, ValidationError } from "../src/index.js";
import { paginate } from "../src/internal.js";

interface Page {
  readonly items: readonly number[];
  readonly next?: string | undefined;
}

/** A fake page source: pages by cursor, every request written down, each answer released by the test if wanted. */
function pageSource(pages: Readonly<Record<string, Page>>, options: { manual?: boolean } = {}) {
  const requests: (string | undefined)[] = [];
  const signals: AbortSignal[] = [];
  const waiting: (() => void)[] = [];
  const fetchPage = (cursor: string | undefined, { signal }: { signal: AbortSignal }) => {
    requests.push(cursor);
    signals.push(signal);
    const page = pages[cursor ?? "first"];
    if (!page) return Promise.reject(new Error(`no page ${cursor}`));
    if (!options.manual) return Promise.resolve(page);
    return new Promise<Page>((resolve, reject) => {
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      waiting.push(() => resolve(page));
    });
  };
  return {
    requests,
    signals,
    /** Lets the oldest request still waiting answer. */
    release: () => waiting.shift()?.(),
    options: { fetchPage, nextCursor: (page: Page) => page.next, itemsOf: (page: Page) => page.items },
  };
}

const threePages = {
  first: { items: [1, 2], next: "c2" },
  c2: { items: [3, 4], next: "c3" },
  c3: { items: [5] },
};

/** Lets every settled promise run its callbacks. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("paginate", () => {
  it("fetches each page once, in order, and stops on the page without a cursor", async () => {
    const source = pageSource(threePages);
    const seen: Page[] = [];
    for await (const page of paginate(source.options)) seen.push(page);
    expect(seen).toEqual([threePages.first, threePages.c2, threePages.c3]);
    expect(source.requests).toEqual([undefined, "c2", "c3"]);
  });

  it("fetches nothing until iteration starts, and a page only when the caller asks for it", async () => {
    const source = pageSource(threePages);
    const pages = paginate(source.options);
    await settle();
    expect(source.requests).toEqual([]);
    await pages.next();
    await settle();
    expect(source.requests).toEqual([undefined]);
  });

  it("treats null and an empty string as the last page", async () => {
    for (const next of [null, ""]) {
      const source = pageSource({ first: { items: [1] } });
      const pages = paginate({ ...source.options, nextCursor: () => next });
      expect(await pages.toArray({ limit: 10 })).toEqual([1]);
      expect(source.requests).toEqual([undefined]);
    }
  });

  it("stops on a cursor it has seen before instead of looping", async () => {
    const source = pageSource({
      first: { items: [1], next: "a" },
      a: { items: [2], next: "b" },
      b: { items: [3], next: "a" },
    });
    expect(await paginate(source.options).toArray({ limit: Number.POSITIVE_INFINITY })).toEqual([1, 2, 3]);
    expect(source.requests).toEqual([undefined, "a", "b"]);
  });

  it("stops on the same cursor twice in a row", async () => {
    const source = pageSource({ first: { items: [1], next: "a" }, a: { items: [2], next: "a" } });
    expect(await paginate(source.options).toArray({ limit: Number.POSITIVE_INFINITY })).toEqual([1, 2]);
    expect(source.requests).toEqual([undefined, "a"]);
  });

  it("follows thousands of distinct cursors to the end, and stops on a cycle back to an early page", async () => {
    const count = 5000;
    const pages: Record<string, Page> = { first: { items: [0], next: "/list?start=1" } };
    for (let index = 1; index < count; index++) {
      // The last page links back to the second one.
      pages[`/list?start=${index}`] = { items: [index], next: `/list?start=${index + 1 < count ? index + 1 : 2}` };
    }
    const source = pageSource(pages);
    const items = await paginate({ ...source.options, prefetch: true }).toArray({ limit: Number.POSITIVE_INFINITY });
    expect(items).toEqual(Array.from({ length: count }, (_, index) => index));
    expect(source.requests).toHaveLength(count);
    expect(new Set(source.requests).size).toBe(count);
  });

  it("sends no further request when the caller leaves the loop", async () => {
    const source = pageSource(threePages);
    for await (const page of paginate(source.options)) {
      expect(page).toBe(threePages.first);
      break;
    }
    await settle();
    expect(source.requests).toEqual([undefined]);
  });

  it("passes a failed page on to the caller and stops", async () => {
    const source = pageSource({ first: { items: [1], next: "missing" } });
    const pages = paginate(source.options);
    expect((await pages.next()).value).toEqual({ items: [1], next: "missing" });
    await expect(pages.next()).rejects.toThrow("no page missing");
    expect(await pages.next()).toEqual({ done: true, value: undefined });
  });

  it("refuses options without the functions it needs", () => {
    expect(() => paginate({} as never)).toThrow(ValidationError);
  });
});

describe("links", () => {
  const origin = "https://platform.adobe.io";

  it("follows relative and same-origin links as they came", async () => {
    const source = pageSource({
      first: { items: [1], next: "/c-1/queries/core/search?start=2" },
      "/c-1/queries/core/search?start=2": { items: [2], next: "https://platform.adobe.io/data/core/xcore/p3" },
      "https://platform.adobe.io/data/core/xcore/p3": { items: [3] },
    });
    const items = await paginate({ ...source.options, linkOrigin: origin }).toArray({ limit: 10 });
    expect(items).toEqual([1, 2, 3]);
  });

  it.each([
    ["an absolute link", "https://evil.example/steal?cursor=secret", "https://evil.example"],
    ["a protocol-relative link", "//evil.example/steal", "https://evil.example"],
    ["a backslash link", "\\\\evil.example/steal", "https://evil.example"],
    ["another port", "https://platform.adobe.io:8443/next", "https://platform.adobe.io:8443"],
    ["plain http", "http://platform.adobe.io/next", "http://platform.adobe.io"],
  ])("refuses %s to another origin without requesting it", async (_, next, foreign) => {
    const source = pageSource({ first: { items: [1], next } });
    const pages = paginate({ ...source.options, linkOrigin: `${origin}/data/core/xcore` });
    const error = await pages.toArray({ limit: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: "foreign_origin", origin: foreign, expectedOrigin: origin });
    expect((error as Error).message).not.toContain("secret");
    expect(source.requests).toEqual([undefined]);
  });

  it.each(["javascript:alert(1)", "data:text/plain,x", "http://[::1"])("refuses %s as a next link", async (next) => {
    const source = pageSource({ first: { items: [1], next } });
    const error = await paginate({ ...source.options, linkOrigin: origin })
      .toArray({ limit: 10 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "PaginationError", reason: "invalid_link", origin: undefined });
    expect(source.requests).toEqual([undefined]);
  });

  it("compares links once resolved, so two spellings of one page count as a repeat", async () => {
    const source = pageSource({
      first: { items: [1], next: "/p2" },
      "/p2": { items: [2], next: "https://platform.adobe.io/p2" },
    });
    expect(await paginate({ ...source.options, linkOrigin: origin }).toArray({ limit: 10 })).toEqual([1, 2]);
    expect(source.requests).toEqual([undefined, "/p2"]);
  });

  it("refuses a link origin that is not a URL", () => {
    const source = pageSource(threePages);
    expect(() => paginate({ ...source.options, linkOrigin: "platform.adobe.io" })).toThrow(ValidationError);
  });
});

describe("prefetch", () => {
  it("requests the next page while the caller works on the current one, never two ahead", async () => {
    const source = pageSource(threePages, { manual: true });
    const pages = paginate({ ...source.options, prefetch: true });
    const first = pages.next();
    await settle();
    expect(source.requests).toEqual([undefined]);
    source.release();
    expect((await first).value).toBe(threePages.first);
    // The caller holds page 1: page 2 is on its way, page 3 is not asked for.
    await settle();
    expect(source.requests).toEqual([undefined, "c2"]);
    source.release();
    await settle();
    expect(source.requests).toEqual([undefined, "c2"]);
    expect((await pages.next()).value).toBe(threePages.c2);
    expect(source.requests).toEqual([undefined, "c2", "c3"]);
    source.release();
    expect((await pages.next()).value).toBe(threePages.c3);
    expect(await pages.next()).toEqual({ done: true, value: undefined });
    expect(source.requests).toEqual([undefined, "c2", "c3"]);
  });

  it("aborts the prefetch under way when the caller leaves the loop, and sends nothing after", async () => {
    const source = pageSource(threePages, { manual: true });
    const pages = paginate({ ...source.options, prefetch: true });
    const first = pages.next();
    await settle();
    source.release();
    await first;
    expect(source.requests).toEqual([undefined, "c2"]);
    await pages.return();
    expect(source.signals[1]?.aborted).toBe(true);
    await settle();
    expect(source.requests).toEqual([undefined, "c2"]);
  });

  it("reports a failed prefetch when the caller asks for that page, not before", async () => {
    const source = pageSource({ first: { items: [1], next: "missing" } });
    const pages = paginate({ ...source.options, prefetch: true });
    expect((await pages.next()).value).toEqual({ items: [1], next: "missing" });
    await settle();
    await expect(pages.next()).rejects.toThrow("no page missing");
  });
});

describe("the caller's signal", () => {
  it("aborts the request under way and ends iteration with AbortError", async () => {
    const source = pageSource(threePages, { manual: true });
    const controller = new AbortController();
    const pages = paginate({ ...source.options, signal: controller.signal });
    const first = pages.next();
    await settle();
    controller.abort(new Error("user left"));
    const error = await first.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error("user left"));
    expect(source.signals[0]?.aborted).toBe(true);
  });

  it("sends nothing when the signal has already fired", async () => {
    const source = pageSource(threePages);
    const pages = paginate({ ...source.options, signal: AbortSignal.abort() });
    await expect(pages.next()).rejects.toBeInstanceOf(AbortError);
    expect(source.requests).toEqual([]);
  });
});

describe("items and toArray", () => {
  it("yields every item of every page", async () => {
    const source = pageSource(threePages);
    const items: number[] = [];
    for await (const item of paginate(source.options).items()) items.push(item);
    expect(items).toEqual([1, 2, 3, 4, 5]);
  });

  it("answers next() calls made without waiting in order, and nothing after return()", async () => {
    const source = pageSource(threePages);
    const items = paginate(source.options).items();
    const firstFour = await Promise.all([items.next(), items.next(), items.next(), items.next()]);
    expect(firstFour.map((result) => result.value)).toEqual([1, 2, 3, 4]);
    expect(await items.return(undefined)).toEqual({ done: true, value: undefined });
    expect(await items.next()).toEqual({ done: true, value: undefined });
    // The last page was never asked for.
    expect(source.requests).toEqual([undefined, "c2"]);
  });

  it("closes the pages when an error is thrown into the items", async () => {
    const source = pageSource(threePages, { manual: true });
    const items = paginate({ ...source.options, prefetch: true }).items();
    const first = items.next();
    await settle();
    source.release();
    expect((await first).value).toBe(1);
    await expect(items.throw(new Error("caller gave up"))).rejects.toThrow("caller gave up");
    expect(source.signals.at(-1)?.aborted).toBe(true);
    expect(await items.next()).toEqual({ done: true, value: undefined });
  });

  it("stops fetching as soon as the limit is reached", async () => {
    const source = pageSource(threePages);
    expect(await paginate(source.options).toArray({ limit: 2 })).toEqual([1, 2]);
    expect(source.requests).toEqual([undefined]);
    const next = pageSource(threePages);
    expect(await paginate(next.options).toArray({ limit: 3 })).toEqual([1, 2, 3]);
    expect(next.requests).toEqual([undefined, "c2"]);
  });

  it("aborts a prefetch when the limit is reached", async () => {
    const source = pageSource(threePages, { manual: true });
    const items = paginate({ ...source.options, prefetch: true }).toArray({ limit: 1 });
    await settle();
    source.release();
    expect(await items).toEqual([1]);
    expect(source.requests).toEqual([undefined, "c2"]);
    expect(source.signals[1]?.aborted).toBe(true);
  });

  it("fetches nothing for limit 0 and refuses a limit that is not a count", async () => {
    const source = pageSource(threePages);
    expect(await paginate(source.options).toArray({ limit: 0 })).toEqual([]);
    expect(source.requests).toEqual([]);
    for (const limit of [-1, 1.5, Number.NaN, undefined]) {
      await expect(paginate(source.options).toArray({ limit } as { limit: number })).rejects.toThrow(ValidationError);
    }
    expect(source.requests).toEqual([]);
  });
});
