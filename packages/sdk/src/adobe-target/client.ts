import {
  type CallHooks,
  type FetchFunction,
  type RequestValidation,
  type RetryOptions,
  unwrap,
  ValidationError,
} from "@offerkit/core";
import {
  checkedLater,
  checkHooks,
  checkLogger,
  checkMaxResponseBytes,
  checkOptions,
  checkRetry,
  checkTimeout,
  isBooleanOption,
  isFunctionOption,
  isSignalOption,
  isStringOption,
  type OptionCheck,
  wholeNumber,
  withChecks,
} from "@offerkit/core/internal";
import {
  type AnalyticsResponse,
  createDeliveryClient,
  type DeliveryOperationId,
  type DeliveryRequest,
  type DeliveryResponse,
  type ResponseTokens,
  type TraceResponse,
} from "@offerkit/delivery";
import { type Attributes, createAttributes, withMboxes } from "./attributes.js";
import {
  clusterFromEdgeHost,
  clusterFromTntId,
  createLocationHintCookie,
  createTargetCookie,
  edgeClusterHost,
  parseLocationHint,
  parseTargetCookie,
  type TargetCookie,
} from "./cookies.js";
import {
  buildDeliveryRequest,
  type CustomerIds,
  newSupplementalDataId,
  parseVisitorCookie,
  type TargetDeliveryRequest,
} from "./request.js";

/**
 * Adobe's SDK takes `{ debug, error }`; `console` fits too. Every method is optional. Calls are logged as well:
 * requests and answers at `debug`, retries at `warn`, failures at `error`.
 */
export interface TargetLogger {
  /** Every call, with its host and timings. */
  debug?(...messages: unknown[]): void;
  /** Bad cookies and hints that were ignored. Falls back to `error` when absent. */
  warn?(...messages: unknown[]): void;
  /** Failures, and warnings when there is no `warn`. */
  error?(...messages: unknown[]): void;
}

/** Options of `createTargetClient`, named as in Adobe's Target Node SDK where it has them. */
export interface TargetClientOptions {
  /** Target client code (tenant), e.g. `acme`: the default host is `{client}.tt.omtrdc.net`. */
  readonly client: string;
  /** Experience Cloud org id, `…@AdobeOrg`, sent as `imsOrgId`. */
  readonly organizationId?: string;
  /** A host (CNAME or a local mock) to call instead of `{client}.tt.omtrdc.net`, optionally with a port. */
  readonly serverDomain?: string;
  /** `false` calls over plain http. Default `true`. */
  readonly secure?: boolean;
  /** Milliseconds a call may take in all. Default 3000, as in Adobe's SDK. */
  readonly timeout?: number;
  /** The most bytes an answer's body may have; a larger one is a `ResponseTooLargeError`. Default 16 MiB. */
  readonly maxResponseBytes?: number;
  /** Called as each call is sent, answered, retried or fails (for metrics and tracing). Never given a secret. */
  readonly hooks?: CallHooks;
  /** The fetch to send with, called as `fetch(url, init)`. Default: the global `fetch`, looked up at call time. */
  readonly fetch?: FetchFunction;
  /** Adobe's name for `fetch` (its SDK calls it the same way). */
  readonly fetchApi?: FetchFunction;
  readonly logger?: TargetLogger;
  /**
   * Retries. A delivery call counts impressions, so it is never retried unless you pass
   * `{ retryNonIdempotent: true }`. Adobe's SDK retries every failure ten times, 400s included.
   */
  readonly retry?: RetryOptions | false;
  /** A fixed edge cluster for visitors who bring none. Never learned from responses. */
  readonly targetLocationHint?: string;
  /** `property.token` for requests that name none (Adobe's `propertyToken`). */
  readonly propertyToken?: string;
  /** `environmentId` for requests that name none. */
  readonly environmentId?: number;
  /**
   * Only `"server-side"` here: for `"on-device"` and `"hybrid"`, take `createTargetClient` from
   * `@offerkit/sdk/target/on-device`, so server-side bundles never carry the rules engine.
   */
  readonly decisioningMethod?: "server-side";
  /**
   * Check each request against every rule of the Delivery API spec before sending: pass `validation` from
   * `@offerkit/delivery/validation`. Without it, parameters are checked and the server judges the body.
   */
  readonly validation?: RequestValidation<DeliveryOperationId>;
}

/** One `getOffers` call: the request, and the visitor's cookies and ids. */
export interface GetOffersOptions {
  /** The Delivery API request; `null` objects, number parameters and missing mbox indexes are accepted. */
  readonly request: TargetDeliveryRequest;
  /** The visitor's `mbox` cookie value. Its session id and tnt id win over `sessionId`. */
  readonly targetCookie?: string | undefined;
  /** The visitor's `mboxEdgeCluster` cookie value. A value that is not a cluster number is ignored. */
  readonly targetLocationHint?: string | undefined;
  /** Session id for a visitor without an `mbox` cookie. Default: a new UUID. */
  readonly sessionId?: string | undefined;
  /** The visitor's `AMCV_<organizationId>` cookie value: supplies the ECID and Audience Manager hints. */
  readonly visitorCookie?: string | undefined;
  readonly customerIds?: CustomerIds | undefined;
  /**
   * Accepted for Adobe compatibility. Without a shared Visitor instance Adobe's SDK makes a new supplemental data
   * id on every call whatever the consumer id, and so does this client.
   */
  readonly consumerId?: string | undefined;
  /** Only `"server-side"` here; clients from `@offerkit/sdk/target/on-device` take all three methods. */
  readonly decisioningMethod?: "server-side" | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Where a call is decided; `"on-device"` and `"hybrid"` need `@offerkit/sdk/target/on-device`. */
export type DecisioningMethod = "server-side" | "on-device" | "hybrid";

/** How the answer was decided, as Adobe's SDK reports it. */
export interface ResponseMeta {
  /** How this call was decided (for hybrid: the method actually used). */
  readonly decisioningMethod: "server-side" | "on-device";
  /** Requested mboxes that need the server (listed by the rules artifact): none without one. */
  readonly remoteMboxes: readonly string[];
  readonly remoteViews: readonly string[];
}

/**
 * What `getOffers` resolves to: the request sent, Target's answer, the cookies to set and what the answer holds for
 * Analytics.
 */
export interface TargetDeliveryResponse {
  /** The request that was sent, after normalisation and with the visitor's ids. */
  readonly request: DeliveryRequest;
  readonly response: DeliveryResponse;
  /** Set it on the HTTP response (`Max-Age` = `maxAge`). */
  readonly targetCookie: TargetCookie;
  /** Set it too when present: it routes the visitor's next call to their edge cluster. */
  readonly targetLocationHintCookie: TargetCookie | undefined;
  /** `analytics` of every mbox, view and page load, for client-side Analytics logging. */
  readonly analyticsDetails: readonly AnalyticsResponse[];
  readonly trace: readonly TraceResponse[];
  readonly responseTokens: readonly ResponseTokens[];
  readonly meta: ResponseMeta;
}

/** The options of `getAttributes`: those of `getOffers`, with the request optional. */
export type GetAttributesOptions = Omit<GetOffersOptions, "request"> & {
  readonly request?: TargetDeliveryRequest;
};

/** A server-side Target client with Adobe's SDK's methods, from `createTargetClient`. */
export interface TargetClient {
  /** Decides mboxes, views and page load for one visitor, reading and renewing the visitor's Target cookies. */
  getOffers(options: GetOffersOptions): Promise<TargetDeliveryResponse>;
  /** Sends display or click notifications (`request.notifications`, required) for one visitor. */
  sendNotifications(options: GetOffersOptions): Promise<TargetDeliveryResponse>;
  /** Executes the named mboxes and returns their JSON offer attributes. */
  getAttributes(
    mboxNames: readonly string[],
    options?: GetAttributesOptions,
  ): Promise<Attributes<TargetDeliveryResponse>>;
}

const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$/;

// `checkedLater`: checked below, with their own wording.
const OPTION_CHECKS: Record<keyof TargetClientOptions, OptionCheck> = {
  client: checkedLater,
  organizationId: checkedLater,
  serverDomain: checkedLater,
  secure: isBooleanOption,
  timeout: checkTimeout,
  maxResponseBytes: checkMaxResponseBytes,
  hooks: checkHooks,
  fetch: isFunctionOption,
  fetchApi: isFunctionOption,
  logger: checkLogger,
  retry: checkRetry,
  targetLocationHint: checkedLater,
  propertyToken: isStringOption,
  environmentId: /* @__PURE__ */ wholeNumber(0),
  decisioningMethod: checkedLater,
  validation: checkedLater,
};

const CALL_CHECKS: Record<keyof GetOffersOptions, OptionCheck> = {
  request: checkedLater,
  targetCookie: checkedLater,
  targetLocationHint: checkedLater,
  sessionId: checkedLater,
  visitorCookie: checkedLater,
  customerIds: checkedLater,
  consumerId: checkedLater,
  decisioningMethod: checkedLater,
  signal: isSignalOption,
};

/** Where one call is decided, as the on-device entry (`on-device/client.ts`) plugs it in. */
export interface CallRouting {
  /** The methods calls may name (and their error text). */
  readonly methods: readonly DecisioningMethod[];
  /** The checks of the options this entry adds to `TargetClientOptions`. */
  readonly optionChecks?: Readonly<Record<string, OptionCheck>>;
  readonly allowed: string;
  /**
   * Decides `request` locally and returns the response with its meta, or returns only the meta when the server
   * must decide. Called for getOffers and getAttributes, never for sendNotifications.
   */
  route(
    request: DeliveryRequest,
    call: {
      readonly method: DecisioningMethod | undefined;
      readonly sessionId: string;
      readonly cluster: string | undefined;
      readonly signal: AbortSignal | undefined;
    },
  ): Promise<{ readonly meta: ResponseMeta; readonly response?: DeliveryResponse }>;
}

const SERVER_SIDE: CallRouting = {
  methods: ["server-side"],
  allowed: '"server-side" (import createTargetClient from @offerkit/sdk/target/on-device for "on-device" and "hybrid")',
  route: async () => ({ meta: { decisioningMethod: "server-side", remoteMboxes: [], remoteViews: [] } }),
};
const EMPTY_REQUEST: TargetDeliveryRequest = { context: { channel: "web" } };

/**
 * A Target client with the options and results Adobe's Node SDK users know, on `@offerkit/delivery`. Unlike
 * Adobe's, it remembers nothing between calls: a visitor's edge cluster comes only from that visitor's cookies.
 */
export function createTargetClient(options: TargetClientOptions): TargetClient {
  return createRoutedTargetClient(options, SERVER_SIDE);
}

/** `createTargetClient` with its calls decided where `routing` says: the on-device entry's seam. */
export function createRoutedTargetClient(
  options: Omit<TargetClientOptions, "decisioningMethod"> & { readonly decisioningMethod?: DecisioningMethod },
  routing: CallRouting,
): TargetClient {
  if (typeof options !== "object" || options === null) {
    throw new ValidationError("options", "an object with at least `client`");
  }
  checkOptions(options, "", routing.optionChecks ? withChecks(OPTION_CHECKS, routing.optionChecks) : OPTION_CHECKS);
  const { client, serverDomain, logger = {} } = options;
  if (typeof client !== "string" || client === "") {
    throw new ValidationError("client", "your Target client code, e.g. acme (it names the default host)");
  }
  checkDecisioningMethod(options.decisioningMethod, "decisioningMethod", routing);
  if (serverDomain !== undefined && !(typeof serverDomain === "string" && HOST.test(serverDomain))) {
    throw new ValidationError("serverDomain", "a host name with an optional port, without scheme or path");
  }
  const scheme = options.secure === false ? "http" : "https";
  const configuredHint = parseLocationHint(options.targetLocationHint);
  if (options.targetLocationHint !== undefined && configuredHint === undefined) {
    throw new ValidationError("targetLocationHint", "an edge cluster number such as 28");
  }
  const delivery = createDeliveryClient({
    client,
    imsOrgId: options.organizationId,
    baseUrl: `${scheme}://${serverDomain ?? `${client}.tt.omtrdc.net`}`,
    fetch: options.fetch ?? options.fetchApi,
    timeout: options.timeout ?? 3000,
    retry: options.retry,
    maxResponseBytes: options.maxResponseBytes,
    hooks: options.hooks,
    logger: options.logger,
    validation: options.validation,
  });
  const warn = (message: string) => (logger.warn ?? logger.error)?.call(logger, `offerkit: ${message}`);

  async function execute(call: GetOffersOptions, kind: string): Promise<TargetDeliveryResponse> {
    if (typeof call !== "object" || call === null || typeof call.request !== "object" || call.request === null) {
      throw new ValidationError(`${kind}.request`, "a Delivery API request object");
    }
    checkOptions(call, kind, CALL_CHECKS);
    checkDecisioningMethod(call.decisioningMethod, `${kind}.decisioningMethod`, routing);
    const now = Date.now();
    const cookie = parseTargetCookie(call.targetCookie, now);
    if (cookie.problem) warn(`ignored the visitor's mbox cookie: ${cookie.problem}.`);
    let hint = parseLocationHint(call.targetLocationHint);
    if (call.targetLocationHint && hint === undefined) {
      warn("ignored the visitor's location hint: it is not an edge cluster number.");
    }
    hint ??= configuredHint;

    const request = buildDeliveryRequest(call.request, {
      tntId: cookie.tntId,
      customerIds: call.customerIds,
      visitorValues: parseVisitorCookie(call.visitorCookie),
      propertyToken: options.propertyToken,
      environmentId: options.environmentId,
      supplementalDataId: newSupplementalDataId,
    });
    // The visitor's own cluster: from the tnt id being sent, else the visitor's (or the configured) hint.
    const cluster = clusterFromTntId(request.id?.tntId) ?? hint;
    const sessionId = cookie.sessionId ?? call.sessionId ?? crypto.randomUUID();
    const baseUrl = cluster === undefined ? undefined : `${scheme}://${edgeClusterHost(cluster)}`;
    logger.debug?.(`offerkit: ${kind} to ${baseUrl ?? delivery.baseUrl}`);

    const routed =
      kind === "sendNotifications"
        ? SERVER_META
        : await routing.route(request, { method: call.decisioningMethod, sessionId, cluster, signal: call.signal });
    const response =
      routed.response ??
      (await unwrap(delivery.deliver({ sessionId, request }, { baseUrl, signal: call.signal }))) ??
      {};
    const locationCluster = cluster ?? clusterFromEdgeHost(response.edgeHost);
    return {
      request,
      response,
      targetCookie: createTargetCookie({ sessionId, tntId: response.id?.tntId }),
      targetLocationHintCookie: locationCluster === undefined ? undefined : createLocationHintCookie(locationCluster),
      ...collectDetails(response),
      meta: routed.meta,
    };
  }

  return {
    getOffers: (call) => execute(call, "getOffers"),
    sendNotifications(call) {
      if (!Array.isArray(call?.request?.notifications) || call.request.notifications.length === 0) {
        return Promise.reject(new ValidationError("sendNotifications.request.notifications", "a non-empty array"));
      }
      return execute(call, "sendNotifications");
    },
    async getAttributes(mboxNames, call = {}) {
      if (!Array.isArray(mboxNames) || mboxNames.some((name) => typeof name !== "string" || name === "")) {
        throw new ValidationError("mboxNames", "an array of mbox names");
      }
      const result = await execute(
        { ...call, request: withMboxes(mboxNames, call.request ?? EMPTY_REQUEST) },
        "getAttributes",
      );
      return createAttributes(result.response, result);
    },
  };
}

const SERVER_META: { readonly meta: ResponseMeta; readonly response?: DeliveryResponse } = {
  meta: { decisioningMethod: "server-side", remoteMboxes: [], remoteViews: [] },
};

function checkDecisioningMethod(method: unknown, field: string, routing: CallRouting): void {
  if (method !== undefined && !routing.methods.includes(method as DecisioningMethod)) {
    throw new ValidationError(field, routing.allowed);
  }
}

type Decided = {
  readonly analytics?: AnalyticsResponse;
  readonly trace?: TraceResponse;
  readonly options?: readonly ({ readonly responseTokens?: ResponseTokens } | undefined)[];
};

type Details = Pick<TargetDeliveryResponse, "analyticsDetails" | "trace" | "responseTokens">;

/**
 * The non-empty analytics, trace and response tokens of page loads, mboxes and views, in Adobe's order (execute,
 * then prefetch), in one pass over the response.
 */
function collectDetails(response: DeliveryResponse): Details {
  const analyticsDetails: AnalyticsResponse[] = [];
  const trace: TraceResponse[] = [];
  const responseTokens: ResponseTokens[] = [];
  const visit = (item: Decided | undefined) => {
    if (!item) return;
    if (hasProperties(item.analytics)) analyticsDetails.push(item.analytics);
    if (hasProperties(item.trace)) trace.push(item.trace);
    for (const option of item.options ?? NONE) {
      if (hasProperties(option?.responseTokens)) responseTokens.push(option.responseTokens);
    }
  };
  const { execute, prefetch } = response;
  visit(execute?.pageLoad);
  for (const mbox of execute?.mboxes ?? NONE) visit(mbox);
  visit(prefetch?.pageLoad);
  for (const view of prefetch?.views ?? NONE) visit(view);
  for (const mbox of prefetch?.mboxes ?? NONE) visit(mbox);
  return { analyticsDetails, trace, responseTokens };
}

const NONE: readonly never[] = [];

function hasProperties<T>(value: T | null | undefined): value is T & object {
  if (value === null || typeof value !== "object") return false;
  for (const name in value) if (Object.hasOwn(value, name)) return true;
  return false;
}
