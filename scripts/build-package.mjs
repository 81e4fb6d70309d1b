#!/usr/bin/env node
// The `build` of each published runtime package, run in the package's directory: tsc writes the .d.ts files, esbuild
// writes the JavaScript with each entry point bundled into one module. Node pays for every module it loads and every
// specifier it resolves: `import "@offerkit/sdk"` loaded 63 modules and resolved 170 specifiers when tsc wrote one .js
// per source file (see bench/README.md, import-cold-start).
//
// - Entry points come from package.json: every file its `exports` and `imports` map to (all conditions but `types`),
//   traced back to its source through tsconfig.build.json's rootDir and outDir. Moving files inside src/ needs no
//   change here; a new entry point needs only its line in package.json.
// - Code that two entry points share is written once, in dist/chunks/, and imported by both, so each class exists
//   once per package and `instanceof` holds across `@offerkit/core`, `@offerkit/core/internal` and the rest. Code
//   only one entry point uses stays in its file.
// - esbuild's code splitting makes one chunk per set of entry points sharing code: with ten entry points, core had
//   twelve, down to 43 bytes. A second pass joins chunks where that is free: (a) an entry point that any runtime
//   may load (a `default` target) reaches the chunk, so no runtime loads code it did not load before (core's Node
//   transport, under `node` only, stays apart); (b) esbuild drops all of the chunk's top level when none of its
//   exports is used, so bundlers still leave out every unused part, as with the chunks apart; (c) joining makes no
//   import cycle, counting the package's `#` imports as edges to every file they may resolve to.
// - Only the package's own relative imports are bundled. Every bare import stays an import: dependencies, other
//   workspace packages, `node:` built-ins, and the package's `#` imports (`#base-fetch`, `#ims`), which the runtime
//   resolves by its conditions when it loads the package; nothing resolves them here.
// - Not minified: names and lines stay readable in stack traces and in dist/, and bundlers minify for browsers
//   anyway. Syntax is simplified (`minifySyntax`): it folds constants that one source file took from another, as
//   bundlers did across tsc's separate files (without it, browser bundles of the packages grow). Source maps carry
//   the sources, as tsc's `inlineSources` did, when tsconfig.build.json asks for source maps.
// - esbuild renames a top-level name that two bundled source files both declare (`isObject` becomes `isObject2`).
//   That is harmless for a private helper (its source map points at the right line), so the build fails only when it
//   would change the `name` of a class, or of a function users import.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const ts = require("typescript");

const cwd = process.cwd();
const pkg = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8"));
const failures = [];

// 1. tsconfig.build.json as TypeScript reads it (extends, comments): where the sources and the output live.
const configPath = join(cwd, "tsconfig.build.json");
const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
if (error) fail(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
const { options } = ts.parseJsonConfigFileContent(config ?? {}, ts.sys, cwd, undefined, configPath);
const { outDir, rootDir } = options;
if (!outDir || !rootDir) fail(`${relative(cwd, configPath)} must set rootDir and outDir`);
bail();

// 2. The entry points. `anyRuntime`: a runtime without a special condition may load the file (a plain target, or one
// under `default` or `import`), unlike, say, core's `#base-fetch` target under `node`. `publicFiles`: what users
// import (`exports`, unlike the package's own `imports`).
const targets = new Map(); // file -> anyRuntime
const publicFiles = new Set();
const collect = (value, anyRuntime, isPublic) => {
  if (typeof value === "string") {
    if (!value.endsWith(".js")) return;
    const file = resolve(cwd, value);
    targets.set(file, targets.get(file) || anyRuntime);
    if (isPublic) publicFiles.add(file);
  } else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "types") continue;
      const plain = /^[.#]/.test(key) || key === "default" || key === "import"; // a subpath, or no special condition
      collect(inner, anyRuntime && plain, isPublic);
    }
  }
};
collect(pkg.exports, true, true);
collect(pkg.imports, true, false);
const entryPoints = [];
for (const file of [...targets.keys()].sort()) {
  const stem = relative(outDir, file).replace(/\.js$/, "");
  const source = [".ts", ".mts", ".tsx"].map((ext) => join(rootDir, stem + ext)).find((path) => existsSync(path));
  if (stem.startsWith("..")) fail(`${relative(cwd, file)} (package.json) lies outside ${relative(cwd, outDir)}/`);
  else if (!source)
    fail(`${relative(cwd, file)} (package.json) has no source ${relative(cwd, join(rootDir, stem))}.ts`);
  else entryPoints.push({ in: source, out: stem });
}
if (entryPoints.length === 0) fail("package.json's exports and imports name no .js file");
bail();

// 3. A clean output folder, so that no file of an earlier layout reaches a tarball; then the declarations.
rmSync(outDir, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", configPath, "--emitDeclarationOnly"], {
  cwd,
  stdio: "inherit",
});

// 4. The JavaScript: code splitting into a scratch folder, then chunks joined into dist/.
const declared = new Set(
  ["dependencies", "peerDependencies", "optionalDependencies"].flatMap((field) => Object.keys(pkg[field] ?? {})),
);
const packageOf = (specifier) => specifier.split("/", specifier.startsWith("@") ? 2 : 1).join("/");
const isBare = (specifier) => !/^(\.{1,2}\/|\/|[a-zA-Z]:[\\/])/.test(specifier);
const common = {
  absWorkingDir: cwd,
  bundle: true,
  format: "esm",
  platform: "neutral",
  // The syntax tsc was asked for: nothing is lowered further.
  target: ts.ScriptTarget[options.target ?? ts.ScriptTarget.ES2022].toLowerCase(),
  tsconfig: configPath,
  sourcemap: options.sourceMap ? "linked" : false,
  sourcesContent: Boolean(options.inlineSources),
  charset: "utf8",
  metafile: true,
  logLevel: "warning",
};
const scratch = mkdtempSync(join(tmpdir(), "offerkit-build-"));
let first;
let second;
try {
  first = await build({
    ...common,
    entryPoints,
    outdir: scratch,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    minifySyntax: true,
    plugins: [
      {
        name: "bare-imports-stay-imports",
        setup(b) {
          b.onResolve({ filter: /.*/ }, ({ path, kind }) => {
            if (kind === "entry-point" || !isBare(path)) return undefined;
            const problem = path.startsWith("#")
              ? !Object.hasOwn(pkg.imports ?? {}, path) && `${path} is not in package.json's "imports"`
              : isBuiltin(path)
                ? !path.startsWith("node:") && `write the Node built-in as "node:${path}"`
                : !declared.has(packageOf(path)) &&
                  packageOf(path) !== pkg.name &&
                  `${packageOf(path)} is imported but is not among ${pkg.name}'s dependencies`;
            return problem ? { errors: [{ text: problem }] } : { path, external: true };
          });
        },
      },
    ],
  });
  const outputs = new Map(
    Object.entries(first.metafile.outputs)
      .filter(([file]) => file.endsWith(".js"))
      .map(([file, meta]) => [resolve(cwd, file), meta]),
  );
  const groups = await joinableGroups(outputs);
  const groupOf = new Map(); // member chunk -> its group's output (the scratch path of its first member)
  for (const members of groups) for (const member of members) groupOf.set(member, members[0]);
  const membersOf = new Map(groups.map((members) => [members[0], members]));
  const relativeImport = (from, to) => {
    const path = relative(dirname(from), to).split(sep).join("/");
    return path.startsWith(".") ? path : `./${path}`;
  };
  second = await build({
    ...common,
    entryPoints: [...outputs.keys()]
      .filter((file) => !groupOf.has(file) || groupOf.get(file) === file)
      .map((file) => ({ in: file, out: relative(scratch, file).replace(/\.js$/, "") })),
    outdir: outDir,
    write: false,
    plugins: [
      {
        name: "join-chunks",
        setup(b) {
          b.onResolve({ filter: /.*/ }, ({ path, kind, importer, namespace }) => {
            if (kind === "entry-point") return membersOf.has(path) ? { path, namespace: "joined" } : undefined;
            if (isBare(path)) return { path, external: true };
            // Where the importing code ends up: its group's output, or its own file.
            const from = namespace === "joined" ? importer : (groupOf.get(importer) ?? importer);
            const target = resolve(dirname(importer), path);
            if (groupOf.has(target) && groupOf.get(target) === from) return { path: target }; // joined: bundled
            return { path: relativeImport(from, groupOf.get(target) ?? target), external: true };
          });
          b.onLoad({ filter: /.*/, namespace: "joined" }, ({ path }) => ({
            contents: membersOf
              .get(path)
              .map((member) => `export * from ${JSON.stringify(member)};`)
              .join("\n"),
            resolveDir: dirname(path),
            loader: "js",
          }));
        },
      },
    ],
  });
  // esbuild heads each part of an output with the file it came from, here a scratch file: name its sources instead.
  // Whole comment lines only, so the source maps stay right.
  const sourcesOf = new Map(
    [...outputs].map(([file, meta]) => [file, Object.keys(meta.inputs).join(", ") || meta.entryPoint]),
  );
  for (const { path, text, contents } of second.outputFiles) {
    mkdirSync(dirname(path), { recursive: true });
    if (!path.endsWith(".js")) {
      writeFileSync(path, contents);
      continue;
    }
    writeFileSync(
      path,
      text.replace(/^\/\/ (.+)$/gm, (line, from) => {
        const parts = sourcesOf.get(resolve(cwd, from));
        return parts === undefined ? line : `// ${parts}`;
      }),
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// 5. Checks on what was built.
const sources = Object.keys(first.metafile.inputs).map((input) => resolve(cwd, input));
for (const source of sources) {
  if (!source.startsWith(rootDir + sep)) {
    fail(`${relative(cwd, source)} is bundled but lies outside ${relative(cwd, rootDir)}/`);
  }
}
const outputs = Object.keys(second.metafile.outputs)
  .filter((file) => file.endsWith(".js"))
  .map((file) => resolve(cwd, file));
checkNames();
bail();
const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
console.log(
  `${pkg.name}: ${plural(entryPoints.length, "entry point")} in ${plural(outputs.length, "module")} (from ${plural(sources.length, "source file")})`,
);

/**
 * The chunks to join, as lists (each list becomes one module named after its first chunk): chunks that an entry point
 * any runtime may load reaches, whose top level does nothing, grouped so that no import cycle appears.
 */
async function joinableGroups(outputs) {
  const scratchOf = (file) => join(scratch, relative(outDir, file));
  const isChunk = (file) => !outputs.get(file).entryPoint;
  // What a `#` import, or an import of the package by its own name, may resolve to: every condition's file.
  const filesOf = (specifier, anyRuntimeOnly) => {
    let value;
    if (specifier.startsWith("#")) value = pkg.imports?.[specifier];
    else if (packageOf(specifier) === pkg.name) {
      const bySubpath =
        pkg.exports && typeof pkg.exports === "object" && Object.keys(pkg.exports).every((key) => key.startsWith("."));
      value = (bySubpath ? pkg.exports : { ".": pkg.exports })[`.${specifier.slice(pkg.name.length)}`];
    }
    const files = [];
    const walk = (inner) => {
      if (typeof inner === "string") files.push(resolve(cwd, inner));
      else if (inner && typeof inner === "object")
        for (const [key, next] of Object.entries(inner)) if (key !== "types") walk(next);
    };
    walk(value);
    return files
      .filter((file) => (!anyRuntimeOnly || targets.get(file)) && outputs.has(scratchOf(file)))
      .map(scratchOf);
  };
  const edges = (file, anyRuntimeOnly) =>
    outputs.get(file).imports.flatMap(({ path, kind, external }) => {
      if (kind !== "import-statement") return [];
      if (!external) return outputs.has(resolve(cwd, path)) ? [resolve(cwd, path)] : [];
      return filesOf(path, anyRuntimeOnly);
    });
  const reach = (starts, anyRuntimeOnly, next = (file) => edges(file, anyRuntimeOnly)) => {
    const seen = new Set();
    const stack = [...starts];
    while (stack.length > 0) {
      for (const target of next(stack.pop())) {
        if (seen.has(target)) continue;
        seen.add(target);
        stack.push(target);
      }
    }
    return seen;
  };
  // (a) and (b)
  const anyRuntimeEntries = [...targets].filter(([, anyRuntime]) => anyRuntime).map(([file]) => scratchOf(file));
  const candidates = [];
  for (const file of [...reach(anyRuntimeEntries, true)].sort()) {
    if (isChunk(file) && (await isInert(file))) candidates.push(file);
  }
  // (c), greedily: the graph with each group as one node must gain no cycle. Two nodes can join when no path leads
  // from one to the other through a third node, and neither is on a cycle already. Nor may two chunks of a group
  // export one name (`export *` would drop it).
  const group = new Map([...outputs.keys()].map((file) => [file, file])); // node -> its group's key
  const members = new Map([...outputs.keys()].map((file) => [file, [file]]));
  const next = (key) =>
    [
      ...new Set(
        members
          .get(key)
          .flatMap((file) => edges(file, false))
          .map((file) => group.get(file)),
      ),
    ].filter((other) => other !== key);
  const onCycle = (key) => reach([key], false, next).has(key);
  const throughAnother = (from, to) => next(from).some((step) => step !== to && reach([step], false, next).has(to));
  const names = (key) => members.get(key).flatMap((file) => outputs.get(file).exports);
  // Chunks nothing else depends on first, then those above them: layers of the import graph join with each other.
  const height = new Map();
  const heightOf = (file, path = new Set()) => {
    if (!height.has(file)) {
      const below = edges(file, false).filter((target) => !path.has(target));
      height.set(file, Math.max(0, ...below.map((target) => 1 + heightOf(target, new Set([...path, file])))));
    }
    return height.get(file);
  };
  candidates.sort((a, b) => heightOf(a) - heightOf(b) || a.localeCompare(b));
  for (const file of candidates) {
    const key = [...new Set(candidates.map((candidate) => group.get(candidate)))].find((other) => {
      if (other === file || onCycle(other) || onCycle(file)) return false;
      if (throughAnother(other, file) || throughAnother(file, other)) return false;
      const taken = new Set(names(other));
      return !names(file).some((name) => taken.has(name));
    });
    if (key === undefined) continue;
    members.get(key).push(...members.get(file));
    for (const member of members.get(file)) group.set(member, key);
    members.delete(file);
  }
  return [...members.values()].filter((list) => list.length > 1).map((list) => [...list].sort());
}

/** Whether esbuild, bundling a file that imports `file` for its side effects alone, keeps none of its code. */
async function isInert(file) {
  const { outputFiles } = await build({
    stdin: { contents: `import ${JSON.stringify(file)};`, resolveDir: dirname(file) },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    logLevel: "silent",
    plugins: [
      {
        name: "this-file-alone",
        setup(b) {
          // Loaded outside the file namespace, so no package.json `sideEffects` applies: its statements are judged.
          b.onResolve({ filter: /.*/ }, ({ path }) =>
            path === file ? { path, namespace: "judged" } : { path, external: true },
          );
          b.onLoad({ filter: /.*/, namespace: "judged" }, ({ path }) => ({
            contents: readFileSync(path, "utf8"),
            loader: "js",
            resolveDir: dirname(path),
          }));
        },
      },
    ],
  });
  const kept = ts.createSourceFile("kept.js", outputFiles[0].text, ts.ScriptTarget.Latest);
  return kept.statements.every((statement) => ts.isImportDeclaration(statement));
}

/** Fails on a class, or a function users import, whose name esbuild changed to avoid a clash. */
function checkNames() {
  const inSources = new Set();
  for (const source of sources) {
    for (const [, name] of readFileSync(source, "utf8").matchAll(
      /\b(?:function\*?|class|const|let|var|enum)\s+([\w$]+)/g,
    )) {
      inSources.add(name);
    }
  }
  // The `name` of a function or class comes from its declaration, or from the variable an anonymous one is assigned to.
  const named = new Map(); // top-level name in an output -> "class" | "function"
  const trees = new Map();
  for (const file of outputs) {
    const tree = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    trees.set(file, tree);
    for (const statement of tree.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name) named.set(statement.name.text, "function");
      if (ts.isClassDeclaration(statement) && statement.name) named.set(statement.name.text, "class");
      if (!ts.isVariableStatement(statement)) continue;
      for (const { name, initializer } of statement.declarationList.declarations) {
        if (!ts.isIdentifier(name) || !initializer) continue;
        if (ts.isClassExpression(initializer) && !initializer.name) named.set(name.text, "class");
        if ((ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) && !initializer.name) {
          named.set(name.text, "function");
        }
      }
    }
  }
  const renamed = (name) => named.has(name) && !inSources.has(name);
  for (const [name, kind] of named) {
    if (kind === "class" && renamed(name)) {
      fail(`esbuild names a class ${name}: two bundled source files declare ${name.replace(/\d+$/, "")}; rename one`);
    }
  }
  for (const [file, tree] of trees) {
    if (!publicFiles.has(file)) continue;
    const imported = new Map(); // local name -> the name the package's own file (a chunk) exports it as
    for (const statement of tree.statements) {
      if (ts.isImportDeclaration(statement) && !isBare(statement.moduleSpecifier.text)) {
        const bindings = statement.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) {
          for (const { name, propertyName } of bindings.elements) imported.set(name.text, (propertyName ?? name).text);
        }
      }
      if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const { name, propertyName } of statement.exportClause.elements) {
          const local = imported.get((propertyName ?? name).text) ?? (propertyName ?? name).text;
          if (renamed(local) && local !== name.text) {
            fail(
              `${relative(cwd, file)} exports ${name.text} as a ${named.get(local)} named ${local} (a clash between bundled files); rename one`,
            );
          }
        }
      }
    }
  }
}

function fail(message) {
  failures.push(message);
}

function bail() {
  if (failures.length === 0) return;
  for (const failure of failures) console.error(`✘ ${pkg.name}: ${failure}`);
  process.exit(1);
}
