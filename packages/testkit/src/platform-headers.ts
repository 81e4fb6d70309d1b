/** A v4 UUID, the shape of the `x-request-id` every Platform client generates per call. */
export const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Every header of a recorded call but `x-request-id`, which differs per call: it is checked for its shape instead,
 * so an exact-wire assertion can compare the rest with `toEqual`.
 */
export function withoutRequestId(headers: Readonly<Record<string, string>>): Record<string, string> {
  const { "x-request-id": requestId, ...rest } = headers;
  if (requestId === undefined || !REQUEST_ID.test(requestId)) {
    throw new Error(`expected a v4 UUID as x-request-id, got ${JSON.stringify(requestId)}`);
  }
  return rest;
}

/** The identity headers a Platform client sends with the fixed token `token-1` and api key `key-1`. */
export function fixedTokenIdentity(packageName: string, version: string, imsOrgId: string): Record<string, string> {
  return {
    authorization: "Bearer token-1",
    "x-api-key": "key-1",
    "x-gw-ims-org-id": imsOrgId,
    "x-sandbox-name": "prod",
    "user-agent": expectedUserAgent(packageName, version),
  };
}

/**
 * The exact `User-Agent` a client sends from the runtime the test runs on: `offerkit-<package>/<version>`, followed by
 * `navigator.userAgent` where the runtime has one (Node 22+, browsers, edge runtimes), so no test pins one runtime.
 */
export function expectedUserAgent(packageName: string, version: string): string {
  const runtime = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  return `offerkit-${packageName}/${version}${runtime ? ` ${runtime}` : ""}`;
}
