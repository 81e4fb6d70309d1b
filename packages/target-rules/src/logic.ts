// A JSON-logic compiler: each condition becomes a closure once, when the artifact is parsed, so a decision walks
// no JSON. Semantics follow json-logic-js 2.x (which Adobe's engines use): JavaScript comparisons and `==`, `in` as
// substring/element test, `and`/`or` returning the deciding value, empty arrays falsy. Target's rules compare
// values, so the array-iterating operators (map, filter, reduce, all, none, some) and `log` are left out: an
// artifact using one is refused when parsed, never decided wrongly.
import { ArtifactError } from "./errors.js";

export type Evaluate = (data: unknown) => unknown;
type Operator = (args: readonly unknown[], data: unknown) => unknown;

const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : !!value);

function lookup(data: unknown, path: unknown, fallback: unknown): unknown {
  if (path === undefined || path === "" || path === null) return data;
  return walk(data, String(path).split("."), fallback === undefined ? null : fallback);
}

function walk(data: unknown, parts: readonly string[], notFound: unknown): unknown {
  let value = data;
  for (const part of parts) {
    if (value === null || value === undefined) return notFound;
    value = (value as Record<string, unknown>)[part];
    if (value === undefined) return notFound;
  }
  return value;
}

const num = (value: unknown): number => Number.parseFloat(value as string);
// JavaScript's own comparison semantics, on whatever JSON the artifact and request hold.
const lt = (a: unknown, b: unknown): boolean => (a as number) < (b as number);
const le = (a: unknown, b: unknown): boolean => (a as number) <= (b as number);

function missing(keys: readonly unknown[], data: unknown): unknown[] {
  const list = Array.isArray(keys[0]) ? (keys[0] as unknown[]) : keys;
  return list.filter((key) => {
    const value = lookup(data, key, undefined);
    return value === null || value === "";
  });
}

/** Operators whose arguments are evaluated first. */
const EAGER: Record<string, Operator> = {
  var: ([path, fallback], data) => lookup(data, path, fallback),
  missing: (args, data) => missing(args, data),
  missing_some: ([need, keys], data) => {
    const absent = missing([keys], data);
    return (keys as unknown[]).length - absent.length >= (need as number) ? [] : absent;
  },
  // biome-ignore lint/suspicious/noDoubleEquals: JSON-logic's == is JavaScript's loose equality
  "==": ([a, b]) => a == b,
  "===": ([a, b]) => a === b,
  // biome-ignore lint/suspicious/noDoubleEquals: JSON-logic's != is JavaScript's loose inequality
  "!=": ([a, b]) => a != b,
  "!==": ([a, b]) => a !== b,
  ">": ([a, b]) => lt(b, a),
  ">=": ([a, b]) => le(b, a),
  "<": ([a, b, c]) => (c === undefined ? lt(a, b) : lt(a, b) && lt(b, c)),
  "<=": ([a, b, c]) => (c === undefined ? le(a, b) : le(a, b) && le(b, c)),
  "!!": ([a]) => truthy(a),
  "!": ([a]) => !truthy(a),
  "%": ([a, b]) => (a as number) % (b as number),
  in: ([a, b]) => {
    if (!b || typeof (b as { indexOf?: unknown }).indexOf !== "function") return false;
    return (b as { indexOf(x: unknown): number }).indexOf(a) !== -1;
  },
  cat: (args) => args.join(""),
  substr: ([source, start, end]) => {
    const text = String(source);
    if ((end as number) < 0) {
      const tail = text.substr(start as number);
      return tail.substr(0, tail.length + (end as number));
    }
    return text.substr(start as number, end as number);
  },
  "+": (args) => args.reduce<number>((sum, value) => sum + num(value), 0),
  "*": (args) => args.map(num).reduce((product, value) => product * value),
  "-": ([a, b]) => (b === undefined ? -(a as number) : (a as number) - (b as number)),
  "/": ([a, b]) => (a as number) / (b as number),
  min: (args) => Math.min(...(args as number[])),
  max: (args) => Math.max(...(args as number[])),
  merge: (args) => args.reduce<unknown[]>((all, value) => all.concat(value), []),
};

const isLogic = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1;

/** Compiles a JSON-logic expression; an operator json-logic does not know is an `ArtifactError` naming `field`. */
export function compileLogic(logic: unknown, field: string): Evaluate {
  if (Array.isArray(logic)) {
    const items = logic.map((item, i) => compileLogic(item, `${field}[${i}]`));
    return (data) => items.map((item) => item(data));
  }
  if (!isLogic(logic)) return () => logic;
  const op = Object.keys(logic)[0] as string;
  const raw = logic[op];
  const rawArgs = Array.isArray(raw) ? raw : [raw];
  const at = `${field}.${op}`;
  // `var` with a literal path is nearly every leaf of a Target condition: resolve its path once.
  if (op === "var" && typeof rawArgs[0] === "string" && rawArgs[0] !== "" && !isLogic(rawArgs[1])) {
    const parts = rawArgs[0].split(".");
    const notFound = rawArgs[1] === undefined ? null : rawArgs[1];
    return (data) => walk(data, parts, notFound);
  }
  const args = rawArgs.map((arg, i) => compileLogic(arg, `${at}[${i}]`));
  switch (op) {
    case "and":
    case "or": {
      const wanted = op === "or";
      return (data) => {
        let current: unknown;
        for (const arg of args) {
          current = arg(data);
          if (truthy(current) === wanted) return current;
        }
        return current;
      };
    }
    case "if":
    case "?:":
      return (data) => {
        let i = 0;
        for (; i < args.length - 1; i += 2) {
          if (truthy((args[i] as Evaluate)(data))) return (args[i + 1] as Evaluate)(data);
        }
        return i === args.length - 1 ? (args[i] as Evaluate)(data) : null;
      };
  }
  const operator = EAGER[op];
  if (!operator || !Object.hasOwn(EAGER, op)) {
    throw new ArtifactError("malformed", at, `Unsupported JSON-logic operator "${op}" at ${at}.`);
  }
  if (args.length === 1) {
    const only = args[0] as Evaluate;
    return (data) => operator([only(data)], data);
  }
  if (args.length === 2) {
    const [first, second] = args as [Evaluate, Evaluate];
    return (data) => operator([first(data), second(data)], data);
  }
  return (data) =>
    operator(
      args.map((arg) => arg(data)),
      data,
    );
}
