// `#base-fetch` in browsers: global fetch, refusing to let credentials follow a redirect it cannot see.
import { OfferkitError } from "../errors/errors.js";
import { CREDENTIAL_HEADERS, type SendHop } from "./redirect.js";

/** The base fetch of the `browser` condition: the global `fetch`, looked up on every call. */
export const baseFetch: SendHop = (url, init) => globalThis.fetch(url, init);

/**
 * The redirect policy of the `browser` condition. A browser hides where a `redirect: "manual"` response points, so
 * the hop-by-hop handling of `redirect.ts` cannot run and is left out of browser bundles: a request without
 * credential headers follows redirects the browser's own way, and one with them is sent with `redirect: "manual"`
 * and refused if redirected (opaque in a browser, a plain 3xx in a worker), so no credential reaches another host.
 */
export function followRedirects(send: SendHop): (request: Request, init?: RequestInit) => Promise<Response> {
  return async (request, init) => {
    const mode = init?.redirect ?? request.redirect;
    const headers = request.headers;
    const guarded = mode === "follow" && CREDENTIAL_HEADERS.some((name) => headers.has(name));
    const response = await send(request.url, {
      method: request.method,
      headers,
      // The transport always hands over the body it read.
      body: (init?.body as string | Uint8Array<ArrayBuffer> | null | undefined) ?? null,
      signal: init?.signal ?? request.signal,
      redirect: guarded ? "manual" : mode,
    });
    if (guarded && (response.type === "opaqueredirect" || [301, 302, 303, 307, 308].includes(response.status))) {
      await response.body?.cancel().catch(() => {});
      throw new OfferkitError(
        `${request.method} ${request.url.split("?")[0]} was redirected: offerkit does not let credentials follow a redirect. Call the final URL directly.`,
      );
    }
    return response;
  };
}

export { readBytes } from "./read-limit.js";
