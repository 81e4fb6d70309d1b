import { validation as deliveryValidation } from "@offerkit/delivery/validation";
import type { OdeClient, Workload, WorkloadStatus } from "@offerkit/ode";
import { validation as odeValidation } from "@offerkit/ode/validation";
import { createOdsClient, type DecisionRequest, type OdsClient } from "@offerkit/ods";
import { validation as odsValidation } from "@offerkit/ods/validation";
import { validation as xcoreValidation } from "@offerkit/xcore/validation";
import { describe, expectTypeOf, it } from "vitest";
import {
  createOfferkit,
  createTargetClient,
  type Decision,
  decide,
  type JsonValue,
  type OfferContent,
  type Offerkit,
  type Paginator,
  parseDecision,
  type WorkloadFailedError,
  type WorkloadProgress,
  waitUntilWorkloadComplete,
} from "../src/index.js";
import { type HalResultsPage, paginateHalResults } from "../src/platform/linked-pages.js";

declare const ode: OdeClient;
declare const ods: OdsClient;
declare const request: DecisionRequest;

describe("waitUntilWorkloadComplete", () => {
  it("resolves with the workload and reports typed progress", () => {
    const done = waitUntilWorkloadComplete(
      {
        client: ode,
        minDelay: 1000,
        maxDelay: 30_000,
        maxWaitTime: 600_000,
        signal: AbortSignal.timeout(1),
        onProgress: (progress) => expectTypeOf(progress).toEqualTypeOf<WorkloadProgress>(),
      },
      { workloadId: "w-1" },
    );
    expectTypeOf(done).resolves.toEqualTypeOf<Workload>();
    expectTypeOf<WorkloadProgress["status"]>().toEqualTypeOf<WorkloadStatus>();
    expectTypeOf<WorkloadFailedError["statusDetail"]>().toEqualTypeOf<Workload["ode:statusDetail"]>();
  });

  it("needs a client and a workload id", () => {
    // @ts-expect-error no client
    void waitUntilWorkloadComplete({ maxWaitTime: 1 }, { workloadId: "w-1" });
    // @ts-expect-error no workload id
    void waitUntilWorkloadComplete({ client: ode }, {});
    // @ts-expect-error durations are milliseconds, not strings
    void waitUntilWorkloadComplete({ client: ode, maxWaitTime: "10m" }, { workloadId: "w-1" });
    // @ts-expect-error an ODS client cannot be polled for workloads
    void waitUntilWorkloadComplete({ client: ods }, { workloadId: "w-1" });
  });
});

describe("decide", () => {
  it("resolves with typed propositions whose content narrows by kind", async () => {
    expectTypeOf(decide(ods, request)).resolves.toEqualTypeOf<Decision>();
    const decision = await decide(ods, request);
    expectTypeOf(decision.propositionId).toEqualTypeOf<string | undefined>();
    const option = decision.propositions[0]?.options[0];
    expectTypeOf(option?.etag).toEqualTypeOf<string | undefined>();
    expectTypeOf(option?.isFallback).toEqualTypeOf<boolean | undefined>();
    const content = option?.content;
    if (content?.kind === "json") expectTypeOf(content.value).toEqualTypeOf<JsonValue>();
    if (content?.kind === "html") expectTypeOf(content.value).toEqualTypeOf<string>();
    if (content?.kind === "image") {
      expectTypeOf(content.url).toEqualTypeOf<string | undefined>();
      // @ts-expect-error an image has a url and a link, no value
      void content.value;
    }
    expectTypeOf<OfferContent["kind"]>().toEqualTypeOf<"json" | "html" | "text" | "image" | "other">();
    expectTypeOf(parseDecision).returns.toEqualTypeOf<Decision>();
  });
});

describe("createOfferkit", () => {
  it("exposes the shared clients and the shortcuts", () => {
    const kit = createOfferkit({
      auth: { clientId: "id", clientSecret: "secret", scopes: ["openid"] },
      imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
      sandboxName: "prod",
    });
    expectTypeOf(kit).toEqualTypeOf<Offerkit>();
    expectTypeOf(kit.ods).toEqualTypeOf<OdsClient>();
    expectTypeOf(kit.ode).toEqualTypeOf<OdeClient>();
    expectTypeOf(kit.waitUntilWorkloadComplete({ workloadId: "w" })).resolves.toEqualTypeOf<Workload>();
    expectTypeOf(kit.decide(request)).resolves.toEqualTypeOf<Decision>();
  });

  it("needs auth, org and sandbox", () => {
    // @ts-expect-error no auth
    void createOfferkit({ imsOrgId: "o", sandboxName: "prod" });
    // @ts-expect-error no sandbox
    void createOfferkit({ auth: { accessToken: "t", apiKey: "k" }, imsOrgId: "o" });
    // @ts-expect-error a fixed token needs the api key it was issued to
    void createOfferkit({ auth: { accessToken: "t" }, imsOrgId: "o", sandboxName: "prod" });
  });

  it("takes full validation per client, not one for all", () => {
    const base = { auth: { accessToken: "t", apiKey: "k" }, imsOrgId: "o", sandboxName: "prod" };
    void createOfferkit({ ...base, validation: { ods: odsValidation, ode: odeValidation, xcore: xcoreValidation } });
    void createOfferkit({ ...base, validation: { xcore: xcoreValidation } });
    // @ts-expect-error one package's validation cannot stand for all three clients
    void createOfferkit({ ...base, validation: odsValidation });
    // @ts-expect-error only the Platform clients take validation here (Target's goes to createTargetClient)
    void createOfferkit({ ...base, validation: { delivery: odsValidation } });
  });

  it("refuses one package's validation given to another client, at compile time", () => {
    const base = { auth: { accessToken: "t", apiKey: "k" }, imsOrgId: "o", sandboxName: "prod" };
    // @ts-expect-error the Offer Library's validation knows none of ODS's operations
    void createOfferkit({ ...base, validation: { ods: xcoreValidation } });
    // @ts-expect-error nor does ODS's know ODE's
    void createOfferkit({ ...base, validation: { ode: odsValidation } });
    // @ts-expect-error the ODS client takes only ODS's validation
    void createOdsClient({ ...base, validation: odeValidation });
    // @ts-expect-error the Target client takes only Delivery's
    void createTargetClient({ client: "acme", validation: odsValidation });
    void createTargetClient({ client: "acme", validation: deliveryValidation });
    void createOdsClient({ ...base, validation: odsValidation });
  });
});

describe("Paginator (for the Offer Library's paginateX)", () => {
  it("needs a limit for toArray", () => {
    const pages = {} as Paginator<{ items: string[] }, string>;
    expectTypeOf(pages.toArray({ limit: 5 })).resolves.toEqualTypeOf<string[]>();
    // @ts-expect-error toArray without a limit does not compile
    void pages.toArray();
    // @ts-expect-error nor with an empty options object
    void pages.toArray({});
  });
});

describe("paginateHalResults (what paginateX builds on)", () => {
  it("infers the item type from the page type of the list call", () => {
    type OffersPage = HalResultsPage<{ instanceId: string }> & { containerId: string };
    const list = (_next: unknown) => ({}) as Promise<{ data?: OffersPage; error?: unknown; response: Response }>;
    const pages = paginateHalResults({ baseUrl: "https://platform.adobe.io", list });
    expectTypeOf(pages).toEqualTypeOf<Paginator<OffersPage, { instanceId: string }>>();
  });
});
