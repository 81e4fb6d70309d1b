// `@offerkit/core/node`: the Node transport on its own, to pass as `fetch` with a dispatcher of your own (a proxy,
// a MockAgent) or to use outside offerkit. Clients already use it by default on Node.
export { createNodeFetch, type NodeFetchOptions } from "./transport/node-fetch.js";
export { CREDENTIAL_HEADERS } from "./transport/redirect.js";
