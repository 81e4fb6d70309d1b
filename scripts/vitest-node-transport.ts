// Setup file of the "node" vitest project (see vitest-transports.ts): the global fetch becomes offerkit's Node
// transport for the test process, so that fetches the tests wrap (recordingFetch, fake IMS calls) go through it.
import { createNodeFetch } from "../packages/core/dist/node.js";

globalThis.fetch = createNodeFetch() as typeof globalThis.fetch;
