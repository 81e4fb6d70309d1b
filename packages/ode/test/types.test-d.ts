import { describe, expectTypeOf, it } from "vitest";
import type {
  GetWorkloadResult,
  PropositionRequest,
  StartWorkloadResult,
  Workload,
  WorkloadRequest,
  WorkloadStatus,
} from "../src/index.js";
import { createOdeClient } from "../src/index.js";

const ode = createOdeClient({
  auth: { accessToken: "t", apiKey: "k" },
  imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
  sandboxName: "prod",
});

describe("request types", () => {
  it("refuse a misspelled or missing field", () => {
    const scope: PropositionRequest = { "xdm:activityId": "a", "xdm:placementId": "p" };
    // @ts-expect-error `xdm:itemcount` is not a field (it is `xdm:itemCount`)
    const misspelled: PropositionRequest = { "xdm:activityId": "a", "xdm:placementId": "p", "xdm:itemcount": 2 };
    // @ts-expect-error `xdm:dataSetId` is required
    const noDataset: WorkloadRequest = { "xdm:segmentIds": ["s"], "xdm:propositionRequests": [scope] };
    expectTypeOf(misspelled).toEqualTypeOf<PropositionRequest>();
    expectTypeOf(noDataset).toEqualTypeOf<WorkloadRequest>();
  });

  it("take a workload id, and a request body", () => {
    // @ts-expect-error the workload id is a string
    void ode.getWorkload(42);
    // @ts-expect-error startWorkload needs the request
    void ode.startWorkload();
    // @ts-expect-error endpoint is "container" or "dwm"
    createOdeClient({ auth: { accessToken: "t", apiKey: "k" }, imsOrgId: "o", sandboxName: "s", endpoint: "v2" });
    // @ts-expect-error auth is required
    createOdeClient({ imsOrgId: "o", sandboxName: "s" });
  });
});

describe("response types", () => {
  it("type data as a Workload with the status enum", () => {
    // openapi-fetch wraps data in a Readable<> mapping: same shape, not the same alias, so check both directions.
    expectTypeOf<NonNullable<StartWorkloadResult["data"]>>().toExtend<Workload>();
    expectTypeOf<Workload>().toExtend<NonNullable<StartWorkloadResult["data"]>>();
    expectTypeOf<NonNullable<GetWorkloadResult["data"]>>().toExtend<Workload>();
    expectTypeOf<Workload["ode:status"]>().toEqualTypeOf<WorkloadStatus>();
    expectTypeOf<WorkloadStatus>().toEqualTypeOf<"QUEUED" | "PROCESSING" | "INGESTING" | "COMPLETED" | "ERROR">();
    expectTypeOf<NonNullable<GetWorkloadResult["error"]>>().toHaveProperty("title");
  });
});
