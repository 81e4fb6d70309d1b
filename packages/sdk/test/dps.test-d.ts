// Types of the facade's Decisioning parts: paginators typed by the resource named, waiters, flows, the kit.
import type {
  DpsClient,
  EligibilityRule,
  FallbackOffer,
  FallbackOfferPage,
  OfferCollection,
  OfferItem,
  OfferItemPage,
  OfferRule,
  PersonalizedOffer,
  Receipt,
  Tag,
  Workflow,
} from "@offerkit/dps";
import { validation as dpsValidation } from "@offerkit/dps/validation";
import { describe, expectTypeOf, it } from "vitest";
import {
  addOfferToCollection,
  createOfferkit,
  type DpsItemOf,
  type DpsListName,
  type DpsPaginator,
  type DpsUpdate,
  type Offerkit,
  type Paginator,
  paginateDps,
  updateWith,
  type WorkflowFailedError,
  type WorkflowProgress,
  waitUntilMigrationComplete,
} from "../src/index.js";

declare const dps: DpsClient;
declare const kit: Offerkit;

describe("paginateDps", () => {
  it("types pages and items by the resource named", () => {
    expectTypeOf(paginateDps({ client: dps }, "offerItems")).toEqualTypeOf<Paginator<OfferItemPage, OfferItem>>();
    expectTypeOf(paginateDps({ client: dps }, "fallbackOffers")).toEqualTypeOf<
      Paginator<FallbackOfferPage, FallbackOffer>
    >();
    expectTypeOf(paginateDps({ client: dps }, "tags").toArray({ limit: 5 })).resolves.toEqualTypeOf<Tag[]>();
    expectTypeOf(paginateDps({ client: dps }, "personalizedOffers").items()).toEqualTypeOf<
      AsyncGenerator<PersonalizedOffer, void, undefined>
    >();
    // /offer-rules answers both generations' rules.
    expectTypeOf<DpsItemOf<"eligibilityRules">>().toEqualTypeOf<OfferRule>();
    expectTypeOf<EligibilityRule>().toExtend<DpsItemOf<"eligibilityRules">>();
    expectTypeOf(kit.paginateDps("offerCollections", { limit: 50 }, { prefetch: true })).toEqualTypeOf<
      DpsPaginator<"offerCollections">
    >();
  });

  it("names every list of the client, and nothing else", () => {
    expectTypeOf<DpsListName>().toEqualTypeOf<
      | "offerItems"
      | "itemCollections"
      | "selectionStrategies"
      | "eligibilityRules"
      | "rankingFormulas"
      | "exdPlacements"
      | "personalizedOffers"
      | "fallbackOffers"
      | "placements"
      | "offerCollections"
      | "decisionRules"
      | "tags"
      | "decisions"
    >();
    // @ts-expect-error the migration API has no list
    void paginateDps({ client: dps }, "migration");
    // @ts-expect-error a client without that list
    void paginateDps({ client: { baseUrl: "", tags: dps.tags } }, "offerItems");
    // @ts-expect-error the query's page size is a number
    void paginateDps({ client: dps }, "tags", { limit: "50" });
  });

  it("takes schemaId in the call options of offer items only", () => {
    void paginateDps({ client: dps, callOptions: { schemaId: "s" } }, "offerItems");
    // @ts-expect-error tags have no schema id
    void paginateDps({ client: dps, callOptions: { schemaId: "s" } }, "tags");
  });
});

describe("the migration waiters", () => {
  it("resolve with the workflow and report typed progress", () => {
    const done = waitUntilMigrationComplete(
      { client: dps, maxWaitTime: 60_000, onProgress: (p) => expectTypeOf(p).toEqualTypeOf<WorkflowProgress>() },
      { workflowId: "w-1" },
    );
    expectTypeOf(done).resolves.toEqualTypeOf<Workflow>();
    expectTypeOf(kit.waitUntilRollbackComplete({ workflowId: "w-1" })).resolves.toEqualTypeOf<Workflow>();
    expectTypeOf<WorkflowFailedError["errors"]>().toEqualTypeOf<readonly Readonly<Record<string, unknown>>[]>();
    // @ts-expect-error a workflow id is needed
    void waitUntilMigrationComplete({ client: dps }, {});
    // @ts-expect-error the xcore client has no migration API
    void waitUntilMigrationComplete({ client: kit.xcore }, { workflowId: "w-1" });
  });
});

describe("the flows", () => {
  it("type the object a change works on by the resource", () => {
    expectTypeOf(
      updateWith(dps.offerCollections, "c-1", (collection) => {
        expectTypeOf(collection).toEqualTypeOf<OfferCollection>();
        collection.ids = ["o-1"];
      }),
    ).resolves.toEqualTypeOf<DpsUpdate<OfferCollection>>();
    void updateWith(dps.offerItems, "i-1", (item) => item, { schemaId: "s" });
    // @ts-expect-error the change must keep the object's type
    void updateWith(dps.tags, "t-1", () => 5);
    // @ts-expect-error replaced (PUT) resources have no JSON Patch
    void updateWith(dps.rankingFormulas, "r-1", () => {});
    expectTypeOf(addOfferToCollection(dps, "c-1", "o-1")).resolves.toEqualTypeOf<DpsUpdate<OfferCollection>>();
    expectTypeOf<DpsUpdate<Tag>["receipt"]>().toEqualTypeOf<Receipt | undefined>();
  });
});

describe("createOfferkit", () => {
  it("takes dps options and validation per client", () => {
    const auth = { accessToken: "t", apiKey: "k" };
    createOfferkit({ auth, imsOrgId: "o", sandboxName: "s", dps: { schemaId: "x", migrationBaseUrl: "http://m" } });
    createOfferkit({ auth, imsOrgId: "o", sandboxName: "s", validation: { dps: dpsValidation } });
    // @ts-expect-error an unknown dps option
    createOfferkit({ auth, imsOrgId: "o", sandboxName: "s", dps: { containerId: "c" } });
    expectTypeOf(kit.dps).toEqualTypeOf<DpsClient>();
  });
});
