// On-device getOffers: @offerkit/sdk/target/on-device vs Adobe's @adobe/target-nodejs-sdk with
// decisioningMethod "on-device", on the same artifact and request, alternating in one process, p50 and p99 per call.
// Two artifacts: one of Adobe's conformance artifacts (two A/B activities) and a generated one with 500 rules over
// 50 mboxes (5 of them requested). The mboxes are prefetched: an executed mbox's display notification is sent after
// the call returns, by both SDKs, and would land in whichever call runs next (the heap row covers executed ones). Adobe's import patches globals (see
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
    const options = { request: onDeviceRequest(mboxes, "prefetch"), sessionId: "3c1e5b2a9d8f4e6c8b7a6f5e4d3c2b1a" };
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
