// The offerkit demo: all four APIs through @offerkit/sdk, with no Adobe account.
//
// 1. Adobe Target: getOffers twice for one visitor, the second call carrying the cookies of the first and going
//    to the visitor's edge cluster (against Adobe's real edge when TARGET_CLIENT_CODE is set); then on-device
//    decisions from an embedded rules artifact, with `meta` and a hybrid call.
// 2. Offer Decisioning: a real-time decision, then a batch workload waited for with visible progress.
// 3. The Offer Library: containers, create, read, patch with If-Match, search and paging through every offer.
//
// Parts 2 and 3 share one `createOfferkit`: one set of credentials, one token provider, so one IMS token for
// every Platform call. They run against embedded Prism mocks of specs/ and a local fake IMS.
import { createOfferkit, OfferkitError } from "@offerkit/sdk";
import { FAKE_IMS_CLIENT, startFakeIms, startPrismMock } from "@offerkit/testkit";
import { runDecisioningDemo } from "./decisioning.js";
import { platformMocksFetch } from "./mocks.js";
import { runOfferLibraryDemo } from "./offer-library.js";
import { runOnDeviceDemo } from "./on-device.js";
import { runTargetDemo } from "./target.js";

try {
  await runTargetDemo();
  await runOnDeviceDemo();
  await runPlatformDemo();
} catch (error) {
  if (!(error instanceof OfferkitError)) throw error;
  console.error(`\n${error.name}: ${error.message}`);
  process.exitCode = 1;
}

async function runPlatformDemo(): Promise<void> {
  const [ims, ods, ode, xcore] = await Promise.all([
    startFakeIms(),
    startPrismMock({ spec: "ods" }),
    startPrismMock({ spec: "ode" }),
    startPrismMock({ spec: "xcore" }),
  ]);
  try {
    const kit = createOfferkit({
      // An OAuth Server-to-Server credential, as from the Adobe Developer Console; here the fake IMS's own.
      auth: { ...FAKE_IMS_CLIENT, imsHost: ims.url },
      imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
      sandboxName: "prod",
      timeout: 5_000,
      fetch: platformMocksFetch({ ims: ims.url, ods: ods.url, ode: ode.url, xcore: xcore.url }),
    });
    console.log(`\noffer decisioning → embedded Prism mocks (ods ${ods.url}, ode ${ode.url}), local IMS ${ims.url}`);
    await runDecisioningDemo(kit);
    console.log(`\noffer library (xcore) → embedded Prism mock (${xcore.url})`);
    await runOfferLibraryDemo(kit);
    console.log(`\nIMS token requests for every Platform call above: ${ims.requests.length}`);
  } finally {
    await Promise.all([ims.close(), ods.close(), ode.close(), xcore.close()]);
  }
}
