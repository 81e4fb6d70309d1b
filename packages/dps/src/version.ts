/** This package's version; kept in step with package.json by scripts/sync-versions.mjs. */
export const VERSION = "0.0.0";
