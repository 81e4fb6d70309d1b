// Loaded with `--import` by compare.mjs for the older side: installs lib/compare-hooks.mjs in this process (and, as
// NODE_OPTIONS carries it, in every child process a suite starts).
import { register } from "node:module";

register("./compare-hooks.mjs", import.meta.url, { data: { root: process.env.OFFERKIT_COMPARE_ROOT } });
