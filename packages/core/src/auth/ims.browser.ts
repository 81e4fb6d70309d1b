// `#ims` in browsers: client credentials are refused (a secret must never ship to a browser); tokens still work.
import { OfferkitError, ValidationError } from "../errors/errors.js";
import type { ImsFailureReason, ImsTokenProvider, ImsTokenProviderOptions } from "./ims.js";

// The `browser` condition's IMS module. OAuth Server-to-Server credentials hold a client secret, which every visitor
// can read in a browser bundle, so browser builds refuse them rather than ship the token client to every page.
// Edge runtimes resolve `workerd`, `edge-light` or `worker` before `browser` and get the real one (`ims.js`).

export { IMS_HOST, IMS_TOKEN_PATH } from "./ims-endpoint.js";

export function imsTokenProvider(_options: ImsTokenProviderOptions, fields: string): ImsTokenProvider {
  throw new ValidationError(
    fields.slice(0, -1) || "options",
    // A server runtime that resolves `browser` can import the real provider from `@offerkit/core/ims` (core's README).
    "{ tokenProvider, apiKey } or { accessToken, apiKey } in a browser, where a client secret is public: get tokens on your server",
  );
}

export function createImsTokenProvider(options: ImsTokenProviderOptions): ImsTokenProvider {
  return imsTokenProvider(options, "");
}

/** Nothing in a browser build asks IMS for a token, so this is never thrown there; `instanceof` checks still work. */
export class ImsAuthError extends OfferkitError {
  override name = "ImsAuthError";
  declare readonly reason: ImsFailureReason;
  constructor(init: { reason: ImsFailureReason; endpoint: string }, options?: { cause?: unknown }) {
    super(`Adobe IMS: ${init.reason} (POST ${init.endpoint}).`, options);
    Object.assign(this, init);
  }
}
