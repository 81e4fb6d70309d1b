import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { contractOperation, loadSpec } from "./specs.js";

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface SchemaCheck {
  readonly valid: boolean;
  /** ajv's findings as `path: message` lines, for assertion messages. */
  readonly errors: readonly string[];
}

/**
 * Checks a response body against the schema the spec declares for that operation, status and media type: the
 * proof that what a client received really has the typed shape its generated types promise.
 */
export function responseSchemaChecker(spec: string) {
  const doc = loadSpec(spec);
  const id = `https://offerkit.invalid/specs/${spec}.yaml`;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ["int32", "int64"]) ajv.addFormat(format, { type: "number", validate: Number.isInteger });
  for (const format of ["float", "double"]) ajv.addFormat(format, { type: "number", validate: Number.isFinite });
  ajv.addSchema(doc, id);
  const compiled = new Map<string, ValidateFunction>();

  return function check(operationId: string, status: number, mediaType: string, body: unknown): SchemaCheck {
    const key = `${operationId} ${status} ${mediaType}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile({ $ref: `${id}#${schemaPointer(spec, operationId, status, mediaType)}` });
      compiled.set(key, validate);
    }
    const valid = validate(body);
    return {
      valid,
      errors: (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? e.keyword}`),
    };
  };
}

function schemaPointer(spec: string, operationId: string, status: number, mediaType: string): string {
  const { path, method } = contractOperation(spec, operationId);
  const operation = loadSpec(spec).paths?.[path]?.[method.toLowerCase()] as {
    responses?: Record<string, { $ref?: string }>;
  };
  const response = operation.responses?.[String(status)];
  if (!response) throw new Error(`${operationId} documents no ${status} response`);
  const base = response.$ref
    ? response.$ref.slice(1)
    : `/paths/${pointerSegment(path)}/${method.toLowerCase()}/responses/${status}`;
  return `${base}/content/${pointerSegment(mediaType)}/schema`;
}

function pointerSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}
