// The checks every call runs, small enough for the default bundle: required parameters, identifiers and ids in paths
// (type, enum, length, pattern, range, excluded values), and a body that is present when required and of the right
// kind. The generator composes each parameter's rule from the small checks below, so a bundle carries only the kinds
// of check its spec uses. Checking a body against every rule of the spec is opt-in (`validate.ts`, each client's
// `/validation` export).
import { ValidationError } from "../errors/errors.js";

/** What a call sends, as the request checks see it: path, query and header parameters and the body. */
export interface OperationInput {
  readonly body?: unknown;
  readonly path?: Readonly<Record<string, unknown>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly header?: Readonly<Record<string, unknown>>;
}

/** One check of a value: throws a `ValidationError` naming `field` and what is allowed when the value breaks it. */
export type Check = (value: unknown, field: string) => void;

/** What a call checks by default, generated per operation into `src/generated/request-rules.ts`. */
export interface RequestRules {
  readonly path?: Readonly<Record<string, Check>>;
  readonly query?: Readonly<Record<string, Check>>;
  readonly header?: Readonly<Record<string, Check>>;
  readonly body?: Check;
}

/**
 * The opt-in full check of one operation's input against every rule of the spec (`validation` from a client's
 * `/validation` export). Throws a `ValidationError` for the first violation. Typed by the operations it knows, so
 * the compiler refuses one client's validation given to another.
 */
export type RequestValidation<OperationId extends string = string> = (
  operationId: OperationId,
  input: OperationInput,
) => void;

/** The first violation found: the field's path and what it must be. */
export type Failure = [field: string, allowed: string] | undefined;

const refuse = (field: string, allowed: string | false | undefined): void => {
  if (allowed) throw new ValidationError(field, allowed);
};

const count = (n: number, one: string, many: string) => `${n}${n === 1 ? one : many}`;

// Units carry their leading space so bare numbers need none. A missing bound defaults to `NaN`, which makes both
// comparisons false, so absent keywords need no test of their own.
export const bounds = (n: number, min = Number.NaN, max = Number.NaN, one = "", many = ""): string | undefined =>
  n < min ? `at least ${count(min, one, many)}` : n > max ? `at most ${count(max, one, many)}` : undefined;

/** What `enum` allows, unless `v` is one of the values. */
export const enumFailure = (values: readonly unknown[], v: unknown): string | undefined =>
  values.includes(v) ? undefined : `one of ${values.join(", ")}`;

/** What the length bounds allow, unless string `v` is within them. */
export const lengthFailure = (v: string, min = 0, max = Number.NaN): string | undefined =>
  // JSON Schema counts code points, of which there are between length / 2 and length: count only near a bound.
  v.length < 2 * min || v.length > max ? bounds([...v].length, min, max, " character", " characters") : undefined;

/** What `pattern` allows. */
export const matching = (pattern: string): string => `a string matching /${pattern}/`;

/** How an excluded value list reads (`not: { enum: [".", ".."] }`, path segments a URL parser would collapse). */
export const noneOf = (values: readonly unknown[]): string =>
  `none of ${values.map((value) => JSON.stringify(value)).join(", ")}`;

/**
 * A parameter (or the body): `undefined` is absent, refused only when `required`; a given value must pass `checks`
 * in order, so the first one it breaks is reported. The generator lists them as the full check reads a schema:
 * type, enum, length, pattern, range, item count, items, excluded values.
 */
export const parameter =
  (required: boolean, ...checks: Check[]): Check =>
  (value, field) => {
    if (value === undefined) refuse(field, required && "present");
    else for (const check of checks) check(value, field);
  };

// `type`, one check per type so that a bundle carries only the types its spec uses; each allows what the full
// check's `fits` does (JSON has no NaN or Infinity, so a number is finite).
/** Refuses a value that is not a string. */
export const isString: Check = (v, field) => refuse(field, typeof v !== "string" && "a string");
/** Refuses a value that is not a finite number. */
export const isNumber: Check = (v, field) => refuse(field, !Number.isFinite(v) && "a number");
/** Refuses a value that is not an integer. */
export const isInteger: Check = (v, field) => refuse(field, !Number.isInteger(v) && "an integer");
/** Refuses a value that is not a boolean. */
export const isBoolean: Check = (v, field) => refuse(field, typeof v !== "boolean" && "a boolean");
/** Refuses a value that is not an array. */
export const isArray: Check = (v, field) => refuse(field, !Array.isArray(v) && "an array");
/** Refuses a value that is not a plain object (null and arrays are refused). */
export const isObject: Check = (v, field) =>
  refuse(field, (v === null || typeof v !== "object" || Array.isArray(v)) && "an object");
/** Refuses a value that is not null. */
export const isNull: Check = (v, field) => refuse(field, v !== null && "null");

/** `enum`. */
export const isOneOf =
  (values: readonly unknown[]): Check =>
  (v, field) =>
    refuse(field, enumFailure(values, v));

/** `minLength` (0 when absent) and `maxLength`, for strings. */
export const hasLength =
  (min: number, max?: number): Check =>
  (v, field) =>
    refuse(field, typeof v === "string" && lengthFailure(v, min, max));

/** `pattern`, for strings. */
export const matches = (pattern: string): Check => {
  const re = new RegExp(pattern, "u");
  return (v, field) => refuse(field, typeof v === "string" && !re.test(v) && matching(pattern));
};

/** `minimum` and `maximum`, for numbers. */
export const inRange =
  (min?: number, max?: number): Check =>
  (v, field) =>
    refuse(field, typeof v === "number" && bounds(v, min, max));

/** `minItems` and `maxItems`, for arrays. */
export const hasItems =
  (min?: number, max?: number): Check =>
  (v, field) =>
    refuse(field, Array.isArray(v) && bounds(v.length, min, max, " item", " items"));

/** `items`: each item of an array, as `field[0]`, ...; a missing item is refused. */
export const eachItem = (...checks: Check[]): Check => {
  const item = parameter(true, ...checks);
  return (v, field) => {
    for (let i = 0; Array.isArray(v) && i < v.length; i++) item(v[i], `${field}[${i}]`);
  };
};

/** `not: { enum }`. */
export const isNoneOf =
  (values: readonly unknown[]): Check =>
  (v, field) =>
    refuse(field, values.includes(v) && noneOf(values));

/**
 * The default checks of one call, before the network: every parameter rule of the spec, as `path.id`,
 * `query.sessionId`, `header.x-api-key`, and a body that is present when required and of the spec's kind. Header names
 * come lowercased, as a `Headers` object gives them (the generated tables are lowercase too); `undefined` counts as
 * absent. With `validation` (a client's opt-in
 * `/validation` export), the whole input is also checked against every rule of the spec.
 */
export function checkRequest<Operation extends string>(
  rules: Readonly<Record<Operation, RequestRules>>,
  operationId: Operation,
  input: OperationInput,
  validation?: RequestValidation<Operation>,
): void {
  const operation = rules[operationId];
  for (const where of ["path", "query", "header"] as const) {
    const given = input[where];
    const checks = operation[where];
    // `for in` over the generated tables (plain objects): no arrays made on every call.
    for (const name in checks) checks[name]?.(given?.[name], `${where}.${name}`);
  }
  operation.body?.(input.body, "body");
  validation?.(operationId, input);
}
