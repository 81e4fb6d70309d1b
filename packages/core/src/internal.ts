// Helpers for offerkit's own packages (the facade builds its paginators and waiters on them). They are not part of
// the public API and may change in any release; what users need of them is re-exported by `@offerkit/sdk`.
export { type PaginateOptions, paginate } from "./paging/paginate.js";
export { type PollOptions, type PollOutcome, poll } from "./paging/poll.js";
