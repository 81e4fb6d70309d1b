// On-device getOffers vs server-side getOffers, both through @offerkit/sdk: the same visitor and request, decided
// from the 500-rule artifact in process, or sent to the loopback Delivery API stand-in (which answers at once, so
// the server-side row is a lower bound on a real network call). Time per call, alternating rounds in one process.
import { createTargetClient } from "@offerkit/sdk";
import { pair } from "../lib/harness.mjs";
import { CLIENT, largeArtifact, ORG, onDeviceRequest, ourOnDeviceClient } from "../lib/on-device.mjs";
import { startTargetServer } from "../lib/target.mjs";

export async function run() {
  const server = await startTargetServer();
  const mboxes = ["gen-mbox-3", "gen-mbox-11", "gen-mbox-20", "gen-mbox-34", "gen-mbox-49"];
  // Prefetched: an on-device executed mbox's notification is sent after the call, which the timing would miss.
  const options = { request: onDeviceRequest(mboxes, "prefetch"), sessionId: "3c1e5b2a9d8f4e6c8b7a6f5e4d3c2b1a" };
  const onDevice = await ourOnDeviceClient(largeArtifact());
  const serverSide = createTargetClient({
    client: CLIENT,
    organizationId: ORG,
    serverDomain: server.origin.slice("http://".length),
    secure: false,
  });
  try {
    const before = server.seen.count;
    const local = await onDevice.getOffers(options);
    if (local.meta.decisioningMethod !== "on-device" || server.seen.count !== before) {
      throw new Error("the on-device client did not decide locally");
    }
    // A visitor without an edge cluster, so the server-side call goes to serverDomain (the loopback server).
    const remoteOptions = {
      ...options,
      request: { ...options.request, id: { tntId: "338e3c1e51f7416a8e1ccba4f81acea0" } },
    };
    await serverSide.getOffers(remoteOptions);
    if (server.seen.count !== before + 1) throw new Error("the server-side client did not call the server");
    return [
      await pair("on-device getOffers vs server-side getOffers (loopback server)", {
        ours: () => onDevice.getOffers(options),
        baseline: () => serverSide.getOffers(remoteOptions),
      }),
    ];
  } finally {
    onDevice.close();
    server.close();
  }
}
