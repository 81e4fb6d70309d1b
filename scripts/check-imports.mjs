#!/usr/bin/env node
// Fails on an import circle anywhere in the workspace's src/**/*.ts, and on an import that breaks a layer rule.
// The graph has one node per source file and one edge per import: relative imports (`./x.js` -> `./x.ts`),
// subpath imports (`#ims`: every condition of the package's `imports` map, dist/*.js mapped back to src/*.ts) and
// workspace packages (`@offerkit/core/internal`: every condition of that package's `exports`, mapped back the same
// way). Type-only imports are edges too, marked as such: at run time they vanish, for a reader they are still a circle.
//
//   node scripts/check-imports.mjs [--root <workspace>]     (or checkImports({ root, layers }) from a test)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { workspacePackages } from "./workspace.mjs";

// require(), not import: Node's ESM loader would first scan typescript.js (9 MB) for its CommonJS exports.
const ts = createRequire(import.meta.url)("typescript");

// Layer rules. Each table looks at the imports between files under `within`; a rule's key is a path prefix (relative
// to `within`) naming the importing files, its value the prefixes those files may import. A file may always import
// files under its own rule's prefix; the longest matching key wins; a file no key matches may import anything under
// `within`. Imports of files outside `within` (another table's business, or npm packages) are not looked at.
export const LAYERS = [
  {
    name: "workspace packages",
    within: "packages/",
    rules: {
      // The shared runtime: no other package of ours.
      "core/": [],
      // The API clients: core only, never each other nor the facade.
      "delivery/": ["core/"],
      "ods/": ["core/"],
      "ode/": ["core/"],
      "xcore/": ["core/"],
      "dps/": ["core/"],
      // The on-device engine: core's error classes only (src/errors.ts), no client, no facade.
      "target-rules/": ["core/"],
      // The facade builds on the clients, core and the engine.
      "sdk/": ["core/", "delivery/", "ods/", "ode/", "xcore/", "dps/", "target-rules/"],
      // mock/ and testkit/ are not listed: they may import anything.
    },
  },
  {
    name: "core's folders",
    within: "packages/core/src/",
    rules: {
      // Lowest first; ARCHITECTURE.md draws the same picture. The entry files (index.ts, internal.ts, node.ts) and
      // version.ts are not listed: entries may import every layer, and version.ts imports nothing.
      "errors/": [],
      "checks/": ["errors/"],
      "timing/": ["errors/"],
      "transport/": ["errors/", "checks/", "timing/", "version.ts"],
      "auth/": ["errors/", "checks/", "timing/", "transport/", "version.ts"],
      "paging/": ["errors/", "checks/", "timing/"],
      "runner/": ["errors/", "checks/", "timing/", "transport/", "auth/"],
    },
  },
];

// Circles listed per group of files that import each other (a strongly connected component) before the rest is only
// mentioned, and the steps the search for them may take: a tangled group has more circles than anyone reads.
const MAX_CIRCLES_PER_GROUP = 50;
const MAX_SEARCH_STEPS = 200_000;

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts"];

function sourceFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(path));
    else if (SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith(".d.ts"))
      found.push(path);
  }
  return found;
}

/** Every import of a file: { specifier, typeOnly, line }. Read from TypeScript's syntax tree, so a multi-line
 * import, `export ... from`, `import()` and `import("x").T` types are all seen, and nothing in a comment or string. */
function importsOf(file) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found = [];
  const add = (literal, typeOnly) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const { line } = source.getLineAndCharacterOfPosition(literal.getStart(source));
    found.push({ specifier: literal.text, typeOnly, line: line + 1 });
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      // `import { type A } from "x"` stays in the output as `import {} from "x"` (verbatimModuleSyntax): a run-time edge.
      add(node.moduleSpecifier, node.importClause?.isTypeOnly === true);
    } else if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier) add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node)) {
      if (ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node)) {
      if (ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A path written in dist/ (or src/) of a package -> the source file it is built from, or undefined. */
function sourceOf(pkgDir, target) {
  const path = resolve(pkgDir, target);
  const inPackage = relative(pkgDir, path).split(sep).join("/");
  const asSource = inPackage.startsWith("dist/") ? `src/${inPackage.slice("dist/".length)}` : inPackage;
  return sourceFile(join(pkgDir, asSource));
}

/** A module path as written in ESM (`x.js`, `x.d.ts`, `dir/index.js`, `x`) -> the .ts file it stands for. */
function sourceFile(path) {
  const stems = [];
  const swaps = [
    [".d.ts", ".ts"],
    [".d.mts", ".mts"],
    [".d.cts", ".cts"],
    [".js", ".ts"],
    [".jsx", ".tsx"],
    [".mjs", ".mts"],
    [".cjs", ".cts"],
  ];
  const swap = swaps.find(([from]) => path.endsWith(from));
  if (swap) {
    const stem = path.slice(0, -swap[0].length);
    stems.push(`${stem}${swap[1]}`, `${stem}.tsx`);
  }
  if (SOURCE_EXTENSIONS.some((ext) => path.endsWith(ext))) stems.push(path);
  for (const ext of SOURCE_EXTENSIONS) stems.push(`${path}${ext}`, join(path, `index${ext}`));
  return stems.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Every path a package.json `exports`/`imports` value can lead to, whatever the conditions. */
function targetsOf(value) {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(targetsOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(targetsOf);
  return []; // null: excluded on purpose
}

/** The value of `key` in an exports/imports map, with `*` patterns: [value, what * stands for]. */
function lookUp(map, key) {
  if (!map || typeof map !== "object") return undefined;
  if (Object.hasOwn(map, key)) return [map[key], undefined];
  const patterns = Object.keys(map)
    .filter((k) => k.includes("*"))
    .sort((a, b) => b.length - a.length);
  for (const pattern of patterns) {
    const [head, tail] = pattern.split("*");
    if (key.startsWith(head) && key.endsWith(tail) && key.length >= pattern.length - 1)
      return [map[pattern], key.slice(head.length, key.length - tail.length)];
  }
  return undefined;
}

function exportsMap(manifest) {
  const { exports } = manifest;
  if (exports === undefined) return undefined;
  // A string, an array or a map of conditions is the "." entry alone.
  if (typeof exports === "string" || Array.isArray(exports) || !Object.keys(exports).some((k) => k.startsWith(".")))
    return { ".": exports };
  return exports;
}

// Circles: Tarjan's strongly connected components (groups of files that all reach each other), then the elementary
// circles inside each group by a depth-first search.
function stronglyConnected(nodes, next) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  for (const start of nodes) {
    if (index.has(start)) continue;
    // Iterative, so a long chain of files cannot overflow the call stack.
    const work = [[start, next(start)[Symbol.iterator]()]];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const [node, it] = work[work.length - 1];
      const step = it.next();
      if (!step.done) {
        const to = step.value;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push([to, next(to)[Symbol.iterator]()]);
        } else if (onStack.has(to)) {
          low.set(node, Math.min(low.get(node), index.get(to)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const group = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          group.push(member);
        } while (member !== node);
        groups.push(group);
      }
    }
  }
  return groups;
}

/** Checks the workspace at `root`: { failures } (the lines to print, empty when all is well) and a `summary`. */
export function checkImports({ root, layers = LAYERS }) {
  const rel = (file) => relative(root, file).split(sep).join("/");
  const packages = workspacePackages(root).filter((pkg) => existsSync(join(pkg.dir, "src")));
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const packageOf = (file) => packages.find((pkg) => file.startsWith(pkg.dir + sep));

  /** A specifier in `file` -> { files } (the source files it leads to), { external } (not ours) or { error }. */
  function resolveImport(file, specifier) {
    const pkg = packageOf(file);
    if (specifier.startsWith("./") || specifier.startsWith("../")) {
      const found = sourceFile(resolve(dirname(file), specifier));
      if (found) return { files: [found] };
      if (existsSync(resolve(dirname(file), specifier))) return { external: true }; // a .json or other non-TS file
      return { error: "no such source file" };
    }
    const viaMap = (owner, map, key, what) => {
      const hit = lookUp(map, key);
      if (!hit) return { error: `${owner.name}'s package.json has no ${what} entry for "${key}"` };
      const [value, star] = hit;
      const files = [];
      // A Node bundle (build-package.mjs, step 6) is built from the entry's `default` target: that one has the source.
      const nodeBundle = what === "exports" && owner.manifest.offerkit?.nodeBundles?.[key] ? value.node : undefined;
      for (let target of targetsOf(value)) {
        if (target === nodeBundle) continue;
        if (star !== undefined) target = target.replaceAll("*", star);
        if (!target.startsWith("./")) {
          // An imports-map entry may name a package instead of a file.
          const resolved = resolveImport(file, target);
          if (resolved.error) return resolved;
          files.push(...(resolved.files ?? []));
          continue;
        }
        const found = sourceOf(owner.dir, target);
        if (!found)
          return { error: `${what} target ${target} of "${key}" in ${owner.name} has no source file in src/` };
        files.push(found);
      }
      return { files: [...new Set(files)] };
    };
    if (specifier.startsWith("#")) {
      if (!pkg) return { error: "not inside a workspace package" };
      return viaMap(pkg, pkg.manifest.imports, specifier, "imports");
    }
    if (specifier.startsWith("node:")) return { external: true };
    const parts = specifier.split("/");
    const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
    const target = byName.get(name);
    if (!target) return { external: true };
    const subpath = specifier === name ? "." : `.${specifier.slice(name.length)}`;
    const map = exportsMap(target.manifest);
    if (!map) return { error: `${name} has no "exports" in its package.json` };
    return viaMap(target, map, subpath, "exports");
  }

  // The graph: file -> Map(file -> { typeOnly, line, specifier }). One edge per pair; run time wins over type-only.
  const graph = new Map();
  const problems = [];
  for (const pkg of packages) {
    for (const file of sourceFiles(join(pkg.dir, "src"))) graph.set(file, new Map());
  }
  for (const [file, edges] of graph) {
    for (const imp of importsOf(file)) {
      const resolved = resolveImport(file, imp.specifier);
      if (resolved.error) {
        problems.push(`${rel(file)}:${imp.line} imports "${imp.specifier}": ${resolved.error}`);
        continue;
      }
      for (const to of resolved.files ?? []) {
        if (!graph.has(to)) {
          problems.push(`${rel(file)}:${imp.line} imports "${imp.specifier}", which leads outside src/: ${rel(to)}`);
          continue;
        }
        const known = edges.get(to);
        if (!known || (known.typeOnly && !imp.typeOnly)) edges.set(to, { ...imp });
      }
    }
  }

  // Layer rules: one line per importing file and imported prefix.
  const violations = [];
  for (const [from, edges] of graph) {
    const fromPkg = packageOf(from);
    for (const [to, edge] of edges) {
      // A relative import reaching into another package would skip its exports map and its build.
      if (edge.specifier.startsWith(".") && packageOf(to) !== fromPkg)
        violations.push(
          `${rel(from)}:${edge.line} imports ${rel(to)} by a relative path: import "${packageOf(to).name}"`,
        );
    }
  }
  for (const table of layers) {
    const keys = Object.keys(table.rules).sort((a, b) => b.length - a.length);
    for (const [from, edges] of graph) {
      const fromPath = rel(from);
      if (!fromPath.startsWith(table.within)) continue;
      const key = keys.find((k) => fromPath.slice(table.within.length).startsWith(k));
      if (key === undefined) continue;
      const allowed = [key, ...table.rules[key]];
      for (const [to, edge] of edges) {
        const toPath = rel(to);
        if (!toPath.startsWith(table.within)) continue;
        const inner = toPath.slice(table.within.length);
        if (allowed.some((prefix) => inner.startsWith(prefix))) continue;
        const may = table.rules[key].length === 0 ? "nothing else" : `only ${table.rules[key].join(", ")}`;
        violations.push(
          `${fromPath}:${edge.line} imports "${edge.specifier}" (${toPath})${edge.typeOnly ? " [type-only]" : ""}: ` +
            `in ${table.name}, ${table.within}${key} may import ${may}`,
        );
      }
    }
  }

  /** The elementary circles of one group, each found once (from its first file in path order): { circles, complete }. */
  function circlesIn(group) {
    const order = [...group].sort((a, b) => (rel(a) < rel(b) ? -1 : 1));
    const circles = [];
    let steps = 0;
    const full = () => circles.length > MAX_CIRCLES_PER_GROUP || steps > MAX_SEARCH_STEPS;
    for (let i = 0; i < order.length && !full(); i++) {
      // Circles through order[i] that use only order[i..]: a circle is found from its first file alone.
      const allowed = new Set(order.slice(i));
      const start = order[i];
      const path = [start];
      const onPath = new Set(path);
      const walk = (node) => {
        for (const to of [...graph.get(node).keys()].sort((a, b) => (rel(a) < rel(b) ? -1 : 1))) {
          steps++;
          if (full()) return;
          if (!allowed.has(to)) continue;
          if (to === start) circles.push([...path, start]);
          else if (!onPath.has(to)) {
            path.push(to);
            onPath.add(to);
            walk(to);
            path.pop();
            onPath.delete(to);
          }
        }
      };
      walk(start);
    }
    return { circles: circles.slice(0, MAX_CIRCLES_PER_GROUP), complete: !full() };
  }

  const groups = stronglyConnected([...graph.keys()].sort(), (node) => graph.get(node).keys()).filter(
    (group) => group.length > 1 || graph.get(group[0]).has(group[0]),
  );
  const circleLines = [];
  let circleCount = 0;
  for (const group of groups.sort((a, b) => (rel(a.sort()[0]) < rel(b.sort()[0]) ? -1 : 1))) {
    const { circles, complete } = circlesIn(group);
    // Paths relative to the package's src/ when the whole group is inside one package.
    const pkgs = new Set(group.map((file) => packageOf(file)));
    const base = pkgs.size === 1 ? join([...pkgs][0].dir, "src") : root;
    const name = (file) => relative(base, file).split(sep).join("/");
    const members = group.map(name).sort().join(", ");
    circleLines.push(`  ${base === root ? "" : `${rel(base)}/: `}${group.length} files in circles: ${members}`);
    for (const circle of circles.sort((a, b) => a.length - b.length)) {
      circleCount++;
      let text = name(circle[0]);
      let typeOnly = false;
      for (let k = 1; k < circle.length; k++) {
        const edge = graph.get(circle[k - 1]).get(circle[k]);
        typeOnly ||= edge.typeOnly;
        // A package or subpath import says how it got there: `auth.ts -> ims.browser.ts (#ims)`.
        const via = edge.specifier.startsWith(".") ? "" : ` (${edge.specifier})`;
        text += `${edge.typeOnly ? " -type-> " : " -> "}${name(circle[k])}${via}`;
      }
      circleLines.push(`    ${text}${typeOnly ? "   [type-only]" : ""}`);
    }
    if (!complete)
      circleLines.push(`    ... and more: only the first ${circles.length} circles of this group are listed`);
  }

  const files = graph.size;
  const edges = [...graph.values()].reduce((sum, e) => sum + e.size, 0);
  const failures = [];
  if (problems.length > 0) {
    failures.push(`✘ ${problems.length} import(s) that do not resolve to a source file:`);
    failures.push(...problems.map((line) => `  ${line}`));
  }
  if (violations.length > 0) {
    failures.push(
      `✘ ${violations.length} import(s) breaking a layer rule (the tables at the top of scripts/check-imports.mjs):`,
    );
    failures.push(...violations.map((line) => `  ${line}`));
  }
  if (circleCount > 0) {
    failures.push(
      `✘ ${circleCount} import circle(s) in ${groups.length} group(s) of files. "-type->" is an \`import type\` or ` +
        "`export type`; a circle with one is [type-only]: gone at run time, still a circle to read.",
      ...circleLines,
    );
  }
  return { failures, summary: `${files} files, ${edges} imports between them, in ${packages.length} packages` };
}

function argValue(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(argValue("--root") ?? fileURLToPath(new URL("..", import.meta.url)));
  const { failures, summary } = checkImports({ root });
  if (failures.length > 0) {
    for (const line of failures) console.error(line);
    console.error(`(${summary})`);
    process.exit(1);
  }
  console.log(`No import circles and no layer broken: ${summary}.`);
}
