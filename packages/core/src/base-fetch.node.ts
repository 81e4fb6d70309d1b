import { createNodeSend } from "./node-fetch.js";

/** The base fetch on Node (the `node` condition of `#base-fetch`): undici with a keep-alive pool. */
export const baseFetch = createNodeSend();

export { followRedirects } from "./redirect.js";
