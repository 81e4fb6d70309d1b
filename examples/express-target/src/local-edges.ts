/**
 * For running against a local mock: Target sends returning visitors to their edge cluster's own host
 * (`mboxedge28.tt.omtrdc.net`), and a mock has only one. This fetch sends calls for any edge-cluster host to
 * the mock instead, and refuses every other host that is not the mock, so nothing leaves the machine.
 */
export function localEdgesFetch(mockOrigin: string, onCall?: (addressed: URL) => void) {
  const mock = new URL(mockOrigin);
  return async (request: Request): Promise<Response> => {
    const addressed = new URL(request.url);
    onCall?.(addressed);
    if (addressed.host !== mock.host && !/^mboxedge\d+\.tt\.omtrdc\.net$/.test(addressed.hostname)) {
      throw new Error(`refusing ${addressed.origin}: only the mock and edge-cluster hosts are served locally`);
    }
    const target = new URL(`${addressed.pathname}${addressed.search}`, mock);
    return fetch(target, {
      method: request.method,
      headers: request.headers,
      body: await request.text(),
      signal: request.signal,
    });
  };
}
