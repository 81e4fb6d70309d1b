// The IMS token client: OAuth Server-to-Server tokens fetched, cached, refreshed once for all waiters, never leaked.
import { requireHeaderSafe, requireText, userAgent, VISIBLE_ASCII } from "../checks/headers.js";
import { checkedLater, checkOptions, millis, type OptionCheck } from "../checks/options.js";
import {
  AbortError,
  NetworkError,
  redact,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from "../errors/errors.js";
import { untilAborted } from "../timing/timers.js";
import type { RetryOptions } from "../transport/retry-policy.js";
import {
  checkBaseUrl,
  createCallTransport,
  type FetchFunction,
  scopeRequest,
  TRANSPORT_OPTION_CHECKS,
} from "../transport/transport.js";
import { VERSION } from "../version.js";
import { IMS_HOST, IMS_TOKEN_PATH } from "./ims-endpoint.js";
import { ImsAuthError } from "./ims-error.js";
import type { TokenProvider } from "./token.js";

export { IMS_HOST, IMS_TOKEN_PATH } from "./ims-endpoint.js";
export { ImsAuthError, type ImsFailureReason } from "./ims-error.js";

/** An OAuth Server-to-Server credential from the Adobe Developer Console: client id, secret and scopes. */
export interface ImsCredentials {
  /** Client id of the OAuth Server-to-Server credential; also sent as `x-api-key`. */
  readonly clientId: string;
  /** Client secret of that credential. Kept in a closure: it never appears in errors, logs or `JSON.stringify`. */
  readonly clientSecret: string;
  /** Scopes listed on the credential in the Developer Console, as an array or a comma-separated string. */
  readonly scopes: readonly string[] | string;
}

/** Options of `createImsTokenProvider`: the credential, and where and how to ask IMS for tokens. */
export interface ImsTokenProviderOptions extends ImsCredentials {
  /** IMS origin. Default `https://ims-na1.adobelogin.com`. */
  readonly imsHost?: string | undefined;
  /** The fetch to call IMS with. Default: the Node transport on Node, else the global `fetch` (looked up per request). */
  readonly fetch?: FetchFunction | undefined;
  /** Milliseconds one token request may take, retries included. Default 10000. */
  readonly timeout?: number | undefined;
  /** Retries of the token request on network errors, 429 and 5xx. Default: 3 attempts. */
  readonly retry?: RetryOptions | false | undefined;
  /** The most bytes IMS's answer may have. Default 16 MiB. */
  readonly maxResponseBytes?: number | undefined;
  /**
   * How long before expiry a token is replaced, in ms. Default 300000 (5 minutes), at most a tenth of the
   * token's lifetime so that short-lived tokens are still reused.
   */
  readonly refreshMargin?: number | undefined;
}

/** A token provider for an OAuth Server-to-Server credential, from `createImsTokenProvider`. */
export interface ImsTokenProvider extends TokenProvider {
  /** The client id, which Platform APIs also expect as `x-api-key`. */
  readonly clientId: string;
  /** The token endpoint called. */
  readonly endpoint: string;
}

// `checkedLater`: checked below, with their own wording.
const IMS_OPTION_CHECKS: Record<keyof ImsTokenProviderOptions, OptionCheck> = {
  clientId: checkedLater,
  clientSecret: checkedLater,
  scopes: checkedLater,
  imsHost: checkedLater,
  fetch: TRANSPORT_OPTION_CHECKS.fetch,
  timeout: TRANSPORT_OPTION_CHECKS.timeout,
  retry: TRANSPORT_OPTION_CHECKS.retry,
  maxResponseBytes: TRANSPORT_OPTION_CHECKS.maxResponseBytes,
  refreshMargin: millis(0),
};

interface CachedToken {
  readonly token: string;
  /** When to start fetching a replacement. */
  readonly refreshAt: number;
  /** When IMS says the token stops working. */
  readonly expiresAt: number;
}

/**
 * Access tokens for an OAuth Server-to-Server credential (client credentials grant), cached until shortly before
 * they expire. Concurrent callers share one token request, and a failed refresh falls back to the cached token
 * while it is still valid.
 */
export function createImsTokenProvider(options: ImsTokenProviderOptions): ImsTokenProvider {
  return imsTokenProvider(options, "");
}

/** `fields` prefixes the names in `ValidationError`s, so that they match the option the caller wrote. */
export function imsTokenProvider(options: ImsTokenProviderOptions, fields: string): ImsTokenProvider {
  if (!options || typeof options !== "object") {
    throw new ValidationError(fields || "options", "an object with clientId, clientSecret and scopes");
  }
  const clientId = requireHeaderSafe(options.clientId, `${fields}clientId`, "the client id of the credential");
  const clientSecret = requireText(
    options.clientSecret,
    `${fields}clientSecret`,
    "the client secret of the credential",
  );
  checkOptions(options, fields.slice(0, -1), IMS_OPTION_CHECKS);
  const scope = joinScopes(options.scopes, `${fields}scopes`);
  const endpoint = `${checkBaseUrl(options.imsHost ?? IMS_HOST, `${fields}imsHost`)}${IMS_TOKEN_PATH}`;
  const refreshMargin = options.refreshMargin ?? 300_000;
  const transport = createCallTransport({
    fetch: options.fetch,
    timeout: options.timeout,
    maxResponseBytes: options.maxResponseBytes,
    // Asking for a token twice is harmless, so the POST may be retried.
    retry: options.retry === false ? false : { retryNonIdempotent: true, ...options.retry },
    userAgent: userAgent("core", VERSION),
  });

  let cached: CachedToken | undefined;
  /** The token request under way, and how many callers still wait for it. */
  let pending:
    | { readonly promise: Promise<CachedToken>; readonly controller: AbortController; waiters: number }
    | undefined;

  async function requestToken(signal: AbortSignal): Promise<CachedToken> {
    const call = transport.begin({ signal });
    let response: Response;
    try {
      response = await call.fetch(
        // Never redirected: a 307 would carry the form, client secret included, to wherever it points.
        {
          ...scopeRequest(
            endpoint,
            "POST",
            new Headers({ "content-type": "application/x-www-form-urlencoded", accept: "application/json" }),
          ),
          redirect: "manual",
        } as Request,
        {
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: clientId,
            client_secret: clientSecret,
            scope,
          }).toString(),
        },
      );
    } catch (error) {
      throw imsFailureFrom(error, endpoint);
    } finally {
      call.end();
    }
    if (response.status >= 300 && response.status < 400) {
      // A redirect is not followed (see above): IMS's token endpoint answers, it never sends elsewhere.
      throw new ImsAuthError({ reason: "unexpected_response", endpoint, status: response.status });
    }
    const body = await readJson(response);
    if (!response.ok) throw rejection(response.status, body, endpoint, clientSecret);
    const token = body?.access_token;
    const expiresIn = body?.expires_in;
    if (typeof token !== "string" || !VISIBLE_ASCII.test(token) || typeof expiresIn !== "number" || !(expiresIn > 0)) {
      throw new ImsAuthError({ reason: "unexpected_response", endpoint, status: response.status });
    }
    const lifetime = expiresIn * 1000;
    const now = Date.now();
    return {
      token,
      expiresAt: now + lifetime,
      refreshAt: now + lifetime - Math.min(refreshMargin, lifetime / 10),
    };
  }

  /**
   * The shared token request, joined by one more caller. It runs for as long as any caller still waits: when the
   * last one gives up (its call timed out or was aborted), the request is aborted too, so neither its socket nor its
   * timer outlives the calls it was for. A caller without a signal waits until it settles.
   */
  function refresh(signal: AbortSignal | undefined): Promise<CachedToken> {
    if (!pending) {
      const controller = new AbortController();
      const promise = requestToken(controller.signal).then((fresh) => {
        cached = fresh;
        return fresh;
      });
      const entry = { promise, controller, waiters: 0 };
      pending = entry;
      promise
        .then(
          () => {},
          () => {},
        )
        .finally(() => {
          if (pending === entry) pending = undefined;
        });
    }
    const entry = pending;
    entry.waiters++;
    if (!signal) return entry.promise;
    const leave = () => {
      entry.waiters--;
      if (entry.waiters === 0 && pending === entry) {
        pending = undefined;
        entry.controller.abort();
      }
    };
    signal.addEventListener("abort", leave, { once: true });
    return untilAborted(entry.promise, signal)
      .catch((error: unknown) => {
        throw signal.aborted ? abortedWait(signal) : error;
      })
      .finally(() => signal.removeEventListener("abort", leave));
  }

  return {
    clientId,
    endpoint,
    getToken({ signal } = {}) {
      const now = Date.now();
      if (cached && now < cached.refreshAt) return Promise.resolve(cached.token);
      if (signal?.aborted) return Promise.reject(abortedWait(signal));
      const stale = cached;
      return refresh(signal).then(
        (fresh) => fresh.token,
        (error: unknown) => {
          // IMS being down must not fail calls while the token in hand still works (and was not refused meanwhile).
          if (
            !signal?.aborted &&
            error instanceof ImsAuthError &&
            error.reason === "unavailable" &&
            stale &&
            cached === stale &&
            Date.now() < stale.expiresAt
          ) {
            return stale.token;
          }
          throw error;
        },
      );
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
      return true;
    },
  };
}

/** Why a wait for a token ended early: the caller's signal, as an `AbortError` whose `cause` is its reason. */
function abortedWait(signal: AbortSignal): AbortError {
  const error = new AbortError(undefined, { cause: signal.reason });
  error.message = "Waiting for an Adobe IMS access token was aborted by the caller.";
  return error;
}

/** The same, minus the comma that separates scopes. */
const SCOPE = /^[\x21-\x2B\x2D-\x7E]+$/;

function joinScopes(scopes: unknown, field: string): string {
  const items =
    typeof scopes === "string"
      ? scopes
          .split(",")
          .map((scope) => scope.trim())
          .filter(Boolean)
      : Array.isArray(scopes)
        ? scopes.map((scope: unknown) => (typeof scope === "string" ? scope.trim() : ""))
        : [];
  if (items.length === 0 || items.some((scope) => !SCOPE.test(scope))) {
    throw new ValidationError(
      field,
      'a non-empty list of scope names without spaces or commas, e.g. ["openid", "AdobeID"]',
    );
  }
  return items.join(",");
}

async function readJson(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = await response.json();
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const CREDENTIAL_ERRORS = new Set(["invalid_client", "unauthorized_client", "invalid_grant", "access_denied"]);

function rejection(status: number, body: Record<string, unknown> | undefined, endpoint: string, secret: string) {
  const imsError = typeof body?.error === "string" ? redact(body.error, [secret]) : undefined;
  const description =
    typeof body?.error_description === "string" ? redact(body.error_description, [secret]) : undefined;
  const reason =
    status === 429 || status >= 500
      ? "unavailable"
      : imsError === "invalid_scope"
        ? "invalid_scope"
        : (imsError && CREDENTIAL_ERRORS.has(imsError)) || status === 401
          ? "invalid_credentials"
          : "rejected";
  return new ImsAuthError({ reason, endpoint, status, imsError, imsErrorDescription: description });
}

function imsFailureFrom(error: unknown, endpoint: string): unknown {
  if (error instanceof NetworkError || error instanceof TimeoutError) {
    return new ImsAuthError({ reason: "unavailable", endpoint }, { cause: error });
  }
  if (error instanceof UnexpectedResponseError) {
    // The cause is left out: its body excerpt is whatever the other end sent, which could echo the request.
    return new ImsAuthError({ reason: "unexpected_response", endpoint, status: error.status });
  }
  return error;
}
