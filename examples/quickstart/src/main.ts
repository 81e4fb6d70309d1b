// The offerkit demo. Part one is Adobe Target: with no configuration it serves specs/delivery.yaml with an embedded
// Prism mock (no Adobe account needed); with TARGET_CLIENT_CODE set it calls Adobe's real edge instead. Part two
// is Offer Decisioning (real-time decisions and a batch workload) and part three the Offer Library (containers,
// create, read, patch with If-Match, search), always against embedded mocks and a local IMS.
import { randomUUID } from "node:crypto";
import {
  type CallOptions,
  createDeliveryClient,
  type DeliveryRequest,
  type DeliveryResponse,
  OfferkitError,
  type Option,
  unwrap,
} from "@offerkit/delivery";
import { startPrismMock } from "@offerkit/testkit";
import { runDecisioningDemo } from "./decisioning.js";
import { runOfferLibraryDemo } from "./offer-library.js";

const clientCode = process.env.TARGET_CLIENT_CODE;
const live = Boolean(clientCode);
const mock = live ? undefined : await startPrismMock({ spec: "delivery" });

const target = createDeliveryClient({
  client: clientCode ?? "demo",
  imsOrgId: process.env.TARGET_IMS_ORG_ID || undefined,
  serverDomain: process.env.TARGET_SERVER_DOMAIN || undefined,
  baseUrl: mock?.url,
  timeout: 5_000,
});
const mboxes = (process.env.TARGET_MBOXES ?? "hero-banner,recommendations").split(",").map((name) => name.trim());
const propertyToken = process.env.TARGET_PROPERTY_TOKEN;
const sessionId = randomUUID();

/** The mock answers with the spec's named examples; pick the one matching each call. Real Target ignores this. */
function mockExample(name: string): CallOptions {
  return live ? {} : { headers: { Prefer: `example=${name}` } };
}

const context: DeliveryRequest["context"] = {
  channel: "web",
  address: { url: "https://shop.example.com/" },
  userAgent: "Mozilla/5.0 (offerkit quickstart)",
};

try {
  console.log(
    `offerkit quickstart → ${live ? `Adobe Target (${target.baseUrl})` : `embedded Prism mock (${mock?.url})`}`,
  );
  console.log(`session ${sessionId}\n`);

  const executed = await unwrap(
    target.deliver(
      {
        sessionId,
        request: {
          context,
          ...(propertyToken ? { property: { token: propertyToken } } : {}),
          execute: { pageLoad: {}, mboxes: mboxes.map((name, index) => ({ index, name })) },
        },
      },
      mockExample("executeOptions"),
    ),
  );
  printHeader("execute (impressions counted now)", executed);
  for (const mbox of executed.execute?.mboxes ?? []) printOptions(`mbox ${mbox.name}`, mbox.options);
  printOptions("page load", executed.execute?.pageLoad?.options);

  // A returning visitor keeps the tntId Target minted, and the next call goes to the edge cluster that holds
  // the profile; the facade (@offerkit/sdk) will do this from the mbox cookie.
  const tntId = executed.id?.tntId;
  const prefetched = await unwrap(
    target.deliver(
      {
        sessionId,
        request: {
          context,
          ...(tntId ? { id: { tntId } } : {}),
          ...(propertyToken ? { property: { token: propertyToken } } : {}),
          prefetch: { views: [{}], mboxes: mboxes.map((name, index) => ({ index, name })) },
        },
      },
      { ...mockExample("prefetchViewsAndMboxes"), baseUrl: live ? edgeOrigin(executed) : undefined },
    ),
  );
  printHeader("prefetch (send a display notification when shown)", prefetched);
  for (const view of prefetched.prefetch?.views ?? []) printOptions(`view ${view.name ?? "(unnamed)"}`, view.options);
  for (const mbox of prefetched.prefetch?.mboxes ?? []) printOptions(`mbox ${mbox.name}`, mbox.options);

  // The prefetched content is now "shown": report it so Target counts the impressions.
  const shown = (prefetched.prefetch?.mboxes ?? []).filter((mbox) => mbox.options?.some((o) => o.eventToken));
  if (shown.length > 0) {
    const acknowledged = await unwrap(
      target.deliver(
        {
          sessionId,
          request: {
            context,
            ...(prefetched.id?.tntId ? { id: { tntId: prefetched.id.tntId } } : {}),
            notifications: shown.map((mbox, index) => ({
              id: `${sessionId}-display-${index}`,
              type: "display" as const,
              timestamp: Date.now(),
              mbox: { name: mbox.name ?? "", ...(mbox.state ? { state: mbox.state } : {}) },
              tokens: (mbox.options ?? []).flatMap((o) => (o.eventToken ? [o.eventToken] : [])),
            })),
          },
        },
        { ...mockExample("notificationsAck"), baseUrl: live ? edgeOrigin(prefetched) : undefined },
      ),
    );
    printHeader("display notifications", acknowledged);
    console.log(`  acknowledged: ${(acknowledged.notifications ?? []).map((n) => n.id).join(", ") || "none"}`);
  }

  await runDecisioningDemo();
  await runOfferLibraryDemo();
} catch (error) {
  if (error instanceof OfferkitError) {
    console.error(`\n${error.name}: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await mock?.close();
}

function edgeOrigin(response: DeliveryResponse): string | undefined {
  return response.edgeHost ? `https://${response.edgeHost}` : undefined;
}

function printHeader(title: string, response: DeliveryResponse) {
  console.log(`■ ${title}`);
  console.log(
    `  request ${response.requestId ?? "?"} served by ${response.edgeHost ?? "?"}, tntId ${response.id?.tntId ?? "?"}`,
  );
}

function printOptions(label: string, options: readonly Option[] | undefined) {
  if (!options?.length) {
    console.log(`  ${label}: no offer`);
    return;
  }
  for (const option of options) {
    const tokens = Object.entries(option.responseTokens ?? {})
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(", ");
    console.log(`  ${label}: ${option.type ?? "?"} ${preview(option.content)}`);
    if (tokens) console.log(`    tokens: ${tokens}`);
    if (option.eventToken) console.log(`    eventToken: ${option.eventToken.slice(0, 24)}…`);
  }
}

function preview(content: unknown): string {
  const text = typeof content === "string" ? content : JSON.stringify(content);
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}
