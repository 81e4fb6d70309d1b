import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTransport, TimeoutError } from "../src/index.js";
import { createNodeFetch } from "../src/node.js";
import { startServer } from "./http-server.js";

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.seen.length = 0;
});

const nodeFetch = createNodeFetch();
const body = JSON.stringify({ offers: Array.from({ length: 50 }, (_, i) => ({ id: `offer-${i}`, score: i })) });

describe("the Node transport", () => {
  it("sends the method, URL, headers and body, with a content-length", async () => {
    server.handle((_req, res) => res.writeHead(201, "Made", { "x-request-id": "r-9" }).end("done"));
    const response = await nodeFetch(`${server.url}/items?q=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": "client-id" },
      body: '{"a":1}',
    });
    expect(server.seen[0]).toMatchObject({ method: "POST", url: "/items?q=1", body: '{"a":1}' });
    expect(server.seen[0]?.headers).toMatchObject({
      "content-type": "application/json",
      "content-length": "7",
      "x-api-key": "client-id",
      "accept-encoding": "gzip, deflate, br",
    });
    expect(response.status).toBe(201);
    expect(response.statusText).toBe("Made");
    expect(response.headers.get("x-request-id")).toBe("r-9");
    expect(response.url).toBe(`${server.url}/items?q=1`);
    expect(await response.text()).toBe("done");
  });

  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["br", brotliCompressSync],
  ] as const)("decodes a %s body", async (coding, compress) => {
    server.handle((_req, res) => res.writeHead(200, { "content-encoding": coding }).end(compress(body)));
    expect(await (await nodeFetch(`${server.url}/z`)).text()).toBe(body);
    // The transport's direct body read decodes too.
    expect(await (await createTransport({ fetch: nodeFetch })(new Request(`${server.url}/z`))).text()).toBe(body);
  });

  it("streams the response body: the first chunk is readable before the server finishes", async () => {
    let finish: () => void = () => {};
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first;");
      finish = () => res.end("second");
    });
    const response = await nodeFetch(`${server.url}/stream`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("first;");
    finish();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(rest).toBe("second");
  });

  it("keeps a socket alive between calls", async () => {
    const ports: number[] = [];
    server.handle((req, res) => {
      ports.push(req.socket.remotePort ?? 0);
      res.end("ok");
    });
    const pooled = createNodeFetch({ connections: 1 });
    for (let i = 0; i < 3; i++) await (await pooled(`${server.url}/k`)).text();
    expect(new Set(ports).size).toBe(1);
  });

  it("answers HEAD, 204 and 304 without a body", async () => {
    server.handle((req, res) => res.writeHead(req.url === "/none" ? 204 : 200).end());
    expect((await nodeFetch(`${server.url}/none`)).body).toBeNull();
    expect((await nodeFetch(`${server.url}/head`, { method: "HEAD" })).body).toBeNull();
  });

  it("keeps every Set-Cookie header", async () => {
    server.handle((_req, res) => res.writeHead(200, { "set-cookie": ["a=1", "b=2"] }).end());
    expect((await nodeFetch(`${server.url}/c`)).headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });
});

describe("abort and timeouts release the socket", () => {
  let silent: Server;
  let silentUrl: string;
  let requests = 0;
  const open = new Set<Socket>();
  beforeAll(async () => {
    // Accepts requests and never answers.
    silent = createServer(() => {
      requests++;
    });
    silent.on("connection", (socket: Socket) => {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
    });
    silent.listen(0, "127.0.0.1");
    await once(silent, "listening");
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    silent.closeAllConnections();
    silent.close();
  });

  it("rejects on the caller's signal and closes the connection", async () => {
    const controller = new AbortController();
    const before = requests;
    const pending = nodeFetch(`${silentUrl}/never`, { signal: controller.signal });
    await expect.poll(() => requests).toBe(before + 1);
    expect(open.size).toBe(1);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow();
    await expect.poll(() => open.size).toBe(0);
  });

  it("times out through the transport with a TimeoutError and closes the connection", async () => {
    const call = createTransport({ fetch: nodeFetch, timeout: 200, retry: false })(new Request(`${silentUrl}/never`));
    await expect(call).rejects.toBeInstanceOf(TimeoutError);
    await expect.poll(() => open.size).toBe(0);
  });
});
