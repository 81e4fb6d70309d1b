// One Prism mock server in this process, for one OpenAPI file.

import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { Socket } from "node:net";
import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";
import { basePathOf, mockSpecPath } from "./specs.js";

/** A running Prism server. */
export interface PrismServer {
  /**
   * Origin of the server, e.g. `http://127.0.0.1:40123`. Each operation is served at its server's base path and its
   * own path, as the real API's URLs are: `/data/core/dps/offer-items` for a spec whose server is
   * `https://platform.adobe.io/data/core/dps` and whose path is `/offer-items`.
   */
  readonly url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Options of {@link startPrism}. */
export interface PrismOptions {
  /** A served spec's name (`delivery`) or the path of an OpenAPI YAML file. */
  readonly spec: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Answer browsers' CORS preflights and add CORS headers, for pages served from another origin. Default false. */
  readonly cors?: boolean;
}

/**
 * Prism serving one spec in this process: requests are validated against the spec (violations come back as
 * 400/422 with an `sl-violations` header listing them), answers are the spec's examples, and
 * `Prefer: code=NNN` / `Prefer: example=name` pick one (see the package README for a way that always works).
 * Set `PRISM_LOG=info` to see Prism's log.
 */
export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  const file = options.spec.endsWith(".yaml") ? options.spec : mockSpecPath(options.spec);
  // Prism matches request paths against the spec's paths and ignores the servers' base paths, so a spec whose
  // paths are relative to a server path would be served without it: give each operation its full path instead.
  const operations = (await getHttpOperationsFromSpec(file)).map((operation) => {
    const base = basePathOf(operation.servers?.[0]?.url);
    return base ? { ...operation, path: `${base}${operation.path}` } : operation;
  });
  const server = createServer(operations, {
    cors: options.cors ?? false,
    components: { logger: createLogger("PRISM", { level: process.env.PRISM_LOG ?? "silent" }) },
    config: {
      mock: { dynamic: false },
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
    },
  });
  const url = await server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  // Prism's close only stops listening and then waits for every connection to end, and a connection that never
  // sends a request (a browser's preconnect, a held keep-alive) may never end: it would keep the port and the
  // process. Its server is not exposed, so its connections are told apart by their local port.
  const port = Number(new URL(url).port);
  const connections = new Set<Socket>();
  const track = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    if (socket.localPort !== port) return;
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  };
  subscribe("net.server.socket", track);
  return {
    url,
    close() {
      unsubscribe("net.server.socket", track);
      const closed = server.close();
      for (const socket of connections) socket.destroy();
      return closed;
    },
  };
}
