import type { HeaderInput } from "../checks/headers.js";
import { UnexpectedResponseError } from "../errors/errors.js";
import {
  type CallScope,
  type CallTransport,
  type FetchLike,
  fetchOf,
  requestSummaryOf,
  scopeRequest,
  sentRequestIdOf,
  serializeJsonBody,
} from "../transport/transport.js";

type QueryValue = string | number | boolean;

/** One call of a generated operation, as a client method describes it. */
export interface SendInput {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly baseUrl: string;
  /** The spec's path; each `{name}` is replaced by the encoded `pathParams[name]`. */
  readonly path: string;
  readonly pathParams?: Readonly<Record<string, string>> | undefined;
  /** Query parameters in order; undefined ones are left out, an array repeats its name (`a=1&a=2`, form style). */
  readonly query?: Readonly<Record<string, QueryValue | readonly QueryValue[] | undefined>> | undefined;
  /** Header sets applied in order, a later one replacing an earlier one's value; undefined values are skipped. */
  readonly headers: readonly (HeaderInput | undefined)[];
  /** Sent as JSON (with `Content-Type: application/json` unless a header set names another). */
  readonly body?: unknown;
  /**
   * The 2xx statuses the spec answers without a body (a beacon's 204, a delete's 202). Any other 2xx must carry the
   * JSON the spec promises: an empty one is an `UnexpectedResponseError`, never `data: undefined`.
   */
  readonly noContent?: readonly number[] | undefined;
}

/** What a client call resolves to: openapi-fetch's shape, so results read the same as `rawClient(...)` calls. */
export interface SendResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * Sends one call through a transport scope and reads the answer as openapi-fetch does: `data` from a 2xx JSON body,
 * `error` from any other body (JSON when it parses, else text). A 2xx without a body is `data: undefined` only for
 * the statuses in `noContent`. The default call path of every client, without openapi-fetch's general machinery
 * (serializer styles, middleware).
 */
export async function send(scope: CallScope, input: SendInput): Promise<SendResult> {
  let url =
    input.baseUrl +
    input.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(input.pathParams?.[name] ?? ""));
  let separator = "?";
  for (const [name, values] of Object.entries(input.query ?? {})) {
    for (const value of Array.isArray(values) ? values : values === undefined ? [] : [values]) {
      url += `${separator}${name}=${encodeURIComponent(value)}`;
      separator = "&";
    }
  }
  const headers = new Headers(input.body === undefined ? undefined : { "content-type": "application/json" });
  for (const set of input.headers) {
    for (const [name, value] of Object.entries(set ?? {})) if (value !== undefined) headers.set(name, value);
  }
  const response = await scope.fetch(
    scopeRequest(url, input.method, headers),
    input.body === undefined ? undefined : { body: serializeJsonBody(input.body) },
  );
  const text = await response.text();
  if (response.ok && !text) {
    if (input.noContent?.includes(response.status)) return { data: undefined, response };
    throw new UnexpectedResponseError({
      status: response.status,
      requestId: response.headers.get("x-request-id") ?? sentRequestIdOf(response),
      contentType: response.headers.get("content-type") ?? undefined,
      bodyStart: "",
      request: requestSummaryOf(response),
      reason: "an empty body where the API promises JSON",
    });
  }
  if (response.ok) {
    // The transport buffered and parsed the body already: `json()` hands over that value.
    return { data: await response.json(), response };
  }
  if (!text) return { error: undefined, response };
  try {
    return { error: JSON.parse(text), response };
  } catch {
    return { error: text, response };
  }
}

/** The options of an openapi-fetch client with the same origin, transport and headers as `client`. */
export interface RawClientOptions {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly headers: HeaderInput | undefined;
  /** Turns a request body into the text sent. */
  readonly bodySerializer: (body: unknown) => string;
}

const CONNECTION = Symbol.for("offerkit.connection");

/** Gives a client object what `rawClientOptions` needs, without adding it to the client's public surface. */
export function withConnection<Client extends object>(
  client: Client,
  connection: {
    readonly baseUrl: string;
    readonly transport: CallTransport;
    readonly headers: HeaderInput | undefined;
  },
): Client {
  return Object.defineProperty(client, CONNECTION, { value: connection });
}

/**
 * For each client's `/raw` export: `createClient<paths>(rawClientOptions(client))` is the generated openapi-fetch
 * client over the same origin, transport (auth, retries, timeout) and headers, for anything the methods do not cover.
 */
export function rawClientOptions(client: object): RawClientOptions {
  const connection = (client as { [CONNECTION]?: Parameters<typeof withConnection>[1] })[CONNECTION];
  if (!connection) throw new TypeError("not an offerkit client");
  return {
    baseUrl: connection.baseUrl,
    fetch: fetchOf(connection.transport),
    headers: connection.headers,
    bodySerializer: serializeJsonBody,
  };
}
