// `@offerkit/ode/raw`: the generated openapi-fetch client, kept out of the main entry (openapi-fetch is half of
// a small bundle).
import { rawClientOptions } from "@offerkit/core/internal";
import createClient, { type Client } from "openapi-fetch";
import type { OdeClient } from "./client.js";
import type { paths } from "./generated/schema.js";

/** The generated openapi-fetch client over `client`'s origin, transport and headers, for what the methods do not cover. */
export function rawClient(client: OdeClient): Client<paths> {
  return createClient<paths>(rawClientOptions(client));
}
