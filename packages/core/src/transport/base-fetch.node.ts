// `#base-fetch` on Node: the Node transport (undici, keep-alive).
import { createNodeSend, READ_BYTES } from "./node-fetch.js";
import { type ReadScope, readBytes as readStream } from "./read-limit.js";

/** The base fetch on Node (the `node` condition of `#base-fetch`): undici with a keep-alive pool. */
// Pure: it only makes a closure (undici is loaded, and the agent made, on the first request).
export const baseFetch = /* @__PURE__ */ createNodeSend();

export { followRedirects } from "./redirect.js";

/** The whole body, at most `limit` bytes: straight from the Node stream for the Node transport's Responses, else from the web stream. */
export function readBytes(response: Response, limit: number, call: ReadScope): Promise<Uint8Array> {
  const direct = (response as { [READ_BYTES]?: (limit: number) => Promise<Uint8Array> })[READ_BYTES];
  return direct && !response.bodyUsed ? direct(limit) : readStream(response, limit, call);
}
