import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage["headers"];
  body: string;
  /** Resolves when the client went away before the response finished. */
  aborted: Promise<void>;
}

/** A loopback HTTP server whose handler is swapped per test, recording what reached it. */
export async function startServer() {
  let handler: (req: IncomingMessage, res: ServerResponse, seen: SeenRequest) => void = (_req, res) => res.end();
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const aborted = new Promise<void>((resolve) => res.on("close", () => !res.writableFinished && resolve()));
      const record: SeenRequest = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        aborted,
      };
      seen.push(record);
      handler(req, res, record);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    handle(next: typeof handler) {
      handler = next;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

/**
 * Two loopback servers (two origins) for the tests of one file, started before them, emptied of what they saw after
 * each and closed after all. Read `servers.origin` and `servers.other` inside tests.
 */
export function twoOrigins(hooks: {
  beforeAll: (fn: () => Promise<void>) => void;
  afterAll: (fn: () => Promise<unknown>) => void;
  afterEach: (fn: () => void) => void;
}) {
  const servers = {} as {
    origin: Awaited<ReturnType<typeof startServer>>;
    other: Awaited<ReturnType<typeof startServer>>;
  };
  hooks.beforeAll(async () => {
    [servers.origin, servers.other] = await Promise.all([startServer(), startServer()]);
  });
  hooks.afterAll(() => Promise.all([servers.origin.close(), servers.other.close()]));
  hooks.afterEach(() => {
    servers.origin.seen.length = 0;
    servers.other.seen.length = 0;
  });
  return servers;
}
