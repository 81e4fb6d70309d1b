// The one call runner: a client method describes its request (`prepare`), and the runner does the rest of the call
// in one pass down the layers and one back: check the call's options, open the call (deadline, abort), add identity
// and media types, run the default checks (and the opt-in full validation), send through the transport, read the
// answer into `{ data, error, response, metadata }`, and close the call however it ended.
import type { RequestRules, RequestValidation } from "../checks/default-checks.js";
import { checkRequest } from "../checks/default-checks.js";
import { assertSafeHeaders, type HeaderInput } from "../checks/headers.js";
import { checkOptions, isSignalOption, type OptionCheck } from "../checks/options.js";
import type { RetryOptions } from "../transport/retry-policy.js";
import {
  answerOf,
  type CallTransport,
  checkMaxResponseBytes,
  checkRetry,
  checkTimeout,
  scopeRequest,
  serializeJsonBody,
} from "../transport/transport.js";
import { type CallMetadata, emptyBodyError, requestIdOf } from "./result.js";

type QueryValue = string | number | boolean;

/** The per-call options of every client method; the Platform clients add `sandboxName`, Delivery `baseUrl`. */
export interface BaseCallOptions {
  /** Aborts the call; it then rejects with an `AbortError`. */
  readonly signal?: AbortSignal | undefined;
  /** Overrides the client's timeout for this call. */
  readonly timeout?: number | undefined;
  /** Overrides the client's retry policy for this call. */
  readonly retry?: RetryOptions | false | undefined;
  /** Overrides the client's `maxResponseBytes` for this call. */
  readonly maxResponseBytes?: number | undefined;
  /** Extra headers for this call. An `x-request-id` given here replaces a generated one. */
  readonly headers?: HeaderInput | undefined;
}

/** What every call of every client may set for itself. */
export const CALL_OPTION_CHECKS = {
  signal: isSignalOption,
  timeout: checkTimeout,
  retry: checkRetry,
  maxResponseBytes: checkMaxResponseBytes,
  /** Header names and values safe to send. */
  headers: assertSafeHeaders as OptionCheck,
} satisfies Record<keyof BaseCallOptions, OptionCheck>;

/** One request of one operation, as a client method describes it. */
export interface PreparedRequest {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The spec's path; each `{name}` is replaced by the encoded `pathParams[name]`. */
  readonly path: string;
  readonly pathParams?: Readonly<Record<string, string>> | undefined;
  /**
   * Query parameters in order, checked against the spec; undefined ones are left out, an array repeats its name
   * (`a=1&a=2`, form style).
   */
  readonly query?: Readonly<Record<string, QueryValue | readonly QueryValue[] | undefined>> | undefined;
  /** A query string sent as written instead of `query` (a server's next-page link); `query` is still what is checked. */
  readonly rawQuery?: string | undefined;
  /** The operation's own headers (`If-Match`, ...): checked with the rest, and they win over the caller's. */
  readonly headers?: HeaderInput | undefined;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as `Accept` unless the call's headers name one. */
  readonly accept?: string | undefined;
  /** Sent as `Content-Type` whatever the call's headers say (the body is ours); default `application/json`. */
  readonly contentType?: string | undefined;
  /**
   * The 2xx statuses the spec answers without a body (a beacon's 204, a delete's 202). Any other 2xx must carry the
   * JSON the spec promises: an empty one is an `UnexpectedResponseError`, never `data: undefined`.
   */
  readonly noContent?: readonly number[] | undefined;
  /** The origin for this call only (Delivery's edge routing); checked by the client. */
  readonly baseUrl?: string | undefined;
}

/** What one client's calls share: where they go, how they are sent, and what each call checks and adds. */
export interface Connection<OperationId extends string, Call extends BaseCallOptions> {
  readonly baseUrl: string;
  readonly transport: CallTransport;
  /**
   * Sent with every call and as the `/raw` client's defaults: the client's `headers` option (for a Platform client,
   * over its fixed identity headers).
   */
  readonly headers: HeaderInput | undefined;
  /** The checks of a call's options: unknown keys and wrong values are a `ValidationError` naming them. */
  readonly callChecks: Readonly<Record<keyof Call, OptionCheck>>;
  /**
   * Sets the headers that say who calls on one call's headers, over everything else (the Platform identity
   * headers, keeping a request id the caller gave); checks what it sets.
   */
  readonly identity?: ((call: Call | undefined, headers: Headers) => void) | undefined;
  /** The spec's default checks per operation (generated `requestRules`). */
  readonly rules: Readonly<Record<OperationId, RequestRules>>;
  /** The opt-in full check of every input against the spec. */
  readonly validation?: RequestValidation<OperationId> | undefined;
}

/**
 * Runs one call of `operation`: `prepare` describes the request; the result is openapi-fetch's shape with the call's
 * `metadata`. `Result` is the method's own result type (the spec's data and error types).
 */
export type Runner<OperationId extends string, Call extends BaseCallOptions> = <Result>(
  call: Call | undefined,
  operation: OperationId,
  prepare: () => PreparedRequest,
) => Promise<Result>;

/** What a call resolves to, before a client names its types. */
interface RunResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
  readonly metadata: CallMetadata;
}

/** The runner of one client's calls. */
export function createRunner<OperationId extends string, Call extends BaseCallOptions>(
  connection: Connection<OperationId, Call>,
): Runner<OperationId, Call> {
  const { transport, callChecks, rules, validation } = connection;
  return async <Result>(call: Call | undefined, operation: OperationId, prepare: () => PreparedRequest) => {
    checkOptions(call, "options", callChecks);
    const scope = transport.begin(call);
    try {
      // Inside the call, so that whatever `prepare` or a check refuses rejects the returned promise.
      const request = prepare();
      // A request that names its media types owns Content-Type; the caller's Accept still wins (to add
      // `application/problem+json`, say). One that names none (Delivery) leaves both to the caller.
      const mediaTypesOurs = request.accept !== undefined || request.contentType !== undefined;
      const headers = new Headers();
      for (const set of [
        connection.headers,
        request.accept && { Accept: request.accept },
        call?.headers,
        request.headers,
      ]) {
        for (const [name, value] of Object.entries(set || {})) {
          if (value === undefined || (set === call?.headers && mediaTypesOurs && /^content-type$/i.test(name)))
            continue;
          headers.set(name, value);
        }
      }
      const contentType =
        request.contentType ??
        (request.body === undefined || headers.has("content-type") ? undefined : "application/json");
      if (contentType) headers.set("content-type", contentType);
      connection.identity?.(call, headers);
      // The checks see the headers as they will be sent (names in lower case; they match whatever the case): the ones
      // the operation's rules name, or all of them for the full validation.
      const header: Record<string, string | undefined> = {};
      for (const name in rules[operation].header) header[name] = headers.get(name) ?? undefined;
      checkRequest(
        rules,
        operation,
        {
          path: request.pathParams,
          query: request.query,
          header: validation ? Object.fromEntries(headers) : header,
          body: request.body,
        },
        validation,
      );
      const response = await scope.fetch(
        scopeRequest(urlOf(request.baseUrl ?? connection.baseUrl, request), request.method, headers),
        request.body === undefined ? undefined : { body: serializeJsonBody(request.body) },
      );
      return (await resultOf(response, request.noContent)) as Result;
    } finally {
      scope.end();
    }
  };
}

/** The request's URL: the path with its encoded ids, then the query (or the raw query as written). */
function urlOf(baseUrl: string, request: PreparedRequest): string {
  let url =
    baseUrl +
    request.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(request.pathParams?.[name] ?? ""));
  if (request.rawQuery !== undefined) return `${url}?${request.rawQuery}`;
  let separator = "?";
  for (const [name, values] of Object.entries(request.query ?? {})) {
    for (const value of Array.isArray(values) ? values : values === undefined ? [] : [values]) {
      url += `${separator}${name}=${encodeURIComponent(value)}`;
      separator = "&";
    }
  }
  return url;
}

/**
 * Reads an answer as openapi-fetch does: `data` from a 2xx JSON body, `error` from any other body (JSON when it
 * parses, else text). A 2xx without a body is `data: undefined` only for the statuses in `noContent`.
 */
async function resultOf(response: Response, noContent: readonly number[] | undefined): Promise<RunResult> {
  // Every response here came through the transport, which read the body and recorded the call.
  const answer = answerOf(response) as NonNullable<ReturnType<typeof answerOf>>;
  const metadata: CallMetadata = {
    request: answer.request,
    requestId: requestIdOf(response),
    attempts: answer.attempts,
  };
  const text = await response.text();
  let body: unknown;
  if (response.ok && !text && !noContent?.includes(response.status)) {
    throw emptyBodyError(response, metadata.requestId);
  }
  if (text) {
    try {
      // The transport parsed a 2xx JSON body already: `json()` hands over that value.
      body = response.ok ? await response.json() : JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return response.ok ? { data: body, response, metadata } : { error: body, response, metadata };
}
