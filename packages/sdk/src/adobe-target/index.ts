export { type Attributes, createAttributes } from "./attributes.js";
export {
  createTargetClient,
  type DecisioningMethod,
  type GetAttributesOptions,
  type GetOffersOptions,
  type ResponseMeta,
  type TargetClient,
  type TargetClientOptions,
  type TargetDeliveryResponse,
  type TargetLogger,
} from "./client.js";
export {
  clusterFromEdgeHost,
  clusterFromTntId,
  createLocationHintCookie,
  createTargetCookie,
  DEVICE_ID_MAX_AGE,
  edgeClusterHost,
  LOCATION_HINT_COOKIE,
  LOCATION_HINT_MAX_AGE,
  type ParsedTargetCookie,
  parseLocationHint,
  parseTargetCookie,
  SESSION_ID_MAX_AGE,
  serializeTargetCookie,
  TARGET_COOKIE,
  type TargetCookie,
  type TargetCookieEntry,
} from "./cookies.js";
export {
  type AuthState,
  type CustomerIds,
  type Lenient,
  newSupplementalDataId,
  type ParameterValues,
  parseVisitorCookie,
  type TargetDeliveryRequest,
} from "./request.js";
