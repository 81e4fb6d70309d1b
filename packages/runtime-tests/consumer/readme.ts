// The root README's examples as a user pastes them, compiled under every consumer setup the README promises. The
// one addition: every client gets `fetch`, which sends each request to the local mocks, so nothing leaves the machine.
import { createNodeFetch } from "@offerkit/core/node";
import { createDeliveryClient, unwrap } from "@offerkit/delivery";
import { createDpsClient, nextPageOf } from "@offerkit/dps";
import { createOdsClient } from "@offerkit/ods";
import { createOfferkit, createTargetClient } from "@offerkit/sdk";

export type Send = (url: string, init: RequestInit) => Promise<Response>;

export async function readmeExamples(fetch: Send, ims: { clientId: string; clientSecret: string }): Promise<string[]> {
  const seen: string[] = [];
  const { clientId, clientSecret } = ims;
  const scopes = ["openid", "AdobeID", "read_organizations", "additional_info.projectedProductContext", "session"];
  const cookies: { mbox?: string | undefined; mboxEdgeCluster?: string | undefined } = {};

  // Quick start: the facade.
  // The README leaves the timeout at its default (3 s); a loaded CI machine answering through a mock needs more.
  const target = createTargetClient({
    client: "acme",
    organizationId: "0123456789ABCDEF01234567@AdobeOrg",
    fetch,
    timeout: 30_000,
  });
  const offers = await target.getOffers({
    request: { execute: { mboxes: [{ index: 0, name: "hero-banner" }] } },
    targetCookie: cookies.mbox,
    targetLocationHint: cookies.mboxEdgeCluster,
  });
  seen.push(`getOffers: ${offers.targetCookie.name}`);

  const imsOrgId = "0123456789ABCDEF01234567@AdobeOrg";
  const offerkit = createOfferkit({ auth: { clientId, clientSecret, scopes }, imsOrgId, sandboxName: "prod", fetch });
  const decision = await offerkit.decide({
    "xdm:propositionRequests": [
      { "xdm:activityId": "xcore:offer-activity:ffed0123", "xdm:placementId": "xcore:offer-placement:ffed0456" },
    ],
    "xdm:profiles": [{ "xdm:identityMap": { Email: [{ "xdm:id": "visitor@example.com" }] } }],
  });
  seen.push(`decide: ${decision.propositions.length} propositions`);
  const containerId = "e0bd8463-0913-4ca1-bd84-6309134ca1f6";
  const instanceIds: string[] = [];
  for await (const offer of offerkit.paginatePersonalizedOffers({ containerId }).items()) {
    instanceIds.push(offer.instanceId);
  }
  seen.push(`paginatePersonalizedOffers: ${instanceIds.length} offers`);

  // Each client on its own.
  const visitorSessionId = "3f1d0c7e-6b9a-4c2e-9d5f-0a1b2c3d4e5f";
  const delivery = createDeliveryClient({ client: "acme", timeout: 3000, fetch });
  const response = await unwrap(
    delivery.deliver({
      sessionId: visitorSessionId,
      request: {
        context: { channel: "web", address: { url: "https://shop.example.com/" } },
        execute: { mboxes: [{ index: 0, name: "hero-banner" }] },
      },
    }),
  );
  // Under exactOptionalPropertyTypes this line only compiles if unwrap's result is not possibly undefined.
  const options = response.execute?.mboxes?.[0]?.options ?? [];
  seen.push(`deliver: ${options.length} options`);

  const ods = createOdsClient({
    auth: { clientId, clientSecret, scopes },
    imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
    sandboxName: "prod",
    fetch,
  });
  const made = await unwrap(
    ods.makeDecisions({
      "xdm:propositionRequests": [
        { "xdm:activityId": "xcore:offer-activity:ffed0123", "xdm:placementId": "xcore:offer-placement:ffed0456" },
      ],
      "xdm:profiles": [{ "xdm:identityMap": { ECID: [{ "xdm:id": "12345678901234567890123456789012345678" }] } }],
      "xdm:responseFormat": { "xdm:includeContent": true },
    }),
  );
  seen.push(`makeDecisions: ${made["xdm:propositionId"] === undefined ? "no id" : "an id"}`);

  const dps = createDpsClient({ auth: { clientId, clientSecret, scopes }, imsOrgId, sandboxName: "prod", fetch });
  const tags = await unwrap(dps.tags.list({ orderby: "-modified", limit: 20 }));
  const next = nextPageOf(tags);
  seen.push(`dps tags: ${tags.results.length} tags, ${next === undefined ? "last page" : "more"}`);
  return seen;
}

/**
 * Sends Target hosts to the delivery mock, Platform paths to their API's mock and IMS to the fake IMS, over core's
 * README's Node transport as a fetch function (`@offerkit/core/node`).
 */
export function mockFetch(mocks: { delivery: string; ods: string; xcore: string; dps: string; ims: string }): Send {
  const send = createNodeFetch({ keepAliveTimeout: 1000 });
  return async (address, init) => {
    const url = new URL(address);
    const api = url.pathname.split("/")[3];
    const to = url.hostname.endsWith(".tt.omtrdc.net")
      ? mocks.delivery
      : url.hostname === "platform.adobe.io" && (api === "ods" || api === "xcore" || api === "dps")
        ? mocks[api]
        : url.hostname === "ims-na1.adobelogin.com"
          ? mocks.ims
          : undefined;
    if (to === undefined) throw new Error(`unexpected host ${url.hostname}`);
    return send(new URL(`${url.pathname}${url.search}`, to), init);
  };
}
