// startMocks: every spec's Prism, the fake IMS and the routing origin in front of them, with one stop.
import { FAKE_IMS_CLIENT, type FakeIms, startFakeIms } from "./fake-ims.js";
import { mockFetch } from "./fetch.js";
import { type PrismServer, startPrism } from "./prism.js";
import { type Router, startRouter } from "./router.js";
import { listMockSpecs, loadRoutes } from "./specs.js";

/** Options of {@link startMocks}. */
export interface MockOptions {
  /** Port of the mocks' origin. Default 0: a free port. The Prism servers behind it always take free ports. */
  readonly port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string;
}

/** Credentials the mocks accept, to use as they are in client options. */
export interface MockCredentials {
  /** OAuth Server-to-Server client id the fake IMS knows (also sent as `x-api-key`). */
  readonly clientId: string;
  /** Its client secret. */
  readonly clientSecret: string;
  /** The scopes it may ask for. */
  readonly scopes: readonly string[];
  /** Where the fake IMS answers: the mocks' origin. */
  readonly imsHost: string;
  /** Any org id is accepted; this one looks like Adobe's. */
  readonly imsOrgId: string;
  /** Any sandbox name is accepted. */
  readonly sandboxName: string;
}

/** Running mocks, from {@link startMocks}. */
export interface Mocks {
  /**
   * One origin for everything, routed by path: Target Delivery (`/rest/v1/delivery`), the Platform APIs
   * (`/data/core/ods`, `/data/core/ode`, `/data/core/dwm`, `/data/core/xcore`, `/data/core/dps`), the Decisioning
   * Migration API (`/workflows`) and the fake IMS (`/ims/token/v3`). Give it as `baseUrl` to `createOfferkit` (and
   * as `migrationBaseUrl` to `createDpsClient`) and as `imsHost` in its `auth`.
   */
  readonly url: string;
  /** `host:port` of {@link Mocks.url}, for `createTargetClient({ serverDomain, secure: false })`. */
  readonly serverDomain: string;
  /** Each spec's own Prism server, by spec name (`delivery`, `ods`, ...), without the routing origin's extras. */
  readonly specs: Readonly<Record<string, string>>;
  /** Credentials the fake IMS accepts. */
  readonly credentials: MockCredentials;
  /** The fake IMS, to inspect token requests or make it fail (`ims.failNext(503)`). */
  readonly ims: FakeIms;
  /** `mockFetch({ url })`: sends Adobe's production hosts, Target edge hosts included, to these mocks. */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** Stops every server; resolves when all their ports are closed. Calling it again does nothing. */
  stop(): Promise<void>;
}

/**
 * Starts Prism mocks of every spec, the fake IMS and one origin routing to them, on free ports of loopback.
 * About 1.5 s the first time in a process (loading Prism), then tens of milliseconds.
 */
export async function startMocks(options: MockOptions = {}): Promise<Mocks> {
  const host = options.host ?? "127.0.0.1";
  const specs = listMockSpecs();
  const started: { close(): Promise<void> }[] = [];
  let router: Router | undefined;
  let ims: FakeIms | undefined;
  try {
    const servers: [string, PrismServer][] = [];
    for (const spec of specs) {
      const server = await startPrism({ spec, host });
      started.push(server);
      servers.push([spec, server]);
    }
    ims = await startFakeIms({ host });
    started.push(ims);
    const upstreams = Object.fromEntries(servers.map(([spec, server]) => [spec, server.url]));
    router = await startRouter({ routes: loadRoutes(specs), upstreams, ims: ims.url, port: options.port ?? 0, host });
    started.push(router);
  } catch (error) {
    await Promise.allSettled(started.map((server) => server.close()));
    throw error;
  }
  const url = router.url;
  let stopping: Promise<void> | undefined;
  return {
    url,
    serverDomain: new URL(url).host,
    specs: Object.fromEntries(specs.map((spec, index) => [spec, (started[index] as PrismServer).url])),
    credentials: {
      clientId: FAKE_IMS_CLIENT.clientId,
      clientSecret: FAKE_IMS_CLIENT.clientSecret,
      scopes: FAKE_IMS_CLIENT.scopes,
      imsHost: url,
      imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
      sandboxName: "prod",
    },
    ims,
    fetch: mockFetch({ url }),
    stop() {
      // Router first, so nothing new reaches the servers behind it while they close.
      stopping ??= started
        .pop()
        ?.close()
        .then(() => Promise.all(started.map((server) => server.close())))
        .then(() => undefined);
      return stopping ?? Promise.resolve();
    },
  };
}
