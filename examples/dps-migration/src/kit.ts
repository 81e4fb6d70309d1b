// The kit the example migrates with, on the embedded mocks: the fake IMS's credential, production hosts answered
// locally by the mocks' fetch (or by a fetch wrapping it, as the test's does to record every call).
import type { Mocks } from "@offerkit/mock";
import { createOfferkit, type FetchFunction, type Offerkit } from "@offerkit/sdk";

export const IMS_ORG_ID = "0123456789ABCDEF01234567@AdobeOrg";

export function kitOnMocks(mocks: Mocks, fetch: FetchFunction = mocks.fetch): Offerkit {
  const { clientId, clientSecret, scopes } = mocks.credentials;
  return createOfferkit({
    // An OAuth Server-to-Server credential, as from the Adobe Developer Console; here the fake IMS's own.
    auth: { clientId, clientSecret, scopes },
    imsOrgId: IMS_ORG_ID,
    sandboxName: "prod",
    // Not the 10 s default: Prism's first answers can be slow while CI runs every suite at once.
    timeout: 30_000,
    fetch,
  });
}
