// `pnpm run docs` (bare `pnpm docs` is pnpm's own command): the API reference of every published package, into
// docs/api/ (not committed). Fails on any warning, and on an exported symbol without a doc comment.
import { OptionDefaults } from "typedoc";

const sourceLinkTemplate = "https://github.com/offerkit/offerkit/blob/main/{path}#L{line}";

// notExported stays off: reporting helper types that public ones mention would push them into the public API.
const validation = { notExported: false, invalidLink: true, notDocumented: true };
const requiredToBeDocumented = ["Enum", "Variable", "Function", "Class", "Interface", "TypeAlias", "Namespace"];

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  name: "offerkit",
  entryPointStrategy: "packages",
  // Each package's typedoc.json names its public entry points (the subpaths of its exports map).
  entryPoints: [
    "packages/core",
    "packages/delivery",
    "packages/ods",
    "packages/ode",
    "packages/xcore",
    "packages/dps",
    "packages/sdk",
    "packages/mock",
  ],
  packageOptions: {
    excludePrivate: true,
    excludeInternal: true,
    excludeExternals: true,
    readme: "README.md",
    disableGit: true,
    sourceLinkTemplate,
    // openapi-typescript writes these tags into the generated types.
    blockTags: [...OptionDefaults.blockTags, "@description", "@enum"],
    modifierTags: [...OptionDefaults.modifierTags, "@constant"],
    validation,
    requiredToBeDocumented,
  },
  out: "docs/api",
  // The guides link to files outside the reference; the index is the list of packages.
  readme: "none",
  disableGit: true,
  sourceLinkTemplate,
  treatWarningsAsErrors: true,
  treatValidationWarningsAsErrors: true,
  validation,
  requiredToBeDocumented,
};
