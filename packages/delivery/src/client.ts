import {
  type BaseCallOptions,
  type ConnectionOptions,
  type HeaderInput,
  type RequestValidation,
  type RetryOptions,
  ValidationError,
  type WithMetadata,
} from "@offerkit/core";
import {
  assertSafeHeaders,
  CALL_OPTION_CHECKS,
  checkBaseUrl,
  checkedLater,
  checkOptions,
  createCallTransport,
  createRunner,
  type OptionCheck,
  TRANSPORT_OPTION_CHECKS,
  userAgent,
  withChecks,
  withConnection,
} from "@offerkit/core/internal";
import type { FetchResponse } from "openapi-fetch";
import { requestRules } from "./generated/request-rules.js";
import type { operations } from "./generated/schema.js";
import type { DeliveryRequest } from "./types.js";
import { VERSION } from "./version.js";

/** Path of Target's Delivery API on every Target host. */
export const DELIVERY_PATH = "/rest/v1/delivery";

/** The operation ids of `specs/delivery.yaml`. */
export type DeliveryOperationId = keyof operations;

/** Options of `createDeliveryClient`: the account, where calls go, and how they are sent. */
export interface DeliveryClientOptions extends ConnectionOptions {
  /**
   * Target client code (the tenant, e.g. `acme`). Sent as the `client` query parameter and used for the default
   * host `https://{client}.tt.omtrdc.net`. Give this, `imsOrgId`, or both.
   */
  readonly client?: string;
  /** Experience Cloud org id (`…@AdobeOrg`), sent as `imsOrgId`. Adobe's own SDK identifies accounts this way. */
  readonly imsOrgId?: string;
  /** A custom Target host (CNAME) that replaces `{client}.tt.omtrdc.net`, without scheme, e.g. `target.example.com`. */
  readonly serverDomain?: string;
  /**
   * Full origin to call, e.g. an edge cluster `https://mboxedge28.tt.omtrdc.net` or a mock `http://127.0.0.1:4010`.
   * Wins over `serverDomain` and `client`. Can also be set per call.
   */
  readonly baseUrl?: string;
  /**
   * Retries. A delivery call is a POST that counts impressions, so it is never retried unless you pass
   * `{ retryNonIdempotent: true }` (safe for prefetch-only or notification-only traffic you de-duplicate).
   */
  readonly retry?: RetryOptions | false | undefined;
  /**
   * Headers sent with every call; a value with CR, LF, NUL or a character above U+00FF is refused. Per-call headers
   * go in `deliver`'s options.
   */
  readonly headers?: HeaderInput;
  /**
   * Check each request body against every rule of the spec before sending: pass `validation` from
   * `@offerkit/delivery/validation`. Without it, calls check the parameters and that the body is an object, and the
   * server judges the rest.
   */
  readonly validation?: RequestValidation<DeliveryOperationId>;
}

/** One `deliver` call: the visitor's session id and the request body. */
export interface DeliverInput {
  /** Visitor session id: 1–128 printable characters without spaces, `?`, `/`, `{` or `}`. Keep it per visitor. */
  readonly sessionId: string;
  /** The request body. */
  readonly request: DeliveryRequest;
  /** Informational client version sent as `version`. */
  readonly version?: string;
}

/** Per-call options of `deliver`: cancellation, timeout, retries, headers and origin. */
export interface CallOptions extends BaseCallOptions {
  /** Origin for this call only: how a visitor is routed to the edge cluster that holds their profile. */
  readonly baseUrl?: string | undefined;
}

type ExecuteResult = FetchResponse<operations["execute"], { body: DeliveryRequest }, `${string}/${string}`>;

/**
 * What `deliver` resolves to: openapi-fetch's `{ data, error, response }`, typed by the spec. `data` is the
 * response object: only a beacon may be answered without one (see `BeaconResult`).
 */
export type DeliveryResult = WithMetadata<
  | { readonly data: NonNullable<ExecuteResult["data"]>; readonly error?: never; readonly response: Response }
  | { readonly data?: never; readonly error: NonNullable<ExecuteResult["error"]>; readonly response: Response }
>;

/** A beacon (`context.beacon: true`) may also be answered 204 with no body: `data` is then `undefined`. */
export type BeaconResult =
  | DeliveryResult
  | WithMetadata<{ readonly data: undefined; readonly error?: never; readonly response: Response }>;

/** A `deliver` input whose request is a beacon. */
export type BeaconInput = DeliverInput & { readonly request: { readonly context: { readonly beacon: true } } };

/** A Target Delivery API client, from `createDeliveryClient`. */
export interface DeliveryClient {
  /**
   * `POST /rest/v1/delivery` (operation `execute`): decide mboxes, views and page load for one visitor, and/or
   * record notifications. Parameters (and with `validation`, the whole body) are checked against the spec before
   * anything is sent; a bad field throws a `ValidationError` naming it. Resolves with `{ data }` on 2xx and `{ error, response }` otherwise; throws
   * `TimeoutError`, `AbortError`, `NetworkError` or `UnexpectedResponseError` when there is no usable answer.
   */
  deliver(input: BeaconInput, options?: CallOptions): Promise<BeaconResult>;
  /** `deliver` for any request: `data` is the response object on 2xx. */
  deliver(input: DeliverInput, options?: CallOptions): Promise<DeliveryResult>;
  /** The origin calls go to unless a call says otherwise. */
  readonly baseUrl: string;
}

/** Client codes are lower-case letters and digits in practice; anything that is not a DNS label cannot be a host. */
const DNS_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$/;
const EDGE_EXAMPLE = "https://mboxedge28.tt.omtrdc.net";
const BEACON_ANSWER = [204];

// `checkedLater`: checked below, with their own wording.
const OPTION_CHECKS = /* @__PURE__ */ withChecks(TRANSPORT_OPTION_CHECKS, {
  client: checkedLater,
  imsOrgId: checkedLater,
  serverDomain: checkedLater,
  baseUrl: checkedLater,
  headers: checkedLater,
  validation: checkedLater,
}) as Record<keyof DeliveryClientOptions, OptionCheck>;

const CALL_CHECKS = /* @__PURE__ */ withChecks(CALL_OPTION_CHECKS, { baseUrl: checkedLater }) as Record<
  keyof CallOptions,
  OptionCheck
>;

/**
 * Creates a Target Delivery API client. Checks the options at once (a bad one throws a `ValidationError` naming it);
 * nothing is sent until `deliver`.
 */
export function createDeliveryClient(options: DeliveryClientOptions): DeliveryClient {
  if (!options || typeof options !== "object")
    throw new ValidationError("options", "an object with client or imsOrgId");
  checkOptions(options, "", OPTION_CHECKS);
  const { client, imsOrgId } = options;
  if (client === undefined && imsOrgId === undefined) {
    throw new ValidationError("client", "a Target client code (or give imsOrgId): one of them identifies the account");
  }
  if (client !== undefined && (typeof client !== "string" || !DNS_LABEL.test(client))) {
    throw new ValidationError("client", "a Target client code made of letters, digits and inner hyphens");
  }
  if (imsOrgId !== undefined && (typeof imsOrgId !== "string" || imsOrgId.length === 0)) {
    throw new ValidationError("imsOrgId", "a non-empty org id such as 0123456789ABCDEF01234567@AdobeOrg");
  }
  assertSafeHeaders(options.headers, "headers");
  const baseUrl = resolveBaseUrl(options);
  const account = { client, imsOrgId };

  // A POST is only retried when the caller says it is safe; the transport enforces that.
  const transport = createCallTransport({ ...options, userAgent: userAgent("delivery", VERSION) });
  const connection = {
    baseUrl,
    transport,
    headers: options.headers,
    callChecks: CALL_CHECKS,
    rules: requestRules,
    validation: options.validation,
  };
  const run = createRunner(connection);

  return withConnection(
    {
      baseUrl,
      deliver: (input: DeliverInput, call?: CallOptions): Promise<DeliveryResult> =>
        run(call, "execute", () => ({
          method: "POST",
          baseUrl:
            call?.baseUrl === undefined ? undefined : checkBaseUrl(call.baseUrl, "options.baseUrl", EDGE_EXAMPLE),
          path: DELIVERY_PATH,
          query: { ...account, sessionId: input?.sessionId, version: input?.version },
          body: input?.request,
          // Only a beacon is answered without a body.
          noContent: input?.request?.context?.beacon === true ? BEACON_ANSWER : undefined,
        })),
    } satisfies DeliveryClient,
    connection,
  );
}

function resolveBaseUrl(options: DeliveryClientOptions): string {
  if (options.baseUrl !== undefined) return checkBaseUrl(options.baseUrl, "baseUrl", EDGE_EXAMPLE);
  if (options.serverDomain !== undefined) {
    if (typeof options.serverDomain !== "string" || !HOST.test(options.serverDomain)) {
      throw new ValidationError("serverDomain", "a host name without scheme or path, e.g. target.example.com");
    }
    return checkBaseUrl(`https://${options.serverDomain}`, "serverDomain");
  }
  // Through checkBaseUrl for its normal form (lower case, no default port), which calls append to as it is.
  if (options.client !== undefined) return checkBaseUrl(`https://${options.client}.tt.omtrdc.net`, "client");
  throw new ValidationError(
    "baseUrl",
    "set (or give client or serverDomain): with only imsOrgId there is no default host",
  );
}
