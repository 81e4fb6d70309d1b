/**
 * The decided parts of a Delivery answer: a page load and two entries for one mbox (execute and prefetch), with
 * analytics, trace and response tokens on some of them only, so collectors must skip the gaps.
 */
export const decided = {
  execute: {
    pageLoad: { options: [{ type: "html", content: "<b>", responseTokens: { "activity.id": "1" } }] },
    mboxes: [
      {
        index: 1,
        name: "hero",
        options: [{ type: "json", content: { headline: "Hi", size: 2 }, responseTokens: { "activity.id": "2" } }],
        analytics: { payload: { pe: "tnt", tnta: "a" } },
        trace: { clientCode: "acme" },
      },
    ],
  },
  prefetch: {
    mboxes: [
      {
        index: 2,
        name: "hero",
        state: "st",
        options: [{ type: "json", content: { size: 3, color: "red" }, responseTokens: {} }],
      },
    ],
  },
};
