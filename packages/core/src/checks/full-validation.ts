// The opt-in full validation (each client's `/validation` export): every rule of the spec, for every input.
import { ValidationError } from "../errors/errors.js";
import {
  bounds,
  enumFailure,
  type Failure,
  lengthFailure,
  matching,
  noneOf,
  type OperationInput,
  type RequestValidation,
} from "./default-checks.js";

/**
 * The subset of JSON Schema 2020-12 (OpenAPI 3.1) that our specs use to constrain requests, as emitted by
 * `scripts/generate-validator.mjs`. `$ref` is a name in the `SchemaTable` (or a `#/components/schemas/` pointer).
 */
export interface CompactSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, CompactSchema>>;
  readonly additionalProperties?: boolean | CompactSchema;
  readonly propertyNames?: CompactSchema;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly items?: CompactSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly allOf?: readonly CompactSchema[];
  readonly anyOf?: readonly CompactSchema[];
  readonly oneOf?: readonly CompactSchema[];
  readonly not?: CompactSchema;
}

/** Compact schemas by name, as the generated request rules list them. */
export type SchemaTable = Readonly<Record<string, CompactSchema>>;

/** The check of one path, query or header parameter: whether it is required, and its schema. */
export interface ParameterRule {
  readonly schema: CompactSchema;
  readonly required?: boolean;
}

/** What one operation accepts, keyed by parameter name; generated per spec. */
export interface OperationRules {
  readonly body?: ParameterRule;
  readonly path?: Readonly<Record<string, ParameterRule>>;
  readonly query?: Readonly<Record<string, ParameterRule>>;
  readonly header?: Readonly<Record<string, ParameterRule>>;
}

const child = (path: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

// JSON has no NaN or Infinity, so "number" means finite.
const fits = (type: string, kind: string, v: unknown): boolean =>
  type === "integer" ? Number.isInteger(v) : type === kind && (kind !== "number" || Number.isFinite(v));

const kindOf = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

const article = (type: string): string => (type === "null" ? type : `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`);

// Compiled on first use and kept: a body is checked against a fixed table, often on every call.
const patterns = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  const re = new RegExp(pattern, "u");
  patterns.set(pattern, re);
  return re;
}

/**
 * One `type`, `enum`, and the string and number bounds: all that a parameter's schema (or an item's) may use, which
 * the generator makes sure of. The full check adds type lists, `const` and exclusive bounds.
 */
function scalarFailure(s: CompactSchema, v: unknown, path: string): Failure {
  const allowed =
    (typeof s.type === "string" && !fits(s.type, kindOf(v), v) ? article(s.type) : undefined) ??
    (s.enum && enumFailure(s.enum, v)) ??
    (typeof v === "string"
      ? (lengthFailure(v, s.minLength, s.maxLength) ??
        (s.pattern === undefined || (patterns.get(s.pattern) ?? compile(s.pattern)).test(v)
          ? undefined
          : matching(s.pattern)))
      : typeof v === "number"
        ? bounds(v, s.minimum, s.maximum)
        : undefined);
  return allowed ? [path, allowed] : undefined;
}

/**
 * Throws a `ValidationError` naming `field` when `value` breaks a parameter schema: the full check with no table to
 * refer to (the checks of the default bundle are composed by the generator instead, see `request-check.ts`).
 */
export function checkValue(schema: CompactSchema, value: unknown, field: string): void {
  validate({}, schema, value, field);
}

/**
 * Calls `check` for every parameter of `rules` that was given or is required, as `path.id`, `query.sessionId`,
 * `header.x-api-key`. Header names match whatever their case, as in HTTP; `undefined` counts as absent.
 */
function eachParameter(
  rules: OperationRules,
  input: OperationInput,
  check: (schema: CompactSchema, value: unknown, field: string) => void,
): void {
  for (const where of ["path", "query", "header"] as const) {
    const given = input[where] ?? {};
    for (const [name, rule] of Object.entries(rules[where] ?? {})) {
      const key = where === "header" ? Object.keys(given).find((k) => k.toLowerCase() === name.toLowerCase()) : name;
      const value = key === undefined ? undefined : given[key];
      if (value !== undefined || rule.required) check(rule.schema, value, `${where}.${name}`);
    }
  }
}

/** Throws a `ValidationError` for the first violation, naming the field by its path from `field`. */
export function validate(table: SchemaTable, schema: CompactSchema, value: unknown, field: string): void {
  const failure = check(table, schema, value, field);
  if (failure) throw new ValidationError(failure[0], failure[1]);
}

/**
 * Checks the parameters (`path.id`, `query.sessionId`, `header.x-api-key`), then the body (`body`), of one call
 * against every rule of the spec. Header names match whatever their case, as in HTTP. `undefined` counts as absent.
 */
export function validateOperation(table: SchemaTable, rules: OperationRules, input: OperationInput): void {
  eachParameter(rules, input, (schema, value, field) => validate(table, schema, value, field));
  if (rules.body && (input.body !== undefined || rules.body.required))
    validate(table, rules.body.schema, input.body, "body");
}

/**
 * The opt-in full check behind each client's `/validation` export: every rule of the spec, for every operation of
 * the generated table (`schemas` and `operations` from `src/generated/request-rules.ts`).
 */
export function createRequestValidation<OperationId extends string>(
  table: SchemaTable,
  operations: Readonly<Record<OperationId, OperationRules>>,
): RequestValidation<OperationId> {
  return (operationId, input) => {
    const rules = operations[operationId];
    if (rules) validateOperation(table, rules, input);
  };
}

function check(table: SchemaTable, s: CompactSchema, v: unknown, path: string): Failure {
  // JSON drops `undefined`, so it can never satisfy a schema: it is a missing value.
  if (v === undefined) return [path, "present"];
  if (s.$ref !== undefined) {
    // The generator only emits names it found in the spec, so a lookup cannot miss in generated tables.
    const failure = check(table, table[s.$ref.slice(s.$ref.lastIndexOf("/") + 1)] as CompactSchema, v, path);
    if (failure) return failure;
  }
  const scalar = valueFailure(s, v, path);
  if (scalar) return scalar;
  let allowed: string | undefined;
  if (Array.isArray(v)) {
    // Identity comparison: cheap, never refuses a valid array, but misses equal objects.
    allowed =
      bounds(v.length, s.minItems, s.maxItems, " item", " items") ??
      (s.uniqueItems && new Set(v).size < v.length ? "unique items" : undefined);
    for (let i = 0; !allowed && s.items && i < v.length; i++) {
      const failure = check(table, s.items, v[i], `${path}[${i}]`);
      if (failure) return failure;
    }
  } else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    for (const key of s.required ?? []) if (o[key] === undefined) return [child(path, key), "present"];
    // Counted and walked without building a filtered copy: this loop is the hot path for large bodies.
    const keys = Object.keys(o);
    let size = 0;
    for (const key of keys) if (o[key] !== undefined) size++;
    allowed = bounds(size, s.minProperties, s.maxProperties, " entry", " entries");
    for (const key of allowed ? [] : keys) {
      if (o[key] === undefined) continue;
      const at = child(path, key);
      const bad = s.propertyNames && check(table, s.propertyNames, key, at);
      if (bad) return [at, `a key that is ${bad[1]}`];
      // `hasOwn`, not `in`: a key such as "constructor" must not find Object.prototype members.
      const sub = s.properties && Object.hasOwn(s.properties, key) ? s.properties[key] : s.additionalProperties;
      if (sub === false) return [at, "absent (unknown property)"];
      const failure = sub && sub !== true && check(table, sub, o[key], at);
      if (failure) return failure;
    }
  }
  if (allowed) return [path, allowed];
  for (const branch of s.allOf ?? []) {
    const failure = check(table, branch, v, path);
    if (failure) return failure;
  }
  if (s.not && !check(table, s.not, v, path)) return [path, excluded(s.not)];
  return (s.anyOf && some(table, s.anyOf, v, path)) || (s.oneOf && some(table, s.oneOf, v, path));
}

/** Everything that does not look inside a value: the parameter checks, plus type lists, `const` and exclusive bounds. */
function valueFailure(s: CompactSchema, v: unknown, path: string): Failure {
  const types = s.type;
  if (types !== undefined && typeof types !== "string" && !types.some((type) => fits(type, kindOf(v), v))) {
    return [path, types.map(article).join(" or ")];
  }
  const failure = scalarFailure(s, v, path);
  if (failure) return failure;
  if ("const" in s && v !== s.const) return [path, JSON.stringify(s.const)];
  if (typeof v !== "number") return undefined;
  if (v <= (s.exclusiveMinimum ?? Number.NaN)) return [path, `greater than ${s.exclusiveMinimum}`];
  return v >= (s.exclusiveMaximum ?? Number.NaN) ? [path, `less than ${s.exclusiveMaximum}`] : undefined;
}

/**
 * Our specs use `not` to forbid fields appearing together (`not: { required: [mbox, view] }`) and to forbid values
 * (`not: { enum: [".", ".."] }`).
 */
function excluded(not: CompactSchema): string {
  if (not.required) return `without ${not.required.join(" and ")} together`;
  return not.enum ? noneOf(not.enum) : "not of the excluded form";
}

/**
 * Passes when one branch does (oneOf is not held to "exactly one": the server is the judge of ambiguity).
 * Otherwise reports the branch that got furthest into the value, or all alternatives when none got past the root.
 */
function some(table: SchemaTable, branches: readonly CompactSchema[], v: unknown, path: string): Failure {
  let best: Failure;
  for (const branch of branches) {
    const failure = check(table, branch, v, path);
    if (!failure) return undefined;
    if (!best || failure[0].length > best[0].length) best = failure;
    else if (failure[0] === path && best[0] === path && !best[1].split(" or ").includes(failure[1]))
      best = [path, `${best[1]} or ${failure[1]}`];
  }
  return best;
}
