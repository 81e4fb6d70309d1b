// The example against the embedded mocks: every workflow started, waited for through its states, and the
// failure path reported with the server's errors.
import { MOCK_WORKFLOW_HEADER, type Mocks, startMocks } from "@offerkit/mock";
import type { Offerkit } from "@offerkit/sdk";
import { afterAll, beforeAll, expect, it } from "vitest";
import { IMS_ORG_ID, kitOnMocks } from "../src/kit.js";
import { type MigrationPlan, mappingsFrom, runMigration } from "../src/migrate.js";

let mocks: Mocks;
let kit: Offerkit;
/** Every request the kit sent, as `METHOD host/path`. */
const sent: string[] = [];

beforeAll(async () => {
  mocks = await startMocks();
  kit = kitOnMocks(mocks, (url, init) => {
    const { host, pathname } = new URL(url);
    sent.push(`${init.method ?? "GET"} ${host}${pathname}`);
    return mocks.fetch(url, init);
  });
});
afterAll(() => mocks.stop());

function plan(lines: string[]): MigrationPlan {
  return {
    imsOrgId: IMS_ORG_ID,
    sourceSandbox: "prod",
    targetSandbox: "prod",
    datasetName: "Decisioning events",
    timing: { minDelay: 10, maxDelay: 20, maxWaitTime: 10_000 },
    log: (line) => lines.push(line),
  };
}

it("analyses, migrates and rolls back, printing every status check", async () => {
  const lines: string[] = [];
  sent.length = 0;
  const outcome = await runMigration(kit, plan(lines));
  expect(outcome.failure).toBeUndefined();
  expect(outcome.analysis.status).toBe("Completed");
  expect(outcome.migration?.status).toBe("Completed");
  expect(outcome.rollback?.status).toBe("Completed");
  const checks = lines.filter((line) => line.startsWith("  check")).map((line) => line.replace(/ after .*?: /, ": "));
  expect(checks.map((line) => line.replace(/, next in \d+ ms/, ""))).toEqual(
    Array.from({ length: 3 }, () => ["  check 1: Running", "  check 2: Running", "  check 3: Completed"]).flat(),
  );
  expect(lines).toContainEqual(expect.stringMatching(/^■ dependency analysis [\w-]+: New/));
  expect(lines).toContainEqual("  depends on 1 profile attributes, 0 context attributes, 1 audiences");
  expect(lines).toContainEqual(expect.stringMatching(/^■ rollback [\w-]+ of migration [\w-]+: New$/));
  // The migration API is a host of its own; the mocks' fetch answers it locally.
  const migrationCalls = sent.filter((call) => !call.includes("/ims/"));
  expect(migrationCalls[0]).toBe("POST decisioning-migration.adobe.io/workflows/generate-dependencies");
  expect(migrationCalls.filter((call) => call.startsWith("POST"))).toEqual([
    "POST decisioning-migration.adobe.io/workflows/generate-dependencies",
    "POST decisioning-migration.adobe.io/workflows/migration",
    "POST decisioning-migration.adobe.io/workflows/rollback",
  ]);
});

it("reports a failed migration with its errors and request id, and skips the rollback", async () => {
  const lines: string[] = [];
  const outcome = await runMigration(kit, {
    ...plan(lines),
    startOptions: { headers: { [MOCK_WORKFLOW_HEADER]: "fail" } },
  });
  expect(outcome.failure).toMatchObject({ name: "WorkflowFailedError", kind: "migration", status: "Failed" });
  expect(outcome.rollback).toBeUndefined();
  expect(lines).toContainEqual(expect.stringMatching(/^ {2}failed: \{"message":"Segment .* has no mapping/));
  expect(lines.some((line) => line.startsWith("■ rollback"))).toBe(false);
});

it("maps every dependency the analysis found to itself, and ignores what it cannot read", () => {
  expect(
    mappingsFrom({ profileAttributes: ["person.name.firstName", 3], contextAttributes: "x", segments: ["s-1"] }),
  ).toEqual({
    profileAttributes: { "person.name.firstName": "person.name.firstName" },
    contextAttributes: {},
    segments: { "s-1": { namespace: "ups", id: "s-1" } },
  });
  expect(mappingsFrom(undefined)).toEqual({ profileAttributes: {}, contextAttributes: {}, segments: {} });
});
