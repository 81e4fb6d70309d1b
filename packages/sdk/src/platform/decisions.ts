import { UnexpectedResponseError, unwrap } from "@offerkit/core";
import { requestIdOf } from "@offerkit/core/internal";
import type { DecisionRequest, DecisionResponse, OdsCallOptions, OdsClient } from "@offerkit/ods";

/** Any value JSON can hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * An offer's content, by what its component type (`@type`, else `dc:format`) says it is: JSON is parsed, HTML and
 * text stay strings, an image is its asset URL and its link. `other` keeps content of a type offerkit does not know as it came.
 */
export type OfferContent =
  | { readonly kind: "json"; readonly value: JsonValue }
  | { readonly kind: "html"; readonly value: string }
  | { readonly kind: "text"; readonly value: string }
  /** `url` is the image (`xdm:deliveryURL`), `link` where it leads (`xdm:content`). */
  | { readonly kind: "image"; readonly url: string | undefined; readonly link: string | undefined }
  | { readonly kind: "other"; readonly value: string };

/** The decision (activity) or placement a proposition was made for. */
export interface DecisionEntity {
  /** `xdm:id`, e.g. `xcore:offer-activity:1410cdcda196707b`. */
  readonly id: string;
  /** The revision used (`repo:etag`), always a string: servers send it as `1` or as `"1"`. */
  readonly etag: string | undefined;
  /** Only when `name` was asked for in `xdm:includeMetadata`. */
  readonly name: string | undefined;
  /** Placements, when `channel` was asked for. */
  readonly channel: string | undefined;
  /** Placements, when `componentType` was asked for. */
  readonly componentType: string | undefined;
}

/** One offer proposed for a decision scope. */
export interface DecidedOption {
  /** `xdm:id`, e.g. `xcore:personalized-offer:124cc332095cfa74`. */
  readonly id: string;
  /** The offer's revision (`repo:etag`), always a string. */
  readonly etag: string | undefined;
  /** True for the decision's fallback offer, shown because no personalized offer qualified. */
  readonly isFallback: boolean;
  /** Present when the request set `xdm:responseFormat.xdm:includeContent: true`. */
  readonly content: OfferContent | undefined;
  /** The component type URI (`@type`). */
  readonly componentType: string | undefined;
  /** Media type of the content or asset (`dc:format`), e.g. `image/png`. */
  readonly format: string | undefined;
  /** CDN URL of the offer's asset (`xdm:deliveryURL`). */
  readonly deliveryUrl: string | undefined;
  /** Ranking score, when a formula or model ranked the options. */
  readonly score: number | undefined;
  /** When `name` was asked for. */
  readonly name: string | undefined;
  /** When `characteristics` was asked for. */
  readonly characteristics: Readonly<Record<string, string>> | undefined;
}

/** The outcome for one decision scope. */
export interface DecidedProposition {
  readonly activity: DecisionEntity;
  readonly placement: DecisionEntity;
  /** Best first. When no offer qualified, the single fallback offer (then `isFallback` is true). */
  readonly options: readonly DecidedOption[];
  /** Whether `options` holds the decision's fallback offer instead of personalized offers. */
  readonly isFallback: boolean;
}

/** What `decide` returns: the proposition id and, per decision scope, the options proposed with parsed content. */
export interface Decision {
  /**
   * The id to record decision events against. Servers spell it `xdm:propositionId` (the documented answer) or
   * `xdm:propositionID` (answers captured from real servers); this is whichever came back.
   */
  readonly propositionId: string | undefined;
  /** One per decision scope, in request order. */
  readonly propositions: readonly DecidedProposition[];
  /** When the answer was made, epoch milliseconds (`ode:createDate`). */
  readonly createdAt: number | undefined;
  /** The request id of the call, for Adobe support. */
  readonly requestId: string | undefined;
}

/**
 * Asks Offer Decisioning for the best offers of each decision scope for one profile, and returns them with their
 * content parsed and the fallback marked. A non-2xx answer throws `ApiError` (status, request id, problem body);
 * bad input throws `ValidationError` before the call. Not retried unless `retry: { retryNonIdempotent: true }`.
 */
export async function decide(
  client: Pick<OdsClient, "makeDecisions">,
  request: DecisionRequest,
  options?: OdsCallOptions,
): Promise<Decision> {
  const result = await client.makeDecisions(request, options);
  const response = await unwrap(result);
  return parseDecision(response, { requestId: requestIdOf(result.response, response), status: result.response.status });
}

/** What a decision answer may hold, whichever version of the answer a server sends. */
type LooseRecord = Readonly<Record<string, unknown>>;

/**
 * The `Decision` in an Offer Decisioning answer you already hold (e.g. from `@offerkit/ods`'s `makeDecisions`).
 * Reads both spellings of the proposition id and etags as numbers or strings. Throws `UnexpectedResponseError`
 * when an offer declared as JSON holds text that does not parse.
 */
export function parseDecision(
  response: DecisionResponse,
  meta: { readonly requestId?: string | undefined; readonly status?: number | undefined } = {},
): Decision {
  const answer = response as unknown as LooseRecord;
  const propositions = Array.isArray(answer["xdm:propositions"]) ? answer["xdm:propositions"] : [];
  return {
    propositionId: text(answer["xdm:propositionId"]) ?? text(answer["xdm:propositionID"]),
    propositions: propositions.map((proposition: LooseRecord) => {
      const fallback = proposition["xdm:fallback"] as LooseRecord | undefined;
      const options = Array.isArray(proposition["xdm:options"]) ? (proposition["xdm:options"] as LooseRecord[]) : [];
      const isFallback = options.length === 0 && fallback !== undefined;
      return {
        activity: entity(proposition["xdm:activity"]),
        placement: entity(proposition["xdm:placement"]),
        options: isFallback ? [option(fallback, true, meta)] : options.map((item) => option(item, false, meta)),
        isFallback,
      };
    }),
    createdAt: typeof answer["ode:createDate"] === "number" ? answer["ode:createDate"] : undefined,
    requestId: meta.requestId,
  };
}

function entity(value: unknown): DecisionEntity {
  const record = (value ?? {}) as LooseRecord;
  return {
    id: text(record["xdm:id"]) ?? "",
    etag: etag(record["repo:etag"]),
    name: text(record["xdm:name"]),
    channel: text(record["xdm:channel"]),
    componentType: text(record["xdm:componentType"]),
  };
}

function option(
  record: LooseRecord,
  isFallback: boolean,
  meta: { readonly requestId?: string | undefined; readonly status?: number | undefined },
): DecidedOption {
  const id = text(record["xdm:id"]) ?? "";
  const componentType = text(record["@type"]);
  const format = text(record["dc:format"]);
  const deliveryUrl = text(record["xdm:deliveryURL"]);
  const characteristics = record["xdm:characteristics"];
  return {
    id,
    etag: etag(record["repo:etag"]),
    isFallback,
    content: content(id, componentType, format, text(record["xdm:content"]), deliveryUrl, meta),
    componentType,
    format,
    deliveryUrl,
    score: typeof record["xdm:score"] === "number" ? record["xdm:score"] : undefined,
    name: text(record["xdm:name"]),
    characteristics:
      characteristics && typeof characteristics === "object"
        ? (characteristics as Readonly<Record<string, string>>)
        : undefined,
  };
}

/** `…/content-component-html`, `…-html-template`, `…-text`, `…-json`, `…-imagelink`. */
const COMPONENT = /content-component-(json|html|html-template|text|imagelink)$/;

function kindOf(componentType: string | undefined, format: string | undefined): OfferContent["kind"] {
  const component = componentType && COMPONENT.exec(componentType)?.[1];
  if (component === "json") return "json";
  if (component === "html" || component === "html-template") return "html";
  if (component === "text") return "text";
  if (component === "imagelink") return "image";
  if (componentType === undefined && format !== undefined) {
    const media = format.split(";")[0]?.trim().toLowerCase() ?? "";
    if (media === "application/json" || media.endsWith("+json")) return "json";
    if (media === "text/html") return "html";
    if (media === "text/plain") return "text";
    if (media.startsWith("image/")) return "image";
  }
  return "other";
}

function content(
  id: string,
  componentType: string | undefined,
  format: string | undefined,
  value: string | undefined,
  deliveryUrl: string | undefined,
  meta: { readonly requestId?: string | undefined; readonly status?: number | undefined },
): OfferContent | undefined {
  const kind = kindOf(componentType, format);
  if (kind === "image") {
    return deliveryUrl === undefined && value === undefined ? undefined : { kind, url: deliveryUrl, link: value };
  }
  if (value === undefined) return undefined;
  if (kind !== "json") return { kind, value };
  try {
    return { kind, value: JSON.parse(value) as JsonValue };
  } catch (error) {
    throw new UnexpectedResponseError(
      {
        status: meta.status ?? 200,
        requestId: meta.requestId,
        bodyStart: value.slice(0, 200),
        reason: `offer ${id}, declared as JSON content, holding text that is not JSON`,
      },
      { cause: error },
    );
  }
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function etag(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}
