// On-device decisioning through @offerkit/sdk/target/on-device: mboxes decided in this process from a Target rules
// artifact, with no call to Target. The artifact is embedded here (what Target publishes as rules.json for an A/B
// activity on "hero-banner", split 50/50 by allocation); a real client downloads it from Target's CDN and keeps it
// fresh. The display notification of each on-device decision, and hybrid calls for a mbox the artifact cannot
// decide, go to the Delivery API: here the embedded Prism mock.
import type { Mocks } from "@offerkit/mock";
import { createTargetClient, type TargetDeliveryResponse } from "@offerkit/sdk/target/on-device";

const experience = (id: 0 | 1, range: [number, number], headline: string) => ({
  ruleKey: "301001",
  activityId: 301001,
  meta: {
    "activity.id": 301001,
    "activity.name": "Hero banner test",
    "activity.type": "ab",
    "experience.id": id,
    "experience.name": `Experience ${id === 0 ? "A" : "B"}`,
    "location.name": "hero-banner",
    "location.type": "mbox",
    "location.id": 0,
    "audience.ids": [],
    "offer.id": 402000 + id,
    "offer.name": `hero-${id === 0 ? "a" : "b"}`,
    "option.id": id + 2,
    "option.name": `Offer${id + 2}`,
  },
  condition: {
    and: [{ [id === 0 ? "<=" : "<"]: [range[0], { var: "allocation" }] }, { ">=": [range[1], { var: "allocation" }] }],
  },
  consequence: {
    name: "hero-banner",
    options: [{ type: "json", eventToken: `demo-event-token-${id}`, content: { headline, cta: "Shop now" } }],
    metrics: [],
  },
});

/** A rules artifact in Target's format: one local mbox with two experiences, and one mbox only the server decides. */
const ARTIFACT = {
  version: "1.0.0",
  meta: { clientCode: "demo", environment: "production", generatedAt: "2026-12-01T00:00:00.000Z" },
  globalMbox: "target-global-mbox",
  geoTargetingEnabled: false,
  responseTokens: ["activity.id", "activity.name", "experience.name", "option.name"],
  remoteMboxes: ["recommendations"],
  remoteViews: [],
  localMboxes: ["hero-banner"],
  localViews: [],
  rules: {
    mboxes: {
      "hero-banner": [
        experience(0, [0, 50], "Winter sale: 20% off"),
        experience(1, [50, 100], "Free shipping all week"),
      ],
    },
    views: {},
  },
};

export async function runOnDeviceDemo(mocks: Mocks): Promise<void> {
  const server: string[] = [];
  const target = createTargetClient({
    client: "demo",
    decisioningMethod: "on-device",
    // An artifact you cache yourself (e.g. the payload of an `artifactDownloadSucceeded` event), used at once.
    artifactPayload: ARTIFACT,
    // 0: never refresh it from Target's CDN in this demo (the default is every five minutes).
    pollingInterval: 0,
    // The mocks' fetch answers Target's hosts locally, so the client is configured as in production.
    fetch: (url, init) => {
      server.push(`${init.method ?? "GET"} ${new URL(url).pathname}`);
      return mocks.fetch(url, init);
    },
    events: {
      clientReady: () => console.log("  event clientReady: the artifact is in use"),
      sendNotificationError: ({ error }) => console.log(`  event sendNotificationError: ${String(error)}`),
    },
  });
  try {
    console.log(`\ntarget on-device → embedded artifact; notifications and hybrid calls → the mocks (${mocks.url})`);
    await target.ready;
    const context = { channel: "web" as const, address: { url: "https://shop.example.com/" } };
    for (const tntId of ["0a1b2c3d4e5f60718293a4b5c6d7e8f9.28_0", "f9e8d7c6b5a49382716f5e4d3c2b1a00.28_0"]) {
      const result = await target.getOffers({
        request: { id: { tntId }, context, execute: { mboxes: [{ index: 0, name: "hero-banner" }] } },
      });
      printDecision(`visitor ${tntId.slice(0, 8)}…`, result);
    }
    console.log(`  calls to the Delivery API so far: ${server.length} (getOffers made none)`);
    // Display notifications leave in the background, after getOffers has returned.
    await new Promise((resolve) => setTimeout(resolve, 200));
    console.log(`  after the background notifications: ${server.join(", ")}`);

    // Hybrid: a mbox the artifact lists as remote goes to the Delivery API, in this call only.
    const hybrid = await target.getOffers({
      request: { context, execute: { mboxes: [{ index: 0, name: "recommendations" }] } },
      decisioningMethod: "hybrid",
    });
    console.log(`■ hybrid call for "recommendations": meta ${JSON.stringify(hybrid.meta)}`);
  } finally {
    target.close();
  }
}

function printDecision(label: string, result: TargetDeliveryResponse) {
  const option = result.response.execute?.mboxes?.[0]?.options?.[0];
  console.log(`■ on-device getOffers, ${label}`);
  console.log(`  meta ${JSON.stringify(result.meta)}`);
  console.log(`  hero-banner: ${JSON.stringify(option?.content)} ${JSON.stringify(option?.responseTokens)}`);
}
