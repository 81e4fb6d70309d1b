// What hands a call its access token: the provider contract every credential kind meets, and the fixed-token one.
import { requireHeaderSafe } from "../checks/headers.js";

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
