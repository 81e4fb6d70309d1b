import { type CallResult, type Paginator, unwrap } from "@offerkit/core";
import { paginate } from "@offerkit/core/internal";

/** What every Offer Library (xcore) list and search page has in common: HAL results and a `next` link. */
export interface HalResultsPage<Item> {
  readonly _embedded?: { readonly results?: readonly Item[] } | undefined;
  readonly _links?: { readonly next?: { readonly href?: string | undefined } | undefined } | undefined;
}

/** The item type of a results page. */
export type HalResultOf<Page> = Page extends HalResultsPage<infer Item> ? Item : never;

/**
 * The pages of one HAL results list, for the facade's `paginateX` functions. `list` makes the typed list call:
 * with `href` undefined for the first page, then with the previous page's `_links.next.href` exactly as the server
 * wrote it, so that its query (cursor, repeated parameters, encoding) reaches the server unchanged. A non-2xx page
 * throws `ApiError`; a next link to another origin throws `PaginationError` before anything is sent; a link seen
 * before ends the paging.
 */
export function paginateHalResults<Page extends HalResultsPage<unknown>>(options: {
  readonly baseUrl: string;
  readonly list: (href: string | undefined, options: { readonly signal: AbortSignal }) => Promise<CallResult<Page>>;
  readonly prefetch?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
  /**
   * One spelling per page (an absolute link of the API's own origin cut to the relative form), so that a page is
   * remembered, and never asked for twice, however the server spells its link.
   */
  readonly canonicalLink?: ((href: string) => string) | undefined;
}): Paginator<Page, HalResultOf<Page>> {
  const { list, canonicalLink } = options;
  return paginate<Page, HalResultOf<Page>>({
    fetchPage: (href, { signal }) => unwrap(list(href, { signal })),
    nextCursor: (page) => {
      const href = page._links?.next?.href;
      return canonicalLink && typeof href === "string" ? canonicalLink(href) : href;
    },
    itemsOf: (page) => (page._embedded?.results ?? []) as readonly HalResultOf<Page>[],
    linkOrigin: options.baseUrl,
    prefetch: options.prefetch,
    signal: options.signal,
  });
}
