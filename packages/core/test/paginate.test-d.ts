import { expectTypeOf, test } from "vitest";
import type { Paginator } from "../src/index.js";
import { type PollOutcome, paginate, poll } from "../src/internal.js";

interface Page {
  readonly results: readonly { readonly id: string }[];
  readonly next?: string;
}

const pages = paginate({
  fetchPage: async (): Promise<Page> => ({ results: [] }),
  nextCursor: (page) => page.next,
  itemsOf: (page) => page.results,
});

test("paginate infers the page and item types", () => {
  expectTypeOf(pages).toEqualTypeOf<Paginator<Page, { readonly id: string }>>();
  expectTypeOf(pages.items()).toEqualTypeOf<AsyncGenerator<{ readonly id: string }, void, undefined>>();
  expectTypeOf(pages.toArray({ limit: 10 })).resolves.toEqualTypeOf<{ readonly id: string }[]>();
});

test("toArray needs a limit", () => {
  // @ts-expect-error no limit: a large list would be read into memory by accident
  void pages.toArray();
  // @ts-expect-error no limit
  void pages.toArray({});
  // @ts-expect-error the limit is a number
  void pages.toArray({ limit: "10" });
});

test("poll resolves with what the check returns", () => {
  const outcome = poll({
    check: async () => ({ status: "DONE" as "DONE" | "RUNNING" }),
    acceptor: (result) => (result.status === "DONE" ? "success" : "retry"),
    defaults: { minDelay: 1, maxDelay: 2, maxWaitTime: 3 },
  });
  expectTypeOf(outcome).resolves.toEqualTypeOf<PollOutcome<{ status: "DONE" | "RUNNING" }>>();
  // @ts-expect-error an acceptor answers success, failure or retry
  void poll({ check: async () => 1, acceptor: () => "done", defaults: { minDelay: 1, maxDelay: 2, maxWaitTime: 3 } });
});
