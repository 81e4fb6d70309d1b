// Runs a whole Decisioning Migration (dependency analysis, migration, rollback), then a migration that fails,
// against the embedded mocks: no Adobe account needed, and nothing leaves this machine.
import { MOCK_WORKFLOW_HEADER, type Mocks, startMocks } from "@offerkit/mock";
import { OfferkitError } from "@offerkit/sdk";
import { IMS_ORG_ID, kitOnMocks } from "./kit.js";
import { runMigration } from "./migrate.js";

/** Both migrations on the mocks; resolves with the process's exit code. */
async function migrateOn(mocks: Mocks): Promise<number> {
  const kit = kitOnMocks(mocks);
  const plan = {
    imsOrgId: IMS_ORG_ID,
    sourceSandbox: "prod",
    targetSandbox: "prod",
    datasetName: "Decisioning events",
    // On the mocks a workflow is done after three status checks; a real one takes longer.
    timing: { minDelay: 100, maxDelay: 400, maxWaitTime: 30_000 },
    log: (line: string) => console.log(line),
  };
  console.log(`decisioning migration → embedded mocks (${mocks.url})`);
  await runMigration(kit, plan);
  console.log("\nthe same migration, failing (the mocks fail a workflow started with x-mock-workflow: fail)");
  const failed = await runMigration(kit, { ...plan, startOptions: { headers: { [MOCK_WORKFLOW_HEADER]: "fail" } } });
  return failed.failure ? 0 : 1;
}

// @offerkit/mock: Prism serving specs/ and a fake IMS on one local origin. Its fetch answers Adobe's production
// hosts (platform.adobe.io, decisioning-migration.adobe.io, IMS) from there, so the kit is configured as in
// production.
const mocks = await startMocks();
process.exitCode = await migrateOn(mocks)
  .catch((error: unknown) => {
    if (!(error instanceof OfferkitError)) throw error;
    console.error(`\n${error.name}: ${error.message}`);
    return 1;
  })
  .finally(() => mocks.stop());
