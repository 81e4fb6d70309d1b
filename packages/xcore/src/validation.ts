// `@offerkit/xcore/validation`: every rule of specs/xcore.yaml, for `createXcoreClient({ validation })`.
// Kept out of the main entry so that browser bundles which leave the body to the server stay small.
import { createRequestValidation, type RequestValidation, validate, validateOperation } from "@offerkit/core/internal";
import {
  COLLECTION_QUALIFIER_SCHEMA,
  COLLECTION_SCHEMA,
  DECISION_RULE_SCHEMA,
  DECISION_SCHEMA,
  FALLBACK_OFFER_SCHEMA,
  PERSONALIZED_OFFER_SCHEMA,
  PLACEMENT_SCHEMA,
  type XcoreOperationId,
} from "./client.js";
import { operations, schemas } from "./generated/request-rules.js";
import type { SchemaId } from "./types.js";

/** The spec's component schema of each type: what a created or replaced instance is checked against. */
const INSTANCE_SCHEMAS: Readonly<Record<SchemaId, string>> = {
  [PERSONALIZED_OFFER_SCHEMA]: "PersonalizedOffer",
  [FALLBACK_OFFER_SCHEMA]: "FallbackOffer",
  [PLACEMENT_SCHEMA]: "Placement",
  [DECISION_SCHEMA]: "Decision",
  [COLLECTION_SCHEMA]: "Collection",
  [COLLECTION_QUALIFIER_SCHEMA]: "CollectionQualifier",
  [DECISION_RULE_SCHEMA]: "DecisionRule",
};

const everyRule = createRequestValidation(schemas, operations);

/**
 * Checks every request against every rule of the spec before it is sent. A created or replaced instance is checked
 * against the schema of its own type, named by the call's Content-Type (the spec declares one write schema for all
 * seven types, because Prism reads only the first of several), and reported from `instance`.
 */
export const validation: RequestValidation<XcoreOperationId> = (operationId, input) => {
  if (operationId !== "createInstance" && operationId !== "replaceInstance") return everyRule(operationId, input);
  const { body: _, ...rules } = operations[operationId];
  validateOperation(schemas, rules, input);
  const contentType = Object.entries(input.header ?? {}).find(([name]) => name.toLowerCase() === "content-type")?.[1];
  const schema = /schema="([^"]*)"/.exec(String(contentType))?.[1] as SchemaId | undefined;
  const component = schema === undefined ? undefined : INSTANCE_SCHEMAS[schema];
  if (component === undefined) return everyRule(operationId, input);
  const hal = String(contentType).startsWith("application/vnd.adobe.platform.xcore.hal+json");
  const body = input.body as { _instance?: unknown } | undefined;
  validate(schemas, { $ref: component }, hal ? body?._instance : body, "instance");
};
