// The Node transport: fetch's contract over `undici.request`, which skips the WHATWG stream and Request machinery
// that makes global `fetch` cost about 0.3 ms per call on Node. Only the `node` condition of core's package.json
// reaches this file, so browser and edge bundles never contain it (the size check in scripts/ proves it).
import type { Readable } from "node:stream";
import type { Dispatcher } from "undici";
import { BodyOverLimit, isOverLimit } from "./read-limit.js";
import { followRedirects, type HopInit, type SendHop } from "./redirect.js";

/** Options of the Node transport: the undici dispatcher, keep-alive time and sockets per origin. */
export interface NodeFetchOptions {
  /**
   * The undici dispatcher to send through (an `Agent`, a `ProxyAgent`, a `MockAgent`). Default: one keep-alive
   * `Agent` per fetch function, created on first use.
   */
  readonly dispatcher?: Dispatcher | undefined;
  /** Milliseconds an idle keep-alive socket stays open. Default 4000. */
  readonly keepAliveTimeout?: number | undefined;
  /** Most sockets per origin; default: no limit. */
  readonly connections?: number | undefined;
}

/**
 * Set on the Responses this transport makes: `(limit) => bytes` reads the whole (decoded) body from the Node stream
 * directly, which is faster than through a web `ReadableStream`. Rejects with `BodyOverLimit` (the stream destroyed)
 * past `limit` decoded bytes, or with an error whose `partial` holds what arrived. The request's signal, given to
 * undici itself, destroys the stream when the call ends early.
 */
export const READ_BYTES: unique symbol = Symbol.for("offerkit.readBytes") as never;

/**
 * A fetch-compatible function for Node over `undici.request` with a keep-alive pool: fetch's redirect rules (plus
 * dropping every Adobe credential header on a cross-origin redirect), `AbortSignal` (the socket is destroyed), gzip,
 * deflate and brotli responses decoded, response bodies streamed. Request bodies are sent from a buffer, with a
 * `content-length`.
 */
export function createNodeFetch(
  options: NodeFetchOptions = {},
): (input: Request | string | URL, init?: RequestInit) => Promise<Response> {
  const follow = followRedirects(createNodeSend(options));
  return (input, init) => follow(input instanceof Request ? input : new Request(input, init), init);
}

// undici is loaded on the first request, not on import: it is most of the cost of starting a process that imports
// a client (as Node's own fetch also loads its copy lazily). So are Node's stream and zlib modules, which decode
// bodies: about 20 internal modules that a bare `node` never loads.
interface Loaded {
  readonly undici: typeof import("undici");
  readonly pipeline: typeof import("node:stream").pipeline;
  readonly zlib: typeof import("node:zlib");
}
let loaded: Loaded | undefined;

async function load(): Promise<Loaded> {
  const [undici, stream, zlib] = await Promise.all([import("undici"), import("node:stream"), import("node:zlib")]);
  return { undici, pipeline: stream.pipeline, zlib };
}

/** One hop over undici, redirects returned as they are. */
export function createNodeSend(options: NodeFetchOptions = {}): SendHop {
  let dispatcher = options.dispatcher;
  return async (url, init) => {
    loaded ??= await load();
    const { undici } = loaded;
    dispatcher ??= new undici.Agent({
      keepAliveTimeout: options.keepAliveTimeout ?? 4_000,
      connections: options.connections ?? null,
    });
    const method = init.method.toUpperCase();
    const answer = await undici.request(url, {
      method: method as Dispatcher.HttpMethod,
      headers: headerRecord(init),
      body: init.body,
      signal: init.signal,
      dispatcher,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else if (value !== undefined) headers.append(name, value);
    }
    const status = answer.statusCode;
    if (method === "HEAD" || status === 204 || status === 205 || status === 304) {
      answer.body.dump().catch(() => {});
      return withUrl(new Response(null, { status, statusText: answer.statusText, headers }), url);
    }
    const body = decoded(loaded, answer.body, headers.get("content-encoding"));
    const response = withUrl(new Response(lazyStream(body), { status, statusText: answer.statusText, headers }), url);
    Object.defineProperty(response, READ_BYTES, { value: (limit: number) => readAll(body, limit) });
    return response;
  };
}

function headerRecord(init: HopInit): Record<string, string> {
  const record: Record<string, string> = {};
  init.headers.forEach((value, name) => {
    record[name] = value;
  });
  // What global fetch asks for, so servers compress the same way for both transports.
  record["accept-encoding"] ??= "gzip, deflate, br";
  return record;
}

function withUrl(response: Response, url: string): Response {
  return Object.defineProperty(response, "url", { value: url });
}

/** The body with its content codings undone, last applied first; an unknown coding leaves it as sent, as fetch does. */
function decoded({ pipeline, zlib }: Loaded, body: Readable, contentEncoding: string | null): Readable {
  if (!contentEncoding) return body;
  const { constants, createBrotliDecompress, createGunzip, createInflate } = zlib;
  // Like fetch: a truncated compressed body yields what was decoded instead of failing outright.
  const ZLIB = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
  const BROTLI = { flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH };
  const decoders: NodeJS.ReadWriteStream[] = [];
  for (const coding of contentEncoding.toLowerCase().split(",").reverse()) {
    const name = coding.trim();
    if (name === "gzip" || name === "x-gzip") decoders.push(createGunzip(ZLIB));
    else if (name === "deflate") decoders.push(createInflate(ZLIB));
    else if (name === "br") decoders.push(createBrotliDecompress(BROTLI));
    else if (name !== "identity" && name !== "") return body;
  }
  if (decoders.length === 0) return body;
  // pipeline destroys every stage when one fails, and the error surfaces on the last stage that we read.
  return (pipeline as (...streams: unknown[]) => Readable)(body, ...decoders, () => {});
}

/** A web stream that pulls from `body` only when read, so the direct `READ_BYTES` path can have it instead. */
function lazyStream(body: Readable): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Buffer> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        chunks ??= body[Symbol.asyncIterator]();
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
      cancel() {
        // Destroying an unfinished undici body emits an abort error: expected here, so it is swallowed.
        body.on("error", () => {});
        body.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

async function readAll(body: Readable, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of body) {
      length += (chunk as Buffer).byteLength;
      if (length > limit) {
        body.on("error", () => {});
        body.destroy();
        throw new BodyOverLimit();
      }
      chunks.push(chunk as Buffer);
    }
  } catch (cause) {
    if (isOverLimit(cause)) throw cause;
    throw Object.assign(new Error("body read failed", { cause }), { partial: new Uint8Array(Buffer.concat(chunks)) });
  }
  const whole = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length);
  return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
}
