// The redirect hop: offerkit follows redirects itself, so credential headers never reach another origin.
import { OfferkitError } from "../errors/errors.js";

// Spelled for consumers' compilers too: `Uint8Array<ArrayBuffer>` (what fetch takes) without the typed-array generic
// that TypeScript before 5.7 lacks, and the redirect mode without DOM's `RequestRedirect`, which Node-only libs lack.
type Bytes = ReturnType<Uint8Array["slice"]>;

/** One hop of a request, as plain data: what a base fetch (global `fetch`, the Node transport) is called with. */
export interface HopInit extends RequestInit {
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | Bytes | null;
  readonly signal: AbortSignal | null;
  readonly redirect: NonNullable<RequestInit["redirect"]>;
}

/** Sends one hop and returns its response as is, a redirect included (`redirect: "manual"`). */
export type SendHop = (url: string, init: HopInit) => Promise<Response>;

/** Whether this is a browser page. A function, not a constant, so that bundlers can drop this file when it is unused. */
export function isBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== "undefined";
}

/**
 * Headers that identify the caller to an Adobe API. Fetch drops only `authorization` on a cross-origin redirect; an
 * api key, org id or sandbox sent to another host is as much a leak, so none of these follow a redirect off-origin.
 */
export const CREDENTIAL_HEADERS = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "x-api-key",
  "x-gw-ims-org-id",
  "x-sandbox-name",
  "x-sandbox-id",
] as const;

/** What fetch drops when a redirect turns the request into a GET without a body. */
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-language", "content-location"];

export const MAX_REDIRECTS = 20;

/**
 * Fetch's redirect rules over a base fetch that never follows redirects itself: 301/302 turn a POST into a GET and
 * 303 anything but HEAD into a GET (body dropped), 307/308 keep the method and body, at most 20 hops, only http(s)
 * targets. On top of fetch, a redirect to another origin drops every credential header (`CREDENTIAL_HEADERS`),
 * so a token, api key, org id or sandbox never reaches a host the caller did not name.
 *
 * Browsers hide where a `redirect: "manual"` response points, so there a request without credentials is left to the
 * browser's own redirect handling, and a redirected request that carries credentials is refused. (Browser bundles
 * get the same policy without this code, from `base-fetch.browser.ts`; this branch serves a browser-like runtime
 * that resolves the default condition.)
 */
export function followRedirects(send: SendHop): (request: Request, init?: RequestInit) => Promise<Response> {
  return async (request, init) => {
    const mode = init?.redirect ?? request.redirect;
    let method = request.method;
    let url = request.url;
    // Copied only when a redirect changes them: most calls are never redirected.
    let headers = request.headers;
    // The transport hands over the body it already read; a bare call reads it here. 307/308 send it again.
    const given = init?.body;
    let body: HopInit["body"] =
      typeof given === "string" || given instanceof Uint8Array
        ? (given as HopInit["body"])
        : request.body
          ? new Uint8Array(await request.arrayBuffer())
          : null;
    const signal = init?.signal ?? request.signal;
    // Outside a browser every hop is manual; the credential headers are looked at only where that is not so.
    const manual = mode !== "follow" || !isBrowser() || CREDENTIAL_HEADERS.some((name) => headers.has(name));
    for (let hops = 0; ; hops++) {
      // A fresh init per hop, only what a hop needs: a base fetch may keep or change what it is given.
      const response = await send(url, { method, headers, body, signal, redirect: manual ? "manual" : mode });
      if (mode === "manual") return response;
      if (response.type === "opaqueredirect") {
        throw new OfferkitError(
          `${method} ${stripQuery(url)} was redirected, and the browser hides where to: offerkit does not let credentials follow a redirect. Call the final URL directly.`,
        );
      }
      const location = isRedirect(response.status) ? response.headers.get("location") : null;
      if (location === null) {
        if (hops > 0) Object.defineProperty(response, "redirected", { value: true });
        return response;
      }
      await response.body?.cancel().catch(() => {});
      if (mode === "error") throw new TypeError(`${method} ${stripQuery(url)} was redirected (redirect: "error")`);
      if (hops >= MAX_REDIRECTS) throw new TypeError(`more than ${MAX_REDIRECTS} redirects from ${stripQuery(url)}`);
      const next = new URL(location, url);
      if (next.protocol !== "http:" && next.protocol !== "https:") {
        throw new TypeError(`a redirect to a ${next.protocol} URL cannot be followed`);
      }
      const status = response.status;
      if (hops === 0) headers = new Headers(headers);
      if (((status === 301 || status === 302) && method === "POST") || (status === 303 && method !== "HEAD")) {
        method = "GET";
        body = null;
        for (const name of BODY_HEADERS) headers.delete(name);
      }
      if (next.origin !== new URL(url).origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
      url = next.href;
    }
  };
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function stripQuery(url: string): string {
  const queryStart = url.indexOf("?");
  return queryStart === -1 ? url : url.slice(0, queryStart);
}
