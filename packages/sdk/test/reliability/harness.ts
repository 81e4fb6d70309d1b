// What the reliability tests share: the two transports, every entry point aimed at a base URL, and error matching.
import { inspect } from "node:util";
import { createImsTokenProvider, type FetchFunction, OfferkitError, unwrap } from "@offerkit/core";
import { createDeliveryClient } from "@offerkit/delivery";
import { rawClient as rawDelivery } from "@offerkit/delivery/raw";
import { createOdeClient } from "@offerkit/ode";
import { rawClient as rawOde } from "@offerkit/ode/raw";
import { createOdsClient } from "@offerkit/ods";
import { rawClient as rawOds } from "@offerkit/ods/raw";
import { createXcoreClient } from "@offerkit/xcore";
import { rawClient as rawXcore } from "@offerkit/xcore/raw";
import { createOfferkit, createTargetClient } from "../../src/index.js";

/** The global fetch Node ships (undici's), captured before anything could replace it. */
export const nativeFetch: typeof globalThis.fetch = globalThis.fetch;

/**
 * "node": the default transport on Node (offerkit's Node transport). "fetch": a `fetch` option, the path browsers
 * and edge runtimes get.
 */
export type TransportName = "node" | "fetch";
export const TRANSPORT_NAMES: readonly TransportName[] = ["node", "fetch"];

export function fetchOption(transport: TransportName): { fetch?: FetchFunction } {
  return transport === "fetch" ? { fetch: (url, init) => nativeFetch(url, init) } : {};
}

export const ORG = "0123456789ABCDEF01234567@AdobeOrg";
export const CONTAINER = "e0bd8463-0913-4ca1-bd84-6309134ca1f6";
export const WORKLOAD = "47efef25-4bcf-404f-96e2-67c4f784a1f5";
export const CREDENTIALS = {
  clientId: "fault-client",
  clientSecret: "fault-secret",
  scopes: ["openid", "AdobeID"],
} as const;

export const DELIVERY_BODY = {
  context: { channel: "web" as const },
  execute: { mboxes: [{ index: 0, name: "hero" }] },
};
export const DECISION_BODY = {
  "xdm:propositionRequests": [
    { "xdm:activityId": "xcore:offer-activity:1", "xdm:placementId": "xcore:offer-placement:1" },
  ],
  "xdm:profiles": [{ "xdm:identityMap": { ECID: [{ "xdm:id": "12345" }] } }],
};
export const WORKLOAD_BODY = {
  "xdm:segmentIds": ["609028e4-e66c-4776-b0d9-c782887e2273"],
  "xdm:dataSetId": "6196b4a1a63bd118dafe093c",
  "xdm:propositionRequests": [
    { "xdm:activityId": "xcore:offer-activity:1", "xdm:placementId": "xcore:offer-placement:1" },
  ],
};
const PLATFORM_HEADERS = { "x-gw-ims-org-id": ORG, "x-sandbox-name": "prod" };

/** Options every entry takes; `extra` is a plain object so that the same file also ran against 85f9dfa (the regression proof). */
export interface EntryOptions {
  readonly timeout: number;
  readonly retry: { readonly minDelay: number; readonly maxDelay: number } | false;
  /** Extra client options, e.g. `{ maxResponseBytes }`. */
  readonly extra: object;
  readonly signal?: AbortSignal | undefined;
}

export interface EntryContext {
  /** The base URL of the API under test (path prefix included). */
  readonly base: string;
  /** A plain origin answering with the same fault (for the Target client, which takes a host). */
  readonly origin: () => Promise<string>;
  /** The IMS host the Platform clients take their token from. */
  readonly imsHost: string;
  readonly transport: TransportName;
  readonly options: EntryOptions;
}

export interface Entry {
  readonly name: string;
  /** Whether the transport may retry this entry's request (GET, or the IMS token POST). */
  readonly idempotent: boolean;
  /** Whether an empty 2xx body is acceptable (the raw paths have no spec-level promise to check). */
  readonly raw: boolean;
  /** The entry sends its API request to IMS itself (the token request). */
  readonly ims: boolean;
  run(context: EntryContext): Promise<unknown>;
}

function platform(context: EntryContext) {
  return {
    auth: { ...CREDENTIALS, imsHost: context.imsHost },
    imsOrgId: ORG,
    sandboxName: "prod",
    baseUrl: context.base,
    timeout: context.options.timeout,
    retry: context.options.retry,
    ...fetchOption(context.transport),
    ...context.options.extra,
  };
}

function call(context: EntryContext) {
  return context.options.signal ? { signal: context.options.signal } : {};
}

export const ENTRIES: readonly Entry[] = [
  {
    name: "delivery.deliver",
    idempotent: false,
    raw: false,
    ims: false,
    run: (c) =>
      unwrap(
        createDeliveryClient({
          client: "acme",
          baseUrl: c.base,
          timeout: c.options.timeout,
          retry: c.options.retry,
          ...fetchOption(c.transport),
          ...c.options.extra,
        }).deliver({ sessionId: "session-1", request: DELIVERY_BODY }, call(c)),
      ),
  },
  {
    name: "delivery raw POST",
    idempotent: false,
    raw: true,
    ims: false,
    run: (c) => {
      const client = createDeliveryClient({
        client: "acme",
        baseUrl: c.base,
        timeout: c.options.timeout,
        retry: c.options.retry,
        ...fetchOption(c.transport),
        ...c.options.extra,
      });
      return unwrap(
        rawDelivery(client).POST("/rest/v1/delivery", {
          params: { query: { client: "acme", sessionId: "session-1" } },
          body: DELIVERY_BODY,
          ...call(c),
        }),
      );
    },
  },
  {
    name: "ods.makeDecisions",
    idempotent: false,
    raw: false,
    ims: false,
    run: (c) => unwrap(createOdsClient(platform(c)).makeDecisions(DECISION_BODY, call(c))),
  },
  {
    name: "ods raw POST",
    idempotent: false,
    raw: true,
    ims: false,
    run: (c) =>
      unwrap(
        rawOds(createOdsClient(platform(c))).POST("/data/core/ods/decisions", {
          params: { header: PLATFORM_HEADERS },
          body: DECISION_BODY,
          ...call(c),
        }),
      ),
  },
  {
    name: "ode.startWorkload",
    idempotent: false,
    raw: false,
    ims: false,
    run: (c) => unwrap(createOdeClient(platform(c)).startWorkload(WORKLOAD_BODY, call(c))),
  },
  {
    name: "ode.getWorkload",
    idempotent: true,
    raw: false,
    ims: false,
    run: (c) => unwrap(createOdeClient(platform(c)).getWorkload(WORKLOAD, call(c))),
  },
  {
    name: "ode raw GET",
    idempotent: true,
    raw: true,
    ims: false,
    run: (c) =>
      unwrap(
        rawOde(createOdeClient(platform(c))).GET("/data/core/dwm/workloads/decisions/{workloadId}", {
          params: { header: PLATFORM_HEADERS, path: { workloadId: WORKLOAD } },
          ...call(c),
        }),
      ),
  },
  {
    name: "xcore.list",
    idempotent: true,
    raw: false,
    ims: false,
    run: (c) =>
      unwrap(
        createXcoreClient(platform(c)).list(
          {
            containerId: CONTAINER,
            schema: "https://ns.adobe.com/experience/offer-management/offer-placement;version=0.4",
          },
          call(c),
        ),
      ),
  },
  {
    name: "xcore raw GET",
    idempotent: true,
    raw: true,
    ims: false,
    run: (c) =>
      unwrap(
        rawXcore(createXcoreClient(platform(c))).GET("/data/core/xcore/{containerId}/instances", {
          params: {
            header: PLATFORM_HEADERS,
            path: { containerId: CONTAINER },
            query: { schema: "https://ns.adobe.com/experience/offer-management/offer-placement;version=0.4" },
          },
          ...call(c),
        }),
      ),
  },
  {
    name: "target.getOffers",
    idempotent: false,
    raw: false,
    ims: false,
    run: async (c) => {
      const origin = await c.origin();
      const target = createTargetClient({
        client: "acme",
        serverDomain: origin.replace("http://", ""),
        secure: false,
        timeout: c.options.timeout,
        retry: c.options.retry,
        ...fetchOption(c.transport),
        ...c.options.extra,
      });
      return target.getOffers({ request: DELIVERY_BODY, signal: c.options.signal });
    },
  },
  {
    name: "offerkit.decide",
    idempotent: false,
    raw: false,
    ims: false,
    run: (c) => createOfferkit(platform(c)).decide(DECISION_BODY, call(c)),
  },
  {
    name: "offerkit paginator page",
    idempotent: true,
    raw: false,
    ims: false,
    run: async (c) => {
      const pages = createOfferkit(platform(c)).paginatePlacements({ containerId: CONTAINER }, call(c));
      const first = await pages.next();
      await pages.return();
      return first.value;
    },
  },
  {
    name: "offerkit workload waiter",
    idempotent: true,
    raw: false,
    ims: false,
    run: (c) =>
      createOfferkit(platform(c)).waitUntilWorkloadComplete(
        { workloadId: WORKLOAD },
        { minDelay: 10, maxDelay: 20, maxWaitTime: 30_000, ...call(c) },
      ),
  },
  {
    name: "IMS token request",
    idempotent: true,
    raw: false,
    ims: true,
    run: (c) =>
      createImsTokenProvider({
        ...CREDENTIALS,
        imsHost: c.base,
        timeout: c.options.timeout,
        retry: c.options.retry,
        ...fetchOption(c.transport),
        ...c.options.extra,
      }).getToken(call(c)),
  },
];

/** Resolves with how the promise settled and how long it took, never rejecting. */
export async function settle(run: () => Promise<unknown>): Promise<{ value?: unknown; error?: unknown; ms: number }> {
  const start = performance.now();
  try {
    const value = await run();
    return { value, ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
}

/** An error of ours with this class name (looked up by name so a class the fixes add needs no import here). */
export function isOurs(error: unknown, ...names: string[]): error is OfferkitError & Record<string, unknown> {
  return error instanceof OfferkitError && names.includes(error.name);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Garbage collection while calls are under way, so that objects held only weakly really go: garbage allocated every
 * `everyMs`, a young-generation collection each time and a full one every `fullEveryMs` (when `--expose-gc` gave
 * `gc`). Full collections are kept rare: on a loaded 2-core box each one stops every call for tens of ms.
 */
export function garbagePressure(everyMs = 25, fullEveryMs = 1_000): () => void {
  const gc = (globalThis as { gc?: (options?: { type: "minor" | "major" }) => void }).gc;
  const holder: { garbage: unknown[] } = { garbage: [] };
  let last = performance.now();
  const timer = setInterval(() => {
    holder.garbage = Array.from({ length: 4_000 }, (_, i) => ({ i }));
    if (!gc) return;
    if (performance.now() - last >= fullEveryMs) {
      last = performance.now();
      gc();
    } else gc({ type: "minor" });
  }, everyMs);
  return () => {
    clearInterval(timer);
    holder.garbage = [];
  };
}

/** Every way an error can be shown or logged. */
export function renderings(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    out.push(String(current), JSON.stringify(current) ?? "", inspect(current, { depth: 10 }));
    if (current instanceof Error) out.push(current.message, current.stack ?? "");
    current = (current as { cause?: unknown }).cause;
  }
  return out;
}
