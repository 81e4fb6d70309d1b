// The IMS failure as a typed error: why a token could not be had (bad credentials, scope, IMS down, ...).
import { OfferkitError } from "../errors/errors.js";

/** Why Adobe IMS gave no access token. Each reason calls for a different fix. */
export type ImsFailureReason =
  /** IMS refused the client id or secret: fix the credentials (Developer Console, OAuth Server-to-Server). */
  | "invalid_credentials"
  /** IMS refused the requested scopes: copy them from the Developer Console project. */
  | "invalid_scope"
  /** IMS refused the request for another reason (its `error` code says which). */
  | "rejected"
  /** IMS could not be reached, timed out, or answered 429/5xx: nothing is wrong with the credentials; retry later. */
  | "unavailable"
  /** IMS answered 2xx without a usable token. */
  | "unexpected_response";

/**
 * No access token could be obtained from Adobe IMS. Never contains the client secret or a token; `imsError` and
 * `imsErrorDescription` are IMS's own OAuth error fields.
 */
export class ImsAuthError extends OfferkitError {
  override name = "ImsAuthError";
  declare readonly reason: ImsFailureReason;
  /** The IMS answer's status, when there was one. */
  declare readonly status: number | undefined;
  /** OAuth `error` code from IMS, e.g. `invalid_client`. */
  declare readonly imsError: string | undefined;
  declare readonly imsErrorDescription: string | undefined;
  /** The token endpoint that was called. */
  declare readonly endpoint: string;

  constructor(
    init: {
      reason: ImsFailureReason;
      endpoint: string;
      status?: number | undefined;
      imsError?: string | undefined;
      imsErrorDescription?: string | undefined;
    },
    options?: { cause?: unknown },
  ) {
    super(describeImsFailure(init), options);
    this.reason = init.reason;
    this.status = init.status;
    this.imsError = init.imsError;
    this.imsErrorDescription = init.imsErrorDescription;
    this.endpoint = init.endpoint;
  }
}

const IMS_ADVICE: Record<ImsFailureReason, string> = {
  invalid_credentials:
    "Adobe IMS refused the client credentials. Check clientId and clientSecret against the OAuth Server-to-Server credential of your Developer Console project",
  invalid_scope:
    "Adobe IMS refused the requested scopes. Use the scopes listed on the OAuth Server-to-Server credential of your Developer Console project",
  rejected: "Adobe IMS refused the token request",
  unavailable: "Adobe IMS is unavailable; the credentials were not checked. Try again later",
  unexpected_response: "Adobe IMS answered without a usable access token",
};

function describeImsFailure(init: {
  reason: ImsFailureReason;
  endpoint: string;
  status?: number | undefined;
  imsError?: string | undefined;
  imsErrorDescription?: string | undefined;
}): string {
  const details = [
    init.status === undefined ? undefined : `status ${init.status}`,
    init.imsError,
    init.imsErrorDescription?.slice(0, 200),
  ].filter(Boolean);
  return `${IMS_ADVICE[init.reason]} (POST ${init.endpoint}${details.length ? `: ${details.join(", ")}` : ""}).`;
}
