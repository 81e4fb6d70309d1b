#!/usr/bin/env node
// Pins the public surface of every published package: for each entry point in its package.json `exports`, every name
// a user can import, with its kind (and a function's signature), read from the built dist/*.d.ts the way a user's
// TypeScript reads it, re-exports (`export *`, `export { x } from "@offerkit/core"`) followed to what they name.
// The result is compared with packages/<pkg>/api-surface.txt; any difference fails with the lines that changed.
//
//   node scripts/check-api.mjs            compare (after pnpm build)
//   node scripts/check-api.mjs --update   rewrite every api-surface.txt from the build (pnpm run api:update)
//   --root <workspace>                    another workspace (the tests' fixtures)
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { workspacePackages } from "./workspace.mjs";

// require(), not import: Node's ESM loader would first scan typescript.js (9 MB) for its CommonJS exports.
const ts = createRequire(import.meta.url)("typescript");

const UPDATE_COMMAND = "pnpm run api:update";

function argValue(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

const root = resolve(argValue("--root") ?? fileURLToPath(new URL("..", import.meta.url)));
// Next to each package's package.json: outside its build inputs and its published files ("files": ["dist"]).
const SURFACE_FILE = "api-surface.txt";
const update = process.argv.includes("--update");
const rel = (file) => relative(root, file).split(sep).join("/");

// What a user's compiler sees: Node's ESM resolution with the `types` condition. No default library: naming and
// classifying exports never needs it, and leaving it out saves most of the parse time.
const options = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  noLib: true,
  types: [],
  skipLibCheck: true,
  noEmit: true,
};

const published = workspacePackages(root).filter((pkg) => pkg.manifest.private !== true && pkg.manifest.exports);
const failures = [];

/** The entry points of a package: [{ specifier, file }], file being the .d.ts TypeScript resolves it to. */
function entriesOf(pkg) {
  const { exports } = pkg.manifest;
  const subpaths =
    typeof exports === "string" || Array.isArray(exports) || !Object.keys(exports).some((k) => k.startsWith("."))
      ? ["."]
      : Object.keys(exports).filter((k) => k !== "./package.json");
  const entries = [];
  // Resolved from inside the package by its own name (a self-reference), so the exports map decides, as for a user.
  const from = join(pkg.dir, "__api_surface__.mts");
  for (const subpath of subpaths) {
    const specifier = subpath === "." ? pkg.name : `${pkg.name}${subpath.slice(1)}`;
    if (subpath.includes("*")) {
      failures.push(`${specifier}: pattern entries are not supported by scripts/check-api.mjs; list each entry`);
      continue;
    }
    const { resolvedModule } = ts.resolveModuleName(specifier, from, options, ts.sys);
    if (!resolvedModule?.resolvedFileName.endsWith(".d.ts")) {
      const got = resolvedModule ? ` (it resolves to ${rel(resolvedModule.resolvedFileName)})` : "";
      failures.push(`${specifier}: no built declaration file${got}; run pnpm build first`);
      continue;
    }
    entries.push({ specifier, file: resolvedModule.resolvedFileName });
  }
  return entries;
}

const surfaces = published.map((pkg) => ({ pkg, entries: entriesOf(pkg) }));
const program = ts.createProgram({
  rootNames: surfaces.flatMap(({ entries }) => entries.map((e) => e.file)),
  options,
});
const checker = program.getTypeChecker();
const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
const oneLine = (text) => text.replace(/\n\s*/g, " ").replace(/;$/, "");

/** One line per kind of declaration behind an export, e.g. `class ApiError extends OfferkitError`. */
function describe(entry, name, exported) {
  let symbol = exported;
  let typeOnly = false;
  // Follow the re-exports one hop at a time: `export type { X }` anywhere on the way leaves the user a type only.
  // (`export type * from` is not seen here; it is used for modules of types, where the note changes nothing.)
  while (symbol.flags & ts.SymbolFlags.Alias) {
    if ((symbol.declarations ?? []).some((d) => ts.isTypeOnlyImportOrExportDeclaration(d))) typeOnly = true;
    const next = checker.getImmediateAliasedSymbol(symbol);
    if (!next || next === symbol) break;
    symbol = next;
  }
  const declarations = symbol.declarations ?? [];
  if (declarations.length === 0 || symbol.flags & ts.SymbolFlags.Alias) {
    failures.push(
      `${entry.specifier}: ${name} is exported but leads to no declaration (a re-export of a missing name?)`,
    );
    return [];
  }
  const lines = new Set();
  for (const d of declarations) {
    const typeOnlyNote = typeOnly ? " (type only)" : "";
    if (ts.isFunctionDeclaration(d)) {
      const signature = ts.factory.updateFunctionDeclaration(
        d,
        undefined,
        d.asteriskToken,
        ts.factory.createIdentifier(name),
        d.typeParameters,
        d.parameters,
        d.type,
        undefined,
      );
      lines.add(`${oneLine(printer.printNode(ts.EmitHint.Unspecified, signature, d.getSourceFile()))}${typeOnlyNote}`);
    } else if (ts.isClassDeclaration(d)) {
      const abstract = d.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword) ? "abstract " : "";
      const base = d.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      const extendsText = base
        ? ` extends ${oneLine(printer.printNode(ts.EmitHint.Unspecified, base, d.getSourceFile()))}`
        : "";
      lines.add(`${abstract}class ${name}${extendsText}${typeOnlyNote}`);
    } else if (ts.isInterfaceDeclaration(d)) {
      lines.add(`interface ${name}`);
    } else if (ts.isTypeAliasDeclaration(d)) {
      lines.add(`type ${name}`);
    } else if (ts.isEnumDeclaration(d)) {
      const isConst = d.modifiers?.some((m) => m.kind === ts.SyntaxKind.ConstKeyword);
      lines.add(`${isConst ? "const enum" : "enum"} ${name}${typeOnlyNote}`);
    } else if (ts.isVariableDeclaration(d)) {
      const flags = ts.getCombinedNodeFlags(d);
      const keyword = flags & ts.NodeFlags.Const ? "const" : flags & ts.NodeFlags.Let ? "let" : "var";
      lines.add(`${keyword} ${name}${typeOnlyNote}`);
    } else if (ts.isModuleDeclaration(d) || ts.isSourceFile(d)) {
      lines.add(`namespace ${name}${typeOnlyNote}`);
    } else {
      lines.add(`${ts.SyntaxKind[d.kind]} ${name}`);
    }
  }
  return [...lines];
}

const byName = (a, b) => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};
/** The name an export line is about: the word after its kind. */
const nameOf = (line) =>
  line.match(
    /^(?:abstract class|const enum|class|enum|function\*?|interface|type|const|let|var|namespace|\w+) ([^\s<(]+)/,
  )?.[1] ?? line;

let exportCount = 0;

/** The surface of one entry: its lines, sorted by name; a function's overloads stay in their declared order. */
function surfaceOf(entry) {
  const source = program.getSourceFile(entry.file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [`(not a module: ${rel(entry.file)})`];
  const exported = checker.getExportsOfModule(moduleSymbol);
  exportCount += exported.length;
  return exported
    .map((exported) => ({ name: ts.symbolName(exported), lines: describe(entry, ts.symbolName(exported), exported) }))
    .sort((a, b) => byName(a.name, b.name))
    .flatMap(({ lines }) => lines);
}

/** The text of a package's api-surface.txt. */
function render({ pkg, entries }) {
  const out = [
    `# The public surface of ${pkg.name}: every name each entry point exports, with its kind.`,
    `# Written by \`${UPDATE_COMMAND}\` from the built dist/*.d.ts; \`pnpm test\` fails when the build differs.`,
  ];
  for (const entry of entries.sort((a, b) => byName(a.specifier, b.specifier))) {
    out.push("", `## ${entry.specifier}`, "", ...surfaceOf(entry));
  }
  return `${out.join("\n")}\n`;
}

/** "## entry" sections of a surface file: Map(entry -> lines). */
function sections(text) {
  const map = new Map();
  let current;
  for (const line of text.split("\n")) {
    if (line.startsWith("## ")) {
      current = line.slice(3);
      map.set(current, []);
    } else if (current !== undefined && line !== "") map.get(current).push(line);
  }
  return map;
}

/** What changed between the checked-in surface and the built one, entry by entry. */
function explain(expected, actual) {
  const [before, after] = [sections(expected), sections(actual)];
  const out = [];
  for (const entry of [...new Set([...before.keys(), ...after.keys()])].sort(byName)) {
    const [old, now] = [before.get(entry), after.get(entry)];
    if (!old) {
      out.push(`  ${entry} (a new entry point)`, ...now.map((l) => `    + ${l}`));
      continue;
    }
    if (!now) {
      out.push(`  ${entry} (no longer an entry point)`, ...old.map((l) => `    - ${l}`));
      continue;
    }
    const [had, has] = [new Set(old), new Set(now)];
    const changes = [
      ...old.filter((l) => !has.has(l)).map((l) => ({ line: l, sign: "-" })),
      ...now.filter((l) => !had.has(l)).map((l) => ({ line: l, sign: "+" })),
    ].sort((a, b) => byName(nameOf(a.line), nameOf(b.line)) || (a.sign === b.sign ? 0 : a.sign === "-" ? -1 : 1));
    if (changes.length > 0) out.push(`  ${entry}`, ...changes.map((c) => `    ${c.sign} ${c.line}`));
  }
  // Same lines, different text: order, spacing or the header was edited by hand.
  if (out.length === 0) out.push("  (the same names; the file's layout differs from what the update writes)");
  return out;
}

const files = new Map(surfaces.map((surface) => [join(surface.pkg.dir, SURFACE_FILE), render(surface)]));
if (failures.length > 0) {
  for (const line of failures) console.error(`✘ ${line}`);
  process.exit(1);
}
// A surface file left in a package that is no longer published (made private, its exports removed).
const stale = workspacePackages(root)
  .map((pkg) => join(pkg.dir, SURFACE_FILE))
  .filter((path) => existsSync(path) && !files.has(path));

if (update) {
  for (const [path, text] of files) writeFileSync(path, text);
  for (const path of stale) rmSync(path);
  console.log(`Wrote ${files.size} ${SURFACE_FILE} file(s) (packages/*/${SURFACE_FILE}); review and commit them.`);
  process.exit(0);
}

let differing = 0;
for (const [path, text] of files) {
  const expected = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  if (expected === text) continue;
  differing++;
  const pkgName = surfaces.find((s) => join(s.pkg.dir, SURFACE_FILE) === path).pkg.name;
  if (expected === undefined) {
    console.error(`✘ ${rel(path)} is missing: ${pkgName} has no pinned surface yet`);
    continue;
  }
  console.error(`✘ the public surface of ${pkgName} differs from ${rel(path)} (- pinned, + built):`);
  for (const line of explain(expected, text)) console.error(line);
}
for (const path of stale) {
  differing++;
  console.error(`✘ ${rel(path)} belongs to a package that is not published (made private, or no "exports"?)`);
}
if (differing > 0) {
  console.error(
    `\nIf the change is intended, run \`${UPDATE_COMMAND}\` (it builds first) and commit the ${SURFACE_FILE} files ` +
      "with it; a removed or changed line may break users' code: say so in the changeset.",
  );
  process.exit(1);
}
console.log(
  `The public surface matches every ${SURFACE_FILE}: ${exportCount} exports in ` +
    `${surfaces.reduce((n, s) => n + s.entries.length, 0)} entry points of ${files.size} packages.`,
);
