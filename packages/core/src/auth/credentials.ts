// How a Platform client authenticates: the `auth` option read once into a token provider and an API key, and the
// authenticator the transport's auth step calls on every attempt.
import { type ImsTokenProviderOptions, imsTokenProvider } from "#ims";
import { requireHeaderSafe } from "../checks/headers.js";
import { ValidationError } from "../errors/errors.js";
import type { RequestAuthenticator } from "../transport/steps.js";
import type { FetchFunction } from "../transport/transport.js";
import { staticToken, type TokenProvider } from "./token.js";

/** How a client authenticates to Adobe Experience Platform APIs. */
export type PlatformCredentials =
  /** OAuth Server-to-Server: tokens are fetched from IMS and cached. */
  | ImsTokenProviderOptions
  /** A token provider you share between clients; `apiKey` is the client id it belongs to. */
  | { readonly tokenProvider: TokenProvider; readonly apiKey: string }
  /** A fixed access token and the client id (`x-api-key`) it was issued to. */
  | { readonly accessToken: string; readonly apiKey: string };

/** Options of the Platform auth step: the credentials, the identity headers (org, sandbox) and the fetch for IMS. */
export interface PlatformAuthOptions {
  readonly credentials: PlatformCredentials;
  /** IMS organization id, `…@AdobeOrg`, sent as `x-gw-ims-org-id`. */
  readonly imsOrgId: string;
  /** Sandbox name (e.g. `prod`), sent as `x-sandbox-name`. */
  readonly sandboxName: string;
  /** Sandbox id, sent as `x-sandbox-id` when given. */
  readonly sandboxId?: string | undefined;
  /** The fetch for IMS token requests when the IMS credentials name none: a client passes its own. */
  readonly fetch?: FetchFunction | undefined;
}

/**
 * The credentials every Platform API call carries: `Authorization: Bearer <token>`, `x-api-key`,
 * `x-gw-ims-org-id`, `x-sandbox-name` and optionally `x-sandbox-id`. Headers a call sets itself win, except
 * `Authorization`, which always comes from the token provider.
 */
export function platformAuth(options: PlatformAuthOptions): RequestAuthenticator {
  const credentials = resolveCredentials(options.credentials, options.fetch);
  const identity: [string, string][] = [
    [
      "x-gw-ims-org-id",
      requireHeaderSafe(
        options.imsOrgId,
        "imsOrgId",
        "an IMS organization id such as 0123456789ABCDEF01234567@AdobeOrg",
      ),
    ],
    ["x-sandbox-name", requireHeaderSafe(options.sandboxName, "sandboxName", "a sandbox name such as prod")],
  ];
  if (options.sandboxId !== undefined) {
    identity.push(["x-sandbox-id", requireHeaderSafe(options.sandboxId, "sandboxId", "a sandbox id")]);
  }
  const base = authenticator(credentials);
  return {
    ...base,
    async authorize(headers, signal) {
      const token = await base.authorize(headers, signal);
      for (const [name, value] of identity) if (!headers.has(name)) headers.set(name, value);
      return token;
    },
  };
}

/**
 * The authenticator of checked credentials: `Authorization` always from the provider, `x-api-key` unless the request
 * has its own. The identity headers are not its business: a client's runner sets them on each call (and gives them to
 * its `/raw` client as default headers); `platformAuth` adds them for a transport of one's own.
 */
export function authenticator({ tokenProvider: provider, apiKey }: ResolvedCredentials): RequestAuthenticator {
  return {
    async authorize(headers, signal) {
      const token = await provider.getToken({ signal });
      headers.set("authorization", `Bearer ${token}`);
      if (!headers.has("x-api-key")) headers.set("x-api-key", apiKey);
      return token;
    },
    unauthorized: (token) => provider.invalidate(token),
    refreshable: provider.refreshable !== false,
  };
}

/** Credentials made ready to use: one token provider and the API key its tokens belong to. */
export interface ResolvedCredentials {
  readonly tokenProvider: TokenProvider;
  readonly apiKey: string;
}

/**
 * The one reading of a Platform `auth` option (every client and `createOfferkit`): IMS credentials become a token
 * provider (the `fetch` given is its default), a shared provider or a fixed token are checked. Fields are named as the
 * caller wrote them (`auth.clientSecret`).
 */
export function resolveCredentials(
  credentials: PlatformCredentials | undefined,
  fetch: FetchFunction | undefined,
): ResolvedCredentials {
  const allowed =
    "IMS credentials { clientId, clientSecret, scopes }, { tokenProvider, apiKey } or { accessToken, apiKey }";
  if (!credentials || typeof credentials !== "object") throw new ValidationError("auth", allowed);
  if ("clientSecret" in credentials || "clientId" in credentials) {
    const ims = credentials as ImsTokenProviderOptions;
    const provider = imsTokenProvider(ims.fetch === undefined && fetch ? { ...ims, fetch } : ims, "auth.");
    return { tokenProvider: provider, apiKey: provider.clientId };
  }
  const apiKey = requireHeaderSafe(
    (credentials as { apiKey?: unknown }).apiKey,
    "auth.apiKey",
    "the client id of the Developer Console project (sent as x-api-key)",
  );
  if ("tokenProvider" in credentials) {
    const provider = credentials.tokenProvider;
    if (typeof provider?.getToken !== "function" || typeof provider.invalidate !== "function") {
      throw new ValidationError("auth.tokenProvider", "an object with getToken() and invalidate()");
    }
    return { tokenProvider: provider, apiKey };
  }
  if ("accessToken" in credentials)
    return { tokenProvider: staticToken(credentials.accessToken, "auth.accessToken"), apiKey };
  throw new ValidationError("auth", allowed);
}
