import type {
  CollectionQualifierEnvelope,
  DecisionEnvelope,
  PersonalizedOfferEnvelope,
  PLACEMENT_SCHEMA,
  PlacementEnvelope,
  ResultsPage,
  XcoreClient,
} from "@offerkit/xcore";
import { describe, expectTypeOf, it } from "vitest";
import {
  type Offerkit,
  type OfferLibraryPaginator,
  type PaginationConfig,
  type Paginator,
  paginateCollectionQualifiers,
  paginateDecisions,
  paginateInstances,
  paginatePersonalizedOffers,
  paginateSearchPlacements,
} from "../src/index.js";

declare const xcore: XcoreClient;
declare const kit: Offerkit;
const config: PaginationConfig = { client: xcore, prefetch: true };
const containerId = "c-1";

describe("Offer Library paginators", () => {
  it("type each item by the function's object type", () => {
    expectTypeOf(paginatePersonalizedOffers(config, { containerId }).items()).toEqualTypeOf<
      AsyncGenerator<PersonalizedOfferEnvelope, void, undefined>
    >();
    expectTypeOf(
      paginateSearchPlacements(config, { containerId, q: "banner" }).toArray({ limit: 5 }),
    ).resolves.toEqualTypeOf<PlacementEnvelope[]>();
    expectTypeOf(paginateDecisions(config, { containerId }).toArray({ limit: 5 })).resolves.toEqualTypeOf<
      DecisionEnvelope[]
    >();
    expectTypeOf(paginateCollectionQualifiers(config, { containerId })).toEqualTypeOf<
      Paginator<
        ResultsPage<"https://ns.adobe.com/experience/offer-management/tag;version=0.1">,
        CollectionQualifierEnvelope
      >
    >();
  });

  it("type the generic one by the schema it is given", () => {
    const placements = paginateInstances(config, {
      containerId,
      schema: "https://ns.adobe.com/experience/offer-management/offer-placement;version=0.4",
    });
    expectTypeOf(placements).toEqualTypeOf<OfferLibraryPaginator<typeof PLACEMENT_SCHEMA>>();
    const unknownSchema = "https://ns.adobe.com/experience/offer-management/offer;version=1";
    // @ts-expect-error only the seven documented schema ids
    paginateInstances(config, { containerId, schema: unknownSchema });
  });

  it("require a limit for toArray", () => {
    const offers = paginatePersonalizedOffers(config, { containerId });
    // @ts-expect-error toArray without a limit does not compile
    void offers.toArray();
    // @ts-expect-error nor with an empty options object
    void offers.toArray({});
  });

  it("refuse inputs of the wrong shape", () => {
    // @ts-expect-error the named ones take no schema: it is in their name
    paginatePersonalizedOffers(config, { containerId, schema: "x" });
    // @ts-expect-error search terms only for the search functions
    paginatePersonalizedOffers(config, { containerId, q: "checking" });
    // @ts-expect-error a container is required
    paginatePersonalizedOffers(config, {});
    // @ts-expect-error the config names a client
    paginatePersonalizedOffers({ prefetch: true }, { containerId });
  });

  it("are offered by the facade with its own client", () => {
    expectTypeOf(kit.xcore).toEqualTypeOf<XcoreClient>();
    expectTypeOf(kit.paginatePersonalizedOffers({ containerId }, { prefetch: true }).items()).toEqualTypeOf<
      AsyncGenerator<PersonalizedOfferEnvelope, void, undefined>
    >();
    expectTypeOf(kit.paginateSearchPlacements)
      .parameter(1)
      .toEqualTypeOf<Omit<PaginationConfig, "client"> | undefined>();
    // @ts-expect-error the facade's shortcut takes no client
    kit.paginatePlacements({ containerId }, { client: xcore });
  });
});
