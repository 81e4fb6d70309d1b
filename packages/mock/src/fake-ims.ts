import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One OAuth Server-to-Server credential the fake IMS knows. */
export interface FakeImsClient {
  readonly secret: string;
  /** Scopes this client may ask for. Default: any. */
  readonly scopes?: readonly string[];
}

/** Options of `startFakeIms`. */
export interface FakeImsOptions {
  /** Known OAuth Server-to-Server credentials by client id. Default: `FAKE_IMS_CLIENT`. */
  readonly clients?: Readonly<Record<string, FakeImsClient>>;
  /** Lifetime of issued tokens in seconds, as IMS reports it in `expires_in`. Default 86399, as Adobe's IMS. */
  readonly expiresIn?: number;
  /** Port to listen on. Default 0: a free one. */
  readonly port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string;
}

/** What one token request carried (the secret is not kept). */
export interface FakeImsTokenRequest {
  readonly contentType: string | undefined;
  readonly grantType: string | null;
  readonly clientId: string | null;
  readonly scope: string | null;
  /** Whether `client_secret` was sent in the query string instead of the body. */
  readonly secretInQuery: boolean;
}

/** A running fake IMS, from `startFakeIms`. */
export interface FakeIms {
  /** Origin to give as `imsHost`, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Every token request, in order. */
  readonly requests: readonly FakeImsTokenRequest[];
  /** Answers the next `times` token requests with this status and body instead (e.g. 503 for an outage). */
  failNext(status: number, body?: unknown, times?: number): void;
  /** Delays every answer by `ms`. */
  setDelay(ms: number): void;
  /** Changes the lifetime of tokens issued from now on. */
  setExpiresIn(seconds: number): void;
  /** Whether an `Authorization` header value carries a token this IMS issued, that has not expired or been revoked. */
  isAuthorized(authorization: string | null | undefined): boolean;
  /** Makes a token invalid before its expiry, as when a credential's secret is rotated. */
  revoke(token: string): void;
  /** Tokens issued so far, oldest first. */
  readonly issued: readonly string[];
  /** Stops the server, closing open connections. */
  close(): Promise<void>;
}

/** The credential the fake IMS accepts by default: use it as `auth` with `imsHost` set to the fake IMS. */
export const FAKE_IMS_CLIENT = {
  clientId: "fake-client-id",
  clientSecret: "fake-client-secret-never-logged",
  scopes: ["openid", "AdobeID", "read_organizations", "additional_info.projectedProductContext", "session"],
} as const;

/**
 * A local stand-in for Adobe IMS's OAuth Server-to-Server token endpoint (`POST /ims/token/v3`, client
 * credentials grant, form-encoded), answering in IMS's shape: `{ access_token, token_type, expires_in }`, or an
 * OAuth error `{ error, error_description }`.
 */
export async function startFakeIms(options: FakeImsOptions = {}): Promise<FakeIms> {
  const clients = options.clients ?? {
    [FAKE_IMS_CLIENT.clientId]: { secret: FAKE_IMS_CLIENT.clientSecret, scopes: FAKE_IMS_CLIENT.scopes },
  };
  let expiresIn = options.expiresIn ?? 86_399;
  let delay = 0;
  const failures: { status: number; body: unknown }[] = [];
  const requests: FakeImsTokenRequest[] = [];
  const issued: string[] = [];
  const valid = new Map<string, number>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      // Recorded on arrival, so a request whose caller gave up during the delay still counts where it was made.
      const answer = handle(req, Buffer.concat(chunks).toString("utf8"));
      if (delay > 0) setTimeout(() => send(res, ...answer), delay);
      else send(res, ...answer);
    });
  });

  function send(res: ServerResponse, status: number, body: unknown) {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json;charset=utf-8", "cache-control": "no-store" });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  }

  type Answer = [status: number, body: unknown];

  function handle(req: IncomingMessage, body: string): Answer {
    const url = new URL(req.url ?? "/", "http://ims.invalid");
    if (url.pathname !== "/ims/token/v3") return [404, { error: "not_found" }];
    if (req.method !== "POST") return [405, { error: "method_not_allowed" }];
    const contentType = req.headers["content-type"];
    const form = new URLSearchParams(contentType?.startsWith("application/x-www-form-urlencoded") ? body : "");
    for (const [key, value] of url.searchParams) if (!form.has(key)) form.set(key, value);
    requests.push({
      contentType,
      grantType: form.get("grant_type"),
      clientId: form.get("client_id"),
      scope: form.get("scope"),
      secretInQuery: url.searchParams.has("client_secret"),
    });
    const failure = failures.shift();
    if (failure) return [failure.status, failure.body];
    if (form.get("grant_type") !== "client_credentials") {
      return [400, { error: "unsupported_grant_type", error_description: "grant_type not supported" }];
    }
    const clientId = form.get("client_id");
    const client = clientId ? clients[clientId] : undefined;
    if (!client) return [400, { error: "invalid_client", error_description: "invalid client_id parameter" }];
    if (form.get("client_secret") !== client.secret) {
      return [401, { error: "invalid_client", error_description: "invalid client_secret parameter" }];
    }
    const scopes = (form.get("scope") ?? "").split(",").filter(Boolean);
    if (scopes.length === 0 || (client.scopes && scopes.some((scope) => !client.scopes?.includes(scope)))) {
      return [400, { error: "invalid_scope", error_description: "invalid scope" }];
    }
    const token = `fake-ims.${issued.length + 1}.${randomBytes(12).toString("base64url")}`;
    issued.push(token);
    valid.set(token, Date.now() + expiresIn * 1000);
    return [200, { access_token: token, token_type: "bearer", expires_in: expiresIn }];
  }

  server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  await once(server, "listening");
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    requests,
    issued,
    failNext(status, body = { error: "server_error", error_description: "fake IMS failure" }, times = 1) {
      for (let i = 0; i < times; i++) failures.push({ status, body });
    },
    setDelay(ms) {
      delay = ms;
    },
    setExpiresIn(seconds) {
      expiresIn = seconds;
    },
    isAuthorized(authorization) {
      const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
      const expiry = token === undefined ? undefined : valid.get(token);
      return expiry !== undefined && Date.now() < expiry;
    },
    revoke(token) {
      valid.delete(token);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}
