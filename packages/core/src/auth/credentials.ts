import { type ImsTokenProviderOptions, imsTokenProvider } from "#ims";
import { requireHeaderSafe } from "../checks/headers.js";
import { ValidationError } from "../errors/errors.js";
import type { FetchLike } from "../transport/transport.js";

/** Hands out access tokens. Share one between clients so that they share its cache. */
export interface TokenProvider {
  /** A token that is valid now. Concurrent callers wait for the same token request. */
  getToken(options?: { readonly signal?: AbortSignal | undefined }): Promise<string>;
  /**
   * The API refused `token` (401). Forgets it so that the next `getToken` fetches a new one, and says whether a
   * new attempt can succeed (false for a fixed token).
   */
  invalidate(token: string): boolean;
  /**
   * `false` when `invalidate` can never help (a fixed token). Clients then skip keeping a copy of each request
   * body for a resend after a 401. Default: true.
   */
  readonly refreshable?: boolean;
}

/** A fixed access token, e.g. one minted elsewhere. A 401 cannot be fixed by asking again. */
export function staticToken(accessToken: string, field = "accessToken"): TokenProvider {
  const token = requireHeaderSafe(accessToken, field, "an IMS access token");
  return {
    getToken: ({ signal } = {}) => (signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve(token)),
    invalidate: () => false,
    refreshable: false,
  };
}

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
  readonly fetch?: FetchLike | undefined;
}

/** Adds credentials to each attempt of a request; the transport calls it below retries. */
export interface RequestAuthenticator {
  /** Sets the credential headers on one attempt and resolves with the token it used. */
  authorize(headers: Headers, signal: AbortSignal): Promise<string>;
  /** An attempt sent with `token` was answered 401: true when sending it again with a new token may succeed. */
  unauthorized(token: string): boolean;
  /** Whether `unauthorized` can ever return true; when not, the transport keeps no copy of the body for a resend. */
  readonly refreshable: boolean;
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
  return authenticator(credentials, identity);
}

/**
 * The authenticator of checked credentials: `Authorization` always from the provider, then `x-api-key` and the
 * `identity` headers unless the request has its own. `setUpPlatformClient` checks the identity headers against the
 * spec itself and comes here directly, so that they are checked once.
 */
export function authenticator(
  { provider, apiKey }: { provider: TokenProvider; apiKey: string },
  identity: readonly [string, string][],
): RequestAuthenticator {
  const fixed: readonly [string, string][] = [["x-api-key", apiKey], ...identity];
  return {
    async authorize(headers, signal) {
      const token = await provider.getToken({ signal });
      headers.set("authorization", `Bearer ${token}`);
      for (const [name, value] of fixed) if (!headers.has(name)) headers.set(name, value);
      return token;
    },
    unauthorized: (token) => provider.invalidate(token),
    refreshable: provider.refreshable !== false,
  };
}

export function resolveCredentials(
  credentials: PlatformCredentials | undefined,
  fetch: FetchLike | undefined,
): { provider: TokenProvider; apiKey: string } {
  const allowed =
    "IMS credentials { clientId, clientSecret, scopes }, { tokenProvider, apiKey } or { accessToken, apiKey }";
  if (!credentials || typeof credentials !== "object") throw new ValidationError("auth", allowed);
  if ("clientSecret" in credentials || "clientId" in credentials) {
    const ims = credentials as ImsTokenProviderOptions;
    const provider = imsTokenProvider(ims.fetch === undefined && fetch ? { ...ims, fetch } : ims, "auth.");
    return { provider, apiKey: provider.clientId };
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
    return { provider, apiKey };
  }
  if ("accessToken" in credentials)
    return { provider: staticToken(credentials.accessToken, "auth.accessToken"), apiKey };
  throw new ValidationError("auth", allowed);
}
