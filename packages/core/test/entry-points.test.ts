/**
 * The built package as users load it: each entry point is one module, and the code two entry points share sits in
 * a chunk that both import, so there is one copy of each class. An error thrown through one entry point is an
 * instance of the class another exports. Each script runs in a fresh Node process on dist/, resolving
 * `@offerkit/core` by the package's own name and conditions, as a dependent package does.
 */
import { describe, expect, it } from "vitest";
import { runOnBuiltPackage as run } from "./built-package.js";

describe("entry points of the built package", () => {
  it("share one copy of every error class", () => {
    const result = run(`
      const core = await import("@offerkit/core");
      const internal = await import("@offerkit/core/internal");
      const ims = await import("@offerkit/core/ims");
      const thrown = async (call) => { try { await call(); } catch (error) { return error; } };
      const aborted = AbortSignal.abort();
      const fromInternal = await thrown(() => internal.paginate(undefined));
      const abortedPoll = await thrown(() => internal.poll({
        check: async () => 1, acceptor: () => "retry", signal: aborted,
        defaults: { minDelay: 1, maxDelay: 1, maxWaitTime: 1000 },
      }));
      const fromIms = await thrown(() => ims.createImsTokenProvider({}));
      console.log(JSON.stringify({
        internalValidation: fromInternal instanceof core.ValidationError && fromInternal instanceof core.OfferkitError,
        internalAbort: abortedPoll instanceof core.AbortError && abortedPoll instanceof core.OfferkitError,
        imsValidation: fromIms instanceof core.ValidationError,
        imsErrorClass: ims.ImsAuthError === core.ImsAuthError,
      }));
    `);
    expect(result).toEqual({ internalValidation: true, internalAbort: true, imsValidation: true, imsErrorClass: true });
  });

  it("export the same object wherever two of them export one name", () => {
    const result = run(`
      const entries = ["@offerkit/core", "@offerkit/core/internal", "@offerkit/core/ims", "@offerkit/core/node"];
      const seen = new Map();
      const differ = [];
      let shared = 0;
      for (const entry of entries) {
        for (const [name, value] of Object.entries(await import(entry))) {
          if (!seen.has(name)) seen.set(name, value);
          else if (seen.get(name) !== value) differ.push(name);
          else shared++;
        }
      }
      console.log(JSON.stringify({ differ, shared: shared > 0 }));
    `);
    expect(result).toEqual({ differ: [], shared: true });
  });
});
