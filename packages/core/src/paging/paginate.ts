// The paging engine of the facade's paginators: follows next links as written, prefetches one page, never loops.
import { AbortError, OfferkitError, ValidationError } from "../errors/errors.js";
import { callerAbort } from "../timing/timers.js";

/** Why paging stopped with an error instead of reaching the last page. */
export type PaginationFailureReason =
  /** A page's next link names another origin than the API's; following it would send credentials elsewhere. */
  | "foreign_origin"
  /**
   * A page's next link cannot be followed: not an http(s) URL (`javascript:`, `data:`, unparseable), or, for a
   * client that checks, not a further page of the same listing.
   */
  | "invalid_link";

/**
 * A page pointed to a next page that offerkit refuses to request. The link itself is left out of the message
 * (its query could carry a cursor or token); `origin` names where it pointed, when it parsed.
 */
export class PaginationError extends OfferkitError {
  override name = "PaginationError";
  readonly reason: PaginationFailureReason;
  /** The origin the refused link pointed to (`https://elsewhere.example`), when it parsed. */
  readonly origin: string | undefined;
  /** The origin next links must stay on. */
  readonly expectedOrigin: string;

  constructor(init: { reason: PaginationFailureReason; origin?: string | undefined; expectedOrigin: string }) {
    super(
      init.reason === "foreign_origin"
        ? `A page's next link points to ${init.origin}, not to ${init.expectedOrigin}; paging stopped so that no request (and no credential) goes to another host.`
        : `A page's next link is not a further page of this listing (or not an http(s) URL); paging stopped. Report this answer to the API's owner.`,
    );
    this.reason = init.reason;
    this.origin = init.origin;
    this.expectedOrigin = init.expectedOrigin;
  }
}

export interface PaginateOptions<Page, Item> {
  /**
   * Fetches one page and resolves with it, throwing on failure. `cursor` is `undefined` for the first page, then
   * whatever `nextCursor` returned for the page before. Pass `signal` on to the request: it aborts when the caller
   * stops iterating while this page is being prefetched, or when the caller's own signal fires.
   */
  readonly fetchPage: (cursor: string | undefined, options: { readonly signal: AbortSignal }) => Promise<Page>;
  /** The next page's link or cursor in `page`, or `undefined`/`null`/`""` on the last page. */
  readonly nextCursor: (page: Page) => string | null | undefined;
  /** The items of one page, for `items()` and `toArray()`. */
  readonly itemsOf: (page: Page) => Iterable<Item>;
  /**
   * When cursors are links: the origin they must stay on (e.g. `https://platform.adobe.io`). A link that resolves
   * to another origin (an absolute URL, `//host/...`) throws `PaginationError` instead of being requested.
   * Relative links are passed to `fetchPage` as they came. Leave out for opaque cursors.
   */
  readonly linkOrigin?: string | undefined;
  /**
   * Request the next page while the caller works on the current one. Never more than one page ahead, so memory
   * stays at about two pages however many there are. Default false.
   */
  readonly prefetch?: boolean | undefined;
  /** Stops paging: the current request is aborted and iteration throws `AbortError`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * The pages of a paged list, fetched as they are asked for. Iterate it with `for await` (pages), or use
 * `items()` or `toArray()`; it can be iterated once. Leaving a loop early sends no further request and aborts a
 * prefetch under way.
 */
export interface Paginator<Page, Item> extends AsyncGenerator<Page, void, undefined> {
  /** The items of every page, one at a time. Consumes this paginator. */
  items(): AsyncGenerator<Item, void, undefined>;
  /**
   * The first `limit` items, fetching only the pages needed. `limit` is required so that a large list is never
   * read into memory by accident; pass `Infinity` to read everything on purpose. Consumes this paginator.
   */
  toArray(options: { readonly limit: number }): Promise<Item[]>;
}

/**
 * Follows a paged list from its first page to its last: fetches a page, yields it, and asks `nextCursor` where
 * the next one is. Stops on a missing cursor, and on a cursor seen before (a server that links back would
 * otherwise loop forever): the same cursor twice in a row, or one that leads back to any earlier page. Cursors
 * are remembered as 64-bit fingerprints (16 to 32 bytes a page, in a typed array), not as strings, so a long
 * listing does not hold every link it followed. Two different cursors become likely to share a fingerprint (and
 * paging to end early) only after billions of pages.
 */
export function paginate<Page, Item>(options: PaginateOptions<Page, Item>): Paginator<Page, Item> {
  if (!options || typeof options.fetchPage !== "function" || typeof options.nextCursor !== "function") {
    throw new ValidationError("options", "an object with fetchPage, nextCursor and itemsOf functions");
  }
  const expectedOrigin = options.linkOrigin === undefined ? undefined : originOf(options.linkOrigin);
  const pages = pageIterator(options, expectedOrigin);
  const itemsOf = options.itemsOf;

  const items = (): AsyncGenerator<Item, void, undefined> => itemIterator(pages, itemsOf);

  async function toArray({ limit }: { readonly limit: number }): Promise<Item[]> {
    if (!(limit === Number.POSITIVE_INFINITY || (Number.isInteger(limit) && limit >= 0))) {
      throw new ValidationError("limit", "a whole number of items, 0 or more (Infinity to read every page)");
    }
    const collected: Item[] = [];
    if (limit === 0) {
      await pages.return();
      return collected;
    }
    for await (const item of items()) {
      collected.push(item);
      if (collected.length >= limit) break;
    }
    return collected;
  }

  return Object.assign(pages, { items, toArray });
}

/**
 * An async iterator whose calls are queued, as an async generator's are: `next` runs `step`, `return` runs `stop`,
 * and `throw` stops it, then throws. The paginator's iterators are written this way rather than as async generators:
 * V8's optimized async generators can keep an early page alive in a saved register until the loop ends (seen in
 * the bench's xcore-paging heap row), while these hold only the page being read and the one prefetched.
 */
function queuedIterator<T>(
  step: () => Promise<IteratorResult<T, void>>,
  stop: () => Promise<void> | void,
): AsyncGenerator<T, void, undefined> {
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <R>(call: () => Promise<R>): Promise<R> => {
    const result = queue.then(call);
    queue = result.catch(() => {});
    return result;
  };
  const iterator: AsyncGenerator<T, void, undefined> = {
    next: () => enqueue(step),
    return: () =>
      enqueue(async () => {
        await stop();
        return { done: true, value: undefined };
      }),
    throw: (error: unknown) => iterator.return().then(() => Promise.reject(error)),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** The items of every page, one `next()` at a time. */
function itemIterator<Page, Item>(
  pages: AsyncGenerator<Page, void, undefined>,
  itemsOf: (page: Page) => Iterable<Item>,
): AsyncGenerator<Item, void, undefined> {
  let current: Iterator<Item> | undefined;
  return queuedIterator(
    async () => {
      for (;;) {
        const item = current?.next();
        if (item && !item.done) return item;
        current = undefined;
        const page = await pages.next();
        if (page.done) return page;
        current = itemsOf(page.value)[Symbol.iterator]();
      }
    },
    async () => {
      current = undefined;
      await pages.return();
    },
  );
}

/**
 * The pages, fetched as they are asked for: the first on the first `next()`, each further one when the caller asks
 * for it, or, with `prefetch`, as soon as the page before it is handed over. Whatever ends the iteration (the last
 * page, an error, `return`, `throw`) aborts a request under way and stops following the caller's signal.
 */
function pageIterator<Page, Item>(
  options: PaginateOptions<Page, Item>,
  expectedOrigin: string | undefined,
): AsyncGenerator<Page, void, undefined> {
  const { fetchPage, nextCursor, prefetch = false, signal: callerSignal } = options;
  // Aborted when the caller stops iterating, so a prefetch under way does not outlive the loop.
  const controller = new AbortController();
  const stopOnCallerAbort = () => controller.abort(callerSignal?.reason);
  const seen = new CursorMemory();
  let started = false;
  let finished = false;
  /** The page requested ahead (the first one, or a prefetch). */
  let pending: Promise<Page> | undefined;
  /** Without prefetch: the cursor to request when the caller asks for the next page. */
  let following: string | undefined;

  const fetchOne = (cursor: string | undefined): Promise<Page> => {
    if (controller.signal.aborted) return Promise.reject(abortError(callerSignal));
    const page = fetchPage(cursor, { signal: controller.signal });
    return page.catch((error: unknown) => {
      throw controller.signal.aborted && callerSignal?.aborted ? abortError(callerSignal, error) : error;
    });
  };

  const stop = () => {
    if (finished) return;
    finished = true;
    pending = following = undefined;
    // Nothing was opened before the first `next()`, as with a generator that never started.
    if (!started) return;
    callerSignal?.removeEventListener("abort", stopOnCallerAbort);
    if (!controller.signal.aborted) controller.abort(new AbortError(undefined));
  };

  const step = async (): Promise<IteratorResult<Page, void>> => {
    if (finished) return { done: true, value: undefined };
    try {
      if (!started) {
        started = true;
        if (callerSignal?.aborted) stopOnCallerAbort();
        else callerSignal?.addEventListener("abort", stopOnCallerAbort, { once: true });
        pending = fetchOne(undefined);
      } else if (following !== undefined) {
        pending = fetchOne(following);
        following = undefined;
      }
      const requested = pending;
      if (!requested) {
        stop();
        return { done: true, value: undefined };
      }
      pending = undefined;
      const page = await requested;
      const cursor = nextCursor(page) || undefined;
      const next = cursor === undefined ? undefined : checkCursor(cursor, expectedOrigin, seen);
      if (next !== undefined && prefetch) {
        pending = fetchOne(next);
        // Its failure is reported when the caller asks for that page, not as an unhandled rejection meanwhile.
        pending.catch(() => {});
      } else {
        following = next;
      }
      return { done: false, value: page };
    } catch (error) {
      stop();
      throw error;
    }
  };

  return queuedIterator(step, stop);
}

/** The cursor to request next, or undefined when it was seen before. Throws on a link to another origin. */
function checkCursor(cursor: string, expectedOrigin: string | undefined, seen: CursorMemory): string | undefined {
  let key = cursor;
  if (expectedOrigin !== undefined) {
    let resolved: URL;
    try {
      resolved = new URL(cursor, `${expectedOrigin}/`);
    } catch {
      throw new PaginationError({ reason: "invalid_link", expectedOrigin });
    }
    if (resolved.protocol !== "https:" && resolved.protocol !== "http:") {
      throw new PaginationError({ reason: "invalid_link", expectedOrigin });
    }
    if (resolved.origin !== expectedOrigin) {
      throw new PaginationError({ reason: "foreign_origin", origin: resolved.origin, expectedOrigin });
    }
    key = resolved.href;
  }
  return seen.add(key) ? cursor : undefined;
}

/**
 * The cursors a paginator has followed: the last one as it was (a server repeating the link it was asked for is
 * caught exactly) and every one as a 64-bit fingerprint in an open-addressing table (two 32-bit hashes a slot,
 * at most half full).
 */
class CursorMemory {
  private last: string | undefined;
  private slots = new Int32Array(64);
  private count = 0;

  /** Remembers `cursor`; false when it was followed before. */
  add(cursor: string): boolean {
    if (cursor === this.last) return false;
    this.last = cursor;
    const [low, high] = fingerprint(cursor);
    if (this.has(low, high)) return false;
    if (2 * (this.count + 1) > this.slots.length / 2) this.grow();
    this.put(this.slots, low, high);
    this.count++;
    return true;
  }

  private has(low: number, high: number): boolean {
    const { slots } = this;
    const mask = slots.length / 2 - 1;
    for (let slot = (low >>> 1) & mask; ; slot = (slot + 1) & mask) {
      const stored = slots[2 * slot] as number;
      if (stored === 0) return false;
      if (stored === low && slots[2 * slot + 1] === high) return true;
    }
  }

  private put(slots: Int32Array, low: number, high: number): void {
    const mask = slots.length / 2 - 1;
    let slot = (low >>> 1) & mask;
    while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = low;
    slots[2 * slot + 1] = high;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let index = 0; index < old.length; index += 2) {
      const low = old[index] as number;
      if (low !== 0) this.put(this.slots, low, old[index + 1] as number);
    }
  }
}

/** Two independent 32-bit hashes of `text` (FNV-1a and a multiply-xorshift), the first never 0 (0 marks a free slot). */
function fingerprint(text: string): [number, number] {
  let low = 0x811c9dc5;
  let high = 0x9747b28c ^ text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x5bd1e995);
    high ^= high >>> 15;
  }
  low = Math.imul(low ^ (low >>> 16), 0x85ebca6b);
  low ^= low >>> 13;
  high = Math.imul(high ^ (high >>> 16), 0xc2b2ae35);
  high ^= high >>> 16;
  return [low | 1, high];
}

function originOf(value: string): string {
  try {
    const origin = new URL(value).origin;
    if (origin !== "null") return origin;
  } catch {}
  throw new ValidationError("linkOrigin", "an absolute http(s) URL such as https://platform.adobe.io");
}

function abortError(signal: AbortSignal | undefined, cause?: unknown): unknown {
  return cause instanceof AbortError ? cause : callerAbort(signal, cause);
}
