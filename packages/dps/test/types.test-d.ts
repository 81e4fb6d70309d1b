// Type tests: what each method takes and resolves to, and what the compiler refuses.
import type { RequestValidation } from "@offerkit/core/internal";
import { describe, expectTypeOf, it } from "vitest";
import {
  createDpsClient,
  type DecisionRule,
  type DpsOperationId,
  type EligibilityRule,
  type ExdPlacement,
  type FallbackOffer,
  type FallbackOfferInput,
  type ListQuery,
  nextPageOf,
  type OfferItem,
  type OfferItemPage,
  type OfferRule,
  type OfferRulePage,
  type PageLinkInput,
  type PersonalizedOffer,
  type PersonalizedOfferInput,
  type PersonalizedOfferPage,
  type Problem,
  type Receipt,
  TERMINAL_WORKFLOW_STATUSES,
  type Workflow,
  type WorkflowStatus,
} from "../src/index.js";
import { validation } from "../src/validation.js";

const dps = createDpsClient({
  auth: { accessToken: "t", apiKey: "k" },
  imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
  sandboxName: "prod",
  schemaId: "https://ns.adobe.com/acme/schemas/1",
  validation,
});
declare const personalized: PersonalizedOfferInput;
declare const fallback: FallbackOfferInput;

describe("results are typed by the spec", () => {
  it("reads, lists and writes", async () => {
    const item = await dps.offerItems.get("dps:offer-item:1");
    expectTypeOf(item.data).toEqualTypeOf<OfferItem | undefined>();
    expectTypeOf(item.error).toEqualTypeOf<Problem | undefined>();
    const page = await dps.offerItems.list({ limit: 2 });
    expectTypeOf(page.data).toEqualTypeOf<OfferItemPage | undefined>();
    const created = await dps.tags.create({ name: "Loyalty" });
    expectTypeOf(created.data).toEqualTypeOf<Receipt | undefined>();
    const deleted = await dps.tags.delete("tag-1");
    expectTypeOf(deleted.data).toEqualTypeOf<undefined>();
    const placement = await dps.exdPlacements.get("dps:exd-placement:1");
    expectTypeOf(placement.data).toEqualTypeOf<ExdPlacement | undefined>();
  });

  it("types each offer kind's pages by its offer-type", async () => {
    const page = await dps.personalizedOffers.list();
    expectTypeOf(page.data).toEqualTypeOf<PersonalizedOfferPage | undefined>();
    expectTypeOf(page.data?.results[0]).toEqualTypeOf<PersonalizedOffer | undefined>();
    const offer = await dps.fallbackOffers.get("o-1");
    expectTypeOf(offer.data).toEqualTypeOf<FallbackOffer | undefined>();
  });

  it("types the shared rules path as either kind", async () => {
    const rule = await dps.eligibilityRules.get("dps:eligibility-rule:1");
    expectTypeOf(rule.data).toEqualTypeOf<OfferRule | undefined>();
    expectTypeOf<OfferRule>().toEqualTypeOf<EligibilityRule | DecisionRule>();
    const page = await dps.decisionRules.list({ property: "exdRule==false" });
    expectTypeOf(page.data).toEqualTypeOf<OfferRulePage | undefined>();
  });

  it("types the migration workflows", async () => {
    const started = await dps.migration.startRollback("wf-1");
    expectTypeOf(started.data).toEqualTypeOf<Workflow | undefined>();
    expectTypeOf(TERMINAL_WORKFLOW_STATUSES).toEqualTypeOf<readonly WorkflowStatus[]>();
  });

  it("pages with nextPageOf", async () => {
    const page = await dps.tags.list();
    const next = nextPageOf(page.data);
    expectTypeOf(next).toEqualTypeOf<PageLinkInput | undefined>();
    if (next) await dps.tags.list(next);
    expectTypeOf<ListQuery["property"]>().toEqualTypeOf<string | readonly string[] | undefined>();
  });
});

describe("the compiler refuses", () => {
  it("an update the resource does not have", () => {
    // @ts-expect-error eligibility rules are replaced with PUT, not patched
    void dps.eligibilityRules.patch;
    // @ts-expect-error decision rules are patched, not replaced
    void dps.decisionRules.replace;
    // @ts-expect-error Adobe documents no delete of an Experience Decisioning placement
    void dps.exdPlacements.delete;
  });

  it("schemaId on calls other than the decision items'", () => {
    void dps.offerItems.get("i-1", { schemaId: "https://ns.adobe.com/acme/schemas/2" });
    // @ts-expect-error x-schema-id belongs to the decision item calls only
    void dps.tags.get("t-1", { schemaId: "https://ns.adobe.com/acme/schemas/2" });
  });

  it("a request level the API does not have, and a patch op it does not know", () => {
    const body = {
      imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
      sourceSandboxDetails: { sandboxName: "prod" },
      targetSandboxDetails: { sandboxName: "exd" },
    };
    void dps.migration.startDependencyAnalysis("offer", body);
    // @ts-expect-error not one of sandbox, offer, decision
    void dps.migration.startDependencyAnalysis("org", body);
    // @ts-expect-error JSON Patch has no "merge"
    void dps.tags.patch("t-1", [{ op: "merge", path: "/name", value: "x" }]);
  });

  it("a field of the other offer kind", () => {
    void dps.personalizedOffers.create(personalized);
    void dps.fallbackOffers.create(fallback);
    void dps.fallbackOffers.create({ name: "Fallback", labels: ["core/C1"] });
    // @ts-expect-error labels belong to fallback offers
    void dps.personalizedOffers.create({ name: "Summer", labels: ["core/C1"] });
    // @ts-expect-error frequency capping belongs to personalized offers
    void dps.fallbackOffers.create({ name: "Fallback", frequencyCappingConstraints: [] });
  });

  it("another client's validation", () => {
    expectTypeOf(validation).toEqualTypeOf<RequestValidation<DpsOperationId>>();
    void createDpsClient({
      auth: { accessToken: "t", apiKey: "k" },
      imsOrgId: "o",
      sandboxName: "p",
      // @ts-expect-error a validation of other operations
      validation: (_: "makeDecisions") => {},
    });
  });
});
