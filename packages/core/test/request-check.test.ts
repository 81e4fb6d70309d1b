import { describe, expect, it } from "vitest";
import {
  type Check,
  checkRequest,
  eachItem,
  hasItems,
  hasLength,
  inRange,
  isArray,
  isBoolean,
  isInteger,
  isNoneOf,
  isNull,
  isNumber,
  isObject,
  isOneOf,
  isString,
  matches,
  parameter,
} from "../src/checks/default-checks.js";
import { type CompactSchema, checkValue } from "../src/checks/full-validation.js";
import { ValidationError } from "../src/errors/errors.js";

/** `[field, allowed]` of what `check` refuses, or undefined. */
function outcome(check: () => void): [string, string] | undefined {
  try {
    check();
  } catch (error) {
    if (error instanceof ValidationError) return [error.field, error.allowed];
    throw error;
  }
  return undefined;
}

const values: unknown[] = [
  undefined,
  null,
  "",
  "a",
  "abc",
  "abcd",
  "A",
  "😀😀😀",
  "😀😀😀😀",
  ".",
  "..",
  0,
  1,
  1.5,
  5,
  6,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  ["a"],
  ["a", "c"],
  ["a", "b", "a"],
  [undefined],
  [1],
  {},
  () => 0,
];

// Each default check next to the schema it stands for: both must refuse the same values with the same words.
const cases: [CompactSchema, Check][] = [
  [
    { type: "string", minLength: 1, maxLength: 3, pattern: "^[a-z]+$" },
    parameter(true, isString, hasLength(1, 3), matches("^[a-z]+$")),
  ],
  [{ type: "string", maxLength: 3 }, parameter(true, isString, hasLength(0, 3))],
  [
    { type: "string", enum: ["a", "abc"], minLength: 2 },
    parameter(true, isString, isOneOf(["a", "abc"]), hasLength(2)),
  ],
  [{ type: "integer", minimum: 1, maximum: 5 }, parameter(true, isInteger, inRange(1, 5))],
  [{ type: "number", maximum: 5 }, parameter(true, isNumber, inRange(undefined, 5))],
  [{ type: "boolean" }, parameter(true, isBoolean)],
  [{ type: "null" }, parameter(true, isNull)],
  [{ type: "object" }, parameter(true, isObject)],
  [
    { type: "array", minItems: 1, maxItems: 2, items: { type: "string", enum: ["a", "b"] } },
    parameter(true, isArray, hasItems(1, 2), eachItem(isString, isOneOf(["a", "b"]))),
  ],
  [
    { type: "string", minLength: 1, not: { enum: [".", ".."] } },
    parameter(true, isString, hasLength(1), isNoneOf([".", ".."])),
  ],
  [{ minLength: 2, minimum: 2 }, parameter(true, hasLength(2), inRange(2))],
];

describe("the default checks", () => {
  it.each(cases)("refuse what the parameter check of %j refuses, with the same words", (schema, check) => {
    for (const value of values) {
      expect(
        outcome(() => check(value, "query.x")),
        JSON.stringify(value) ?? String(value),
      ).toEqual(outcome(() => checkValue(schema, value, "query.x")));
    }
  });

  it("let an absent optional parameter pass and refuse an absent required one", () => {
    expect(outcome(() => parameter(false, isString)(undefined, "query.x"))).toBeUndefined();
    expect(outcome(() => parameter(true, isString)(undefined, "query.x"))).toEqual(["query.x", "present"]);
  });

  it("checks every parameter as where.name, headers by their lowercase names (as a Headers object gives them), then the body", () => {
    const rules = {
      op: {
        path: { id: parameter(true, isString, hasLength(1)) },
        query: { limit: parameter(false, isInteger, inRange(1)) },
        header: { "x-request-id": parameter(false, isString, hasLength(0, 3)) },
        body: parameter(true, isObject),
      },
    };
    const input = { path: { id: "a" }, query: { limit: 2 }, header: { "x-request-id": "abc" }, body: {} };
    expect(outcome(() => checkRequest(rules, "op", input))).toBeUndefined();
    for (const [change, refused] of [
      [{ path: {} }, ["path.id", "present"]],
      [{ query: { limit: 0 } }, ["query.limit", "at least 1"]],
      [{ header: { "x-request-id": "abcd" } }, ["header.x-request-id", "at most 3 characters"]],
      [{ body: undefined }, ["body", "present"]],
      [{ body: [] }, ["body", "an object"]],
    ] as const) {
      expect(outcome(() => checkRequest(rules, "op", { ...input, ...change }))).toEqual(refused);
    }
    const seen: string[] = [];
    checkRequest(rules, "op", input, (operationId) => seen.push(operationId));
    expect(seen).toEqual(["op"]);
  });
});
