// The paging engine of the facade's Platform paginators (Offer Library and Decisioning): one typed list call per
// page, following each page's `_links.next` as the server wrote it, on core's `paginate`.
import { type CallResult, type Paginator, unwrap } from "@offerkit/core";
import { checkedLater, isBooleanOption, isSignalOption, type OptionCheck, paginate } from "@offerkit/core/internal";

/** What every page of a link-paged list has: a `next` link, absent on the last page. */
export interface LinkedPage {
  readonly _links?: { readonly next?: { readonly href?: string | undefined } | undefined } | undefined;
}

/** What every Offer Library (xcore) list and search page has in common: HAL results and a `next` link. */
export interface HalResultsPage<Item> extends LinkedPage {
  readonly _embedded?: { readonly results?: readonly Item[] } | undefined;
}

/** The item type of a results page. */
export type HalResultOf<Page> = Page extends HalResultsPage<infer Item> ? Item : never;

/** The options every paginator's config has, checked before anything is sent. */
export const PAGING_CHECKS: Readonly<Record<"client" | "prefetch" | "signal" | "callOptions", OptionCheck>> = {
  // The client is checked by each paginator, which knows which calls it needs.
  client: checkedLater,
  prefetch: isBooleanOption,
  signal: isSignalOption,
  // Checked by the client with each page's call, as `options.<name>`.
  callOptions: checkedLater,
};

/** How to read the pages of one list; see `paginateLinkedPages`. */
export interface LinkedPagesOptions<Page, Item> {
  /** The API's base URL: next links may name its origin only. */
  readonly baseUrl: string;
  /**
   * The typed list call: with `href` undefined for the first page, then with the previous page's next link exactly
   * as the server wrote it (or as `canonicalLink` spelled it), so that its query (cursor, repeated parameters,
   * encoding) reaches the server unchanged.
   */
  readonly list: (href: string | undefined, options: { readonly signal: AbortSignal }) => Promise<CallResult<Page>>;
  /** The objects of one page. */
  readonly itemsOf: (page: Page) => readonly Item[];
  readonly prefetch?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
  /**
   * One spelling per page (an absolute link of the API's own origin cut to the relative form), so that a page is
   * remembered, and never asked for twice, however the server spells its link.
   */
  readonly canonicalLink?: ((href: string) => string) | undefined;
}

/**
 * The pages of one link-paged list. A non-2xx page throws `ApiError`; a next link to another origin throws
 * `PaginationError` before anything is sent; a link seen before ends the paging.
 */
export function paginateLinkedPages<Page extends LinkedPage, Item>(
  options: LinkedPagesOptions<Page, Item>,
): Paginator<Page, Item> {
  const { list, canonicalLink } = options;
  return paginate<Page, Item>({
    fetchPage: (href, { signal }) => unwrap(list(href, { signal })),
    nextCursor: (page) => {
      const href = page._links?.next?.href;
      return canonicalLink && typeof href === "string" ? canonicalLink(href) : href;
    },
    itemsOf: options.itemsOf,
    linkOrigin: options.baseUrl,
    prefetch: options.prefetch,
    signal: options.signal,
  });
}

/** The pages of one HAL results list (the Offer Library's), for the facade's `paginateX` functions. */
export function paginateHalResults<Page extends HalResultsPage<unknown>>(
  options: Omit<LinkedPagesOptions<Page, HalResultOf<Page>>, "itemsOf">,
): Paginator<Page, HalResultOf<Page>> {
  return paginateLinkedPages({
    ...options,
    itemsOf: (page) => (page._embedded?.results ?? []) as readonly HalResultOf<Page>[],
  });
}

/**
 * `href` relative to the API's path (`baseUrl`'s path, then `apiPath`): as it is when already relative; cut down
 * when absolute on `baseUrl`'s origin and under that path (keeping the query byte for byte); undefined for any other
 * absolute link.
 */
export function relativeLink(href: string, baseUrl: string, apiPath = ""): string | undefined {
  const origin = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#]*/i.exec(href);
  if (!origin) return href;
  const base = new URL(baseUrl);
  const given = origin[0].toLowerCase();
  if (given !== base.origin.toLowerCase() && given !== `//${base.host}`.toLowerCase()) return undefined;
  const prefix = `${base.pathname.replace(/\/$/, "")}${apiPath}/`;
  const path = href.slice(origin[0].length);
  return path.startsWith(prefix) ? path.slice(prefix.length - 1) : undefined;
}
