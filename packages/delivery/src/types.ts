import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

// Readable names for the generated component types, so users never spell `components["schemas"]["X"]`.

/** Body of `POST /rest/v1/delivery`. */
export type DeliveryRequest = Schemas["DeliveryRequest"];
/** The 200 body of `POST /rest/v1/delivery`. */
export type DeliveryResponse = Schemas["DeliveryResponse"];
/** The error body Target sends with 4xx/5xx answers: `{ status, message }`. */
export type DeliveryError = Schemas["Error"];

export type Context = Schemas["Context"];
export type Channel = Schemas["Channel"];
export type MobilePlatform = Schemas["MobilePlatform"];
export type Application = Schemas["Application"];
export type Screen = Schemas["Screen"];
export type Window = Schemas["Window"];
export type Browser = Schemas["Browser"];
export type Address = Schemas["Address"];
export type Geo = Schemas["Geo"];
export type ClientHints = Schemas["ClientHints"];
export type VisitorId = Schemas["VisitorId"];
export type CustomerId = Schemas["CustomerId"];
export type AuthenticatedState = Schemas["AuthenticatedState"];
export type Property = Schemas["Property"];
export type Trace = Schemas["Trace"];
export type ExperienceCloud = Schemas["ExperienceCloud"];
export type AudienceManager = Schemas["AudienceManager"];
export type AnalyticsRequest = Schemas["AnalyticsRequest"];
export type LoggingType = Schemas["LoggingType"];
export type RequestDetails = Schemas["RequestDetails"];
export type Parameters = Schemas["Parameters"];
export type MboxParameters = Schemas["MboxParameters"];
export type Order = Schemas["Order"];
export type Product = Schemas["Product"];
export type ExecuteRequest = Schemas["ExecuteRequest"];
export type PrefetchRequest = Schemas["PrefetchRequest"];
export type MboxRequest = Schemas["MboxRequest"];
export type ViewRequest = Schemas["ViewRequest"];
export type Notification = Schemas["Notification"];
export type NotificationMbox = Schemas["NotificationMbox"];
export type NotificationView = Schemas["NotificationView"];
export type NotificationPageLoad = Schemas["NotificationPageLoad"];
export type QAMode = Schemas["QAMode"];
export type QAModePreviewIndex = Schemas["QAModePreviewIndex"];
export type Preview = Schemas["Preview"];
export type Telemetry = Schemas["Telemetry"];
export type TelemetryEntry = Schemas["TelemetryEntry"];
export type TelemetryFeatures = Schemas["TelemetryFeatures"];
export type TelemetryRequest = Schemas["TelemetryRequest"];

export type ExecuteResponse = Schemas["ExecuteResponse"];
export type PrefetchResponse = Schemas["PrefetchResponse"];
export type PageLoadResponse = Schemas["PageLoadResponse"];
export type MboxResponse = Schemas["MboxResponse"];
export type PrefetchMboxResponse = Schemas["PrefetchMboxResponse"];
export type View = Schemas["View"];
export type Option = Schemas["Option"];
export type OptionType = Schemas["OptionType"];
export type Action = Schemas["Action"];
export type Metric = Schemas["Metric"];
export type MetricType = Schemas["MetricType"];
export type AnalyticsResponse = Schemas["AnalyticsResponse"];
export type AnalyticsPayload = Schemas["AnalyticsPayload"];
export type ResponseTokens = Schemas["ResponseTokens"];
export type TraceResponse = Schemas["TraceResponse"];
export type NotificationResponse = Schemas["NotificationResponse"];
