// The offerkit demo: every API through @offerkit/sdk, with no Adobe account.
//
// 1. Adobe Target: getOffers twice for one visitor, the second call carrying the cookies of the first and going
//    to the visitor's edge cluster (against Adobe's real edge when TARGET_CLIENT_CODE is set); then on-device
//    decisions from an embedded rules artifact, with `meta` and a hybrid call.
// 2. Offer Decisioning: a real-time decision, then a batch workload waited for with visible progress.
// 3. The Offer Library: containers, create, read, patch with If-Match, search and paging through every offer.
// 4. Decisioning (/data/core/dps), its successor: create, read, a JSON Patch guarded by test operations, paging.
//
// Parts 2 to 4 share one `createOfferkit`: one set of credentials, one token provider, so one IMS token for
// every Platform call. They run against embedded Prism mocks of specs/ and a local fake IMS.

import { FAKE_IMS_CLIENT, type Mocks, startMocks } from "@offerkit/mock";
import { createOfferkit, OfferkitError } from "@offerkit/sdk";
import { runDecisioningDemo } from "./decisioning.js";
import { runDecisioningObjectsDemo } from "./decisioning-objects.js";
import { runOfferLibraryDemo } from "./offer-library.js";
import { runOnDeviceDemo } from "./on-device.js";
import { runTargetDemo } from "./target.js";

// @offerkit/mock: Prism serving specs/ and a fake IMS on one local origin. Its fetch answers Adobe's production
// hosts (Target's edge hosts, platform.adobe.io, IMS) from there, so the clients below are configured as in
// production and nothing leaves this machine.
const mocks = await startMocks();
try {
  await runTargetDemo(process.env.TARGET_CLIENT_CODE ? undefined : mocks);
  await runOnDeviceDemo(mocks);
  await runPlatformDemo(mocks);
} catch (error) {
  if (!(error instanceof OfferkitError)) throw error;
  console.error(`\n${error.name}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await mocks.stop();
}

async function runPlatformDemo(mocks: Mocks): Promise<void> {
  const kit = createOfferkit({
    // An OAuth Server-to-Server credential, as from the Adobe Developer Console; here the fake IMS's own.
    auth: { ...FAKE_IMS_CLIENT },
    imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
    sandboxName: "prod",
    timeout: 5_000,
    fetch: mocks.fetch,
    // Experience Decisioning offer items name their catalog's schema (x-schema-id) on every call.
    dps: { schemaId: "https://ns.adobe.com/acme/schemas/0123456789abcdef" },
  });
  const before = mocks.ims.requests.length;
  console.log(`\noffer decisioning → embedded mocks (${mocks.url}), fake IMS on the same origin`);
  await runDecisioningDemo(kit);
  console.log(`\noffer library (xcore) → embedded mocks (${mocks.url})`);
  await runOfferLibraryDemo(kit);
  console.log(`\ndecisioning (dps) → embedded mocks (${mocks.url})`);
  await runDecisioningObjectsDemo(kit);
  console.log(`\nIMS token requests for every Platform call above: ${mocks.ims.requests.length - before}`);
}
