// The demo's stand-ins for Adobe, all on 127.0.0.1: Prism serving the specs in specs/ (one spec per port) and a
// fake IMS. The clients are configured exactly as for production; only the `fetch` they are given differs: it
// sends each request to the local mock that plays the host it was addressed to, so nothing leaves this machine.

type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** The same request, sent to `mockUrl` instead: method, path, query, headers and body unchanged. */
async function redirect(request: Request, mockUrl: string, prefer?: string): Promise<Response> {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  if (prefer) headers.set("Prefer", prefer);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return fetch(new URL(`${url.pathname}${url.search}`, mockUrl), {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    signal: request.signal,
  });
}

/**
 * Target: Prism serves one host, but the facade routes a returning visitor to their edge cluster
 * (`mboxedge<N>.tt.omtrdc.net`). This fetch answers every Target host from the delivery mock, and picks the
 * spec's example that fits each call (`Prefer: example=…`, which real Target ignores).
 */
export function targetMockFetch(mockUrl: string): Fetch {
  return async (request) => {
    const host = new URL(request.url).hostname;
    if (!host.endsWith(".tt.omtrdc.net") && host !== "127.0.0.1") throw new Error(`not a Target host: ${host}`);
    const body = (await request.clone().json()) as { prefetch?: unknown; notifications?: unknown };
    const example = body.notifications
      ? "notificationsAck"
      : body.prefetch
        ? "prefetchViewsAndMboxes"
        : "executeOptions";
    return redirect(request, mockUrl, `example=${example}`);
  };
}

/**
 * Adobe Experience Platform: one host (`platform.adobe.io`) for every API, but one Prism per spec here, so this
 * fetch sends each API's path to its mock and IMS token requests to the fake IMS. Status checks of a batch
 * workload get the documented states one after the other, so that waiting shows progress in seconds instead of
 * the minutes a real workload takes.
 */
export function platformMocksFetch(mocks: {
  readonly ims: string;
  readonly ods: string;
  readonly ode: string;
  readonly xcore: string;
}): Fetch {
  const workloadStates = ["queued", "processing", "ingesting", "completed"];
  let statusChecks = 0;
  return async (request) => {
    const url = new URL(request.url);
    if (url.origin === new URL(mocks.ims).origin) return fetch(request);
    if (url.origin !== "https://platform.adobe.io") throw new Error(`not a Platform host: ${url.origin}`);
    const api = url.pathname.split("/")[3];
    const mock =
      api === "ods"
        ? mocks.ods
        : api === "dwm" || api === "ode"
          ? mocks.ode
          : api === "xcore"
            ? mocks.xcore
            : undefined;
    if (!mock) throw new Error(`no mock for ${url.pathname}`);
    if (mock !== mocks.ode || request.method !== "GET") return redirect(request, mock);
    const state = workloadStates[Math.min(statusChecks++, workloadStates.length - 1)];
    return redirect(request, mock, `example=${state}`);
  };
}
