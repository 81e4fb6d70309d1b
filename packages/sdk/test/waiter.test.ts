import { createOdeClient, type OdeClientOptions, type Workload, type WorkloadStatus } from "@offerkit/ode";
import { fakeFetch, jsonResponse, startPrismMock } from "@offerkit/testkit";
import { describe, expect, it, vi } from "vitest";
import {
  WORKLOAD_WAITER_DEFAULTS,
  WorkloadFailedError,
  type WorkloadProgress,
  waitUntilWorkloadComplete,
} from "../src/index.js";
import { useFakeClock } from "./support/fake-clock.js";

const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const CONTAINER = "0948b1c5-fff8-3b76-ba17-909c6b93b5a2";
const WORKLOAD = "47efef25-4bcf-404f-96e2-67c4f784a1f5";

const workload = (status: WorkloadStatus, detail?: Record<string, unknown>): Workload => ({
  "@id": WORKLOAD,
  "xdm:imsOrgId": ORG,
  "ode:createDate": 1648078924834,
  "ode:status": status,
  ...(detail ? { "ode:statusDetail": detail } : {}),
});

/** The real ODE client (static token) over a fake fetch that answers with `respond`. */
function odeWith(
  respond: (request: Request) => Response | Promise<Response>,
  overrides: Partial<OdeClientOptions> = {},
) {
  const fetch = fakeFetch(respond);
  const client = createOdeClient({
    auth: { accessToken: "token-1", apiKey: "key-1" },
    imsOrgId: ORG,
    sandboxName: "prod",
    fetch,
    ...overrides,
  });
  return { fetch, client };
}

/** The real ODE client answering the given statuses in order (the last one repeats). */
function odeAnswering(statuses: readonly WorkloadStatus[], overrides: Partial<OdeClientOptions> = {}) {
  let served = 0;
  return odeWith(() => {
    const status = statuses[Math.min(served, statuses.length - 1)] as WorkloadStatus;
    served++;
    const detail =
      status === "ERROR" ? { errorMessage: "Output dataset is not based on the DecisionEvents schema" } : undefined;
    return jsonResponse(workload(status, detail), { headers: { "x-request-id": `srv-${served}` } });
  }, overrides);
}

useFakeClock();

describe("waitUntilWorkloadComplete", () => {
  it("follows QUEUED → PROCESSING → INGESTING → COMPLETED and resolves with the final workload", async () => {
    const { fetch, client } = odeAnswering(["QUEUED", "PROCESSING", "INGESTING", "COMPLETED"]);
    const progress: WorkloadProgress[] = [];
    const done = waitUntilWorkloadComplete({ client, onProgress: (p) => progress.push(p) }, { workloadId: WORKLOAD });
    await vi.runAllTimersAsync();
    await expect(done).resolves.toEqual(workload("COMPLETED"));
    expect(progress.map((p) => [p.attempt, p.status, p.elapsed, p.nextDelay])).toEqual([
      [1, "QUEUED", 0, 4000],
      [2, "PROCESSING", 4000, 8000],
      [3, "INGESTING", 12_000, 16_000],
      [4, "COMPLETED", 28_000, undefined],
    ]);
    expect(fetch.requests).toHaveLength(4);
    for (const request of fetch.requests) {
      expect(request).toMatchObject({
        method: "GET",
        url: `https://platform.adobe.io/data/core/dwm/workloads/decisions/${WORKLOAD}`,
        headers: { authorization: "Bearer token-1", "x-gw-ims-org-id": ORG, "x-sandbox-name": "prod" },
      });
    }
    // A fresh request id per check, so each one can be found in Adobe's logs.
    expect(new Set(fetch.requests.map((r) => r.headers["x-request-id"])).size).toBe(4);
  });

  it("backs off from 2 s to one check a minute by default", async () => {
    const { client } = odeAnswering([...Array<WorkloadStatus>(8).fill("PROCESSING"), "COMPLETED"]);
    const delays: (number | undefined)[] = [];
    const done = waitUntilWorkloadComplete(
      { client, onProgress: (p) => delays.push(p.nextDelay) },
      { workloadId: WORKLOAD },
    );
    await vi.runAllTimersAsync();
    await done;
    expect(delays).toEqual([4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000, undefined]);
    expect(WORKLOAD_WAITER_DEFAULTS).toEqual({ minDelay: 2000, maxDelay: 60_000, maxWaitTime: 7_200_000 });
  });

  it("throws WorkloadFailedError with the server's detail at once on ERROR", async () => {
    const { fetch, client } = odeAnswering(["QUEUED", "ERROR", "COMPLETED"]);
    const done = waitUntilWorkloadComplete({ client }, { workloadId: WORKLOAD }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = await done;
    expect(error).toBeInstanceOf(WorkloadFailedError);
    expect(error).toMatchObject({
      workloadId: WORKLOAD,
      status: "ERROR",
      statusDetail: { errorMessage: "Output dataset is not based on the DecisionEvents schema" },
      requestId: "srv-2",
    });
    expect((error as Error).message).toContain("Output dataset is not based on the DecisionEvents schema");
    expect((error as Error).message).toContain("srv-2");
    expect(fetch.requests).toHaveLength(2);
  });

  it("leaves 503 to the client's retries, then surfaces it as ApiError", async () => {
    const { fetch, client } = odeWith(
      () => jsonResponse({ title: "Busy" }, { status: 503, headers: { "x-request-id": "srv-503" } }),
      { retry: { attempts: 3 } },
    );
    const done = waitUntilWorkloadComplete({ client }, { workloadId: WORKLOAD }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await done).toMatchObject({ name: "ApiError", status: 503, requestId: "srv-503" });
    expect(fetch.requests).toHaveLength(3);
  });

  it("passes the container and sandbox of the input to every status call", async () => {
    const { fetch, client } = odeAnswering(["PROCESSING", "COMPLETED"], { endpoint: "container" });
    const done = waitUntilWorkloadComplete(
      { client },
      { workloadId: WORKLOAD, containerId: CONTAINER, sandboxName: "dev" },
    );
    await vi.runAllTimersAsync();
    await done;
    expect(fetch.requests.map((r) => [r.url, r.headers["x-sandbox-name"]])).toEqual([
      [`https://platform.adobe.io/data/core/ode/${CONTAINER}/workloads/decisions/${WORKLOAD}`, "dev"],
      [`https://platform.adobe.io/data/core/ode/${CONTAINER}/workloads/decisions/${WORKLOAD}`, "dev"],
    ]);
  });
});

describe("against Prism serving specs/ode.yaml", () => {
  it("reaches COMPLETED through the documented states, and fails with the documented ERROR detail", async () => {
    vi.useRealTimers();
    const prism = await startPrismMock({ spec: "ode" });
    // Only the waiter's own waits run on the fake clock; sockets and Prism keep the real event loop.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      for (const [path, final] of [
        [["queued", "processing", "ingesting", "completed"], "COMPLETED"],
        [["queued", "processing", "error"], "ERROR"],
      ] as const) {
        // Prism answers the example a request names with `Prefer: example=…`: one state per check.
        const script = [...path];
        const sent: string[] = [];
        const client = createOdeClient({
          auth: { accessToken: "contract-token", apiKey: "contract-key" },
          imsOrgId: ORG,
          sandboxName: "prod",
          baseUrl: prism.url,
          containerId: CONTAINER,
          retry: false,
          fetch: (url, init) => {
            const example = script.shift() ?? "completed";
            sent.push(example);
            const headers = new Headers(init.headers);
            headers.set("prefer", `example=${example}`);
            return fetch(url, { ...init, headers });
          },
        });
        const statuses: WorkloadStatus[] = [];
        const done = waitUntilWorkloadComplete(
          {
            client,
            onProgress: ({ status, nextDelay }) => {
              statuses.push(status);
              // The wait starts right after this report: end it on the next turn of the (real) event loop.
              if (nextDelay !== undefined) setImmediate(() => vi.advanceTimersByTime(nextDelay));
            },
          },
          { workloadId: WORKLOAD },
        );
        if (final === "COMPLETED") {
          await expect(done).resolves.toMatchObject({ "ode:status": "COMPLETED" });
          expect(statuses).toEqual(["QUEUED", "PROCESSING", "INGESTING", "COMPLETED"]);
        } else {
          const error = await done.catch((e: unknown) => e);
          expect(error).toBeInstanceOf(WorkloadFailedError);
          expect((error as WorkloadFailedError).statusDetail).toMatchObject({
            errorMessage: "Output dataset 6196b4a1a63bd118dafe093c is not based on the ODE DecisionEvents schema",
          });
          expect(statuses).toEqual(["QUEUED", "PROCESSING", "ERROR"]);
        }
        expect(sent).toEqual(path);
      }
    } finally {
      await prism.close();
    }
  });
});
