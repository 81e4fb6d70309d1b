import { PaginationError, type Paginator, ValidationError } from "@offerkit/core";
import { checkOptions } from "@offerkit/core/internal";
import {
  COLLECTION_QUALIFIER_SCHEMA,
  COLLECTION_SCHEMA,
  DECISION_RULE_SCHEMA,
  DECISION_SCHEMA,
  type Envelope,
  FALLBACK_OFFER_SCHEMA,
  type ListQuery,
  nextPageOf,
  PERSONALIZED_OFFER_SCHEMA,
  PLACEMENT_SCHEMA,
  type ResultsPage,
  type SchemaId,
  type SearchQuery,
  XCORE_BASE_PATH,
  type XcoreCallOptions,
  type XcoreClient,
} from "@offerkit/xcore";
import { PAGING_CHECKS, paginateHalResults, relativeLink } from "./linked-pages.js";

/** The first argument of every `paginateX(config, input)`: the client to page with, and how. */
export interface PaginationConfig {
  /** A client from `createXcoreClient` (or `createOfferkit(...).xcore`); its origin is the only one next links may name. */
  readonly client: Pick<XcoreClient, "baseUrl" | "list" | "search">;
  /** Request the next page while the current one is being worked on (one page ahead at most). Default false. */
  readonly prefetch?: boolean | undefined;
  /** Stops paging: the request under way is aborted and iteration throws `AbortError`. */
  readonly signal?: AbortSignal | undefined;
  /** Sent with every page request: `headers`, `timeout`, `retry`, `sandboxName`. */
  readonly callOptions?: Omit<XcoreCallOptions, "signal"> | undefined;
}

/** What to list: a container and the filters of `list` (`property`, `orderby`, `limit` as the page size, `id`, `name`). */
export interface ListPagesInput extends ListQuery {
  readonly containerId: string;
}

/** What to search: a container, the search terms (`q`, `qop`, `field`) and the filters of `list`. */
export interface SearchPagesInput extends SearchQuery {
  readonly containerId: string;
}

/**
 * The pages of one listing or search of Offer Library objects of type `S`. `for await` over it gives pages
 * (`ResultsPage<S>`), `.items()` gives objects one at a time (`Envelope<S>`: `instanceId`, `repo:etag`, `_instance`),
 * `.toArray({ limit })` the first `limit` of them.
 */
export type OfferLibraryPaginator<S extends SchemaId> = Paginator<ResultsPage<S>, Envelope<S>>;

/**
 * Every page of a `list` of objects of type `schema`, following `_links.next` as the server wrote it. Ends on the
 * last page or on a link seen before; a link to another host throws `PaginationError` and is never requested.
 * Nothing is sent until iteration starts, and leaving a loop early sends no further request.
 */
export function paginateInstances<S extends SchemaId>(
  config: PaginationConfig,
  input: ListPagesInput & { readonly schema: S },
): OfferLibraryPaginator<S> {
  return pagesOf(config, "list", input);
}

/** Every page of a full-text `search` of objects of type `schema`; otherwise as `paginateInstances`. */
export function paginateSearchInstances<S extends SchemaId>(
  config: PaginationConfig,
  input: SearchPagesInput & { readonly schema: S },
): OfferLibraryPaginator<S> {
  return pagesOf(config, "search", input);
}

type PersonalizedOffers = typeof PERSONALIZED_OFFER_SCHEMA;
type FallbackOffers = typeof FALLBACK_OFFER_SCHEMA;
type Placements = typeof PLACEMENT_SCHEMA;
type Decisions = typeof DECISION_SCHEMA;
type Collections = typeof COLLECTION_SCHEMA;
type CollectionQualifiers = typeof COLLECTION_QUALIFIER_SCHEMA;
type DecisionRules = typeof DECISION_RULE_SCHEMA;

// One short function per type and operation, so that the type is in the name and the items are typed without a
// schema argument. Each is its own export: a bundle carries only the ones it imports.

/** Every personalized offer of a container (filtered by `property`, `id` or `name`), page by page. */
export function paginatePersonalizedOffers(config: PaginationConfig, input: ListPagesInput) {
  return paginateInstances<PersonalizedOffers>(config, { ...input, schema: PERSONALIZED_OFFER_SCHEMA });
}
/** Personalized offers matching a full-text search, page by page. */
export function paginateSearchPersonalizedOffers(config: PaginationConfig, input: SearchPagesInput) {
  return paginateSearchInstances<PersonalizedOffers>(config, { ...input, schema: PERSONALIZED_OFFER_SCHEMA });
}
/** Every fallback offer of a container, page by page. */
export function paginateFallbackOffers(config: PaginationConfig, input: ListPagesInput) {
  return paginateInstances<FallbackOffers>(config, { ...input, schema: FALLBACK_OFFER_SCHEMA });
}
/** Fallback offers matching a full-text search, page by page. */
export function paginateSearchFallbackOffers(config: PaginationConfig, input: SearchPagesInput) {
  return paginateSearchInstances<FallbackOffers>(config, { ...input, schema: FALLBACK_OFFER_SCHEMA });
}
/** Every placement of a container, page by page. */
export function paginatePlacements(config: PaginationConfig, input: ListPagesInput) {
  return paginateInstances<Placements>(config, { ...input, schema: PLACEMENT_SCHEMA });
}
/** Placements matching a full-text search, page by page. */
export function paginateSearchPlacements(config: PaginationConfig, input: SearchPagesInput) {
  return paginateSearchInstances<Placements>(config, { ...input, schema: PLACEMENT_SCHEMA });
}
/** Every decision (formerly "offer activity") of a container, page by page. */
export function paginateDecisions(config: PaginationConfig, input: ListPagesInput) {
  return paginateInstances<Decisions>(config, { ...input, schema: DECISION_SCHEMA });
}
/** Decisions matching a full-text search, page by page. */
export function paginateSearchDecisions(config: PaginationConfig, input: SearchPagesInput) {
  return paginateSearchInstances<Decisions>(config, { ...input, schema: DECISION_SCHEMA });
}
/** Every collection (the API's "offer filter") of a container, page by page. */
export function paginateCollections(config: PaginationConfig, input: ListPagesInput) {
  return paginateInstances<Collections>(config, { ...input, schema: COLLECTION_SCHEMA });
}
/** Collections matching a full-text search, page by page. */
export function paginateSearchCollections(config: PaginationConfig, input: SearchPagesInput) {
  return paginateSearchInstances<Collections>(config, { ...input, schema: COLLECTION_SCHEMA });
}
/** Every collection qualifier (the API's "tag") of a container, page by page. */
export function paginateCollectionQualifiers(config: PaginationConfig, input: ListPagesInput) {
  return paginateInstances<CollectionQualifiers>(config, { ...input, schema: COLLECTION_QUALIFIER_SCHEMA });
}
/** Collection qualifiers matching a full-text search, page by page. */
export function paginateSearchCollectionQualifiers(config: PaginationConfig, input: SearchPagesInput) {
  return paginateSearchInstances<CollectionQualifiers>(config, { ...input, schema: COLLECTION_QUALIFIER_SCHEMA });
}
/** Every decision rule (the API's "eligibility rule") of a container, page by page. */
export function paginateDecisionRules(config: PaginationConfig, input: ListPagesInput) {
  return paginateInstances<DecisionRules>(config, { ...input, schema: DECISION_RULE_SCHEMA });
}
/** Decision rules matching a full-text search, page by page. */
export function paginateSearchDecisionRules(config: PaginationConfig, input: SearchPagesInput) {
  return paginateSearchInstances<DecisionRules>(config, { ...input, schema: DECISION_RULE_SCHEMA });
}

/** Every named paginator, for the facade's shortcuts (not exported from the package: import the functions). */
export const PAGINATORS_BY_TYPE = {
  /** `paginatePersonalizedOffers(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginatePersonalizedOffers,
  /** `paginateSearchPersonalizedOffers(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginateSearchPersonalizedOffers,
  /** `paginateFallbackOffers(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginateFallbackOffers,
  /** `paginateSearchFallbackOffers(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginateSearchFallbackOffers,
  /** `paginatePlacements(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginatePlacements,
  /** `paginateSearchPlacements(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginateSearchPlacements,
  /** `paginateDecisions(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginateDecisions,
  /** `paginateSearchDecisions(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginateSearchDecisions,
  /** `paginateCollections(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginateCollections,
  /** `paginateSearchCollections(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginateSearchCollections,
  /** `paginateCollectionQualifiers(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginateCollectionQualifiers,
  /** `paginateSearchCollectionQualifiers(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginateSearchCollectionQualifiers,
  /** `paginateDecisionRules(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginateDecisionRules,
  /** `paginateSearchDecisionRules(config, input)` with this kit's Offer Library client and `options` as the config. */
  paginateSearchDecisionRules,
} as const;

function pagesOf<S extends SchemaId>(
  config: PaginationConfig,
  operation: "list" | "search",
  input: SearchPagesInput & { readonly schema: S },
): OfferLibraryPaginator<S> {
  const client = config?.client;
  if (!client || typeof client.list !== "function" || typeof client.search !== "function") {
    throw new ValidationError("config.client", "an Offer Library client from createXcoreClient");
  }
  checkOptions(config, "config", PAGING_CHECKS);
  if (!input || typeof input !== "object") throw new ValidationError("input", "an object with containerId");
  const { containerId, schema } = input;
  const { callOptions } = config;
  return paginateHalResults<ResultsPage<S>>({
    baseUrl: client.baseUrl,
    prefetch: config.prefetch,
    signal: config.signal,
    canonicalLink: (href) => relativeLink(href, client.baseUrl, XCORE_BASE_PATH) ?? href,
    list: (href, { signal }) => {
      const options = { ...callOptions, signal };
      if (href === undefined) {
        return operation === "list" ? client.list<S>({ ...input }, options) : client.search<S>({ ...input }, options);
      }
      // The link decides which call reads the next page: Adobe answers listings with search links, too.
      const link = repositoryLink(href, client.baseUrl, containerId, schema);
      const next = { containerId, schema, href: link.href };
      return link.operation === "list" ? client.list<S>(next, options) : client.search<S>(next, options);
    },
  });
}

/**
 * A next link as `list`/`search` take it, relative to `/data/core/xcore`. An absolute link (whose origin `paginate`
 * has already checked) is cut down to that, keeping its query byte for byte. A link that is not a listing of the
 * same container and type is the server's doing, not the caller's: `PaginationError`, not `ValidationError`.
 */
function repositoryLink(
  href: string,
  baseUrl: string,
  containerId: string,
  schema: SchemaId,
): { href: string; operation: "list" | "search" } {
  const link = nextPageOf({ _links: { next: { href: relativeLink(href, baseUrl, XCORE_BASE_PATH) ?? "" } } });
  const sameListing =
    link?.containerId === containerId && new URLSearchParams(link.href.split("?")[1]).get("schema") === schema;
  if (!link || !sameListing) {
    throw new PaginationError({ reason: "invalid_link", expectedOrigin: new URL(baseUrl).origin });
  }
  return { href: link.href, operation: link.operation };
}
