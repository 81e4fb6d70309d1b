// The Decisioning Migration waiters on the real dps client: fake timers and a scripted server for progress,
// completion, failure, timeout, abort and option checks; the embedded mocks for a whole migration.
import { createDpsClient, type DpsClientOptions, type Workflow, type WorkflowStatus } from "@offerkit/dps";
import { MOCK_WORKFLOW_HEADER, type Mocks, startMocks } from "@offerkit/mock";
import { fakeFetch, jsonResponse } from "@offerkit/testkit";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ApiError,
  ConflictError,
  createOfferkit,
  TimeoutError,
  UnexpectedResponseError,
  unwrap,
  ValidationError,
  WORKFLOW_WAITER_DEFAULTS,
  WorkflowFailedError,
  type WorkflowProgress,
  waitUntilDependencyAnalysisComplete,
  waitUntilMigrationComplete,
  waitUntilRollbackComplete,
} from "../src/index.js";

const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const ID = "3f2b8c1e-6d4a-4e9b-a1c7-5e8f0d2b9a61";
const MIGRATION = "https://decisioning-migration.adobe.io";

const workflow = (status: WorkflowStatus, extra: Partial<Workflow> = {}): Workflow => ({
  id: ID,
  status,
  _links: { self: { href: `/workflows/migration/${ID}` } },
  ...extra,
});

/** The real dps client (fixed token) over a fake fetch that answers with `respond`. */
function dpsWith(
  respond: (request: Request) => Response | Promise<Response>,
  overrides: Partial<DpsClientOptions> = {},
) {
  const fetch = fakeFetch(respond);
  const client = createDpsClient({
    auth: { accessToken: "token-1", apiKey: "key-1" },
    imsOrgId: ORG,
    sandboxName: "prod",
    fetch,
    ...overrides,
  });
  return { fetch, client };
}

/** The real dps client answering the given workflows in order (the last one repeats). */
function dpsAnswering(workflows: readonly Workflow[]) {
  let served = 0;
  return dpsWith(() => {
    const answer = workflows[Math.min(served, workflows.length - 1)];
    served++;
    return jsonResponse(answer, { headers: { "x-request-id": `srv-${served}` } });
  });
}

describe("the migration waiters, on fake timers", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    vi.spyOn(Math, "random").mockReturnValue(1);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it.each([
    [waitUntilDependencyAnalysisComplete, "generate-dependencies", "dependency analysis"],
    [waitUntilMigrationComplete, "migration", "migration"],
    [waitUntilRollbackComplete, "rollback", "rollback"],
  ] as const)("%o polls /workflows/%s/{id} until Completed, reporting each check", async (waiter, path, kind) => {
    const done = workflow("Completed", { result: { mappings: {} } });
    const { fetch, client } = dpsAnswering([workflow("New"), workflow("Running"), workflow("Running"), done]);
    const progress: WorkflowProgress[] = [];
    const finished = waiter({ client, onProgress: (p) => progress.push(p) }, { workflowId: ID });
    await vi.runAllTimersAsync();
    await expect(finished).resolves.toEqual(done);
    expect(progress.map((p) => [p.kind, p.attempt, p.status, p.elapsed, p.nextDelay])).toEqual([
      [kind, 1, "New", 0, 4000],
      [kind, 2, "Running", 4000, 8000],
      [kind, 3, "Running", 12_000, 16_000],
      [kind, 4, "Completed", 28_000, undefined],
    ]);
    expect(progress[3]?.workflow).toEqual(done);
    for (const request of fetch.requests) {
      expect(request).toMatchObject({
        method: "GET",
        url: `${MIGRATION}/workflows/${path}/${ID}`,
        headers: { authorization: "Bearer token-1", "x-gw-ims-org-id": ORG },
      });
    }
  });

  it("backs off from 2 s to one check every 30 s by default, and gives up after an hour", async () => {
    expect(WORKFLOW_WAITER_DEFAULTS).toEqual({ minDelay: 2000, maxDelay: 30_000, maxWaitTime: 3_600_000 });
    const { fetch, client } = dpsAnswering([workflow("Running")]);
    const delays: (number | undefined)[] = [];
    const finished = waitUntilMigrationComplete(
      { client, onProgress: (p) => delays.push(p.nextDelay) },
      { workflowId: ID },
    ).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await finished).toBeInstanceOf(TimeoutError);
    expect(delays.slice(0, 6)).toEqual([4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    // 4 + 8 + 16 s, then one check every 30 s up to the hour.
    expect(fetch.requests).toHaveLength(4 + Math.floor((3_600_000 - 28_000) / 30_000));
  });

  it("throws WorkflowFailedError at once on Failed, with the workflow, its errors, status and request id", async () => {
    const failed = workflow("Failed", {
      result: { error: "Segment s1 has no mapping in the target sandbox" },
      errors: [{ message: "Segment s1 has no mapping in the target sandbox", code: "MIG-0001" }],
    });
    const { fetch, client } = dpsAnswering([workflow("Running"), failed, workflow("Completed")]);
    const finished = waitUntilMigrationComplete({ client }, { workflowId: ID }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = await finished;
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect(error).toMatchObject({
      kind: "migration",
      workflowId: ID,
      status: "Failed",
      errors: failed.errors,
      workflow: failed,
      requestId: "srv-2",
    });
    expect((error as Error).message).toContain("Segment s1 has no mapping in the target sandbox");
    expect((error as Error).message).toContain("srv-2");
    expect(fetch.requests).toHaveLength(2);
  });

  it("reads a failure's message from result.error when there is no errors list", async () => {
    const { client } = dpsAnswering([workflow("Failed", { result: { error: "Sandbox dev was not found" } })]);
    const error = await waitUntilDependencyAnalysisComplete({ client }, { workflowId: ID }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "dependency analysis", errors: [{ message: "Sandbox dev was not found" }] });
    const bare = dpsAnswering([workflow("Failed")]);
    const silent = await waitUntilRollbackComplete({ client: bare.client }, { workflowId: ID }).catch(
      (e: unknown) => e,
    );
    expect(silent).toMatchObject({ name: "WorkflowFailedError", errors: [] });
  });

  it("throws TimeoutError without another request when the next check would pass maxWaitTime", async () => {
    const { fetch, client } = dpsAnswering([workflow("Running")]);
    const finished = waitUntilMigrationComplete(
      { client, minDelay: 1000, maxDelay: 5000, maxWaitTime: 10_000 },
      { workflowId: ID },
    ).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await finished).toMatchObject({ name: "TimeoutError", timeout: 10_000 });
    // Checks at 0, 2 s and 6 s; the next would be at 11 s.
    expect(fetch.requests).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(fetch.requests).toHaveLength(3);
  });

  it("throws AbortError when the signal fires while waiting, and sends nothing more", async () => {
    const { fetch, client } = dpsAnswering([workflow("Running")]);
    const controller = new AbortController();
    const finished = waitUntilRollbackComplete({ client, signal: controller.signal }, { workflowId: ID }).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetch.requests).toHaveLength(2);
    controller.abort();
    expect(await finished).toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(fetch.requests).toHaveLength(2);
  });

  it("throws AbortError for a status call under way when the signal fires", async () => {
    const controller = new AbortController();
    const { fetch, client } = dpsWith(
      (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        ),
    );
    const finished = waitUntilMigrationComplete({ client, signal: controller.signal }, { workflowId: ID }).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    expect(await finished).toBeInstanceOf(AbortError);
    expect(fetch.requests).toHaveLength(1);
  });

  it("stops at an exception thrown by onProgress", async () => {
    const { fetch, client } = dpsAnswering([workflow("Running")]);
    const stop = new Error("enough");
    const finished = waitUntilMigrationComplete(
      {
        client,
        onProgress: () => {
          throw stop;
        },
      },
      { workflowId: ID },
    );
    await expect(finished).rejects.toBe(stop);
    expect(fetch.requests).toHaveLength(1);
  });

  it("surfaces a failed status call as the client's error, without polling on", async () => {
    const problem = { title: "Not Found", status: 404 };
    const { fetch, client } = dpsWith(() =>
      jsonResponse(problem, { status: 404, headers: { "x-request-id": "srv-404" } }),
    );
    const error = await waitUntilMigrationComplete({ client }, { workflowId: ID }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 404, requestId: "srv-404", body: problem });
    expect(fetch.requests).toHaveLength(1);
  });

  it("refuses an answer without a status instead of polling until the deadline", async () => {
    const { fetch, client } = dpsWith(() => jsonResponse({ id: ID }));
    const error = await waitUntilMigrationComplete({ client }, { workflowId: ID }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toContain("a migration workflow without a status");
    expect(fetch.requests).toHaveLength(1);
  });

  it("sends the input's headers and timeout with every status call", async () => {
    const { fetch, client } = dpsAnswering([workflow("Running"), workflow("Completed")]);
    const finished = waitUntilMigrationComplete(
      { client },
      { workflowId: ID, headers: { "x-trace": "t-1" }, timeout: 5_000 },
    );
    await vi.runAllTimersAsync();
    await finished;
    expect(fetch.requests.map((request) => request.headers["x-trace"])).toEqual(["t-1", "t-1"]);
  });

  it("checks its options and the workflow id before any request", async () => {
    const { fetch, client } = dpsAnswering([workflow("Completed")]);
    const refusals: [Promise<unknown>, string][] = [
      [waitUntilMigrationComplete({ client }, { workflowId: "" }), "path.id"],
      [waitUntilRollbackComplete({ client }, { workflowId: ".." }), "path.rollbackWorkflowId"],
      [waitUntilMigrationComplete({ client, minDelay: 10_000, maxDelay: 1000 }, { workflowId: ID }), "maxDelay"],
      [waitUntilMigrationComplete({ client, maxWaitTime: -1 }, { workflowId: ID }), "maxWaitTime"],
      [waitUntilMigrationComplete({ client, minDelay: Number.NaN }, { workflowId: ID }), "minDelay"],
      [waitUntilMigrationComplete({ client, pollEvery: 5 } as never, { workflowId: ID }), "config.pollEvery"],
      [waitUntilMigrationComplete({ client, signal: "stop" } as never, { workflowId: ID }), "config.signal"],
      [waitUntilMigrationComplete({ client, onProgress: "log" } as never, { workflowId: ID }), "config.onProgress"],
      [waitUntilMigrationComplete({} as never, { workflowId: ID }), "config.client"],
      [waitUntilMigrationComplete({ client: { migration: {} } } as never, { workflowId: ID }), "config.client"],
      [waitUntilMigrationComplete({ client }, { workflowId: ID, sandbox: "dev" } as never), "options.sandbox"],
    ];
    for (const [refused, field] of refusals) {
      const error = await refused.catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field, field).toBe(field);
    }
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("a whole migration on the embedded mocks", () => {
  let mocks: Mocks;
  beforeAll(async () => {
    mocks = await startMocks();
  });
  afterAll(() => mocks.stop());

  it("analyses, migrates and rolls back through the kit, and shows a failed migration", async () => {
    const kit = createOfferkit({
      auth: {
        clientId: mocks.credentials.clientId,
        clientSecret: mocks.credentials.clientSecret,
        scopes: mocks.credentials.scopes,
        imsHost: mocks.url,
      },
      imsOrgId: ORG,
      sandboxName: "prod",
      fetch: mocks.fetch,
    });
    const sandboxes = {
      imsOrgId: ORG,
      sourceSandboxDetails: { sandboxName: "prod" },
      targetSandboxDetails: { sandboxName: "prod" },
    };
    const fast = { minDelay: 10, maxDelay: 20, maxWaitTime: 10_000 };
    const seen: string[] = [];
    const onProgress = ({ kind, status }: WorkflowProgress) => seen.push(`${kind}: ${status}`);

    const analysis = await unwrap(kit.dps.migration.startDependencyAnalysis("sandbox", sandboxes));
    const dependencies = await kit.waitUntilDependencyAnalysisComplete(
      { workflowId: analysis.id },
      { ...fast, onProgress },
    );
    expect(dependencies.result).toBeDefined();
    const request = { ...sandboxes, createDataStream: false, dependency: { datasetName: "offer-decisions" } };
    const migration = await unwrap(kit.dps.migration.startMigration("sandbox", request));
    const migrated = await kit.waitUntilMigrationComplete({ workflowId: migration.id }, { ...fast, onProgress });
    expect(migrated).toMatchObject({ id: migration.id, status: "Completed" });
    const rollback = await unwrap(kit.dps.migration.startRollback(migration.id));
    await kit.waitUntilRollbackComplete({ workflowId: rollback.id }, { ...fast, onProgress });
    expect(seen).toEqual(
      ["dependency analysis", "migration", "rollback"].flatMap((kind) => [
        `${kind}: Running`,
        `${kind}: Running`,
        `${kind}: Completed`,
      ]),
    );

    const doomed = await unwrap(
      kit.dps.migration.startMigration("sandbox", request, { headers: { [MOCK_WORKFLOW_HEADER]: "fail" } }),
    );
    const error = await kit.waitUntilMigrationComplete({ workflowId: doomed.id }, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect(error).toMatchObject({ workflowId: doomed.id, errors: [{ message: expect.any(String) }] });
  });
});
