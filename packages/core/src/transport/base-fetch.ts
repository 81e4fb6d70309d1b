// `#base-fetch` elsewhere (edge runtimes, Deno, Bun): global fetch, looked up on every call.
import type { SendHop } from "./redirect.js";

/**
 * The base fetch where no `node` condition applies (browsers, edge runtimes, Deno, Bun): the global `fetch`, looked
 * up on every call so that test doubles installed later still apply.
 */
export const baseFetch: SendHop = (url, init) => globalThis.fetch(url, init);

export { readBytes } from "./read-limit.js";
export { followRedirects } from "./redirect.js";
