#!/usr/bin/env node
// Turns the request constraints of an OpenAPI 3.1 spec into `src/generated/request-rules.ts`, so clients refuse bad
// input before any network call without the constraints being copied by hand. It exports:
// - `requestRules`: what every call checks by default with core's `checkRequest` (parameters with their schemas
//   inlined, a required body's presence and kind), each rule composed of core's small checks (`isString`, `hasLength`,
//   ...) so that a bundle carries only the kinds of check its spec uses, and each distinct rule written once;
// - `schemas` and `operations`: every rule of the spec, for the opt-in full check (core's `validateOperation`,
//   behind each client's `/validation` export). Bundlers drop them from bundles that do not opt in.
//
// The spec is read the way openapi-typescript reads it, through Redocly's bundler, so that both generated files come
// from the same document: `$ref`s into other files (specs/shared/platform.yaml) are brought into the spec's own
// components, under their names, before anything here looks at it.
//
// Usage (from a package dir): node ../../scripts/generate-validator.mjs <spec.yaml> <out.ts> [--check]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { bundle, createConfig } from "@redocly/openapi-core";

/** Keywords `validate()` understands; everything else is dropped. */
const KEYWORDS = new Set([
  "$ref",
  "type",
  "enum",
  "const",
  "required",
  "properties",
  "additionalProperties",
  "propertyNames",
  "minProperties",
  "maxProperties",
  "items",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
]);

/** Constraints `validate()` does not enforce: dropping them would make clients laxer than the spec, so refuse. */
const UNSUPPORTED = new Set([
  "if",
  "then",
  "else",
  "prefixItems",
  "contains",
  "minContains",
  "maxContains",
  "patternProperties",
  "dependentRequired",
  "dependentSchemas",
  "unevaluatedProperties",
  "unevaluatedItems",
  "multipleOf",
  "nullable",
  "$dynamicRef",
]);

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const LOCATIONS = ["path", "query", "header"];
// Marks each call as droppable when unused: the `/validation` entry imports this module for its other tables.
const PURE = "/* @__PURE__ */ ";
const TYPES = new Set(["string", "number", "integer", "boolean", "array", "object", "null"]);

class SpecError extends Error {}

async function main(argv) {
  const args = argv.filter((arg) => arg !== "--check");
  const check = args.length !== argv.length;
  const [specArg, outArg] = args;
  if (args.length !== 2 || !specArg || !outArg) {
    console.error("Usage: node scripts/generate-validator.mjs <spec.yaml> <out.ts> [--check]");
    return 2;
  }
  let content;
  try {
    content = generate(await bundleSpec(specArg), describeSpec(specArg));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    console.error(`✘ ${specArg}: ${error.message}`);
    return 1;
  }
  const current = readOrUndefined(outArg);
  if (check) {
    if (current === content) return 0;
    console.error(`✘ ${outArg} is out of date with ${specArg}; run pnpm generate`);
    return 1;
  }
  if (current !== content) {
    mkdirSync(dirname(outArg), { recursive: true });
    writeFileSync(outArg, content);
    console.log(`✔ wrote ${outArg}`);
  }
  return 0;
}

/**
 * The spec as one document: what it refers to in other files is copied into its components, and every `$ref` then
 * points into the document itself (`#/components/...`), as openapi-typescript sees it. A reference that still names
 * another file could not be resolved. References inside the spec are left as they are; the checks below report a
 * broken one where it matters.
 */
async function bundleSpec(specArg) {
  // An empty configuration: no decorators, so the bundle changes nothing but the references.
  const { bundle: document } = await bundle({ ref: specArg, config: await createConfig({}), dereference: false });
  const doc = document.parsed;
  const unresolved = [];
  const visit = (node, path) => {
    if (!node || typeof node !== "object") return;
    if (typeof node.$ref === "string" && !node.$ref.startsWith("#")) unresolved.push(`${node.$ref} (at ${path})`);
    for (const [key, value] of Object.entries(node))
      visit(value, `${path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
  };
  visit(doc, "#");
  if (unresolved.length > 0) throw new SpecError(`cannot resolve $ref ${unresolved.join(", ")}`);
  return doc;
}

/** The spec's path as the header names it: relative to the repository when inside it, so it is the same from any cwd. */
function describeSpec(specArg) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const path = relative(root, resolve(specArg));
  return path.startsWith("..") || isAbsolute(path) ? basename(specArg) : path.split(sep).join("/");
}

function readOrUndefined(path) {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error?.code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * The TypeScript module for one spec, from its bundled document. Pure, so that tests and `--check` see exactly what
 * would be written.
 */
export function generate(doc, specName) {
  if (!doc || typeof doc !== "object") throw new SpecError("not an OpenAPI document");
  const context = { doc, wanted: new Set() };
  const operations = collectOperations(context);
  const schemas = collectSchemas(context);
  const { imports, constants, rules } = defaultRules(operations, schemas);
  return [
    `// Generated from ${specName} by scripts/generate-validator.mjs. Do not edit.`,
    `import type { OperationRules, RequestRules, SchemaTable } from "@offerkit/core/internal";`,
    `import { ${imports.join(", ")} } from "@offerkit/core/internal";`,
    "",
    "// Each rule written once: many operations share a parameter (the identity headers, ids in paths).",
    ...constants,
    "",
    "/** What every call checks, opt-in or not (core's `checkRequest`). */",
    `export const requestRules = ${rules} as const satisfies Record<string, RequestRules>;`,
    "",
    "/** Every rule of the spec, for the opt-in full check (`/validation`); unused, bundlers drop them. */",
    `export const schemas: SchemaTable = ${format(schemas)};`,
    "",
    `export const operations = ${format(operations)} as const satisfies Record<string, OperationRules>;`,
    "",
  ].join("\n");
}

/**
 * The default checks: parameters with every `$ref` inlined, and a body's presence and top-level kind, as calls of
 * core's checks. Returns the checks to import, one constant per distinct rule, and the table that names them.
 */
function defaultRules(operations, schemas) {
  const inline = (schema) => {
    if (!schema || typeof schema !== "object") return schema;
    const { $ref, ...rest } = schema;
    const out = $ref === undefined ? {} : inline(schemas[$ref]);
    for (const [keyword, value] of Object.entries(rest)) {
      out[keyword] = keyword === "items" || keyword === "not" ? inline(value) : value;
    }
    return out;
  };
  const imports = new Set(["parameter"]);
  const call = (name, ...args) => {
    imports.add(name);
    // Trailing absent arguments are left out; an absent one before a given one is `undefined`.
    while (args.length > 0 && args.at(-1) === undefined) args.pop();
    return `${PURE}${name}(${args.map((arg) => (arg === undefined ? "undefined" : format(arg))).join(", ")})`;
  };
  const typeCheck = (type) => {
    const name = `is${type[0].toUpperCase()}${type.slice(1)}`;
    if (!TYPES.has(type)) throw new SpecError(`unknown type ${JSON.stringify(type)}`);
    imports.add(name);
    return name;
  };
  // In the order the full check reads a schema, so both report the same first violation.
  const checks = (s) => [
    ...(typeof s.type === "string" ? [typeCheck(s.type)] : []),
    ...(s.enum ? [call("isOneOf", s.enum)] : []),
    ...(s.minLength !== undefined || s.maxLength !== undefined
      ? [call("hasLength", s.minLength ?? 0, s.maxLength)]
      : []),
    ...(s.pattern !== undefined ? [call("matches", s.pattern)] : []),
    ...(s.minimum !== undefined || s.maximum !== undefined ? [call("inRange", s.minimum, s.maximum)] : []),
    ...(s.minItems !== undefined || s.maxItems !== undefined ? [call("hasItems", s.minItems, s.maxItems)] : []),
    ...(s.items ? [imports.add("eachItem") && `${PURE}eachItem(${checks(s.items).join(", ")})`] : []),
    ...(s.not?.enum ? [call("isNoneOf", s.not.enum)] : []),
  ];
  // Each distinct rule becomes one constant, named after the parameters that use it (`Rule` keeps it off keywords).
  const uses = new Map();
  const rule = (code, name) => {
    const names = uses.get(code) ?? new Set();
    names.add(name);
    uses.set(code, names);
    return code;
  };
  const table = {};
  for (const [id, operation] of Object.entries(operations)) {
    const entry = {};
    for (const location of LOCATIONS) {
      if (!operation[location]) continue;
      entry[location] = {};
      for (const [name, parameter] of Object.entries(operation[location])) {
        const schema = leanParameterSchema(inline(parameter.schema), `${id} ${location}.${name}`);
        const code = `${PURE}parameter(${[parameter.required === true, ...checks(schema)].join(", ")})`;
        entry[location][name] = rule(code, name);
      }
    }
    // Only a required body's presence and an object's kind are checked by default.
    const body = operation.body;
    const type = body && inline(body.schema).type;
    if (body && (body.required || type === "object")) {
      entry.body = rule(
        `${PURE}parameter(${[body.required === true, ...(type === "object" ? [typeCheck(type)] : [])].join(", ")})`,
        "body",
      );
    }
    table[id] = entry;
  }
  const names = new Map();
  const taken = new Set();
  for (const [code, used] of uses) {
    const [first, second] = used;
    const base = `${camelCase(second === undefined ? first : `${first} or ${second}${used.size > 2 ? " etc" : ""}`)}Rule`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    names.set(code, name);
  }
  const constants = [...names].map(([code, name]) => `const ${name} = ${code};`);
  // A location's rules that several operations share (a Platform spec's identity headers, a list's query) are
  // written once too: a spec of sixty operations would otherwise repeat the same header table sixty times.
  const ruleName = (code) => names.get(code);
  const byText = new Map();
  for (const [id, entry] of Object.entries(table)) {
    for (const location of LOCATIONS) {
      if (!entry[location]) continue;
      const text = format(entry[location], "", ruleName);
      const shared = byText.get(text) ?? { ids: [], location };
      shared.ids.push(id);
      byText.set(text, shared);
    }
  }
  const SHARED = "\u0000";
  for (const [text, { ids, location }] of byText) {
    if (ids.length < 2) continue;
    const name = `${location}Of${ids[0][0].toUpperCase()}${ids[0].slice(1)}`;
    constants.push(`const ${name} = ${text};`);
    for (const id of ids) table[id][location] = SHARED + name;
  }
  const rules = format(table, "", (code) => (code.startsWith(SHARED) ? code.slice(1) : ruleName(code)));
  return { imports: [...imports].sort(), constants, rules };
}

/** `x-gw-ims-org-id` → `xGwImsOrgId`: a parameter's name as a JavaScript identifier. */
function camelCase(name) {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((word, i) => (i === 0 ? word : word[0].toUpperCase() + word.slice(1))).join("");
  return /^[A-Za-z_$]/.test(joined) ? joined : `_${joined}`;
}

/**
 * Core's default check of a parameter (`checkRequest`) knows one `type`, `enum`, the string, number and array bounds,
 * `items` and `not: { enum }`, which keeps it small; a keyword only the opt-in full check knows would be skipped there.
 */
function leanParameterSchema(schema, where) {
  for (let s = schema; s && typeof s === "object"; s = s.items) {
    const unsupported = ["const", "exclusiveMinimum", "exclusiveMaximum"].find((keyword) => keyword in s);
    if (unsupported || Array.isArray(s.type)) {
      throw new SpecError(`${where}: the default parameter check does not support ${unsupported ?? "a list of types"}`);
    }
  }
  return schema;
}

/**
 * JSON as a TypeScript literal: 2-space indent, bare identifier keys, arrays of scalars on one line. With `leaf`,
 * strings are written as what it returns (code).
 */
function format(value, indent = "", leaf = JSON.stringify) {
  if (!value || typeof value !== "object") return typeof value === "string" ? leaf(value) : JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((item) => !item || typeof item !== "object"))
      return `[${value.map((item) => format(item, "", leaf)).join(", ")}]`;
    return `[\n${value.map((item) => inner + format(item, inner, leaf)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  // A literal `__proto__:` key would set the prototype instead of a property; the computed form does not.
  const key = (k) => (k === "__proto__" ? `["__proto__"]` : /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${format(v, inner, leaf)}`).join(",\n")}\n${indent}}`;
}

function collectOperations(context) {
  const operations = {};
  for (const [path, rawItem] of Object.entries(context.doc.paths ?? {})) {
    const item = resolveComponent(context, rawItem, "pathItems", path);
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const id = operation?.operationId;
      if (typeof id !== "string") throw new SpecError(`${where} has no operationId`);
      if (Object.hasOwn(operations, id)) throw new SpecError(`operationId ${id} is used twice`);
      operations[id] = operationRules(context, item, operation, `${id} (${where})`);
    }
  }
  return operations;
}

function operationRules(context, item, operation, where) {
  const rules = {};
  const body = operation.requestBody && resolveComponent(context, operation.requestBody, "requestBodies", where);
  const bodySchema = body && jsonSchemaOf(body.content);
  if (bodySchema) {
    rules.body = { schema: compact(context, bodySchema, `${where} request body`) };
    if (body.required === true) rules.body.required = true;
  }
  // Operation-level parameters override path-level ones with the same name and location.
  const parameters = new Map();
  for (const raw of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolveComponent(context, raw, "parameters", where);
    if (LOCATIONS.includes(parameter.in)) parameters.set(`${parameter.in} ${parameter.name}`, parameter);
  }
  for (const location of LOCATIONS) {
    for (const parameter of parameters.values()) {
      if (parameter.in !== location) continue;
      const schema = parameter.schema ?? jsonSchemaOf(parameter.content) ?? {};
      const rule = { schema: compact(context, schema, `${where} ${location} parameter ${parameter.name}`) };
      if (parameter.required === true || location === "path") rule.required = true;
      rules[location] ??= {};
      // HTTP header names are case-insensitive: one spelling in the table, the runtime lowercases both sides.
      rules[location][location === "header" ? parameter.name.toLowerCase() : parameter.name] = rule;
    }
  }
  return rules;
}

/** The schema of the first JSON media type (`application/json`, `application/*+json`, ...), if any. */
function jsonSchemaOf(content) {
  for (const [type, media] of Object.entries(content ?? {})) {
    if (/^[^;]*[/+]json\s*(;|$)/i.test(type) && media?.schema !== undefined) return media.schema;
  }
  return undefined;
}

function resolveComponent(context, value, kind, where) {
  const seen = new Set();
  let current = value;
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    const prefix = `#/components/${kind}/`;
    if (!current.$ref.startsWith(prefix)) throw new SpecError(`${where}: unsupported $ref ${current.$ref}`);
    if (seen.has(current.$ref)) throw new SpecError(`${where}: circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    const name = decodePointer(current.$ref.slice(prefix.length));
    const target = context.doc.components?.[kind]?.[name];
    if (target === undefined) throw new SpecError(`${where}: $ref ${current.$ref} not found`);
    current = target;
  }
  if (!current || typeof current !== "object") throw new SpecError(`${where}: expected an object`);
  return current;
}

function decodePointer(token) {
  return decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~");
}

/** Component schemas reachable from the operations, in spec order. */
function collectSchemas(context) {
  const all = context.doc.components?.schemas ?? {};
  const done = new Set();
  const compacted = new Map();
  // Compacting a schema can want more schemas; loop until nothing new is wanted.
  while (done.size < context.wanted.size) {
    for (const name of [...context.wanted]) {
      if (done.has(name)) continue;
      done.add(name);
      compacted.set(name, compact(context, all[name], `components/schemas/${name}`));
    }
  }
  const schemas = {};
  for (const name of Object.keys(all)) if (compacted.has(name)) schemas[name] = compacted.get(name);
  return schemas;
}

function compact(context, schema, where) {
  if (schema === true) return {};
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) {
    throw new SpecError(`${where}: unsupported schema ${JSON.stringify(schema)}`);
  }
  const out = {};
  for (const [keyword, value] of Object.entries(schema)) {
    const at = `${where}/${keyword}`;
    if (!KEYWORDS.has(keyword)) {
      // A client laxer than its spec would let bad input reach the network: teach validate() the keyword instead.
      if (UNSUPPORTED.has(keyword)) throw new SpecError(`${at}: validate() does not enforce "${keyword}"`);
      continue;
    }
    switch (keyword) {
      case "$ref":
        out.$ref = schemaName(context, value, at);
        break;
      case "properties":
        out.properties = {};
        for (const [name, sub] of Object.entries(value)) out.properties[name] = compact(context, sub, `${at}/${name}`);
        break;
      case "additionalProperties":
        if (value === false) out.additionalProperties = false;
        else if (value !== true) out.additionalProperties = compact(context, value, at);
        break;
      case "items":
      case "propertyNames":
      case "not":
        out[keyword] = compact(context, value, at);
        break;
      case "allOf":
      case "anyOf":
      case "oneOf":
        if (!Array.isArray(value) || value.length === 0) throw new SpecError(`${at} must be a non-empty array`);
        out[keyword] = value.map((sub, i) => compact(context, sub, `${at}/${i}`));
        break;
      case "pattern":
        try {
          new RegExp(value, "u");
        } catch (error) {
          throw new SpecError(`${at} is not a valid ECMAScript regex with the u flag: ${error.message}`);
        }
        out.pattern = value;
        break;
      default:
        checkValue(keyword, value, at);
        out[keyword] = value;
    }
  }
  return out;
}

/** Catches what would silently misbehave at runtime, such as the OpenAPI 3.0 boolean `exclusiveMinimum`. */
function checkValue(keyword, value, where) {
  const ok =
    keyword === "const" ||
    (keyword === "type" && (typeof value === "string" || isArrayOf(value, "string"))) ||
    (keyword === "required" && isArrayOf(value, "string")) ||
    (keyword === "enum" && Array.isArray(value)) ||
    (keyword === "uniqueItems" && typeof value === "boolean") ||
    (/^(min|max|exclusiveM)/.test(keyword) && typeof value === "number");
  if (!ok) throw new SpecError(`${where}: unsupported value ${JSON.stringify(value)}`);
}

function isArrayOf(value, type) {
  return Array.isArray(value) && value.every((item) => typeof item === type);
}

function schemaName(context, ref, where) {
  const prefix = "#/components/schemas/";
  if (typeof ref !== "string" || !ref.startsWith(prefix)) throw new SpecError(`${where}: unsupported $ref ${ref}`);
  const name = decodePointer(ref.slice(prefix.length));
  if (!Object.hasOwn(context.doc.components?.schemas ?? {}, name))
    throw new SpecError(`${where}: $ref ${ref} not found`);
  context.wanted.add(name);
  return name;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
