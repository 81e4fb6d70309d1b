import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One call as the local server saw it, with the origin the client meant to reach. */
export interface ReceivedCall {
  /** The origin the client addressed, e.g. `https://mboxedge28.tt.omtrdc.net`. */
  readonly origin: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: Record<string, unknown>;
}

const ORIGIN_HEADER = "x-test-original-origin";

/**
 * A Delivery API stand-in on 127.0.0.1 answering every call with `answer` (set it before each step), plus a fetch
 * for each kind of client that sends whatever host the client chose to this server instead, noting that host.
 * Nothing leaves the machine: the fetches refuse any origin they were not built to redirect.
 */
export async function startEdgeServer() {
  const calls: ReceivedCall[] = [];
  let answer: unknown = {};
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      calls.push({
        origin: String(request.headers[ORIGIN_HEADER]),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"),
      });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(answer));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const redirect = (url: string): { target: string; origin: string } => {
    const parsed = new URL(url);
    if (!/^(?:[a-z0-9-]+\.tt\.omtrdc\.net|127\.0\.0\.1(?::\d+)?)$/.test(parsed.host)) {
      throw new Error(`test fetch refused ${parsed.origin}: only Target hosts are redirected to the local server`);
    }
    return { target: `${local}${parsed.pathname}${parsed.search}`, origin: parsed.origin };
  };

  const send = (url: string, init: RequestInit = {}): Promise<Response> => {
    const { target, origin } = redirect(url);
    const headers = new Headers(init.headers);
    headers.set(ORIGIN_HEADER, origin);
    return fetch(target, { ...init, headers });
  };
  return {
    calls,
    url: local,
    set answer(body: unknown) {
      answer = body;
    },
    /** For offerkit (`fetch`) and Adobe's SDK (`fetchApi`): both call it as `fetch(url, init)`. */
    fetch: send,
    fetchApi: send,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type EdgeServer = Awaited<ReturnType<typeof startEdgeServer>>;
