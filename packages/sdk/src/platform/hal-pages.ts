import { type CallResult, type Paginator, unwrap } from "@offerkit/core";
import { paginate } from "@offerkit/core/internal";

/** What every Offer Library (xcore) list and search page has in common: HAL results and a `next` link. */
export interface HalResultsPage<Item> {
  readonly _embedded?: { readonly results?: readonly Item[] } | undefined;
  readonly _links?: { readonly next?: { readonly href?: string | undefined } | undefined } | undefined;
}

/** The item type of a results page. */
export type HalResultOf<Page> = Page extends HalResultsPage<infer Item> ? Item : never;

/** The first argument of every `paginateX(config, input)`. */
export interface PaginationConfig<Client> {
  /** The client to list with; its base URL is the only origin next links may point to. */
  readonly client: Client;
  /** Request the next page while the current one is being worked on (one page ahead at most). Default false. */
  readonly prefetch?: boolean | undefined;
  /** Stops paging: the request under way is aborted and iteration throws `AbortError`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * The pages of one HAL results list, for the facade's `paginateX` functions. `list` makes the typed list call:
 * with `next` undefined for the first page, then with the query parameters of the previous page's
 * `_links.next.href` (e.g. `{ start, limit, orderby }`; a repeated one as an array), which `paginateX` merges over its input so that every
 * page goes through the same checked operation. A non-2xx page throws `ApiError`; a next link to another origin
 * throws `PaginationError` before anything is sent.
 */
export function paginateHalResults<Page extends HalResultsPage<unknown>>(options: {
  readonly baseUrl: string;
  readonly list: (
    next: Readonly<Record<string, string | readonly string[]>> | undefined,
    options: { readonly signal: AbortSignal },
  ) => Promise<CallResult<Page>>;
  readonly prefetch?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
}): Paginator<Page, HalResultOf<Page>> {
  const { baseUrl, list } = options;
  return paginate<Page, HalResultOf<Page>>({
    fetchPage: (href, { signal }) => unwrap(list(href === undefined ? undefined : queryOf(href, baseUrl), { signal })),
    nextCursor: (page) => page._links?.next?.href,
    itemsOf: (page) => (page._embedded?.results ?? []) as readonly HalResultOf<Page>[],
    linkOrigin: baseUrl,
    prefetch: options.prefetch,
    signal: options.signal,
  });
}

/**
 * The query parameters of a next link (`paginate` has already refused one to another origin); a repeated
 * parameter (`property=a&property=b`) becomes an array, as openapi-fetch sends arrays.
 */
function queryOf(href: string, baseUrl: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URL(href, baseUrl).searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}
