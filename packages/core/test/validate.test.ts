import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkRequest, type RequestRules } from "../src/checks/default-checks.js";
import {
  type CompactSchema,
  type OperationRules,
  type SchemaTable,
  validate,
  validateOperation,
} from "../src/checks/full-validation.js";
import { ValidationError } from "../src/errors/errors.js";

/** The error `validate` throws, or undefined when the value passes. */
function failure(schema: CompactSchema, value: unknown, table: SchemaTable = {}): ValidationError | undefined {
  try {
    validate(table, schema, value, "body");
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  return undefined;
}

/** `[field, allowed]` of the first violation, for compact assertions. */
function violation(schema: CompactSchema, value: unknown, table?: SchemaTable): [string, string] | undefined {
  const error = failure(schema, value, table);
  return error && [error.field, error.allowed];
}

describe("validate", () => {
  it("throws a ValidationError naming the field and what it must be", () => {
    const error = failure({ type: "string" }, 1);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.message).toBe("Invalid body: must be a string.");
  });

  it("checks type, with integer and finite number distinguished", () => {
    expect(violation({ type: "string" }, "x")).toBeUndefined();
    expect(violation({ type: "integer" }, 3)).toBeUndefined();
    expect(violation({ type: "integer" }, 1.5)).toEqual(["body", "an integer"]);
    expect(violation({ type: "number" }, 1.5)).toBeUndefined();
    expect(violation({ type: "number" }, Number.NaN)).toEqual(["body", "a number"]);
    expect(violation({ type: "number" }, Number.POSITIVE_INFINITY)).toEqual(["body", "a number"]);
    expect(violation({ type: "number" }, "1")).toEqual(["body", "a number"]);
    expect(violation({ type: "boolean" }, 0)).toEqual(["body", "a boolean"]);
    expect(violation({ type: "object" }, [])).toEqual(["body", "an object"]);
    expect(violation({ type: "object" }, null)).toEqual(["body", "an object"]);
    expect(violation({ type: "array" }, {})).toEqual(["body", "an array"]);
    expect(violation({ type: "null" }, null)).toBeUndefined();
    expect(violation({ type: ["string", "null"] }, null)).toBeUndefined();
    expect(violation({ type: ["string", "null"] }, 2)).toEqual(["body", "a string or null"]);
  });

  it("treats undefined as missing", () => {
    expect(violation({}, undefined)).toEqual(["body", "present"]);
    expect(violation({ required: ["a"] }, { a: undefined })).toEqual(["body.a", "present"]);
    expect(violation({ properties: { a: { type: "string" } } }, { a: undefined })).toBeUndefined();
    expect(violation({ additionalProperties: false }, { a: undefined })).toBeUndefined();
  });

  it("checks enum and const", () => {
    expect(violation({ enum: ["web", "mobile"] }, "web")).toBeUndefined();
    expect(violation({ enum: ["web", "mobile"] }, "tv")).toEqual(["body", "one of web, mobile"]);
    expect(violation({ const: "v1" }, "v1")).toBeUndefined();
    expect(violation({ const: "v1" }, "v2")).toEqual(["body", '"v1"']);
  });

  it("checks string lengths in code points, not UTF-16 units", () => {
    expect(violation({ minLength: 1 }, "")).toEqual(["body", "at least 1 character"]);
    expect(violation({ minLength: 2 }, "a")).toEqual(["body", "at least 2 characters"]);
    expect(violation({ maxLength: 3 }, "abcd")).toEqual(["body", "at most 3 characters"]);
    expect(violation({ maxLength: 1 }, "😀")).toBeUndefined();
    expect(violation({ maxLength: 2 }, "😀😀")).toBeUndefined();
    expect(violation({ maxLength: 2 }, "😀😀😀")).toEqual(["body", "at most 2 characters"]);
    expect(violation({ minLength: 2 }, "😀")).toEqual(["body", "at least 2 characters"]);
    expect(violation({ minLength: 2 }, "😀😀")).toBeUndefined();
    // Length keywords only apply to strings.
    expect(violation({ maxLength: 1 }, 12345)).toBeUndefined();
  });

  it("checks patterns as unanchored ECMAScript regexes with the u flag", () => {
    const schema = { type: "string", pattern: "^[a-z]+$" };
    expect(violation(schema, "abc")).toBeUndefined();
    expect(violation(schema, "ABC")).toEqual(["body", "a string matching /^[a-z]+$/"]);
    // Cached after the first use: the same schema keeps giving the same answers.
    expect(violation(schema, "abc")).toBeUndefined();
    expect(violation(schema, "A")).toEqual(["body", "a string matching /^[a-z]+$/"]);
    expect(violation({ pattern: "b" }, "abc")).toBeUndefined();
    expect(violation({ pattern: "^.$" }, "😀")).toBeUndefined();
    expect(violation({ pattern: "^\\p{Lu}$" }, "É")).toBeUndefined();
  });

  it("checks numeric ranges, with the OpenAPI 3.1 numeric exclusive bounds", () => {
    const int32 = { type: "integer", minimum: 0, maximum: 2147483647 };
    expect(violation(int32, 0)).toBeUndefined();
    expect(violation(int32, -1)).toEqual(["body", "at least 0"]);
    expect(violation(int32, 2147483648)).toEqual(["body", "at most 2147483647"]);
    expect(violation({ exclusiveMinimum: 0 }, 0)).toEqual(["body", "greater than 0"]);
    expect(violation({ exclusiveMinimum: 0 }, 0.1)).toBeUndefined();
    expect(violation({ exclusiveMaximum: 10 }, 10)).toEqual(["body", "less than 10"]);
    expect(violation({ exclusiveMaximum: 10 }, 9)).toBeUndefined();
  });

  it("checks arrays: sizes, uniqueness and items, with indexed paths", () => {
    const schema = { type: "array", minItems: 1, maxItems: 2, items: { type: "string" } };
    expect(violation(schema, [])).toEqual(["body", "at least 1 item"]);
    expect(violation(schema, ["a", "b", "c"])).toEqual(["body", "at most 2 items"]);
    expect(violation(schema, ["a", 2])).toEqual(["body[1]", "a string"]);
    expect(violation({ maxItems: 50 }, new Array(51).fill(0))).toEqual(["body", "at most 50 items"]);
    expect(violation({ uniqueItems: true }, [1, 2, 1])).toEqual(["body", "unique items"]);
    expect(violation({ uniqueItems: true }, [1, "1", true])).toBeUndefined();
  });

  it("checks objects: required, properties, additionalProperties, sizes", () => {
    const schema: CompactSchema = {
      type: "object",
      required: ["id"],
      properties: { id: { type: "string" }, tags: { type: "array", items: { type: "string" } } },
      additionalProperties: false,
    };
    expect(violation(schema, { id: "a", tags: ["x"] })).toBeUndefined();
    expect(violation(schema, {})).toEqual(["body.id", "present"]);
    expect(violation(schema, { id: 1 })).toEqual(["body.id", "a string"]);
    expect(violation(schema, { id: "a", tags: ["x", 2] })).toEqual(["body.tags[1]", "a string"]);
    expect(violation(schema, { id: "a", extra: 1 })).toEqual(["body.extra", "absent (unknown property)"]);
    // Own properties only: inherited names are not declared properties.
    expect(violation(schema, { id: "a", constructor: 1 })).toEqual(["body.constructor", "absent (unknown property)"]);
    expect(violation({ minProperties: 1 }, {})).toEqual(["body", "at least 1 entry"]);
    expect(violation({ maxProperties: 2 }, { a: 1, b: 2, c: 3 })).toEqual(["body", "at most 2 entries"]);
    expect(violation({ maxProperties: 1 }, { a: 1, b: undefined })).toBeUndefined();
  });

  it("checks maps: values through additionalProperties, keys through propertyNames", () => {
    const map: CompactSchema = {
      type: "object",
      maxProperties: 50,
      propertyNames: { maxLength: 8, pattern: "^[^.]*$" },
      additionalProperties: { type: "string", maxLength: 3 },
    };
    expect(violation(map, { a: "x", "some key": "y" })).toBeUndefined();
    expect(violation(map, { ok: "toolong" })).toEqual(["body.ok", "at most 3 characters"]);
    expect(violation(map, { "some key": "toolong" })).toEqual(['body["some key"]', "at most 3 characters"]);
    expect(violation(map, { "a.b": "x" })).toEqual(['body["a.b"]', "a key that is a string matching /^[^.]*$/"]);
    expect(violation(map, { waytoolongkey: "x" })).toEqual([
      "body.waytoolongkey",
      "a key that is at most 8 characters",
    ]);
    expect(violation({ additionalProperties: { type: "integer" } }, { $id: 1, _x: 2, "1a": "3" })).toEqual([
      'body["1a"]',
      "an integer",
    ]);
  });

  it("builds dotted paths through nested objects, arrays and maps", () => {
    const schema: CompactSchema = {
      properties: {
        execute: {
          properties: { mboxes: { items: { required: ["name"], properties: { name: { maxLength: 5 } } } } },
        },
        context: { properties: { x: { additionalProperties: { type: "string" } } } },
      },
    };
    const value = { execute: { mboxes: [{ name: "a" }, { name: "toolong" }] } };
    expect(violation(schema, value)).toEqual(["body.execute.mboxes[1].name", "at most 5 characters"]);
    expect(violation(schema, { execute: { mboxes: [{}] } })).toEqual(["body.execute.mboxes[0].name", "present"]);
    expect(violation(schema, { context: { x: { "some key": 1 } } })).toEqual([
      'body.context.x["some key"]',
      "a string",
    ]);
    expect(violation(schema, { context: { x: { key: 1 } } })).toEqual(["body.context.x.key", "a string"]);
  });

  it("reports the first violation, depth-first in property order", () => {
    const schema: CompactSchema = {
      properties: { a: { properties: { b: { type: "string" } } }, c: { type: "string" } },
    };
    expect(violation(schema, { a: { b: 1 }, c: 2 })).toEqual(["body.a.b", "a string"]);
    expect(violation(schema, { c: 2, a: { b: 1 } })).toEqual(["body.c", "a string"]);
  });

  it("resolves $ref by name or by #/components/schemas/ pointer", () => {
    const table: SchemaTable = {
      Channel: { type: "string", enum: ["web", "mobile"] },
      Context: { properties: { channel: { $ref: "Channel" } } },
    };
    expect(violation({ $ref: "Context" }, { channel: "web" }, table)).toBeUndefined();
    expect(violation({ $ref: "Context" }, { channel: "tv" }, table)).toEqual(["body.channel", "one of web, mobile"]);
    expect(violation({ $ref: "#/components/schemas/Channel" }, "tv", table)).toEqual(["body", "one of web, mobile"]);
    // Siblings of $ref apply too (OpenAPI 3.1).
    expect(violation({ $ref: "Channel", const: "web" }, "mobile", table)).toEqual(["body", '"web"']);
  });

  it("supports recursive schemas", () => {
    const table: SchemaTable = {
      Node: { properties: { name: { type: "string" }, children: { items: { $ref: "Node" } } } },
    };
    const value = { name: "a", children: [{ name: "b", children: [{ name: 3 }] }] };
    expect(violation({ $ref: "Node" }, value, table)).toEqual(["body.children[0].children[0].name", "a string"]);
  });

  it("composes objects with allOf (base + extension)", () => {
    const table: SchemaTable = {
      Base: { type: "object", required: ["id"], properties: { id: { type: "string", minLength: 1 } } },
      Extended: {
        allOf: [{ $ref: "Base" }, { required: ["size"], properties: { size: { type: "integer", minimum: 1 } } }],
      },
    };
    expect(violation({ $ref: "Extended" }, { id: "a", size: 1 }, table)).toBeUndefined();
    expect(violation({ $ref: "Extended" }, { size: 1 }, table)).toEqual(["body.id", "present"]);
    expect(violation({ $ref: "Extended" }, { id: "", size: 1 }, table)).toEqual(["body.id", "at least 1 character"]);
    expect(violation({ $ref: "Extended" }, { id: "a", size: 0 }, table)).toEqual(["body.size", "at least 1"]);
  });

  it("passes anyOf and oneOf when one branch passes, else reports the furthest branch or the alternatives", () => {
    const scalar: CompactSchema = { anyOf: [{ type: "string", maxLength: 3 }, { type: "integer" }] };
    expect(violation(scalar, "abc")).toBeUndefined();
    expect(violation(scalar, 7)).toBeUndefined();
    expect(violation(scalar, true)).toEqual(["body", "a string or an integer"]);
    expect(violation(scalar, "abcd")).toEqual(["body", "at most 3 characters or an integer"]);
    expect(violation({ oneOf: [{ type: "object" }, { type: "object" }] }, 1)).toEqual(["body", "an object"]);

    const table: SchemaTable = {
      Mbox: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      View: { type: "object", required: ["views"], properties: { views: { type: "array" } } },
    };
    const either: CompactSchema = { oneOf: [{ $ref: "Mbox" }, { $ref: "View" }] };
    expect(violation(either, { name: "x" }, table)).toBeUndefined();
    // Lenient oneOf: matching both is accepted, the server judges ambiguity.
    expect(violation(either, { name: "x", views: [] }, table)).toBeUndefined();
    expect(violation(either, { views: "x" }, table)).toEqual(["body.views", "an array"]);
    expect(violation(either, 1, table)).toEqual(["body", "an object"]);
    expect(violation({ anyOf: [{ $ref: "Mbox" }, { type: "null" }] }, null, table)).toBeUndefined();
  });

  it("ignores keywords it does not know", () => {
    const schema = { type: "string", format: "email", description: "x", "x-custom": 1 } as CompactSchema;
    expect(violation(schema, "not an email")).toBeUndefined();
  });

  it("never puts the offending value in the message", () => {
    const secret = "sk_live_51Habcdefghijklmnop";
    const schemas: CompactSchema[] = [
      { type: "integer" },
      { maxLength: 5 },
      { pattern: "^[0-9]+$" },
      { enum: ["a", "b"] },
      { const: "a" },
      { anyOf: [{ type: "integer" }, { maxLength: 1 }] },
      { propertyNames: { maxLength: 5 } },
    ];
    for (const schema of schemas) {
      const value = schema.propertyNames ? { ok: 1, [`key ${secret}`]: 1 } : secret;
      const error = failure({ properties: { token: schema } }, { token: value });
      expect(error).toBeInstanceOf(ValidationError);
      expect(error?.allowed).not.toContain(secret);
      if (!schema.propertyNames) expect(error?.message).not.toContain(secret);
    }
  });
});

describe("validateOperation", () => {
  const table: SchemaTable = { Request: { type: "object", required: ["id"], properties: { id: { type: "string" } } } };
  const rules: OperationRules = {
    body: { schema: { $ref: "Request" }, required: true },
    path: { containerId: { schema: { type: "string", minLength: 1 }, required: true } },
    query: {
      sessionId: { schema: { type: "string", maxLength: 128 }, required: true },
      debug: { schema: { type: "boolean" } },
    },
    header: { "x-api-key": { schema: { type: "string", minLength: 1 }, required: true } },
  };
  const valid = {
    body: { id: "1" },
    path: { containerId: "c" },
    query: { sessionId: "s" },
    header: { "x-api-key": "k" },
  };

  const fieldOf = (input: Parameters<typeof validateOperation>[2]) => {
    try {
      validateOperation(table, rules, input);
    } catch (error) {
      if (error instanceof ValidationError) return `${error.field}: ${error.allowed}`;
      throw error;
    }
    return undefined;
  };

  it("passes a valid call, with optional parameters left out", () => {
    expect(fieldOf(valid)).toBeUndefined();
    expect(fieldOf({ ...valid, query: { sessionId: "s", debug: undefined } })).toBeUndefined();
  });

  it("requires required parameters and body", () => {
    expect(fieldOf({ ...valid, query: {} })).toBe("query.sessionId: present");
    expect(fieldOf({ ...valid, query: undefined })).toBe("query.sessionId: present");
    expect(fieldOf({ ...valid, path: {} })).toBe("path.containerId: present");
    expect(fieldOf({ ...valid, header: {} })).toBe("header.x-api-key: present");
    expect(fieldOf({ ...valid, body: undefined })).toBe("body: present");
  });

  it("checks each given parameter and the body against its schema", () => {
    expect(fieldOf({ ...valid, path: { containerId: "" } })).toBe("path.containerId: at least 1 character");
    expect(fieldOf({ ...valid, query: { sessionId: "s", debug: "yes" } })).toBe("query.debug: a boolean");
    expect(fieldOf({ ...valid, body: { id: 1 } })).toBe("body.id: a string");
    expect(fieldOf({ ...valid, body: {} })).toBe("body.id: present");
  });

  it("matches header names case-insensitively", () => {
    expect(fieldOf({ ...valid, header: { "X-Api-Key": "k" } })).toBeUndefined();
    expect(fieldOf({ ...valid, header: { "X-API-KEY": "" } })).toBe("header.x-api-key: at least 1 character");
    const mixed: OperationRules = { header: { "X-Request-Id": { schema: { maxLength: 2 }, required: true } } };
    expect(() => validateOperation({}, mixed, { header: { "x-request-id": "ab" } })).not.toThrow();
    expect(() => validateOperation({}, mixed, { header: { "x-request-id": "abc" } })).toThrow(
      "Invalid header.X-Request-Id: must be at most 2 characters.",
    );
  });

  it("leaves the body alone when the operation takes none", () => {
    expect(() => validateOperation({}, {}, { body: "anything" })).not.toThrow();
  });
});

// Each case spawns Node a few times: allow for slow CI machines.
describe("scripts/generate-validator.mjs", { timeout: 30_000 }, () => {
  const script = fileURLToPath(new URL("../../../scripts/generate-validator.mjs", import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), "offerkit-generate-validator-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const specPath = join(dir, "api.yaml");
  const outPath = join(dir, "src", "generated", "validation.ts");

  const spec = `
openapi: 3.1.0
info: { title: Fixture, version: "1" }
paths:
  /rest/v1/delivery:
    parameters:
      - $ref: "#/components/parameters/Client"
    post:
      operationId: execute
      parameters:
        - name: sessionId
          in: query
          required: true
          description: dropped
          schema: { type: string, minLength: 1, maxLength: 128 }
        - name: X-Api-Key
          in: header
          schema: { type: string }
        - name: tracking
          in: cookie
          schema: { type: string }
      requestBody:
        required: true
        content:
          text/plain: { schema: { type: integer } }
          application/json:
            schema: { $ref: "#/components/schemas/DeliveryRequest" }
      responses:
        "200":
          description: ok
          content:
            application/json: { schema: { $ref: "#/components/schemas/DeliveryResponse" } }
  /containers/{containerId}:
    get:
      operationId: getContainer
      parameters:
        - { name: containerId, in: path, schema: { type: integer, minimum: 0, format: int32 } }
      responses: { "200": { description: ok } }
components:
  parameters:
    Client:
      name: client
      in: query
      required: true
      schema: { type: string, pattern: "^[a-z]+$" }
  schemas:
    Unused: { type: string }
    DeliveryResponse: { type: object, properties: { id: { $ref: "#/components/schemas/Unused" } } }
    Base:
      type: object
      title: Base
      required: [id]
      properties:
        id: { type: string, readOnly: true, example: abc }
    DeliveryRequest:
      allOf:
        - $ref: "#/components/schemas/Base"
        - type: object
          x-internal: true
          properties:
            context: { $ref: "#/components/schemas/Context" }
            mboxes:
              type: array
              maxItems: 50
              items: { type: object, properties: { name: { type: string, maxLength: 250 } } }
    Context:
      type: object
      description: dropped
      required: [channel]
      properties:
        channel: { type: string, enum: [web, mobile], default: web }
`;

  const run = (...args: string[]) =>
    execFileSync(process.execPath, [script, specPath, outPath, ...args], { cwd: dir, encoding: "utf8", stdio: "pipe" });

  it("generates a table of the request constraints, then --check passes until the spec changes", async () => {
    writeFileSync(specPath, spec);
    run();
    const generated = readFileSync(outPath, "utf8");
    expect(generated.split("\n")[0]).toBe("// Generated from api.yaml by scripts/generate-validator.mjs. Do not edit.");
    expect(generated).toContain(
      'import type { OperationRules, RequestRules, SchemaTable } from "@offerkit/core/internal";',
    );
    // Only the checks the spec's parameters use, so a bundle carries no other.
    expect(generated).toContain(
      'import { hasLength, inRange, isInteger, isString, matches, parameter } from "@offerkit/core/internal";',
    );
    expect(generated).toContain("as const satisfies Record<string, RequestRules>;");
    expect(generated).toContain("as const satisfies Record<string, OperationRules>;");
    for (const dropped of [
      "description",
      "title",
      "readOnly",
      "example",
      "x-internal",
      "default",
      "format",
      "tracking",
    ]) {
      expect(generated).not.toContain(dropped);
    }
    expect(generated).not.toContain("Unused");
    expect(generated).not.toContain("DeliveryResponse");
    expect(generated).not.toContain("#/components");

    // The default checks: parameters with their schemas inlined, each distinct rule once, and the body's presence
    // and top-level kind only (this body's schema is an `allOf`, with no type of its own: presence only).
    for (const line of [
      'const clientRule = parameter(true, isString, matches("^[a-z]+$"));',
      "const sessionIdRule = parameter(true, isString, hasLength(1, 128));",
      "const xApiKeyRule = parameter(false, isString);",
      "const bodyRule = parameter(true);",
      "const containerIdRule = parameter(true, isInteger, inRange(0));",
    ]) {
      expect(generated.replaceAll("/* @__PURE__ */ ", "")).toContain(line);
    }
    // Every call is marked droppable, so that the `/validation` entry, which imports this module, leaves them out.
    expect(generated).toContain(
      'const clientRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ matches("^[a-z]+$"));',
    );

    // The emitted module is TypeScript that runs as it is, against core's source: load it and use it.
    const core = fileURLToPath(new URL("../src/internal.ts", import.meta.url));
    const modulePath = join(dir, "request-rules.ts");
    writeFileSync(modulePath, generated.replaceAll('from "@offerkit/core/internal"', `from ${JSON.stringify(core)}`));
    const { schemas, operations, requestRules } = (await import(pathToFileURL(modulePath).href)) as {
      schemas: SchemaTable;
      operations: Record<string, OperationRules>;
      requestRules: Record<"execute" | "getContainer", RequestRules>;
    };
    const execute = { query: { client: "web", sessionId: "s" }, header: { "x-api-key": "k" }, body: 1 };
    expect(() => checkRequest(requestRules, "execute", execute)).not.toThrow();
    for (const [input, message] of [
      [{ ...execute, query: { client: "web" } }, "Invalid query.sessionId: must be present."],
      [
        { ...execute, query: { client: "Web", sessionId: "s" } },
        "Invalid query.client: must be a string matching /^[a-z]+$/.",
      ],
      [
        { ...execute, query: { client: "web", sessionId: "" } },
        "Invalid query.sessionId: must be at least 1 character.",
      ],
      [{ ...execute, header: { "x-api-key": 1 } }, "Invalid header.x-api-key: must be a string."],
      [{ ...execute, body: undefined }, "Invalid body: must be present."],
    ] as const) {
      expect(() => checkRequest(requestRules, "execute", input)).toThrow(message);
    }
    expect(() => checkRequest(requestRules, "getContainer", { path: { containerId: -1 } })).toThrow(
      "Invalid path.containerId: must be at least 0.",
    );
    expect(() => checkRequest(requestRules, "getContainer", { path: { containerId: 1.5 } })).toThrow(
      "Invalid path.containerId: must be an integer.",
    );
    expect(Object.keys(schemas)).toEqual(["Base", "DeliveryRequest", "Context"]);
    expect(operations).toEqual({
      execute: {
        body: { schema: { $ref: "DeliveryRequest" }, required: true },
        query: {
          client: { schema: { type: "string", pattern: "^[a-z]+$" }, required: true },
          sessionId: { schema: { type: "string", minLength: 1, maxLength: 128 }, required: true },
        },
        header: { "x-api-key": { schema: { type: "string" } } },
      },
      getContainer: { path: { containerId: { schema: { type: "integer", minimum: 0 }, required: true } } },
    });
    const rules = operations.execute ?? {};
    const call = { query: { client: "web", sessionId: "s" }, body: { id: "1", context: { channel: "web" } } };
    expect(() => validateOperation(schemas, rules, call)).not.toThrow();
    expect(() => validateOperation(schemas, rules, { ...call, body: { id: "1", context: { channel: "tv" } } })).toThrow(
      "Invalid body.context.channel: must be one of web, mobile.",
    );
    expect(() => validateOperation(schemas, rules, { ...call, body: { context: { channel: "web" } } })).toThrow(
      "Invalid body.id: must be present.",
    );

    expect(run("--check")).toBe("");
    run();
    expect(readFileSync(outPath, "utf8")).toBe(generated);

    writeFileSync(specPath, spec.replace("maxLength: 128", "maxLength: 64"));
    let status: number | undefined;
    let stderr = "";
    try {
      run("--check");
    } catch (error) {
      ({ status, stderr } = error as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(stderr).toContain(`✘ ${outPath} is out of date with ${specPath}; run pnpm generate`);
    expect(readFileSync(outPath, "utf8")).toBe(generated);
  });

  it("refuses what validate() would get wrong", () => {
    writeFileSync(specPath, spec.replace("minimum: 0,", "minimum: 0, exclusiveMinimum: true,"));
    expect(() => run()).toThrow(/exclusiveMinimum: unsupported value true/);
    writeFileSync(specPath, spec.replace('"^[a-z]+$"', '"^\\\\-$"'));
    expect(() => run()).toThrow(/not a valid ECMAScript regex with the u flag/);
    writeFileSync(specPath, spec.replace('"#/components/schemas/Context"', '"#/components/schemas/Missing"'));
    expect(() => run()).toThrow(/Missing not found/);
  });

  it("follows references into other files as openapi-typescript does, and names one it cannot resolve", () => {
    writeFileSync(specPath, spec);
    run();
    const local = readFileSync(outPath, "utf8");
    // The shape of specs/shared/platform.yaml: the spec lists what it takes from the other file under the same name.
    const client =
      '    Client:\n      name: client\n      in: query\n      required: true\n      schema: { type: string, pattern: "^[a-z]+$" }\n';
    const context = spec.slice(spec.indexOf("    Context:\n"));
    const alias = (file: string, kind: string, name: string) =>
      `    ${name}:\n      $ref: "./shared/${file}#/components/${kind}/${name}"\n`;
    expect(spec).toContain(client);
    mkdirSync(join(dir, "shared"), { recursive: true });
    writeFileSync(join(dir, "shared", "common.yaml"), `components:\n  parameters:\n${client}  schemas:\n${context}`);
    const shared = spec.replace(client, alias("common.yaml", "parameters", "Client"));
    writeFileSync(specPath, shared.replace(context, alias("common.yaml", "schemas", "Context")));
    run();
    expect(readFileSync(outPath, "utf8")).toBe(local);

    writeFileSync(specPath, spec.replace(client, alias("missing.yaml", "parameters", "Client")));
    expect(() => run()).toThrow(
      "cannot resolve $ref ./shared/missing.yaml#/components/parameters/Client (at #/components/parameters/Client)",
    );
  });

  it("refuses parameter keywords that only the opt-in full check knows, so no default check is skipped", () => {
    writeFileSync(specPath, spec.replace("minimum: 0,", "exclusiveMinimum: 0,"));
    expect(() => run()).toThrow(/getContainer path.containerId: .* does not support exclusiveMinimum/);
    writeFileSync(specPath, spec.replace("schema: { type: string }", 'schema: { type: string, const: "k" }'));
    expect(() => run()).toThrow(/execute header.x-api-key: .* does not support const/);
    writeFileSync(specPath, spec.replace("schema: { type: string }", "schema: { type: [string, number] }"));
    expect(() => run()).toThrow(/does not support a list of types/);
  });

  it("writes a location's rules once when several operations share them, and the table still checks each", async () => {
    const shared = `
openapi: 3.1.0
info: { title: Shared, version: "1" }
paths:
  /a:
    get: { operationId: getA, parameters: [{ $ref: "#/components/parameters/Org" }], responses: { "200": { description: ok } } }
  /b:
    get: { operationId: getB, parameters: [{ $ref: "#/components/parameters/Org" }], responses: { "200": { description: ok } } }
  /c:
    get:
      operationId: getC
      parameters: [{ name: x-other, in: header, schema: { type: string } }]
      responses: { "200": { description: ok } }
components:
  parameters:
    Org: { name: x-org, in: header, required: true, schema: { type: string, minLength: 1 } }
`;
    writeFileSync(specPath, shared);
    run();
    const generated = readFileSync(outPath, "utf8");
    expect(generated).toContain('const headerOfGetA = {\n  "x-org": xOrgRule\n};');
    expect(generated.match(/header: headerOfGetA/g)).toHaveLength(2);
    expect(generated).not.toContain("headerOfGetC");
    const core = fileURLToPath(new URL("../src/internal.ts", import.meta.url));
    const modulePath = join(dir, "shared-rules.ts");
    writeFileSync(modulePath, generated.replaceAll('from "@offerkit/core/internal"', `from ${JSON.stringify(core)}`));
    const { requestRules } = (await import(pathToFileURL(modulePath).href)) as {
      requestRules: Record<"getA" | "getB" | "getC", RequestRules>;
    };
    expect(() => checkRequest(requestRules, "getB", { header: { "x-org": "o" } })).not.toThrow();
    expect(() => checkRequest(requestRules, "getB", { header: {} })).toThrow("Invalid header.x-org: must be present.");
    expect(() => checkRequest(requestRules, "getC", { header: {} })).not.toThrow();
  });
});

describe("not", () => {
  const table = {
    Notification: {
      type: "object",
      properties: { mbox: { type: "object" }, view: { type: "object" } },
      not: { required: ["mbox", "view"] },
    },
  } as const;

  it("refuses fields the spec forbids together, and accepts either alone", () => {
    expect(() => validate(table, { $ref: "Notification" }, { mbox: {} }, "body")).not.toThrow();
    expect(() => validate(table, { $ref: "Notification" }, { view: {} }, "body")).not.toThrow();
    expect(() => validate(table, { $ref: "Notification" }, { mbox: {}, view: {} }, "body")).toThrow(
      "Invalid body: must be without mbox and view together.",
    );
    expect(() => validate(table, { not: { type: "string" } }, "x", "v")).toThrow("must be not of the excluded form");
  });

  it("refuses values the spec excludes, naming them", () => {
    const segment = { type: "string", minLength: 1, not: { enum: [".", ".."] } } as const;
    expect(() => validate(table, segment, "..", "path.workloadId")).toThrow(
      'Invalid path.workloadId: must be none of ".", "..".',
    );
    expect(() => validate(table, segment, "../x", "path.workloadId")).not.toThrow();
  });
});
