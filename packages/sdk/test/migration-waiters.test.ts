// The Decisioning Migration waiters on the real dps client: fake timers and a scripted server for progress,
// completion and failure (what every waiter does alike is in status-waiters.test.ts); the embedded mocks for a
// whole migration.
import type { Workflow, WorkflowStatus } from "@offerkit/dps";
import { MOCK_WORKFLOW_HEADER, type Mocks, startMocks } from "@offerkit/mock";
import { fakeFetch, jsonResponse } from "@offerkit/testkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createOfferkit,
  TimeoutError,
  unwrap,
  WORKFLOW_WAITER_DEFAULTS,
  WorkflowFailedError,
  type WorkflowProgress,
  waitUntilDependencyAnalysisComplete,
  waitUntilMigrationComplete,
  waitUntilRollbackComplete,
} from "../src/index.js";
import { dpsClient, ORG } from "./support/dps.js";
import { useFakeClock } from "./support/fake-clock.js";

const ID = "3f2b8c1e-6d4a-4e9b-a1c7-5e8f0d2b9a61";
const MIGRATION = "https://decisioning-migration.adobe.io";

const workflow = (status: WorkflowStatus, extra: Partial<Workflow> = {}): Workflow => ({
  id: ID,
  status,
  _links: { self: { href: `/workflows/migration/${ID}` } },
  ...extra,
});

/** The real dps client answering the given workflows in order (the last one repeats). */
function dpsAnswering(workflows: readonly Workflow[]) {
  let served = 0;
  const fetch = fakeFetch(() => {
    const answer = workflows[Math.min(served, workflows.length - 1)];
    served++;
    return jsonResponse(answer, { headers: { "x-request-id": `srv-${served}` } });
  });
  return { fetch, client: dpsClient({ fetch }) };
}

describe("the migration waiters, on fake timers", () => {
  useFakeClock();

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
