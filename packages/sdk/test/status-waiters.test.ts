// What every waiter does alike, since they share one loop (status-waiter.ts): the batch workload waiter and the three
// migration workflow waiters, each on its real client over a scripted server, on fake timers.
import { createOdeClient } from "@offerkit/ode";
import { fakeFetch, jsonResponse } from "@offerkit/testkit";
import { describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ApiError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
  waitUntilDependencyAnalysisComplete,
  waitUntilMigrationComplete,
  waitUntilRollbackComplete,
  waitUntilWorkloadComplete,
} from "../src/index.js";
import { dpsClient, ORG } from "./support/dps.js";
import { useFakeClock } from "./support/fake-clock.js";

const ID = "47efef25-4bcf-404f-96e2-67c4f784a1f5";
type Respond = (request: Request) => Response | Promise<Response>;
type Timing = {
  minDelay?: number;
  maxDelay?: number;
  maxWaitTime?: number;
  signal?: AbortSignal;
  onProgress?: () => void;
};

/** One waiter: its client over a scripted server, its input for an id, and its answers. */
interface Subject {
  readonly client: (fetch: ReturnType<typeof fakeFetch>) => unknown;
  readonly input: (id: string) => unknown;
  /** The waiter, called with a config and input as given (unchecked, to test its refusals). */
  readonly wait: (config: unknown, input: unknown) => Promise<unknown>;
  readonly running: unknown;
  /** An answer whose status field is missing. */
  readonly statusless: unknown;
  /** The field a bad id is refused as (by the client, before the request). */
  readonly idField: string;
}

function workflowSubject(waiter: typeof waitUntilMigrationComplete, idField = "path.id"): Subject {
  return {
    client: (fetch) => dpsClient({ fetch }),
    input: (workflowId) => ({ workflowId }),
    wait: (config, input) => waiter(config as never, input as never),
    running: { id: ID, status: "Running" },
    statusless: { id: ID },
    idField,
  };
}

const SUBJECTS: readonly [string, Subject][] = [
  [
    "waitUntilWorkloadComplete",
    {
      client: (fetch) =>
        createOdeClient({
          auth: { accessToken: "token-1", apiKey: "key-1" },
          imsOrgId: ORG,
          sandboxName: "prod",
          fetch,
        }),
      input: (workloadId) => ({ workloadId }),
      wait: (config, input) => waitUntilWorkloadComplete(config as never, input as never),
      running: { "@id": ID, "ode:status": "PROCESSING" },
      statusless: { "@id": ID },
      idField: "workloadId",
    },
  ],
  ["waitUntilDependencyAnalysisComplete", workflowSubject(waitUntilDependencyAnalysisComplete)],
  ["waitUntilMigrationComplete", workflowSubject(waitUntilMigrationComplete)],
  ["waitUntilRollbackComplete", workflowSubject(waitUntilRollbackComplete, "path.rollbackWorkflowId")],
];

/** The subject's waiter on a client whose server answers with `respond`, waiting with `timing`. */
function start(subject: Subject, respond: Respond, timing: Timing = {}) {
  const fetch = fakeFetch(respond);
  return { fetch, done: subject.wait({ client: subject.client(fetch), ...timing }, subject.input(ID)) };
}

useFakeClock();

describe.each(SUBJECTS)("%s", (_name, subject) => {
  it("throws TimeoutError without another request when the next check would pass maxWaitTime", async () => {
    const { fetch, done } = start(subject, () => jsonResponse(subject.running), {
      minDelay: 1000,
      maxDelay: 5000,
      maxWaitTime: 10_000,
    });
    const settled = done.catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = await settled;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeout: 10_000 });
    // Checks at 0, 2 s and 6 s; the next would be at 11 s.
    expect(fetch.requests).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(fetch.requests).toHaveLength(3);
  });

  it("throws AbortError when the signal fires while waiting, and sends nothing more", async () => {
    const controller = new AbortController();
    const { fetch, done } = start(subject, () => jsonResponse(subject.running), { signal: controller.signal });
    const settled = done.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetch.requests).toHaveLength(2);
    controller.abort();
    expect(await settled).toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(fetch.requests).toHaveLength(2);
  });

  it("throws AbortError for a status call under way when the signal fires", async () => {
    const controller = new AbortController();
    const { fetch, done } = start(
      subject,
      (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        ),
      { signal: controller.signal },
    );
    const settled = done.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    expect(await settled).toBeInstanceOf(AbortError);
    expect(fetch.requests).toHaveLength(1);
  });

  it("surfaces a failed status call as ApiError with its status and request id, without polling on", async () => {
    const problem = { title: "Not Found", status: 404 };
    const { fetch, done } = start(subject, () =>
      jsonResponse(problem, { status: 404, headers: { "x-request-id": "srv-404" } }),
    );
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, requestId: "srv-404", body: problem });
    expect(fetch.requests).toHaveLength(1);
  });

  it("refuses an answer without a status instead of polling until the deadline", async () => {
    const { fetch, done } = start(subject, () => jsonResponse(subject.statusless));
    expect(await done.catch((e: unknown) => e)).toBeInstanceOf(UnexpectedResponseError);
    expect(fetch.requests).toHaveLength(1);
  });

  it("stops at an exception thrown by onProgress", async () => {
    const stop = new Error("enough");
    const { fetch, done } = start(subject, () => jsonResponse(subject.running), {
      onProgress: () => {
        throw stop;
      },
    });
    await expect(done).rejects.toBe(stop);
    expect(fetch.requests).toHaveLength(1);
  });

  it("checks its options and the id before any request", async () => {
    const fetch = fakeFetch(() => jsonResponse(subject.running));
    const client = subject.client(fetch);
    const refusals: [unknown, unknown, string][] = [
      [{ client, minDelay: 10_000, maxDelay: 1000 }, subject.input(ID), "maxDelay"],
      [{ client, maxWaitTime: -1 }, subject.input(ID), "maxWaitTime"],
      [{ client, minDelay: Number.NaN }, subject.input(ID), "minDelay"],
      [{ client, pollEvery: 5 }, subject.input(ID), "config.pollEvery"],
      [{ client, signal: "stop" }, subject.input(ID), "config.signal"],
      [{ client, onProgress: "log" }, subject.input(ID), "config.onProgress"],
      [{}, subject.input(ID), "config.client"],
      [{ client: { migration: {} } }, subject.input(ID), "config.client"],
      [{ client }, subject.input(""), subject.idField],
      [{ client }, { ...(subject.input(ID) as object), sandbox: "dev" }, "options.sandbox"],
    ];
    for (const [config, input, field] of refusals) {
      const error = await subject.wait(config, input).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field, field).toBe(field);
    }
    expect(fetch.requests).toHaveLength(0);
  });
});
