// A module resolve hook for compare.mjs: `@offerkit/*` imported from this checkout (the suites, the harness)
// resolves to the packages of the compared commit's worktree, as its own bench would import them. Imports made
// inside that worktree resolve as they always do, so its packages use each other.
import { pathToFileURL } from "node:url";

let worktree;
let parentInWorktree;

export function initialize({ root }) {
  worktree = pathToFileURL(`${root}/`).href;
  parentInWorktree = new URL("bench/package.json", worktree).href;
}

export function resolve(specifier, context, next) {
  if (specifier.startsWith("@offerkit/") && !context.parentURL?.startsWith(worktree)) {
    return next(specifier, { ...context, parentURL: parentInWorktree });
  }
  return next(specifier, context);
}
