// A real node:http server that answers each request with the fault its path names, for reliability tests.
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * Every fault the server can answer with. The path `/fault/<name>[/<param>][/@<tag>]/<rest>` picks one per request;
 * `<rest>` is the API path the client meant (`/rest/v1/delivery`, `/ims/token/v3`, ...), which picks the success body.
 */
export const FAULTS = {
  /** 200 with a small valid JSON body for the API path. */
  ok: false,
  /** The socket is destroyed as soon as the request has arrived: no status line. */
  "reset-before-headers": false,
  /** 200 with a Content-Length, half of the body, then the socket is destroyed. */
  "reset-mid-body": false,
  /** 200 headers are sent, then nothing more, ever. */
  "stall-after-headers": false,
  /** The request is read and never answered. */
  hang: false,
  /** 200 JSON, chunked, 64 KiB chunks as fast as the client reads, never ending. */
  "endless-fast": false,
  /** 200 JSON, chunked, one byte every 20 ms, never ending. */
  "endless-slow": false,
  /** First answer per tag 429 `Retry-After: <param>` (delta-seconds), then success. */
  "429-seconds": true,
  /** First answer per tag 503 `Retry-After: <param>` (delta-seconds), then success. */
  "503-seconds": true,
  /** First answer per tag 503 with `Retry-After` as an HTTP date `<param>` seconds ahead, then success. */
  "503-date": true,
  /** First answer per tag 429 with an HTTP-date `Retry-After` `<param>` seconds ahead, then success. */
  "429-date": true,
  /** First answer per tag 503 with `Retry-After: <param>` verbatim (percent-decoded), then success. */
  "503-malformed": true,
  /** First answer per tag 429 with `Retry-After: <param>` verbatim, then success. */
  "429-malformed": true,
  /** Every answer: status `<param>` (default 503) with an HTML body. */
  "5xx-html": true,
  /** 200 with `Content-Length` larger than the bytes sent, then the response ends. */
  truncated: false,
  /** 200 with `Content-Length: 0`. */
  "empty-length-0": false,
  /** 200, chunked, no body. */
  "empty-chunked": false,
  /** 204 No Content. */
  "empty-204": false,
  /** 200 `application/json` with an HTML body. */
  "non-json": false,
  /** 200 `text/plain` with a valid JSON body. */
  "wrong-content-type": false,
  /** 200 JSON with a valid body of `<param>` bytes (default 1 MiB), Content-Length set, written in 64 KiB chunks. */
  oversized: true,
  /** 307 to `/fault/ok[/@<tag>]/<rest>` on this server. */
  "redirect-same": false,
  /** 307 to `/fault/ok[/@<tag>]/<rest>` on the second server (`crossOrigin`). */
  "redirect-cross": false,
  /** Status `<param>` (default 400) with a JSON problem echoing every request header and the body, in every field. */
  "echo-request": true,
  /**
   * IMS (any path) answers `<param>` = `<field>.<spelling>[.<status>]`: the submitted form echoed in `field`
   * (`error`, `error_description`, `message`, `all`, or `header` for a response header), spelled `form` (as
   * received, form-encoded), `decoded` (`name=value&...` with raw values), `json` (the form as a JSON object) or
   * `percent` (every value percent-encoded); status default 400.
   */
  "ims-echo": true,
} as const satisfies Record<string, boolean>;

export type FaultName = keyof typeof FAULTS;

export interface FaultRequest {
  readonly method: string;
  /** The full path with query, as received. */
  readonly url: string;
  readonly fault: FaultName | undefined;
  readonly param: string | undefined;
  readonly tag: string | undefined;
  /** The API path after the fault prefix. */
  readonly rest: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  /** `performance.now()` when the request (with its body) had arrived. */
  readonly time: number;
  /** Which connection carried it: see `isSocketOpen`. */
  readonly socket: number;
}

export interface FaultServer {
  /** This server's origin, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** `url` + `/fault/<name>[/<param>][/@<tag>]`: a base URL for any client, IMS host included. */
  base(fault: FaultName, param?: string | number, tag?: string): string;
  /**
   * The origin of an extra listener on which every request gets `fault` (for clients that take a host, not a
   * base URL: the Target client's `serverDomain`). Opened on first use, closed with the server.
   */
  originFor(fault: FaultName, param?: string | number, tag?: string): Promise<string>;
  /** Every request, in arrival order, on this server and its extra listeners. */
  readonly requests: readonly FaultRequest[];
  /** Requests whose tag is `tag`. */
  requestsTagged(tag: string): FaultRequest[];
  /** Destroys the connections that carried requests tagged `tag` (cleanup after a cell, whatever the client did). */
  destroyTagged(tag: string): void;
  /** Whether the connection that carried a request is still open. */
  isSocketOpen(socket: number): boolean;
  /** How many connections are open now. */
  openSockets(): number;
  /** Resolves true once every connection in `sockets` has closed, false after `ms`. */
  waitForClosed(sockets: readonly number[], ms: number): Promise<boolean>;
  /** Destroys every connection and closes every listener. */
  close(): Promise<void>;
}

export interface FaultServerOptions {
  /** The server `redirect-cross` sends clients to. */
  readonly crossOrigin?: { readonly url: string } | undefined;
  /** How long the server keeps an idle connection open, in ms. Default 2000. */
  readonly keepAliveTimeout?: number | undefined;
}

/** A small valid success body for each API path the clients call. */
export function successBody(method: string, rest: string): unknown {
  const path = rest.split("?")[0] ?? "";
  if (path.endsWith("/ims/token/v3")) {
    return { access_token: `fault.${randomBytes(6).toString("hex")}`, token_type: "bearer", expires_in: 86_399 };
  }
  if (path.endsWith("/rest/v1/delivery")) {
    return {
      status: 200,
      requestId: "fault-request",
      client: "acme",
      id: { tntId: "fault-tnt.28_0" },
      edgeHost: "mboxedge28.tt.omtrdc.net",
      execute: { mboxes: [{ index: 0, name: "hero", options: [{ type: "json", content: { a: 1 } }] }] },
    };
  }
  if (path.endsWith("/data/core/ods/decisions")) {
    return {
      "xdm:propositionId": "prop-1",
      "xdm:propositions": [],
      "ode:createDate": 1_700_000_000_000,
    };
  }
  if (path.includes("/workloads/decisions")) {
    return {
      "@id": "47efef25-4bcf-404f-96e2-67c4f784a1f5",
      "ode:status": method === "POST" ? "QUEUED" : "COMPLETED",
    };
  }
  if (path.includes("/data/core/xcore")) {
    if (/\/data\/core\/xcore\/?$/.test(path)) return { _embedded: { "xcore:repository-containers": [] }, _links: {} };
    return { _embedded: { results: [{ instanceId: "o1", _instance: { "xdm:name": "Offer" } }] }, _links: {} };
  }
  return { ok: true };
}

/** How much `endless-fast` sends at most before it stalls: far above any limit a test sets. */
const ENDLESS_CAP = 256 * 1024 * 1024;

const PREFIX = /^\/fault\/([^/?]+)(.*)$/;

interface Route {
  readonly fault: FaultName | undefined;
  readonly param: string | undefined;
  readonly tag: string | undefined;
  readonly rest: string;
}

function route(url: string, fixed: Route | undefined): Route {
  // A listener with a fixed fault still serves `/fault/...` paths (where its redirects point).
  if (fixed && !url.startsWith("/fault/")) return { ...fixed, rest: url };
  const match = PREFIX.exec(url);
  const name = match?.[1];
  if (!match || name === undefined || !(name in FAULTS))
    return { fault: undefined, param: undefined, tag: undefined, rest: url };
  const fault = name as FaultName;
  let rest = match[2] ?? "";
  let param: string | undefined;
  if (FAULTS[fault]) {
    const next = /^\/([^/?@][^/?]*)(.*)$/.exec(rest);
    if (next) {
      param = decodeURIComponent(next[1] ?? "");
      rest = next[2] ?? "";
    }
  }
  let tag: string | undefined;
  const tagged = /^\/@([^/?]+)(.*)$/.exec(rest);
  if (tagged) {
    tag = tagged[1];
    rest = tagged[2] ?? "";
  }
  return { fault, param, tag, rest: rest || "/" };
}

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const requests: FaultRequest[] = [];
  const sockets = new Map<number, Socket>();
  const waiters = new Set<() => void>();
  const timers = new Set<ReturnType<typeof setTimeout> | ReturnType<typeof setInterval>>();
  const attempts = new Map<string, number>();
  const servers: Server[] = [];
  let nextSocket = 1;
  const socketIds = new WeakMap<Socket, number>();

  function track(server: Server) {
    server.on("connection", (socket: Socket) => {
      const id = nextSocket++;
      socketIds.set(socket, id);
      sockets.set(id, socket);
      socket.on("close", () => {
        sockets.delete(id);
        for (const wake of waiters) wake();
      });
    });
  }

  function listen(fixed: Route | undefined): Promise<Server> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8"), fixed));
      req.on("error", () => {});
    });
    // Keep-alive sockets of finished tests must not hold `close()`.
    server.keepAliveTimeout = options.keepAliveTimeout ?? 2_000;
    track(server);
    servers.push(server);
    server.listen(0, "127.0.0.1");
    return once(server, "listening").then(() => server);
  }

  const origin = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function later(ms: number, fn: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  }

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(text)),
      "x-request-id": "fault-server-id",
      ...headers,
    });
    res.end(text);
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: string, fixed: Route | undefined) {
    const url = req.url ?? "/";
    const { fault, param, tag, rest } = route(url, fixed);
    const method = req.method ?? "GET";
    requests.push({
      method,
      url,
      fault,
      param,
      tag,
      rest,
      headers: { ...req.headers },
      body,
      time: performance.now(),
      socket: socketIds.get(req.socket) ?? 0,
    });
    const key = `${fault}/${param}/${tag}/${method}/${rest}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const success = () => json(res, 200, successBody(method, rest));
    res.on("error", () => {});

    switch (fault) {
      case undefined:
        return json(res, 404, { title: "no such fault", detail: url });
      case "ok":
        return success();
      case "reset-before-headers":
        return req.socket.destroy();
      case "reset-mid-body": {
        const text = JSON.stringify(successBody(method, rest));
        res.writeHead(200, { "content-type": "application/json", "content-length": String(text.length * 2) });
        res.write(text.slice(0, Math.floor(text.length / 2)));
        return later(20, () => req.socket.destroy());
      }
      case "stall-after-headers":
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"stalled":');
        return;
      case "hang":
        return;
      case "endless-fast": {
        res.writeHead(200, { "content-type": "application/json", "x-request-id": "endless-id" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        res.write("[");
        // Capped, so that a client that never stops reading cannot take the whole test run down with it.
        let left = ENDLESS_CAP;
        const pump = () => {
          while (!res.destroyed && left > 0) {
            left -= chunk.length;
            if (!res.write(chunk)) return;
          }
        };
        res.on("drain", pump);
        return pump();
      }
      case "endless-slow": {
        res.writeHead(200, { "content-type": "application/json", "x-request-id": "endless-id" });
        res.write("[");
        const timer = setInterval(() => {
          if (res.destroyed) {
            clearInterval(timer);
            timers.delete(timer);
          } else res.write(" ");
        }, 20);
        timers.add(timer);
        return;
      }
      case "429-seconds":
      case "503-seconds":
      case "503-malformed":
      case "429-malformed":
      case "503-date":
      case "429-date": {
        if (attempt > 1) return success();
        const status = fault.startsWith("429") ? 429 : 503;
        const value = fault.endsWith("date")
          ? new Date(Date.now() + Number(param ?? 1) * 1000).toUTCString()
          : (param ?? "1");
        return json(res, status, { title: "try later", status }, { "retry-after": value });
      }
      case "5xx-html": {
        const text = "<html><body><h1>Service Unavailable</h1></body></html>";
        res.writeHead(Number(param ?? 503), { "content-type": "text/html", "content-length": String(text.length) });
        return res.end(text);
      }
      case "truncated": {
        const text = JSON.stringify(successBody(method, rest));
        res.writeHead(200, { "content-type": "application/json", "content-length": String(text.length + 100) });
        res.write(text);
        // Ends the connection without the promised bytes.
        return later(10, () => req.socket.end());
      }
      case "empty-length-0":
        res.writeHead(200, { "content-type": "application/json", "content-length": "0" });
        return res.end();
      case "empty-chunked":
        res.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked" });
        return res.end();
      case "empty-204":
        res.writeHead(204);
        return res.end();
      case "non-json": {
        const text = "<html>not json</html>";
        res.writeHead(200, { "content-type": "application/json", "content-length": String(text.length) });
        return res.end(text);
      }
      case "wrong-content-type": {
        const text = JSON.stringify(successBody(method, rest));
        res.writeHead(200, { "content-type": "text/plain", "content-length": String(text.length) });
        return res.end(text);
      }
      case "oversized": {
        const size = Number(param ?? 1024 * 1024);
        res.writeHead(200, {
          "content-type": "application/json",
          "content-length": String(size),
          "x-request-id": "oversized-id",
        });
        // A valid JSON string of exactly `size` bytes: `"` + spaces + `"`.
        let left = size - 2;
        res.write('"');
        const pump = () => {
          while (left > 0 && !res.destroyed) {
            const n = Math.min(left, 64 * 1024);
            left -= n;
            if (!res.write(Buffer.alloc(n, 0x20))) return;
          }
          if (left === 0 && !res.destroyed) res.end('"');
        };
        res.on("drain", pump);
        return pump();
      }
      case "redirect-same":
        res.writeHead(307, { location: `/fault/ok${tag ? `/@${tag}` : ""}${rest}`, "content-length": "0" });
        return res.end();
      case "redirect-cross":
        res.writeHead(307, {
          location: `${options.crossOrigin?.url ?? ""}/fault/ok${tag ? `/@${tag}` : ""}${rest}`,
          "content-length": "0",
        });
        return res.end();
      case "echo-request": {
        const echoed = JSON.stringify({ headers: req.headers, body });
        return json(res, Number(param ?? 400), {
          title: echoed,
          detail: echoed,
          message: echoed,
          error: echoed,
          error_description: echoed,
          request: { headers: req.headers, body },
        });
      }
      case "ims-echo":
        return imsEcho(res, body, param ?? "error.form");
    }
  }

  function imsEcho(res: ServerResponse, body: string, param: string) {
    const [field = "error", spelling = "form", status = "400"] = param.split(".");
    const form = new URLSearchParams(body);
    const echoed =
      spelling === "decoded"
        ? [...form].map(([name, value]) => `${name}=${value}`).join("&")
        : spelling === "json"
          ? JSON.stringify(Object.fromEntries(form))
          : spelling === "percent"
            ? [...form].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&")
            : body;
    const fields =
      field === "all"
        ? ["error", "error_description", "message", "detail", "title", "access_token"]
        : field === "header"
          ? []
          : [field];
    const answer: Record<string, unknown> = { error: "invalid_client", error_description: "rejected" };
    for (const name of fields) answer[name] = echoed;
    const headers: Record<string, string> = {};
    // Header values must be latin1 without CR/LF: the form-encoded spelling always is.
    if (field === "header") headers["x-debug-form"] = body;
    json(res, Number(status), answer, headers);
  }

  const main = await listen(undefined);
  const extra = new Map<string, Promise<string>>();

  return {
    url: origin(main),
    base(fault, param, tag) {
      return `${origin(main)}/fault/${fault}${param === undefined ? "" : `/${encodeURIComponent(String(param))}`}${tag === undefined ? "" : `/@${tag}`}`;
    },
    originFor(fault, param, tag) {
      const key = `${fault}/${param}/${tag}`;
      let found = extra.get(key);
      if (!found) {
        found = listen({ fault, param: param === undefined ? undefined : String(param), tag, rest: "" }).then(origin);
        extra.set(key, found);
      }
      return found;
    },
    requests,
    requestsTagged: (tag) => requests.filter((request) => request.tag === tag),
    destroyTagged(tag) {
      for (const request of requests) if (request.tag === tag) sockets.get(request.socket)?.destroy();
    },
    isSocketOpen: (socket) => sockets.has(socket),
    openSockets: () => sockets.size,
    waitForClosed(ids, ms) {
      const done = () => ids.every((id) => !sockets.has(id));
      if (done()) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          resolve(false);
        }, ms);
        const wake = () => {
          if (!done()) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(true);
        };
        waiters.add(wake);
      });
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets.values()) socket.destroy();
      await Promise.all(
        servers.map((server) => {
          server.closeAllConnections();
          return new Promise<void>((resolve) => server.close(() => resolve()));
        }),
      );
    },
  };
}
