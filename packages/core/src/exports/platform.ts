// `@offerkit/core/platform`: what the Adobe Experience Platform clients (ODS, ODE, Offer Library) re-export
// (`export *`): the common names and their authentication. One list for the three.
export { createImsTokenProvider, ImsAuthError, type ImsFailureReason } from "#ims";
export { staticToken, type TokenProvider } from "../auth/token.js";
export type { PlatformCallOptions } from "../runner/platform.js";
export * from "./common.js";
