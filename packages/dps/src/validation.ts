// `@offerkit/dps/validation`: every rule of specs/dps.yaml, for `createDpsClient({ validation })`.
// Kept out of the main entry so that browser bundles which leave the body to the server stay small.
import { createRequestValidation } from "@offerkit/core/internal";
import { operations, schemas } from "./generated/request-rules.js";

/** Checks every request against every rule of the spec before it is sent. */
export const validation = createRequestValidation(schemas, operations);
