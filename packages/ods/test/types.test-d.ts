import { describe, expectTypeOf, it } from "vitest";
import type {
  DecisionRequest,
  DecisionResponse,
  DecisionsResult,
  EntityRef,
  Etag,
  IdentityMap,
  IncludeMetadata,
  Option,
  Problem,
  Proposition,
  PropositionRequest,
} from "../src/index.js";
import {
  createOdsClient,
  DECISION_REQUEST_MEDIA_TYPE,
  DECISION_RESPONSE_MEDIA_TYPE,
  etagOf,
  propositionIdOf,
} from "../src/index.js";

describe("request types", () => {
  it("refuse a misspelled or missing field", () => {
    const scope: PropositionRequest = { "xdm:activityId": "a", "xdm:placementId": "p", "xdm:itemCount": 2 };
    // @ts-expect-error `xdm:itemcount` is not a field (it is `xdm:itemCount`)
    const misspelled: PropositionRequest = { "xdm:activityId": "a", "xdm:placementId": "p", "xdm:itemcount": 2 };
    // @ts-expect-error `xdm:profiles` is required
    const noProfile: DecisionRequest = { "xdm:propositionRequests": [scope] };
    const identities: IdentityMap = { ECID: [{ "xdm:id": "123", primary: true }], Email: [{ "xdm:id": "a@b.c" }] };
    // @ts-expect-error metadata names are an enum
    const metadata: DecisionRequest["xdm:responseFormat"] = { "xdm:includeMetadata": { "xdm:option": ["price"] } };
    expectTypeOf(misspelled).toEqualTypeOf<PropositionRequest>();
    expectTypeOf(noProfile).toEqualTypeOf<DecisionRequest>();
    expectTypeOf(identities).toEqualTypeOf<IdentityMap>();
    expectTypeOf(metadata).toEqualTypeOf<DecisionRequest["xdm:responseFormat"]>();
  });

  it("accept priority as option metadata only", () => {
    const option: IncludeMetadata = { "xdm:option": ["name", "characteristics", "priority"] };
    // @ts-expect-error priority was only ever documented for options, not decisions
    const activity: IncludeMetadata = { "xdm:activity": ["priority"] };
    // @ts-expect-error nor placements
    const placement: IncludeMetadata = { "xdm:placement": ["priority"] };
    expectTypeOf(option).toEqualTypeOf<IncludeMetadata>();
    expectTypeOf(activity).toEqualTypeOf<IncludeMetadata>();
    expectTypeOf(placement).toEqualTypeOf<IncludeMetadata>();
  });

  it("require credentials, org and sandbox", () => {
    // @ts-expect-error auth is required
    createOdsClient({ imsOrgId: "o", sandboxName: "s" });
    // @ts-expect-error sandboxName is required
    createOdsClient({ auth: { accessToken: "t", apiKey: "k" }, imsOrgId: "o" });
  });
});

describe("response types", () => {
  it("type data as DecisionResponse and error as Problem", () => {
    // openapi-fetch wraps data in a Readable<> mapping: same shape, not the same alias, so check both directions.
    expectTypeOf<NonNullable<DecisionsResult["data"]>>().toExtend<DecisionResponse>();
    expectTypeOf<DecisionResponse>().toExtend<NonNullable<DecisionsResult["data"]>>();
    expectTypeOf<NonNullable<DecisionsResult["data"]>>().not.toExtend<{ nope: string }>();
    expectTypeOf<NonNullable<DecisionsResult["error"]>>().toExtend<Problem>();
    expectTypeOf<DecisionResponse["xdm:propositions"]>().toEqualTypeOf<Proposition[]>();
    expectTypeOf<Option["xdm:score"]>().toEqualTypeOf<number | undefined>();
  });

  it("declare both spellings of the answer's id, neither required", () => {
    expectTypeOf<DecisionResponse["xdm:propositionId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<DecisionResponse["xdm:propositionID"]>().toEqualTypeOf<string | undefined>();
    const legacy: DecisionResponse = { "xdm:propositionID": "p", "xdm:propositions": [] };
    // @ts-expect-error the propositions are still required
    const empty: DecisionResponse = { "xdm:propositionId": "p" };
    expectTypeOf(legacy).toEqualTypeOf<DecisionResponse>();
    expectTypeOf(empty).toEqualTypeOf<DecisionResponse>();
    expectTypeOf(propositionIdOf).parameter(0).toExtend<Partial<DecisionResponse>>();
    expectTypeOf(propositionIdOf).returns.toEqualTypeOf<string | undefined>();
  });

  it("type every answer etag as integer or string, and etagOf as one string", () => {
    expectTypeOf<Etag>().toEqualTypeOf<number | string>();
    expectTypeOf<EntityRef["repo:etag"]>().toEqualTypeOf<Etag>();
    expectTypeOf<Option["repo:etag"]>().toEqualTypeOf<Etag>();
    // @ts-expect-error an etag is never a boolean
    const wrong: Option = { "xdm:id": "o", "repo:etag": true };
    expectTypeOf(wrong).toEqualTypeOf<Option>();
    expectTypeOf(etagOf({} as Option)).toEqualTypeOf<string>();
    expectTypeOf(etagOf({} as EntityRef)).toEqualTypeOf<string>();
    expectTypeOf(etagOf({} as { "repo:etag"?: Etag })).toEqualTypeOf<string | undefined>();
    // The answer as openapi-fetch types it reads the same way.
    type Answer = NonNullable<DecisionsResult["data"]>;
    expectTypeOf(propositionIdOf({} as Answer)).toEqualTypeOf<string | undefined>();
    expectTypeOf(etagOf({} as Answer["xdm:propositions"][number]["xdm:activity"])).toEqualTypeOf<string>();
  });

  it("keep the media type constants as the exact literal strings", () => {
    expectTypeOf(
      DECISION_REQUEST_MEDIA_TYPE,
    ).toEqualTypeOf<'application/vnd.adobe.xdm+json; schema="https://ns.adobe.com/experience/offer-management/decision-request;version=1.0"'>();
    expectTypeOf(
      DECISION_RESPONSE_MEDIA_TYPE,
    ).toEqualTypeOf<'application/vnd.adobe.xdm+json; schema="https://ns.adobe.com/experience/offer-management/decision-response;version=1.0"'>();
  });
});
