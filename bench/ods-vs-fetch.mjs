// Per-call cost of @offerkit/ods (vendor media types, credentials, request id, input checks) against a bare fetch
// sending the same headers and body, with a fixed token and with a cached IMS token. Prints ratios; never fails
// on speed.
import {
  createImsTokenProvider,
  createOdsClient,
  DECISION_REQUEST_MEDIA_TYPE,
  DECISION_RESPONSE_MEDIA_TYPE,
} from "@offerkit/ods";
import { FAKE_IMS_CLIENT, startFakeIms } from "@offerkit/testkit";
import { compare, startServer } from "./compare.mjs";

const option = (n) => ({
  "xdm:id": `xcore:personalized-offer:${n}`,
  "repo:etag": n,
  "@type": "https://ns.adobe.com/experience/offer-management/content-component-html",
  "xdm:content": `<p>offer ${n}</p>`,
  "xdm:score": n / 10,
});
const server = await startServer(
  JSON.stringify({
    "xdm:propositionId": "5d0ffb5e-dfc6-4280-99b6-0bf3131cb8b8",
    "xdm:propositions": Array.from({ length: 3 }, (_, i) => ({
      "xdm:activity": { "xdm:id": `xcore:offer-activity:${i}`, "repo:etag": 1 },
      "xdm:placement": { "xdm:id": `xcore:offer-placement:${i}`, "repo:etag": 1 },
      "xdm:options": [option(1), option(2), option(3)],
    })),
    "ode:createDate": 1566497582038,
  }),
  DECISION_RESPONSE_MEDIA_TYPE,
);
const ims = await startFakeIms();

const request = {
  "xdm:propositionRequests": Array.from({ length: 3 }, (_, i) => ({
    "xdm:activityId": `xcore:offer-activity:${i}`,
    "xdm:placementId": `xcore:offer-placement:${i}`,
    "xdm:itemCount": 3,
  })),
  "xdm:profiles": [{ "xdm:identityMap": { ECID: [{ "xdm:id": "12345678901234567890", primary: true }] } }],
  "xdm:responseFormat": { "xdm:includeContent": true },
};
const identity = { imsOrgId: "0123456789ABCDEF01234567@AdobeOrg", sandboxName: "prod", baseUrl: server.origin };
const fixed = createOdsClient({ ...identity, auth: { accessToken: "token", apiKey: "key" } });
const tokens = createImsTokenProvider({ ...FAKE_IMS_CLIENT, imsHost: ims.url });
const viaIms = createOdsClient({ ...identity, auth: { tokenProvider: tokens, apiKey: tokens.clientId } });

await compare("ODS decision call", {
  "bare fetch": async () => {
    const res = await fetch(`${server.origin}/data/core/ods/decisions`, {
      method: "POST",
      headers: {
        "content-type": DECISION_REQUEST_MEDIA_TYPE,
        accept: DECISION_RESPONSE_MEDIA_TYPE,
        authorization: "Bearer token",
        "x-api-key": "key",
        "x-gw-ims-org-id": identity.imsOrgId,
        "x-sandbox-name": "prod",
        "x-request-id": crypto.randomUUID(),
      },
      body: JSON.stringify(request),
    });
    return res.json();
  },
  "@offerkit/ods (fixed token)": async () => (await fixed.makeDecisions(request)).data,
  "@offerkit/ods (cached IMS token)": async () => (await viaIms.makeDecisions(request)).data,
});
console.log(`  IMS token requests during the whole run: ${ims.requests.length}`);
server.close();
await ims.close();
