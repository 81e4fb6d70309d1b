// Run by hygiene.test.ts in a child process: makes one call through the built packages, prints how it settled, and
// then must let the process exit on its own (no timer, socket or listener of ours may keep it alive).
import { createImsTokenProvider, OfferkitError, unwrap } from "@offerkit/core";
import { createDeliveryClient } from "@offerkit/delivery";
import { rawClient } from "@offerkit/delivery/raw";
import { createOdsClient } from "@offerkit/ods";
import { createOfferkit, createTargetClient } from "@offerkit/sdk";

const [entry, transport, base, imsHost, targetHost] = process.argv.slice(2);
const fetchOption = transport === "fetch" ? { fetch: (url, init) => globalThis.fetch(url, init) } : {};
const common = {
  timeout: Number(process.env.HYGIENE_TIMEOUT ?? 2000),
  retry: { minDelay: 20, maxDelay: 40 },
  ...fetchOption,
};
const platform = {
  auth: { clientId: "hygiene", clientSecret: "hygiene-secret", scopes: ["openid"], imsHost },
  imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
  sandboxName: "prod",
  baseUrl: base,
  ...common,
};
const body = { context: { channel: "web" }, execute: { mboxes: [{ index: 0, name: "hero" }] } };
const decision = {
  "xdm:propositionRequests": [
    { "xdm:activityId": "xcore:offer-activity:1", "xdm:placementId": "xcore:offer-placement:1" },
  ],
  "xdm:profiles": [{ "xdm:identityMap": { ECID: [{ "xdm:id": "12345" }] } }],
};
// Aborted by the caller part-way: the case "abort". (Not AbortSignal.timeout, whose reason is itself a TimeoutError.)
const controller = new AbortController();
if (process.env.HYGIENE_ABORT)
  setTimeout(() => controller.abort(new Error("caller gave up")), Number(process.env.HYGIENE_ABORT));
const signal = process.env.HYGIENE_ABORT ? controller.signal : undefined;

const entries = {
  // Imports only: how long this machine takes to tear a process down, the baseline of every other case.
  none: () => Promise.resolve(),
  deliver: () =>
    unwrap(
      createDeliveryClient({ client: "acme", baseUrl: base, ...common }).deliver(
        { sessionId: "s1", request: body },
        { signal },
      ),
    ),
  raw: () =>
    unwrap(
      rawClient(createDeliveryClient({ client: "acme", baseUrl: base, ...common })).POST("/rest/v1/delivery", {
        params: { query: { client: "acme", sessionId: "s1" } },
        body,
        signal,
      }),
    ),
  ods: () => unwrap(createOdsClient(platform).makeDecisions(decision, { signal })),
  decide: () => createOfferkit(platform).decide(decision, { signal }),
  getOffers: () =>
    createTargetClient({ client: "acme", serverDomain: targetHost, secure: false, ...common }).getOffers({
      request: body,
      signal,
    }),
  token: () =>
    createImsTokenProvider({ clientId: "hygiene", clientSecret: "s", scopes: ["openid"], imsHost, ...common }).getToken(
      { signal },
    ),
};

const run = entries[entry];
if (!run) throw new Error(`unknown entry ${entry}`);
try {
  await run();
  process.stdout.write("settled ok\n");
} catch (error) {
  // Only offerkit's errors count: anything else is reported as foreign, whatever its name.
  process.stdout.write(`settled ${error instanceof OfferkitError ? error.name : `foreign-${error?.name}`}\n`);
}
// An unreferenced timer fires only while something else keeps the process alive: if it fires, something does. Timed
// on the event loop, so a starved CPU delays the exit but cannot fail the case.
const grace = Number(process.env.HYGIENE_GRACE ?? 1500);
setTimeout(() => {
  process.stdout.write(`still alive ${grace} ms after settling: ${process.getActiveResourcesInfo().join(", ")}\n`);
  process.exit(3);
}, grace).unref();
