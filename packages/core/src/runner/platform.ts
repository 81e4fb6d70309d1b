// What every Adobe Experience Platform client (ODS, ODE, Offer Library) shares: its options and their checks, IMS or
// token auth, and the identity headers of each call, made into the runner's connection.
import { authenticator, type PlatformCredentials, resolveCredentials } from "../auth/credentials.js";
import type { RequestRules, RequestValidation } from "../checks/default-checks.js";
import { assertSafeHeaders, type HeaderInput, userAgent, VISIBLE_ASCII } from "../checks/headers.js";
import { checkedLater, checkOptions, isStringOption, type OptionCheck, withChecks } from "../checks/options.js";
import { ValidationError } from "../errors/errors.js";
import { authStep } from "../transport/steps.js";
import {
  type ConnectionOptions,
  checkBaseUrl,
  createCallTransport,
  TRANSPORT_OPTION_CHECKS,
} from "../transport/transport.js";
import { type BaseCallOptions, CALL_OPTION_CHECKS, type Connection } from "./runner.js";

/** The Adobe Experience Platform gateway that serves ODS, ODE and the Offer Library. */
export const PLATFORM_BASE_URL = "https://platform.adobe.io";

/** What every Adobe Experience Platform client (ODS, ODE, Offer Library) is created with. */
export interface PlatformClientOptions<OperationId extends string = string> extends ConnectionOptions {
  /**
   * How to authenticate: OAuth Server-to-Server credentials `{ clientId, clientSecret, scopes }` (tokens are
   * fetched from IMS, cached and refreshed), a shared `{ tokenProvider, apiKey }`, or a fixed `{ accessToken, apiKey }`.
   */
  readonly auth: PlatformCredentials;
  /** IMS organization id, `…@AdobeOrg`, sent as `x-gw-ims-org-id`. */
  readonly imsOrgId: string;
  /** Sandbox name (e.g. `prod`), sent as `x-sandbox-name`. Can be overridden per call. */
  readonly sandboxName: string;
  /** Sandbox id, sent as `x-sandbox-id` when given. */
  readonly sandboxId?: string | undefined;
  /** Gateway origin. Default `https://platform.adobe.io`; a mock's origin in tests. */
  readonly baseUrl?: string | undefined;
  /** Headers sent with every call; a value with CR, LF, NUL or a character above U+00FF is refused. */
  readonly headers?: HeaderInput | undefined;
  /**
   * Check every request against every rule of the spec before sending: pass `validation` from the client's
   * `/validation` export (e.g. `@offerkit/ods/validation`). Without it, calls check parameters, identifiers and the
   * body's presence, and the server judges the rest of the body.
   */
  readonly validation?: RequestValidation<OperationId> | undefined;
}

/** Per-call options of every Platform client method. */
export interface PlatformCallOptions extends BaseCallOptions {
  /** Sandbox for this call only. */
  readonly sandboxName?: string | undefined;
}

/**
 * Everything a Platform client shares: checked options, an authenticated transport and the identity headers of
 * each call. `headerRules` are the spec's rules for those headers (generated `requestRules.<op>.header`), so that a malformed org id or
 * sandbox is refused when the client is created, naming the option.
 */
export function setUpPlatformClient<OperationId extends string>(
  options: PlatformClientOptions<OperationId>,
  spec: {
    readonly packageName: string;
    readonly version: string;
    /** The spec's default checks per operation (generated `requestRules`). */
    readonly rules: Readonly<Record<OperationId, RequestRules>>;
    /** An operation whose header rules are those of every operation (the identity headers are shared parameters). */
    readonly headerRulesOf: NoInfer<OperationId>;
    /** The checks of the client's own options beyond the Platform ones (ODE's `endpoint`, `containerId`). */
    readonly optionChecks?: Readonly<Record<string, OptionCheck>> | undefined;
  },
): Connection<OperationId, PlatformCallOptions> {
  if (!options || typeof options !== "object") {
    throw new ValidationError("options", "an object with auth, imsOrgId and sandboxName");
  }
  checkOptions(options, "", { ...PLATFORM_OPTION_CHECKS, ...spec.optionChecks });
  // The one check of the identity headers: the spec's rules, and (for `identity` below) header-safe values.
  const checkHeader = (name: string, value: unknown, field: string, identity?: boolean) => {
    spec.rules[spec.headerRulesOf].header?.[name]?.(value, field);
    if (identity && !(typeof value === "string" && VISIBLE_ASCII.test(value))) {
      throw new ValidationError(field, "a string without spaces or control characters");
    }
  };
  checkHeader("x-gw-ims-org-id", options.imsOrgId, "imsOrgId", true);
  checkHeader("x-sandbox-name", options.sandboxName, "sandboxName", true);
  if (options.sandboxId !== undefined) checkHeader("x-sandbox-id", options.sandboxId, "sandboxId", true);
  assertSafeHeaders(options.headers, "headers");
  const baseUrl = checkBaseUrl(options.baseUrl ?? PLATFORM_BASE_URL, "baseUrl");
  const fixed = {
    "x-gw-ims-org-id": options.imsOrgId,
    "x-sandbox-name": options.sandboxName,
    ...(options.sandboxId === undefined ? {} : { "x-sandbox-id": options.sandboxId }),
  };
  const auth = authenticator(resolveCredentials(options.auth, options.fetch));
  const transport = createCallTransport({ ...options, userAgent: userAgent(spec.packageName, spec.version) }, (next) =>
    authStep(auth, next),
  );
  return {
    baseUrl,
    transport,
    // The identity as the raw client's default headers (the runner sets each call's own), the caller's on top.
    headers: { ...fixed, ...options.headers },
    callChecks: PLATFORM_CALL_OPTION_CHECKS,
    rules: spec.rules,
    validation: options.validation,
    identity(call, headers) {
      const sandboxName = call?.sandboxName ?? options.sandboxName;
      if (call?.sandboxName !== undefined) checkHeader("x-sandbox-name", sandboxName, "options.sandboxName", true);
      for (const [name, value] of Object.entries({ ...fixed, "x-sandbox-name": sandboxName })) headers.set(name, value);
      // A request id the caller gave is kept (the checks judge it); else a fresh one, as Adobe asks.
      if (!headers.get("x-request-id")) headers.set("x-request-id", newRequestId());
    },
  };
}

// `checkedLater`: checked elsewhere, with their own wording (credentials, identity headers, base URL, validation).
/** The options of every Platform client; a facade that passes them on checks them with this too. */
export const PLATFORM_OPTION_CHECKS = /* @__PURE__ */ withChecks(TRANSPORT_OPTION_CHECKS, {
  auth: checkedLater,
  imsOrgId: checkedLater,
  sandboxName: checkedLater,
  sandboxId: checkedLater,
  baseUrl: checkedLater,
  headers: checkedLater,
  validation: checkedLater,
}) as Record<keyof PlatformClientOptions, OptionCheck>;

/** The per-call options of the Platform clients. */
export const PLATFORM_CALL_OPTION_CHECKS = /* @__PURE__ */ withChecks(CALL_OPTION_CHECKS, {
  sandboxName: isStringOption,
}) as Record<keyof PlatformCallOptions, OptionCheck>;

/** A random UUID v4 for `x-request-id`: Adobe asks for a fresh one per call, to find the call in its logs. */
export function newRequestId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID === "function") return crypto.randomUUID();
  // Insecure browser contexts have no randomUUID; uniqueness, not secrecy, is what matters here. The version 4
  // layout: each "." a random hex digit, the version digit 4 kept, and the variant digit ("v") one of 8 to b.
  return "........-....-4...-v...-............".replace(/[.v]/g, (mark) =>
    (mark === "v" ? 8 + Math.floor(Math.random() * 4) : Math.floor(Math.random() * 16)).toString(16),
  );
}
