// A dps client for the sdk's tests: fixed token, the org and sandbox every test uses, and the fetch it is given.
import { createDpsClient, type DpsClientOptions } from "@offerkit/dps";

export const ORG = "0123456789ABCDEF01234567@AdobeOrg";
/** The item catalog schema the tests' clients send as `x-schema-id`. */
export const SCHEMA = "https://ns.adobe.com/acme/schemas/0123456789abcdef";

/** `createDpsClient` with token `token-1`, api key `key-1`, org `ORG`, sandbox `prod` and `SCHEMA`, then `options`. */
export function dpsClient(options: Partial<DpsClientOptions> & Pick<DpsClientOptions, "fetch">) {
  return createDpsClient({
    auth: { accessToken: "token-1", apiKey: "key-1" },
    imsOrgId: ORG,
    sandboxName: "prod",
    schemaId: SCHEMA,
    ...options,
  });
}
