export {
  type ArtifactUrlOptions,
  artifactUrl,
  DEFAULT_GLOBAL_MBOX,
  decodeArtifactBin,
  parseArtifact,
} from "./artifact.js";
export { decide, geoFromLookup, needsGeoLookup, needsServer } from "./decide.js";
export { ArtifactError, type ArtifactErrorReason } from "./errors.js";
export { allocation, murmur3Utf16 } from "./hash.js";
export type * from "./types.js";
export { parseDomainDefault } from "./url.js";
export { VERSION } from "./version.js";
