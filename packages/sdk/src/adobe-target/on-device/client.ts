// createTargetClient with on-device and hybrid decisioning: options, routing of each call, geo lookup, notifications.
import { type FetchFunction, OfferkitError, ValidationError } from "@offerkit/core";
import type { DeliveryRequest, Geo, Notification } from "@offerkit/delivery";
import type { Attributes } from "../attributes.js";
import {
  type CallRouting,
  createRoutedTargetClient,
  type DecisioningMethod,
  type GetAttributesOptions,
  type GetOffersOptions,
  type ResponseMeta,
  type TargetClient,
  type TargetClientOptions,
  type TargetDeliveryResponse,
} from "../client.js";
import { type ArtifactSource, createArtifactSource, DEFAULT_POLLING_INTERVAL } from "./artifact.js";
import { type ArtifactFacts, type DecisionEngine, type DomainParts, UNKNOWN_IP_ADDRESS } from "./engine.js";
import { createEmitter, type OnDeviceEmitter, type OnDeviceEventListeners, type OnDeviceEventName } from "./events.js";

export interface OnDeviceTargetClientOptions extends Omit<TargetClientOptions, "decisioningMethod"> {
  /**
   * Where calls are decided unless a call says otherwise. `"on-device"`: always from the rules artifact, without a
   * network call. `"hybrid"`: from the artifact when it can decide every requested mbox and view, else by the
   * Delivery API. Default `"server-side"`, as in Adobe's SDK.
   */
  readonly decisioningMethod?: DecisioningMethod;
  /** The artifact's full URL, instead of the one made from `client`, `environment` and `propertyToken`. */
  readonly artifactLocation?: string;
  /**
   * An artifact you keep yourself (e.g. the `artifactPayload` of an `artifactDownloadSucceeded` event): used at once,
   * with no first download. rules.json as an object or JSON text, or rules.bin bytes (with `organizationId`).
   */
  readonly artifactPayload?: unknown;
  /** `"bin"` downloads the obfuscated `rules.bin` (decoded with `organizationId`). Default `"json"`, or `"bin"` when `artifactLocation` ends in `.bin`. */
  readonly artifactFormat?: "json" | "bin";
  /** Target environment name in the artifact URL. Default `"production"`. */
  readonly environment?: string;
  /** Accepted for Adobe compatibility; its engine does not use it either. */
  readonly cdnEnvironment?: string;
  /**
   * Milliseconds between artifact refreshes. Default and minimum 300000 (five minutes; smaller values are raised, as
   * in Adobe's SDK); `0` disables polling.
   */
  readonly pollingInterval?: number;
  /** Milliseconds after which `ready` rejects if no artifact has arrived (polling goes on). Default: no limit. */
  readonly maximumWaitReady?: number;
  /** Adobe's `events` option: `{ clientReady() {}, artifactDownloadFailed({ error }) {} }`. */
  readonly events?: OnDeviceEventListeners;
  /**
   * Splits page and referring hosts into registrable domain and public suffix for `page.domain` rules: plug in a
   * public-suffix list (Adobe's SDK uses `psl`). Default: a small built-in table of common suffixes.
   */
  readonly parseDomain?: (host: string) => DomainParts | undefined;
}

export type OnDeviceGetOffersOptions = Omit<GetOffersOptions, "decisioningMethod"> & {
  /** This call's method, overriding the client's. */
  readonly decisioningMethod?: DecisioningMethod | undefined;
};

export type OnDeviceGetAttributesOptions = Omit<OnDeviceGetOffersOptions, "request"> &
  Pick<GetAttributesOptions, "request">;

export interface OnDeviceTargetClient extends OnDeviceEmitter {
  getOffers(options: OnDeviceGetOffersOptions): Promise<TargetDeliveryResponse>;
  sendNotifications(options: OnDeviceGetOffersOptions): Promise<TargetDeliveryResponse>;
  getAttributes(
    mboxNames: readonly string[],
    options?: OnDeviceGetAttributesOptions,
  ): Promise<Attributes<TargetDeliveryResponse>>;
  /**
   * Resolves when on-device decisions can be made (at once for a server-side client); rejects with
   * `ArtifactUnavailableError` when the first artifact cannot be had. Unawaited, it never rejects unhandled.
   */
  readonly ready: Promise<void>;
  /** Stops artifact polling so the process can exit; decisions go on from the current artifact. */
  close(): void;
}

/** An on-device call was made before the first artifact arrived (hybrid calls go to the server instead). */
export class DecisioningNotReadyError extends OfferkitError {
  override name = "DecisioningNotReadyError";
  constructor() {
    super('On-device decisioning is not ready: no rules artifact yet. Await `client.ready`, or use "hybrid".');
  }
}

const randomUUID = () => crypto.randomUUID();
const METHODS: readonly DecisioningMethod[] = ["server-side", "on-device", "hybrid"];
const EVENT_NAMES: readonly OnDeviceEventName[] = [
  "clientReady",
  "artifactDownloadSucceeded",
  "artifactDownloadFailed",
  "sendNotificationError",
  "geoLocationUpdated",
];
const CDN = "https://assets.adobetarget.com";
const ENVIRONMENT = /^[A-Za-z0-9_-]+$/;
const PROPERTY_TOKEN = /^[A-Za-z0-9_-]+$/;

/** Adobe's artifact URL: `https://assets.adobetarget.com/{client}/{environment}/v1/[{propertyToken}/]rules.{json|bin}`. */
function artifactUrl(client: string, environment = "production", propertyToken?: string, format = "json"): string {
  const token = propertyToken === undefined ? "" : `${propertyToken}/`;
  return `${CDN}/${client}/${environment.toLowerCase()}/v1/${token}rules.${format}`;
}

const checkedAbove = () => {};
const ON_DEVICE_OPTIONS = {
  artifactLocation: checkedAbove,
  artifactPayload: checkedAbove,
  artifactFormat: checkedAbove,
  environment: checkedAbove,
  cdnEnvironment: checkedAbove,
  pollingInterval: checkedAbove,
  maximumWaitReady: checkedAbove,
  events: checkedAbove,
  parseDomain: checkedAbove,
};

/** The on-device client over a given engine; `index.ts` binds it to `@offerkit/target-rules`. */
export function createOnDeviceTargetClient<A extends ArtifactFacts>(
  options: OnDeviceTargetClientOptions,
  engine: DecisionEngine<A>,
): OnDeviceTargetClient {
  if (typeof options !== "object" || options === null) {
    throw new ValidationError("options", "an object with at least `client`");
  }
  const method = options.decisioningMethod ?? "server-side";
  if (!METHODS.includes(method))
    throw new ValidationError("decisioningMethod", '"server-side", "on-device" or "hybrid"');
  const settings = checkOptions(options);
  const logger = options.logger ?? {};
  const emitter = createEmitter((error) => logger.error?.call(logger, "offerkit: an event listener threw", error));
  for (const name of EVENT_NAMES) {
    const listener = options.events?.[name];
    if (listener) emitter.on(name, listener as never);
  }
  const fetcher: FetchFunction = options.fetch ?? options.fetchApi ?? ((url, init) => fetch(url, init));
  const timeout = options.timeout ?? 3000;

  let initial: A | undefined;
  if (options.artifactPayload !== undefined) {
    initial = parsePayload(options.artifactPayload, settings.format, options.organizationId, engine);
  }
  const source: ArtifactSource<A> | undefined =
    method === "server-side"
      ? undefined
      : createArtifactSource({
          engine,
          location: settings.location,
          format: settings.format,
          initial,
          pollingInterval: settings.pollingInterval,
          maximumWaitReady: options.maximumWaitReady,
          organizationId: options.organizationId,
          timeout: Math.max(timeout, 10_000),
          fetch: fetcher,
          emitter,
        });
  if (source === undefined) queueMicrotask(() => emitter.emit("clientReady", undefined));

  /** The request's geo filled in from Target's IP-to-geo endpoint (Adobe's engine does the same). */
  async function lookUpGeo(request: DeliveryRequest, signal: AbortSignal | undefined): Promise<Geo> {
    const geo = request.context?.geo ?? {};
    const headers = new Headers();
    if (geo.ipAddress !== undefined && geo.ipAddress !== UNKNOWN_IP_ADDRESS) {
      headers.set("x-forwarded-for", geo.ipAddress);
    }
    const deadline = AbortSignal.timeout(timeout);
    const response = await fetcher(`${CDN}/v1/geo`, {
      headers,
      signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new OfferkitError(`The geo lookup answered ${response.status}.`);
    }
    const filled: Geo = { ...geo, ...engine.geoFromLookup((await response.json()) as Record<string, unknown>) };
    if (filled.ipAddress === UNKNOWN_IP_ADDRESS) delete filled.ipAddress;
    emitter.emit("geoLocationUpdated", { geoContext: filled });
    return filled;
  }

  function notify(
    request: DeliveryRequest,
    id: DeliveryRequest["id"],
    notifications: readonly Notification[],
    sessionId: string,
    cluster: string | undefined,
  ): void {
    // Sent after getOffers has returned: a slow or failing Delivery API never delays or fails the decision.
    setTimeout(() => {
      client
        .sendNotifications({
          request: {
            ...(id ? { id } : {}),
            context: request.context,
            ...(request.experienceCloud ? { experienceCloud: request.experienceCloud } : {}),
            ...(request.property ? { property: request.property } : {}),
            ...(request.environmentId === undefined ? {} : { environmentId: request.environmentId }),
            notifications: [...notifications],
          } as OnDeviceGetOffersOptions["request"],
          sessionId,
          targetLocationHint: cluster,
        })
        .catch((error: unknown) => emitter.emit("sendNotificationError", { notification: notifications, error }));
    }, 0);
  }

  const routing: CallRouting = {
    methods: METHODS,
    // Checked above, each with its own wording.
    optionChecks: ON_DEVICE_OPTIONS,
    allowed: '"server-side", "on-device" or "hybrid"',
    async route(request, call) {
      const chosen = call.method ?? method;
      const artifact = source?.current();
      const remote = artifact === undefined ? undefined : engine.needsServer(artifact, request);
      const serverSide: ResponseMeta = {
        decisioningMethod: "server-side",
        remoteMboxes: remote?.remoteMboxes ?? [],
        remoteViews: remote?.remoteViews ?? [],
      };
      if (chosen === "server-side") return { meta: serverSide };
      if (artifact === undefined || remote === undefined) {
        if (chosen === "hybrid") return { meta: serverSide };
        throw new DecisioningNotReadyError();
      }
      if (chosen === "hybrid" && remote.remote) return { meta: serverSide };
      const geo = engine.needsGeoLookup(artifact, request) ? await lookUpGeo(request, call.signal) : undefined;
      const decided = geo === undefined ? request : { ...request, context: { ...request.context, geo } };
      const { response, notifications, meta } = engine.decide(artifact, decided, {
        clientCode: options.client,
        sessionId: call.sessionId,
        now: Date.now(),
        randomUUID,
        targetLocationHint: call.cluster,
        artifactTrace: { artifactLocation: settings.location, pollingInterval: settings.pollingInterval },
        parseDomain: options.parseDomain,
      });
      if (notifications.length > 0) {
        notify(decided, response.id ?? decided.id, notifications, call.sessionId, call.cluster);
      }
      // Adobe's SDK reports these in `meta` and deletes them from the response.
      const {
        remoteMboxes: _m,
        remoteViews: _v,
        ...rest
      } = response as typeof response & {
        remoteMboxes?: unknown;
        remoteViews?: unknown;
      };
      return {
        response: rest,
        meta: {
          decisioningMethod: "on-device",
          remoteMboxes: [...meta.remoteMboxes],
          remoteViews: [...meta.remoteViews],
        },
      };
    },
  };

  const base: TargetClient = createRoutedTargetClient(options, routing);
  const client: OnDeviceTargetClient = {
    getOffers: base.getOffers as OnDeviceTargetClient["getOffers"],
    sendNotifications: base.sendNotifications as OnDeviceTargetClient["sendNotifications"],
    getAttributes: base.getAttributes as OnDeviceTargetClient["getAttributes"],
    ready: source?.ready ?? Promise.resolve(),
    on: emitter.on,
    off: emitter.off,
    close: () => source?.close(),
  };
  return client;
}

interface Settings {
  readonly location: string;
  readonly format: "json" | "bin";
  readonly pollingInterval: number;
}

function checkOptions(options: OnDeviceTargetClientOptions): Settings {
  const { artifactLocation, artifactFormat, environment, cdnEnvironment, pollingInterval, maximumWaitReady } = options;
  if (
    artifactLocation !== undefined &&
    !(typeof artifactLocation === "string" && /^https?:\/\/[^/]/.test(artifactLocation))
  ) {
    throw new ValidationError("artifactLocation", "an absolute http(s) URL of rules.json or rules.bin");
  }
  if (artifactFormat !== undefined && artifactFormat !== "json" && artifactFormat !== "bin") {
    throw new ValidationError("artifactFormat", '"json" or "bin"');
  }
  if (environment !== undefined && !(typeof environment === "string" && ENVIRONMENT.test(environment))) {
    throw new ValidationError("environment", "a Target environment name such as production, staging or development");
  }
  if (cdnEnvironment !== undefined && typeof cdnEnvironment !== "string") {
    throw new ValidationError("cdnEnvironment", "a string");
  }
  if (
    options.propertyToken !== undefined &&
    !(typeof options.propertyToken === "string" && PROPERTY_TOKEN.test(options.propertyToken))
  ) {
    throw new ValidationError("propertyToken", "a Target property token (letters, digits and dashes)");
  }
  if (options.parseDomain !== undefined && typeof options.parseDomain !== "function") {
    throw new ValidationError("parseDomain", "a function from a host to { domain, subdomain, topLevelDomain }");
  }
  if (pollingInterval !== undefined && !isDuration(pollingInterval)) {
    throw new ValidationError("pollingInterval", "a number of milliseconds, 0 to disable polling");
  }
  if (maximumWaitReady !== undefined && !isDuration(maximumWaitReady)) {
    throw new ValidationError("maximumWaitReady", "a number of milliseconds");
  }
  if (options.events !== undefined) {
    if (typeof options.events !== "object" || options.events === null) {
      throw new ValidationError("events", "an object of listeners by event name");
    }
    for (const [name, listener] of Object.entries(options.events)) {
      if (!EVENT_NAMES.includes(name as OnDeviceEventName) || typeof listener !== "function") {
        throw new ValidationError(`events.${name}`, `a function, for one of ${EVENT_NAMES.join(", ")}`);
      }
    }
  }
  const format =
    artifactFormat ?? (artifactLocation !== undefined && /\.bin$/i.test(artifactLocation) ? "bin" : "json");
  if (format === "bin" && !(typeof options.organizationId === "string" && options.organizationId !== "")) {
    throw new ValidationError("organizationId", "your …@AdobeOrg id: rules.bin is decoded with it");
  }
  return {
    location: artifactLocation ?? artifactUrl(options.client, environment, options.propertyToken, format),
    format,
    pollingInterval:
      pollingInterval === 0 ? 0 : Math.max(DEFAULT_POLLING_INTERVAL, pollingInterval ?? DEFAULT_POLLING_INTERVAL),
  };
}

function isDuration(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

function parsePayload<A extends ArtifactFacts>(
  payload: unknown,
  format: "json" | "bin",
  organizationId: string | undefined,
  engine: DecisionEngine<A>,
): A {
  try {
    if (payload instanceof Uint8Array || payload instanceof ArrayBuffer) {
      const bytes = new Uint8Array(payload);
      if (format === "bin") return engine.decodeBin(bytes, organizationId ?? "");
      return engine.parse(JSON.parse(new TextDecoder().decode(bytes)));
    }
    return engine.parse(typeof payload === "string" ? JSON.parse(payload) : payload);
  } catch (error) {
    throw new ValidationError(
      "artifactPayload",
      "a Target rules artifact of major version 1 (rules.json as an object or text, or rules.bin bytes)",
      { cause: error },
    );
  }
}
