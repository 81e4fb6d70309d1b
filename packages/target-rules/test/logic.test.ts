import { describe, expect, it } from "vitest";
import { ArtifactError } from "../src/index.js";
import { compileLogic } from "../src/logic.js";

const run = (logic: unknown, data: unknown = {}) => compileLogic(logic, "condition")(data);

describe("compileLogic", () => {
  it("reads variables by dotted path, with defaults and null for missing", () => {
    const data = { page: { url_lc: "http://x/" }, mbox: { a: { b: "c" } }, allocation: 12.5 };
    expect(run({ var: "page.url_lc" }, data)).toBe("http://x/");
    expect(run({ var: ["mbox.a.b"] }, data)).toBe("c");
    expect(run({ var: "mbox.nope.deeper" }, data)).toBeNull();
    expect(run({ var: ["mbox.nope", "fallback"] }, data)).toBe("fallback");
    expect(run({ var: "" }, data)).toBe(data);
    expect(run({ var: { cat: ["alloc", "ation"] } }, data)).toBe(12.5);
    expect(run({ var: "page.url_lc.length" }, data)).toBe(9);
  });

  it("compares the JavaScript way (loose ==, coercing <)", () => {
    expect(run({ "==": [1, "1"] })).toBe(true);
    expect(run({ "===": [1, "1"] })).toBe(false);
    expect(run({ "!=": [null, undefined] })).toBe(false);
    expect(run({ "<": ["10", 9] })).toBe(false);
    expect(run({ "<": [1, 2, 3] })).toBe(true);
    expect(run({ "<=": [1, 1, 0] })).toBe(false);
    expect(run({ ">": ["b", "a"] })).toBe(true);
    expect(run({ ">=": [{ var: "allocation" }, 50] }, { allocation: 50 })).toBe(true);
    expect(run({ "==": ["0000", { var: "current_time" }] }, { current_time: "0000" })).toBe(true);
  });

  it("and/or return the deciding value; empty arrays are falsy", () => {
    expect(run({ and: [true, "x", 0, "never"] })).toBe(0);
    expect(run({ and: [1, "last"] })).toBe("last");
    expect(run({ or: [false, [], "first truthy"] })).toBe("first truthy");
    expect(run({ or: [false, 0] })).toBe(0);
    expect(run({ "!": [[]] })).toBe(true);
    expect(run({ "!!": [[0]] })).toBe(true);
    expect(run({ "!": true })).toBe(false);
  });

  it("in tests substrings and array members", () => {
    expect(run({ in: ["bar", { var: "u" }] }, { u: "http://foo/?bar=1" })).toBe(true);
    expect(run({ in: ["Bar", { var: "u" }] }, { u: "http://foo/?bar=1" })).toBe(false);
    expect(run({ in: [3, [1, 2, 3]] })).toBe(true);
    expect(run({ in: ["x", { var: "missing" }] })).toBe(false);
    expect(run({ in: ["x", 5] })).toBe(false);
  });

  it("supports if, arithmetic, strings and merge/missing", () => {
    expect(run({ if: [false, 1, true, 2, 3] })).toBe(2);
    expect(run({ if: [false, 1, false, 2, 3] })).toBe(3);
    expect(run({ if: [false, 1] })).toBeNull();
    expect(run({ "+": ["1", 2, 3.5] })).toBe(6.5);
    expect(run({ "-": [5] })).toBe(-5);
    expect(run({ "*": [2, "3"] })).toBe(6);
    expect(run({ "/": [9, 2] })).toBe(4.5);
    expect(run({ "%": [9, 4] })).toBe(1);
    expect(run({ min: [3, 1, 2] })).toBe(1);
    expect(run({ max: [3, 1, 2] })).toBe(3);
    expect(run({ cat: ["a", 1, "b"] })).toBe("a1b");
    expect(run({ substr: ["jsonlogic", 4] })).toBe("logic");
    expect(run({ substr: ["jsonlogic", 0, -5] })).toBe("json");
    expect(run({ merge: [[1], 2, [3, [4]]] })).toEqual([1, 2, 3, [4]]);
    expect(run({ missing: ["a", "b"] }, { a: 1 })).toEqual(["b"]);
    expect(run({ missing_some: [1, ["a", "b"]] }, { a: 1 })).toEqual([]);
  });

  it("treats literals, arrays and multi-key objects as data", () => {
    expect(run(true)).toBe(true);
    expect(run([1, { var: "a" }], { a: 2 })).toEqual([1, 2]);
    const data = { a: 1, b: 2 };
    expect(run(data)).toBe(data);
  });

  it("refuses an operator json-logic does not know, naming where it is", () => {
    expect(() => compileLogic({ and: [{ startsWith: ["a", "b"] }] }, "rules.mboxes.m[0].condition")).toThrowError(
      expect.objectContaining({
        name: "ArtifactError",
        reason: "malformed",
        field: "rules.mboxes.m[0].condition.and[0].startsWith",
      }),
    );
    expect(() => compileLogic({ toString: [] }, "c")).toThrow(ArtifactError);
    for (const op of ["map", "filter", "reduce", "all", "none", "some", "log"]) {
      expect(() => compileLogic({ [op]: [[1], true] }, "c")).toThrowError(
        expect.objectContaining({ field: `c.${op}` }),
      );
    }
  });
});
