// A fetch for clients configured as in production: it sends every Adobe host to the local mocks.
import { MOCK_STATUS_HEADER } from "./router.js";

/** Options of {@link mockFetch}. */
export interface MockFetchOptions {
  /** The mocks' origin: `url` of {@link startMocks}, or the one `offerkit-mock` prints. */
  readonly url: string;
  /**
   * Picks the status of the mock's answer per request (sent as the `x-mock-status` header); `undefined` keeps
   * the spec's success answer. For example `(request) => request.url.includes("/ods/") ? 503 : undefined`.
   */
  readonly status?: (request: Request) => number | undefined;
  /** The fetch that reaches the mocks. Default: the global `fetch`. */
  readonly fetch?: (input: Request) => Promise<Response>;
}

/**
 * A `fetch` that answers every Adobe host from the mocks at `options.url`: Target's client and edge-cluster hosts
 * (`*.tt.omtrdc.net`, so a returning visitor's call to `mboxedge28.tt.omtrdc.net` stays local), Adobe Experience
 * Platform (`platform.adobe.io`), the Decisioning Migration API (`decisioning-migration.adobe.io`) and Adobe IMS
 * (`ims-na1.adobelogin.com`). Requests to the mocks' own origin pass
 * as they are; any other host is refused, so a test never reaches the network.
 */
export function mockFetch(
  options: MockFetchOptions,
): (input: Request | string | URL, init?: RequestInit) => Promise<Response> {
  const mock = new URL(options.url);
  const send = options.fetch ?? ((request: Request) => fetch(request));
  return async (input, init) => {
    const request = new Request(input, init);
    const addressed = new URL(request.url);
    if (addressed.origin !== mock.origin && !isAdobeHost(addressed.hostname)) {
      throw new TypeError(`@offerkit/mock refuses ${addressed.origin}: only Adobe's hosts and the mocks are served`);
    }
    const headers = new Headers(request.headers);
    const status = options.status?.(request);
    if (status !== undefined) headers.set(MOCK_STATUS_HEADER, String(status));
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    return send(
      new Request(new URL(`${addressed.pathname}${addressed.search}`, mock), {
        method: request.method,
        headers,
        body: hasBody ? await request.arrayBuffer() : undefined,
        signal: request.signal,
        redirect: request.redirect,
      }),
    );
  };
}

function isAdobeHost(hostname: string): boolean {
  return (
    hostname.endsWith(".tt.omtrdc.net") ||
    hostname === "platform.adobe.io" ||
    hostname === "decisioning-migration.adobe.io" ||
    /^ims-[a-z0-9]+\.adobelogin\.com$/.test(hostname)
  );
}
