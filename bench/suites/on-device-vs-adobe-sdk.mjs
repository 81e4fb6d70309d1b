// On-device getOffers: @offerkit/sdk/target/on-device vs Adobe's @adobe/target-nodejs-sdk with
// decisioningMethod "on-device", on the same artifact and request, alternating in one process, p50 and p99 per call.
// Two artifacts: one of Adobe's conformance artifacts (two A/B activities) and a generated one with 500 rules over
// 50 mboxes (5 of them requested). Both clients answer the background display notifications from an in-process
// stand-in, so only decisions and their bookkeeping are timed. Adobe's import patches globals (see
// getOffers-vs-adobe-sdk.mjs); nothing on our on-device path uses what it patches.
import AdobeTarget from "@adobe/target-nodejs-sdk";
import {
  adobeOnDeviceClient,
  conformanceArtifact,
  decidedOptions,
  largeArtifact,
  onDeviceRequest,
  ourOnDeviceClient,
  percentiles,
} from "../lib/on-device.mjs";

export async function run() {
  const cases = [
    ["conformance artifact, 2 mboxes", conformanceArtifact(), ["mbox-salutations", "mbox-magician"]],
    [
      "500-rule artifact, 5 mboxes",
      largeArtifact(),
      ["gen-mbox-3", "gen-mbox-11", "gen-mbox-20", "gen-mbox-34", "gen-mbox-49"],
    ],
  ];
  const results = [];
  for (const [label, artifact, mboxes] of cases) {
    const ours = await ourOnDeviceClient(artifact);
    const adobe = await adobeOnDeviceClient(AdobeTarget, artifact);
    const options = { request: onDeviceRequest(mboxes), sessionId: "3c1e5b2a9d8f4e6c8b7a6f5e4d3c2b1a" };
    // Both must decide the same offers (and decide something) before either is timed.
    const [mine, theirs] = [await ours.getOffers(options), await adobe.getOffers(options)];
    if (mine.meta.decisioningMethod !== "on-device" || decidedOptions(mine) !== decidedOptions(theirs)) {
      throw new Error(
        `${label}: the two SDKs decided differently:\n${decidedOptions(mine)}\n${decidedOptions(theirs)}`,
      );
    }
    if (!decidedOptions(mine).includes('"content"')) throw new Error(`${label}: nothing was decided`);
    results.push(
      ...(await percentiles(`on-device getOffers vs Adobe's SDK on-device (${label})`, {
        ours: () => ours.getOffers(options),
        baseline: () => adobe.getOffers(options),
      })),
    );
    ours.close();
  }
  return results;
}
