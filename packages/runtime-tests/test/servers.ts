// Helpers of the browser and edge tests: bundling an entry with esbuild, and local servers on 127.0.0.1.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build } from "esbuild";

/** One entry of `runtime/` bundled with its dependencies; fails on anything it cannot resolve (a Node built-in, say). */
export async function bundle(entry: string, options: BuildOptions): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../runtime/${entry}`, import.meta.url))],
    bundle: true,
    write: false,
    target: "es2022",
    logLevel: "silent",
    ...options,
  });
  const file = result.outputFiles?.[0];
  if (!file) throw new Error(`esbuild wrote nothing for ${entry}`);
  return file.text;
}

export interface LocalServer {
  readonly url: string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<LocalServer> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers CORS preflights, takes every other request in and never answers it: what a hung upstream looks like. */
export function startSilentServer(): Promise<LocalServer> {
  return listen(
    createServer((req, res) => {
      if (req.method !== "OPTIONS") return;
      res.writeHead(204, {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "POST",
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
      });
      res.end();
    }),
  );
}

/** Serves fixed files by path. */
export function startStaticServer(
  files: Readonly<Record<string, { type: string; body: string }>>,
): Promise<LocalServer> {
  return listen(
    createServer((req, res) => {
      const file = files[new URL(req.url ?? "/", "http://localhost").pathname];
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": file.type }).end(file.body);
    }),
  );
}
