// The `/raw` path of every client: the generated openapi-fetch client over the same origin, transport and headers
// as a client's methods, for whatever they do not cover.
import type { HeaderInput } from "../checks/headers.js";
import { type CallTransport, type FetchLike, fetchOf, serializeJsonBody } from "../transport/transport.js";

/** The options of an openapi-fetch client with the same origin, transport and headers as `client`. */
export interface RawClientOptions {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly headers: HeaderInput | undefined;
  /** Turns a request body into the text sent. */
  readonly bodySerializer: (body: unknown) => string;
}

/** What a raw client shares with its client's methods. */
interface RawConnection {
  readonly baseUrl: string;
  readonly transport: CallTransport;
  readonly headers: HeaderInput | undefined;
}

const CONNECTION = Symbol.for("offerkit.connection");

/** Gives a client object what `rawClientOptions` needs, without adding it to the client's public surface. */
export function withConnection<Client extends object>(client: Client, connection: RawConnection): Client {
  return Object.defineProperty(client, CONNECTION, { value: connection });
}

/**
 * `createClient<paths>(rawClientOptions(client))` is the generated openapi-fetch client over `client`'s origin,
 * transport (auth, retries, timeout) and headers.
 */
export function rawClientOptions(client: object): RawClientOptions {
  const connection = (client as { [CONNECTION]?: RawConnection })[CONNECTION];
  if (!connection) throw new TypeError("not an offerkit client");
  return {
    baseUrl: connection.baseUrl,
    fetch: fetchOf(connection.transport),
    headers: connection.headers,
    bodySerializer: serializeJsonBody,
  };
}
