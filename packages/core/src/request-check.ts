// The checks every call runs, small enough for the default bundle: required parameters, identifiers and ids in paths
// (type, enum, length, pattern, range, excluded values), and a body that is present when required and of the right
// kind. Checking a body against every rule of the spec is opt-in (`validate.ts`, each client's `/validation` export).
import { ValidationError } from "./errors.js";
import type { CompactSchema, OperationInput, ParameterRule } from "./validate.js";

/** What a call checks by default, generated per operation into `src/generated/request-rules.ts`. */
export interface RequestRules {
  readonly path?: Readonly<Record<string, ParameterRule>>;
  readonly query?: Readonly<Record<string, ParameterRule>>;
  readonly header?: Readonly<Record<string, ParameterRule>>;
  readonly body?: { readonly required?: boolean; readonly type?: string };
}

/**
 * The opt-in full check of one operation's input against every rule of the spec (`validation` from a client's
 * `/validation` export). Throws a `ValidationError` for the first violation.
 */
export type RequestValidation = (operationId: string, input: OperationInput) => void;

/** The first violation found: the field's path and what it must be. */
export type Failure = [field: string, allowed: string] | undefined;

// Compiled on first use and kept: checks run on every call, patterns come from a fixed table.
const patterns = new Map<string, RegExp>();

const count = (n: number, one: string, many: string) => `${n}${n === 1 ? one : many}`;

// Units carry their leading space so bare numbers need none. A missing bound defaults to `NaN`, which makes both
// comparisons false, so absent keywords need no test of their own.
export const bounds = (n: number, min = Number.NaN, max = Number.NaN, one = "", many = ""): string | undefined =>
  n < min ? `at least ${count(min, one, many)}` : n > max ? `at most ${count(max, one, many)}` : undefined;

// JSON has no NaN or Infinity, so "number" means finite.
export const fits = (type: string, kind: string, v: unknown): boolean =>
  type === "integer" ? Number.isInteger(v) : type === kind && (kind !== "number" || Number.isFinite(v));

export const kindOf = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

export const article = (type: string): string =>
  type === "null" ? type : `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;

/**
 * One `type`, `enum`, and the string and number bounds: all that a parameter's schema (or an item's) may use, which
 * the generator makes sure of. The full check (`validate.ts`) adds type lists, `const` and exclusive bounds.
 */
export function scalarFailure(s: CompactSchema, v: unknown, path: string): Failure {
  if (typeof s.type === "string" && !fits(s.type, kindOf(v), v)) return [path, article(s.type)];
  if (s.enum && !s.enum.includes(v)) return [path, `one of ${s.enum.join(", ")}`];
  let allowed: string | undefined;
  if (typeof v === "string") {
    // JSON Schema counts code points, of which there are between length / 2 and length: count only near a bound.
    if (v.length < 2 * (s.minLength ?? 0) || v.length > (s.maxLength ?? Number.NaN)) {
      allowed = bounds([...v].length, s.minLength, s.maxLength, " character", " characters");
    }
    if (!allowed && s.pattern !== undefined && !(patterns.get(s.pattern) ?? compile(s.pattern)).test(v)) {
      allowed = `a string matching /${s.pattern}/`;
    }
  } else if (typeof v === "number") {
    allowed = bounds(v, s.minimum, s.maximum);
  }
  return allowed ? [path, allowed] : undefined;
}

function compile(pattern: string): RegExp {
  const re = new RegExp(pattern, "u");
  patterns.set(pattern, re);
  return re;
}

/** How an excluded value list reads (`not: { enum: [".", ".."] }`, path segments a URL parser would collapse). */
export const noneOf = (values: readonly unknown[]): string =>
  `none of ${values.map((value) => JSON.stringify(value)).join(", ")}`;

/** A parameter value: scalar keywords, arrays of them, and excluded values. */
function parameterFailure(s: CompactSchema, v: unknown, path: string): Failure {
  if (v === undefined) return [path, "present"];
  const failure = scalarFailure(s, v, path);
  if (failure) return failure;
  if (Array.isArray(v)) {
    const allowed = bounds(v.length, s.minItems, s.maxItems, " item", " items");
    if (allowed) return [path, allowed];
    for (let i = 0; s.items && i < v.length; i++) {
      const item = parameterFailure(s.items, v[i], `${path}[${i}]`);
      if (item) return item;
    }
  }
  if (s.not?.enum?.includes(v)) return [path, noneOf(s.not.enum)];
  return undefined;
}

/** Throws a `ValidationError` naming `field` when `value` breaks a parameter rule (`rules.path.id.schema`, ...). */
export function checkValue(schema: CompactSchema, value: unknown, field: string): void {
  const failure = parameterFailure(schema, value, field);
  if (failure) throw new ValidationError(failure[0], failure[1]);
}

/**
 * Calls `check` for every parameter of `rules` that was given or is required, as `path.id`, `query.sessionId`,
 * `header.x-api-key`. Header names match whatever their case, as in HTTP; `undefined` counts as absent.
 */
export function eachParameter(
  rules: RequestRules,
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

/**
 * The default checks of one call, before the network: every parameter rule of the spec, and a body that is present
 * when required and of the spec's kind. With `validation` (a client's opt-in `/validation` export), the whole input
 * is also checked against every rule of the spec.
 */
export function checkRequest<Operation extends string>(
  rules: Readonly<Record<Operation, RequestRules>>,
  operationId: Operation,
  input: OperationInput,
  validation?: RequestValidation,
): void {
  const operation = rules[operationId];
  eachParameter(operation, input, checkValue);
  const body = operation.body;
  if (body?.required && input.body === undefined) throw new ValidationError("body", "present");
  if (body?.type === "object" && input.body !== undefined) {
    const value = input.body;
    if (value === null || typeof value !== "object" || Array.isArray(value))
      throw new ValidationError("body", "an object");
  }
  validation?.(operationId, input);
}
