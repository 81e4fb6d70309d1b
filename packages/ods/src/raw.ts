// `@offerkit/ods/raw`: the generated openapi-fetch client, kept out of the main entry (openapi-fetch is half of
// a small bundle).
import { rawClientOptions } from "@offerkit/core/internal";
import createClient, { type Client } from "openapi-fetch";
import type { OdsClient } from "./client.js";
import type { paths } from "./generated/schema.js";

/** The generated openapi-fetch client over `client`'s origin, transport and headers, for what `makeDecisions` does not cover. */
export function rawClient(client: OdsClient): Client<paths> {
  return createClient<paths>(rawClientOptions(client));
}
