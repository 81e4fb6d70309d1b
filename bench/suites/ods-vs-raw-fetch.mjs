// An ODS decision through @offerkit/ods with a cached IMS token (testkit's fake IMS) vs a bare fetch sending the
// same headers and body + JSON.parse.
import {
  createImsTokenProvider,
  createOdsClient,
  DECISION_REQUEST_MEDIA_TYPE,
  DECISION_RESPONSE_MEDIA_TYPE,
} from "@offerkit/ods";
import { FAKE_IMS_CLIENT, startFakeIms } from "@offerkit/testkit";
import { pair, startServer } from "../lib/harness.mjs";
import { odsRequest, odsResponse } from "../lib/payloads.mjs";

export async function run() {
  const server = await startServer(odsResponse, DECISION_RESPONSE_MEDIA_TYPE);
  const ims = await startFakeIms();
  const identity = { imsOrgId: "0123456789ABCDEF01234567@AdobeOrg", sandboxName: "prod", baseUrl: server.origin };
  const tokens = createImsTokenProvider({ ...FAKE_IMS_CLIENT, imsHost: ims.url });
  const ods = createOdsClient({ ...identity, auth: { tokenProvider: tokens, apiKey: tokens.clientId } });
  const token = await tokens.getToken();
  const bare = async () => {
    const response = await fetch(`${server.origin}/data/core/ods/decisions`, {
      method: "POST",
      headers: {
        "content-type": DECISION_REQUEST_MEDIA_TYPE,
        accept: DECISION_RESPONSE_MEDIA_TYPE,
        authorization: `Bearer ${token}`,
        "x-api-key": tokens.clientId,
        "x-gw-ims-org-id": identity.imsOrgId,
        "x-sandbox-name": "prod",
        "x-request-id": crypto.randomUUID(),
      },
      body: JSON.stringify(odsRequest),
    });
    return JSON.parse(await response.text());
  };
  try {
    return [
      await pair("ods-vs-raw-fetch (cached IMS token)", {
        ours: async () => (await ods.makeDecisions(odsRequest)).data,
        baseline: bare,
      }),
    ];
  } finally {
    server.close();
    await ims.close();
  }
}
