import { describe, expectTypeOf, it } from "vitest";
import {
  type COLLECTION_QUALIFIER_SCHEMA,
  type Collection,
  type CollectionQualifier,
  createXcoreClient,
  DECISION_RULE_SCHEMA,
  type DECISION_SCHEMA,
  type Decision,
  type DecisionRule,
  type Envelope,
  type Etag,
  FALLBACK_OFFER_SCHEMA,
  type FallbackOffer,
  type InstanceOf,
  nextPageOf,
  type OfferStatus,
  type PageLink,
  type PatchOperation,
  type PatchPath,
  PERSONALIZED_OFFER_SCHEMA,
  type PersonalizedOffer,
  type PersonalizedOfferEnvelope,
  PLACEMENT_SCHEMA,
  type Placement,
  type Receipt,
  type ResultsPage,
  type SchemaId,
} from "../src/index.js";

const xcore = createXcoreClient({
  auth: { accessToken: "t", apiKey: "k" },
  imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
  sandboxName: "prod",
});
const containerId = "c";
const ref = { containerId, instanceId: "i" };
declare const placement: Placement;
declare const offer: PersonalizedOffer;
declare const fallback: FallbackOffer;

describe("schema ids pick the type", () => {
  it("map each of the seven schema ids to its readable type", () => {
    expectTypeOf<InstanceOf<typeof PERSONALIZED_OFFER_SCHEMA>>().toEqualTypeOf<PersonalizedOffer>();
    expectTypeOf<InstanceOf<typeof FALLBACK_OFFER_SCHEMA>>().toEqualTypeOf<FallbackOffer>();
    expectTypeOf<InstanceOf<typeof PLACEMENT_SCHEMA>>().toEqualTypeOf<Placement>();
    expectTypeOf<InstanceOf<typeof DECISION_SCHEMA>>().toEqualTypeOf<Decision>();
    expectTypeOf<
      InstanceOf<"https://ns.adobe.com/experience/offer-management/offer-filter;version=0.1">
    >().toEqualTypeOf<Collection>();
    expectTypeOf<InstanceOf<typeof COLLECTION_QUALIFIER_SCHEMA>>().toEqualTypeOf<CollectionQualifier>();
    expectTypeOf<InstanceOf<typeof DECISION_RULE_SCHEMA>>().toEqualTypeOf<DecisionRule>();
    expectTypeOf<Envelope<typeof PERSONALIZED_OFFER_SCHEMA>>().toEqualTypeOf<PersonalizedOfferEnvelope>();
  });

  it("type what list, search and get answer by the schema asked for", async () => {
    const listed = await xcore.list({ containerId, schema: PERSONALIZED_OFFER_SCHEMA });
    expectTypeOf(listed.data).toEqualTypeOf<ResultsPage<typeof PERSONALIZED_OFFER_SCHEMA> | undefined>();
    expectTypeOf(listed.data?._embedded.results[0]?._instance).toEqualTypeOf<PersonalizedOffer | undefined>();
    const found = await xcore.search({ containerId, schema: PLACEMENT_SCHEMA, q: "banner" });
    expectTypeOf(found.data?._embedded.results[0]?._instance).toEqualTypeOf<Placement | undefined>();
    const read = await xcore.get({ ...ref, schema: DECISION_RULE_SCHEMA });
    expectTypeOf(read.data?._instance).toEqualTypeOf<DecisionRule | undefined>();
    expectTypeOf(read.data?.["repo:etag"]).toEqualTypeOf<Etag | undefined>();
    expectTypeOf<Etag>().toEqualTypeOf<number | string>();
    const written = await xcore.create({ containerId, schema: PLACEMENT_SCHEMA, instance: placement });
    expectTypeOf(written.data).toEqualTypeOf<Receipt | undefined>();
    expectTypeOf(nextPageOf(listed.data)).toEqualTypeOf<PageLink | undefined>();
  });

  it("refuse an object of another type, and a schema id that is not one of the seven", () => {
    // @ts-expect-error a placement is not a personalized offer
    void xcore.create({ containerId, schema: PERSONALIZED_OFFER_SCHEMA, instance: placement });
    // @ts-expect-error a personalized offer is not a placement
    void xcore.replace({ ...ref, schema: PLACEMENT_SCHEMA, instance: offer });
    // @ts-expect-error a personalized offer has constraints a fallback offer has not
    void xcore.create({ containerId, schema: FALLBACK_OFFER_SCHEMA, instance: offer });
    void xcore.create({ containerId, schema: FALLBACK_OFFER_SCHEMA, instance: fallback });
    // @ts-expect-error a misspelled key
    void xcore.create({ containerId, schema: PLACEMENT_SCHEMA, instance: { "xdm:name": "p", "xdm:chanel": "web" } });
    void xcore.list({
      containerId,
      // @ts-expect-error a schema version the spec does not describe
      schema: "https://ns.adobe.com/experience/offer-management/offer-filter;version=0.3",
    });
    // @ts-expect-error the schema is required
    void xcore.get({ ...ref });
    expectTypeOf<SchemaId>().toEqualTypeOf<
      | typeof PERSONALIZED_OFFER_SCHEMA
      | typeof FALLBACK_OFFER_SCHEMA
      | typeof PLACEMENT_SCHEMA
      | typeof DECISION_SCHEMA
      | "https://ns.adobe.com/experience/offer-management/offer-filter;version=0.1"
      | typeof COLLECTION_QUALIFIER_SCHEMA
      | typeof DECISION_RULE_SCHEMA
    >();
  });

  it("refuse query options the operation has not", () => {
    // @ts-expect-error q is a search option
    void xcore.list({ containerId, schema: PLACEMENT_SCHEMA, q: "x" });
    // @ts-expect-error qop is AND or OR
    void xcore.search({ containerId, schema: PLACEMENT_SCHEMA, qop: "XOR" });
    // @ts-expect-error limit is a number
    void xcore.list({ containerId, schema: PLACEMENT_SCHEMA, limit: "5" });
    // @ts-expect-error property is a list of conditions
    void xcore.list({ containerId, schema: PLACEMENT_SCHEMA, property: "_instance.xdm:status==approved" });
  });
});

describe("JSON Patch operations are checked against the type", () => {
  type OfferPatch = PatchOperation<typeof PERSONALIZED_OFFER_SCHEMA>;

  it("accept the instance's own keys, nested pointers under objects and arrays, and type top-level values", () => {
    const ops: OfferPatch[] = [
      { op: "replace", path: "/_instance/xdm:status", value: "approved" },
      { op: "add", path: "/_instance/xdm:tags/-", value: "xcore:tag:1" },
      { op: "replace", path: "/_instance/xdm:rank/xdm:priority", value: 5 },
      { op: "remove", path: "/_instance/xdm:cappingConstraint" },
      { op: "add", path: "/_links/self", value: {} },
    ];
    void xcore.patch({ ...ref, schema: PERSONALIZED_OFFER_SCHEMA, operations: ops, ifMatch: 2 });
    expectTypeOf<Extract<OfferPatch, { path: "/_instance/xdm:status" }>["value"]>().toEqualTypeOf<OfferStatus>();
    expectTypeOf<"/_instance/xdm:componentType">().toExtend<PatchPath<typeof PLACEMENT_SCHEMA>>();
    expectTypeOf<"/_instance/xdm:componentType">().not.toExtend<PatchPath<typeof PERSONALIZED_OFFER_SCHEMA>>();
  });

  it("refuse another type's key, a typo, a wrong value, an unknown op and the server-assigned @id", () => {
    // @ts-expect-error xdm:componentType is a placement key
    const otherType: OfferPatch = { op: "replace", path: "/_instance/xdm:componentType", value: "x" };
    // @ts-expect-error typo in the key
    const typo: OfferPatch = { op: "replace", path: "/_instance/xdm:stauts", value: "approved" };
    // @ts-expect-error not an offer status
    const badValue: OfferPatch = { op: "replace", path: "/_instance/xdm:status", value: "live" };
    // @ts-expect-error only add, replace and remove
    const move: OfferPatch = { op: "move", path: "/_instance/xdm:name", from: "/_instance/xdm:status" };
    // @ts-expect-error @id is assigned by the server
    const id: OfferPatch = { op: "replace", path: "/_instance/@id", value: "xcore:personalized-offer:1" };
    // @ts-expect-error a string key has nothing below it
    const below: OfferPatch = { op: "replace", path: "/_instance/xdm:name/x", value: "x" };
    void [otherType, typo, badValue, move, id, below];
    // @ts-expect-error the operations must be of the schema's type
    void xcore.patch({ ...ref, schema: PLACEMENT_SCHEMA, operations: [] as OfferPatch[] });
  });
});
