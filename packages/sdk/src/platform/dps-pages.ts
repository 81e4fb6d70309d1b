// `paginateDps`: every list of the Decisioning APIs (`@offerkit/dps`), page by page, typed by the resource named.
import { type CallResult, type DataOf, PaginationError, type Paginator, ValidationError } from "@offerkit/core";
import { checkOptions } from "@offerkit/core/internal";
import type { DpsCallOptions, DpsClient, ListQuery, PageLinkInput } from "@offerkit/dps";
import { type LinkedPage, PAGING_CHECKS, paginateLinkedPages, relativeLink } from "./linked-pages.js";

/**
 * The dps client's resources that have a `list`, by the name they have on the client: `"offerItems"` pages
 * `client.offerItems.list`. The Decision Management ones are the successors of the Offer Library types that
 * `paginatePlacements`, `paginateDecisions`, ... page, which is why they are named by resource, not by function.
 */
export type DpsListName = {
  [Name in keyof DpsClient]: DpsClient[Name] extends Listed ? Name : never;
}[keyof DpsClient];

/** What a resource with a list has. */
interface Listed {
  /** One page of the resource. */
  readonly list: (...args: never[]) => unknown;
}

/** One page of the list `Name` (`OfferItemPage` for `"offerItems"`): `results`, `count`, `total`, `_links`. */
export type DpsPageOf<Name extends DpsListName> = DataOf<Awaited<ReturnType<DpsClient[Name]["list"]>>>;

/** One object of the list `Name` (`OfferItem` for `"offerItems"`). */
export type DpsItemOf<Name extends DpsListName> =
  DpsPageOf<Name> extends { readonly results?: readonly (infer Item)[] | undefined } ? Item : never;

/** The per-call options of the list `Name`: `offerItems` also takes `schemaId`. */
export type DpsListCallOptions<Name extends DpsListName> = NonNullable<Parameters<DpsClient[Name]["list"]>[1]>;

/** The first argument of `paginateDps(config, resource, query)`: the client to page with, and how. */
export interface DpsPaginationConfig<Name extends DpsListName = DpsListName> {
  /**
   * A client from `createDpsClient` (or `createOfferkit(...).dps`); its origin is the only one next links may name.
   * `NoInfer`: the resource is named by the second argument, not guessed from the client.
   */
  readonly client: Pick<DpsClient, "baseUrl" | NoInfer<Name>>;
  /** Request the next page while the current one is being worked on (one page ahead at most). Default false. */
  readonly prefetch?: boolean | undefined;
  /** Stops paging: the request under way is aborted and iteration throws `AbortError`. */
  readonly signal?: AbortSignal | undefined;
  /** Sent with every page request: `headers`, `timeout`, `retry`, `sandboxName` (and `schemaId` for offer items). */
  readonly callOptions?: Omit<DpsListCallOptions<NoInfer<Name>>, "signal"> | undefined;
}

/**
 * The pages of one dps list. `for await` over it gives pages (`OfferItemPage`, ...), `.items()` the objects one at a
 * time, `.toArray({ limit })` the first `limit` of them.
 */
export type DpsPaginator<Name extends DpsListName> = Paginator<DpsPageOf<Name>, DpsItemOf<Name>>;

/** The list call every resource has, as the engine calls it (each resource's own types are on `DpsPageOf`). */
type AnyList = (query: ListQuery | PageLinkInput | undefined, options: DpsCallOptions) => Promise<CallResult<unknown>>;

/**
 * Every page of one list of the Decisioning APIs, following `_links.next` as the server wrote it (relative to
 * `/data/core/dps`; an absolute link on the client's own origin is cut down to that). `resource` is the list's
 * name on the client, so the pages and objects are typed by it:
 *
 * ```ts
 * for await (const item of paginateDps({ client: dps }, "offerItems", { property: "name~^Summer" }).items()) { … }
 * ```
 *
 * `query` is the list's `property` filters, `orderby`, `limit` (the page size) and `start`. Ends on the last page or
 * on a link seen before; a link to another origin, or to another list (another collection, the other offer type),
 * throws `PaginationError` and is never requested. Nothing is sent until iteration starts, and leaving a loop early
 * sends no further request.
 *
 * One generic function rather than a `paginateDpsOfferItems`-style family: the names stay apart from the Offer
 * Library's `paginatePlacements`, `paginateDecisions`, ..., and the resource names are exactly the client's.
 */
export function paginateDps<Name extends DpsListName>(
  config: DpsPaginationConfig<Name>,
  resource: Name,
  query?: ListQuery,
): DpsPaginator<Name> {
  const client = config?.client as
    | (Partial<Record<string, { readonly list?: unknown }>> & { baseUrl?: unknown })
    | undefined;
  if (!client || typeof client.baseUrl !== "string") {
    throw new ValidationError("config.client", "a Decisioning client from createDpsClient");
  }
  const lists = client[resource];
  if (typeof lists?.list !== "function") {
    const names = Object.keys(client).filter((name) => typeof client[name]?.list === "function");
    throw new ValidationError("resource", `one of the client's lists (${names.join(", ")})`);
  }
  checkOptions(config, "config", PAGING_CHECKS);
  if (query !== undefined && (query === null || typeof query !== "object")) {
    throw new ValidationError("query", "an object: property, orderby, limit, start");
  }
  const call = (lists.list as AnyList).bind(lists);
  const { baseUrl } = client;
  return paginateLinkedPages<LinkedPage & DpsPageOf<Name>, DpsItemOf<Name>>({
    baseUrl,
    prefetch: config.prefetch,
    signal: config.signal,
    canonicalLink: (href) => relativeLink(href, baseUrl) ?? href,
    itemsOf: (page: { readonly results?: readonly unknown[] }) => (page.results ?? []) as readonly DpsItemOf<Name>[],
    list: (href, { signal }) => {
      const options = { ...config.callOptions, signal };
      const page = call(href === undefined ? query : { next: href }, options).catch((error: unknown) => {
        // The client refuses, before sending it, a link out of this list (another collection, the other offer type):
        // the server wrote it, not the caller, so it ends paging as any bad link does.
        if (href !== undefined && error instanceof ValidationError && error.field === "query.next") {
          throw new PaginationError({ reason: "invalid_link", expectedOrigin: new URL(baseUrl).origin });
        }
        throw error;
      });
      return page as Promise<CallResult<LinkedPage & DpsPageOf<Name>>>;
    },
  });
}
