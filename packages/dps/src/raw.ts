// `@offerkit/dps/raw`: the generated openapi-fetch client, kept out of the main entry (openapi-fetch is a large part
// of a small bundle).
import { rawClientOptions } from "@offerkit/core/internal";
import createClient, { type Client } from "openapi-fetch";
import type { DpsClient } from "./client.js";
import type { paths } from "./generated/schema.js";

/**
 * The generated openapi-fetch client over `client`'s base URL (the gateway and `/data/core/dps`), transport and
 * headers, for what its methods do not cover. The migration paths live on another origin: give those calls
 * `{ baseUrl: client.migrationBaseUrl }`.
 */
export function rawClient(client: DpsClient): Client<paths> {
  return createClient<paths>(rawClientOptions(client));
}
