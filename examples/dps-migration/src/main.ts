// Runs a whole Decisioning Migration (dependency analysis, migration, rollback), then a migration that fails,
// against the embedded mocks: no Adobe account needed, and nothing leaves this machine.
import { MOCK_WORKFLOW_HEADER, startMocks } from "@offerkit/mock";
import { createOfferkit, OfferkitError } from "@offerkit/sdk";
import { runMigration } from "./migrate.js";

const IMS_ORG_ID = "0123456789ABCDEF01234567@AdobeOrg";

// @offerkit/mock: Prism serving specs/ and a fake IMS on one local origin. Its fetch answers Adobe's production
// hosts (platform.adobe.io, decisioning-migration.adobe.io, IMS) from there, so the kit is configured as in
// production. On the mocks a workflow is done after three status checks; a real one takes longer.
const mocks = await startMocks();
try {
  const kit = createOfferkit({
    // An OAuth Server-to-Server credential, as from the Adobe Developer Console; here the fake IMS's own.
    auth: {
      clientId: mocks.credentials.clientId,
      clientSecret: mocks.credentials.clientSecret,
      scopes: mocks.credentials.scopes,
    },
    imsOrgId: IMS_ORG_ID,
    sandboxName: "prod",
    fetch: mocks.fetch,
  });
  const plan = {
    imsOrgId: IMS_ORG_ID,
    sourceSandbox: "prod",
    targetSandbox: "prod",
    datasetName: "Decisioning events",
    timing: { minDelay: 100, maxDelay: 400, maxWaitTime: 30_000 },
    log: (line: string) => console.log(line),
  };
  console.log(`decisioning migration → embedded mocks (${mocks.url})`);
  await runMigration(kit, plan);

  console.log("\nthe same migration, failing (the mocks fail a workflow started with x-mock-workflow: fail)");
  const failed = await runMigration(kit, { ...plan, startOptions: { headers: { [MOCK_WORKFLOW_HEADER]: "fail" } } });
  if (!failed.failure) throw new Error("the failing migration did not fail");
} catch (error) {
  if (!(error instanceof OfferkitError)) throw error;
  console.error(`\n${error.name}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await mocks.stop();
}
