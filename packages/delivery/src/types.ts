import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

// Readable names for the generated component types, so users never spell `components["schemas"]["X"]`.

/** Body of `POST /rest/v1/delivery`. */
export type DeliveryRequest = Schemas["DeliveryRequest"];
/** The 200 body of `POST /rest/v1/delivery`. */
export type DeliveryResponse = Schemas["DeliveryResponse"];
/** The error body Target sends with 4xx/5xx answers: `{ status, message }`. */
export type DeliveryError = Schemas["Error"];

/** Where and on what device the visitor is; activities are evaluated against it. */
export type Context = Schemas["Context"];
/** Channel of the call; only activities made for this channel are evaluated. */
export type Channel = Schemas["Channel"];
/** Mobile device details, meant for channel `mobile`. */
export type MobilePlatform = Schemas["MobilePlatform"];
/** The app making the call; each field, when set, narrows the activities evaluated. */
export type Application = Schemas["Application"];
/** Physical screen of the device. */
export type Screen = Schemas["Screen"];
/** Browser window (viewport) size. */
export type Window = Schemas["Window"];
/** Browser details, for channel `web`. */
export type Browser = Schemas["Browser"];
/** Page address; on an execute/prefetch item it overrides `context.address` for that item. */
export type Address = Schemas["Address"];
/** Visitor location. */
export type Geo = Schemas["Geo"];
/** User-agent client hints (the `Sec-CH-UA-*` values); preferred over `userAgent` when given. */
export type ClientHints = Schemas["ClientHints"];
/** Identifiers of the visitor. */
export type VisitorId = Schemas["VisitorId"];
/** One visitor id from a customer-attributes data source. */
export type CustomerId = Schemas["CustomerId"];
/** Whether the visitor is logged in with this id. */
export type AuthenticatedState = Schemas["AuthenticatedState"];
/** Target property (workspace) the call belongs to. */
export type Property = Schemas["Property"];
/** Requests debug trace output in the response. */
export type Trace = Schemas["Trace"];
/** Settings for the Adobe Analytics and Audience Manager integrations. */
export type ExperienceCloud = Schemas["ExperienceCloud"];
/** Audience Manager integration data. */
export type AudienceManager = Schemas["AudienceManager"];
/** Adobe Analytics integration (A4T) settings. */
export type AnalyticsRequest = Schemas["AnalyticsRequest"];
/**
 * Who sends the Analytics hit: `server_side` lets Target forward it, `client_side` returns an `analytics.payload`
 * for the caller to forward.
 */
export type LoggingType = Schemas["LoggingType"];
/** Details shared by the page load, mbox, view and notification entries. */
export type RequestDetails = Schemas["RequestDetails"];
/**
 * String map of parameters (mbox or profile parameters): at most 50 entries, keys 1 to 128 characters, not blank and
 * not starting with `profile.`, values strings of at most 5000 characters (no arrays).
 */
export type Parameters = Schemas["Parameters"];
/**
 * Mbox parameters: the same limits as `Parameters`, and the keys `orderId`, `orderTotal` and `productPurchasedIds`
 * are refused (send an `order` instead).
 */
export type MboxParameters = Schemas["MboxParameters"];
/** Purchase details, used by conversion metrics. */
export type Order = Schemas["Order"];
/** Product being viewed, used by recommendations. */
export type Product = Schemas["Product"];
/** Items to decide now; their impressions are counted immediately. */
export type ExecuteRequest = Schemas["ExecuteRequest"];
/** Items to decide now but count later, through display notifications. */
export type PrefetchRequest = Schemas["PrefetchRequest"];
/** One regional mbox to decide. */
export type MboxRequest = Schemas["MboxRequest"];
/** One view (SPA page state) to prefetch. */
export type ViewRequest = Schemas["ViewRequest"];
/** One display or click event for previously prefetched content. */
export type Notification = Schemas["Notification"];
/** The mbox the event belongs to. */
export type NotificationMbox = Schemas["NotificationMbox"];
/** The view the event belongs to. */
export type NotificationView = Schemas["NotificationView"];
/** Marks the event as belonging to the page load. */
export type NotificationPageLoad = Schemas["NotificationPageLoad"];
/** Runs activities in QA mode, for testing them before or beside live traffic. */
export type QAMode = Schemas["QAMode"];
/** Forces one experience of one activity listed in the QA token. */
export type QAModePreviewIndex = Schemas["QAModePreviewIndex"];
/** Preview of activities that are not live yet. */
export type Preview = Schemas["Preview"];
/** Usage and timing data reported by SDKs about their earlier calls. */
export type Telemetry = Schemas["Telemetry"];
/** Measurements of one earlier call or local decision. */
export type TelemetryEntry = Schemas["TelemetryEntry"];
/** Which features the measured request used. */
export type TelemetryFeatures = Schemas["TelemetryFeatures"];
/** Network timings of the measured request, in milliseconds. */
export type TelemetryRequest = Schemas["TelemetryRequest"];

/** Results for the `execute` section of the request. */
export type ExecuteResponse = Schemas["ExecuteResponse"];
/** Results for the `prefetch` section of the request. */
export type PrefetchResponse = Schemas["PrefetchResponse"];
/** Decision for the page load. */
export type PageLoadResponse = Schemas["PageLoadResponse"];
/** Decision for one mbox. */
export type MboxResponse = Schemas["MboxResponse"];
/** Decision for one prefetched mbox; adds the state token to send back in notifications. */
export type PrefetchMboxResponse = Schemas["PrefetchMboxResponse"];
/** Prefetched content for one view. */
export type View = Schemas["View"];
/** One piece of content chosen for the visitor. */
export type Option = Schemas["Option"];
/** Kind of option content. */
export type OptionType = Schemas["OptionType"];
/** One DOM change of an `actions` option. */
export type Action = Schemas["Action"];
/** A click or display metric to report through notifications. */
export type Metric = Schemas["Metric"];
/** Kind of event: `display` or `click`. */
export type MetricType = Schemas["MetricType"];
/** Analytics data for the caller to forward when `logging` is `client_side`. */
export type AnalyticsResponse = Schemas["AnalyticsResponse"];
/** Values to attach to the Adobe Analytics hit. */
export type AnalyticsPayload = Schemas["AnalyticsPayload"];
/** Response tokens enabled for the account, by token name (e.g. */
export type ResponseTokens = Schemas["ResponseTokens"];
/** Debug trace output, present only when `trace` was sent. */
export type TraceResponse = Schemas["TraceResponse"];
/** Acknowledgement of one processed notification. */
export type NotificationResponse = Schemas["NotificationResponse"];
