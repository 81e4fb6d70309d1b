/**
 * The Node transport (core's `#base-fetch` under the `node` condition, and `@offerkit/core/node`) loads undici and
 * Node's stream and zlib modules on its first request: a process that only imports a client never loads them. A fresh
 * Node process on the built package, which resolves `@offerkit/core` by the package's own name and conditions.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { runOnBuiltPackage as run } from "./built-package.js";

describe("the Node transport", () => {
  it("loads undici, node:stream and node:zlib on its first request, not when a client imports core", () => {
    const gzipped = gzipSync("decoded").toString("base64");
    const result = run(`
      import { createRequire } from "node:module";
      const require = createRequire(import.meta.url);
      const loaded = () => ({
        undici: Object.keys(require.cache).some((file) => /[\\\\/]undici[\\\\/]/.test(file)),
        stream: process.moduleLoadList.includes("NativeModule stream"),
        zlib: process.moduleLoadList.includes("NativeModule zlib"),
      });
      // What a client loads on Node: the root entry, whose #base-fetch is the Node transport, and the transport's own entry.
      await import("@offerkit/core");
      const { createNodeFetch } = await import("@offerkit/core/node");
      const atImport = loaded();
      const { createServer } = await import("node:http"); // loads node:stream, but not node:zlib
      const server = createServer((request, response) => {
        response.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
        response.end(Buffer.from("${gzipped}", "base64"));
      });
      await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
      const fetch = createNodeFetch();
      const first = await (await fetch("http://127.0.0.1:" + server.address().port + "/")).text();
      const second = await (await fetch("http://127.0.0.1:" + server.address().port + "/")).text();
      server.close();
      console.log(JSON.stringify({ atImport, afterRequests: loaded(), bodies: [first, second] }));
    `);
    expect(result).toEqual({
      atImport: { undici: false, stream: false, zlib: false },
      afterRequests: { undici: true, stream: true, zlib: true },
      bodies: ["decoded", "decoded"],
    });
  });
});
