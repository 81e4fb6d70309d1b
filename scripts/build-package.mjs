#!/usr/bin/env node
// The `build` of each published runtime package, run in the package's directory: tsc writes the .d.ts files, esbuild
// writes the JavaScript with each entry point bundled into one module. Node pays for every module it loads and every
// specifier it resolves, more than for the code in them: `import "@offerkit/sdk"` loaded 63 modules and resolved 170
// specifiers when tsc wrote one .js per source file, 21 and 59 with entry points bundled and shared code in chunks,
// and 9 and 15 with the steps below (see bench/README.md, import-cold-start).
//
// - Entry points come from package.json: every file its `exports` and `imports` map to (all conditions but `types`),
//   traced back to its source through tsconfig.build.json's rootDir and outDir. Moving files inside src/ needs no
//   change here; a new entry point needs only its line in package.json.
// - Code that two entry points share is written once per runtime and imported by both, so each class exists once
//   and `instanceof` holds across `@offerkit/core`, `@offerkit/core/internal` and the rest. Code only one entry
//   point uses stays in its file.
// - esbuild's code splitting shares whole source files: one chunk in dist/chunks/ per set of entry points sharing
//   code (with ten entry points, core had twelve, down to 43 bytes). A second pass makes fewer modules of them:
//   - A chunk whose declarations its importers take apart, none taken by two (a client's generated request rules:
//     `requestRules` for the root entry, the full tables for `/validation`), is no chunk: each importer holds its
//     part. Strings and numbers may be taken by both (copies of them are the same value). Only for a chunk whose top
//     level does nothing and that imports no other file of the package.
//   - Chunks join where that is free: (a) an entry point that any runtime may load (a `default` target) reaches the
//     chunk, so no runtime loads code it did not load before (core's Node transport, under `node` only, stays
//     apart); (b) esbuild drops all of the chunk's top level when none of its exports is used, so bundlers still
//     leave out every unused part, as with the chunks apart; (c) joining makes no import cycle, counting the
//     package's `#` imports as edges to every file they may resolve to.
//   - A chunk (or joined group) goes into an entry point that imports it, its host, when (d) every runtime loading
//     the chunk may load the host; the host's own top level does nothing, as (b); it imports nothing that the other
//     entry points reaching the chunk do not load already; no cycle, as (c); and it already exports, as the same
//     binding, everything the others take from the chunk (core's `internal`, which re-exports the root), unless only
//     the package itself imports it (the `node` target of `#base-fetch` then also exports the Node transport to
//     `./node`). So no entry point users import exports more than its source says.
//   - (e) A chunk that every runtime loads along with one of the package's conditional `#` imports goes into each
//     file that import may resolve to, and the package's other modules import its names by that specifier (core's
//     errors, checks and transport are in each target of `#base-fetch`: they sat between it, which needs the errors
//     and the redirect rules, and `#ims`, which needs the transport). A runtime, or a bundler, resolves the specifier
//     to one file for every module of the package, so each class still exists once in what it loads; dist/ holds
//     one copy per target. When the chunk imports the specifier or each target imports the chunk, only the package
//     imports the targets, their top level does nothing, every entry point users import that reaches the chunk
//     loads a target anyway, and no cycle forms.
//   What is left on `import "@offerkit/sdk"`: one module per entry point (the facade's, each client's, core's
//   `internal` with the runner, `#ims`, and `#base-fetch` with the errors, checks and transport), and the facade's
//   chunk, shared with `./target`, `./target/cookies` and `./target/on-device`, of which the root cannot be the
//   host (the on-device client takes a name the root does not export).
// - Only the package's own relative imports are bundled. Every bare import stays an import: dependencies, other
//   workspace packages, `node:` built-ins, and the package's `#` imports (`#base-fetch`, `#ims`), which the runtime
//   resolves by its conditions when it loads the package; nothing resolves them here (but in a file of a `#` import
//   that holds a chunk, (e), the chunk's import of that specifier is the file itself). Of another package, one
//   entry point can stand for others: when this package imports several of a dependency's entry points and one of
//   them exports every name of another as the same binding (by esbuild, under each condition the dependency's
//   package.json names), the names are imported from that one (`@offerkit/core`, `/common` and `/platform` from
//   `@offerkit/core/internal`). The .d.ts files keep their imports; Node resolves and loads one module of core per
//   importing module instead of up to four.
// - A Node bundle (package.json `"offerkit": { "nodeBundles": { ".": [...] } }`, the facade's root): the entry point's
//   `node` target is its `default` target with the package's chunks and the listed workspace packages bundled in,
//   so that Node loads one module where it loaded six (step 6 says when that is safe).
// - Not minified: names and lines stay readable in stack traces and in dist/, and bundlers minify for browsers
//   anyway. Syntax is simplified (`minifySyntax`): it folds constants that one source file took from another, as
//   bundlers did across tsc's separate files (without it, browser bundles of the packages grow). Source maps carry
//   the sources, as tsc's `inlineSources` did, when tsconfig.build.json asks for source maps.
// - esbuild renames a top-level name that two bundled source files both declare (`isObject` becomes `isObject2`).
//   That is harmless for a private helper (its source map points at the right line), so the build fails only when it
//   would change the `name` of a class, or of a function users import.
//
// "Its top level does nothing" is esbuild's judgement, so a constant computed from another module's (a template
// reading a constant, a property read, a call not marked `/* @__PURE__ */`) keeps a chunk apart; write such
// constants as literals, or mark the call pure (xcore's schema ids, core's `isBrowser()` and Node base fetch).
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
// Step 6 writes these, from what this step builds: they have no source of their own.
const nodeBundles = Object.entries(pkg.offerkit?.nodeBundles ?? {}).map(([subpath, inlined]) => ({
  subpath,
  inlined,
  ...pkg.exports?.[subpath],
}));
const nodeBundleFiles = new Set(nodeBundles.map(({ node }) => typeof node === "string" && resolve(cwd, node)));
const collect = (value, anyRuntime, isPublic) => {
  if (typeof value === "string") {
    if (!value.endsWith(".js") || nodeBundleFiles.has(resolve(cwd, value))) return;
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
  const dissolved = await dissolvableChunks(outputs);
  const { groups, hosted, condHosted } = await joinableGroups(outputs, dissolved);
  const hubs = await hubImports(outputs);
  const groupOf = new Map(); // member chunk -> its group's output (the scratch path of its first member, or its host)
  for (const members of groups) for (const member of members) groupOf.set(member, members[0]);
  const membersOf = new Map(groups.map((members) => [members[0], members]));
  const namesOf = new Map(); // hosted chunk -> (its export name -> the name its host exports it as)
  const extrasOf = new Map(); // host -> what it exports beyond its source, for the package's other modules
  const addExtra = (host, name, as, member) =>
    extrasOf.set(host, [...(extrasOf.get(host) ?? []), `export { ${name} as ${as} } from ${JSON.stringify(member)};`]);
  for (const { host, members, names } of hosted) {
    groupOf.set(host, host);
    const own = new Set(outputs.get(host).exports);
    for (const member of members) {
      groupOf.set(member, host);
      namesOf.set(member, names.get(member));
      for (const [name, as] of names.get(member)) if (!own.has(as)) addExtra(host, name, as, member);
    }
  }
  const condOf = new Map(); // chunk in every file of a `#` import -> { specifier, files, names }
  for (const hosting of condHosted) {
    for (const member of hosting.members) {
      condOf.set(member, hosting);
      for (const file of hosting.files)
        for (const [name, as] of hosting.names.get(member)) addExtra(file, name, as, member);
    }
    for (const file of hosting.files) if (!extrasOf.has(file)) extrasOf.set(file, []);
  }
  const condFiles = new Set(condHosted.flatMap(({ files }) => files));
  const relativeImport = (from, to) => {
    const path = relative(dirname(from), to).split(sep).join("/");
    return path.startsWith(".") ? path : `./${path}`;
  };
  // One build for the outputs, and one more for each file of a `#` import that holds chunks (`self`): there the
  // chunks' imports of that `#` import are the file itself.
  const secondPass = (files, self) =>
    build({
      ...common,
      entryPoints: files.map((file) => ({ in: file, out: relative(scratch, file).replace(/\.js$/, "") })),
      outdir: outDir,
      write: false,
      plugins: [
        {
          name: "join-chunks",
          setup(b) {
            b.onResolve({ filter: /.*/ }, ({ path, kind, importer, namespace }) => {
              if (kind === "entry-point") {
                if (membersOf.has(path)) return { path, namespace: "joined" };
                return extrasOf.has(path) ? { path, namespace: "hosting" } : undefined;
              }
              if (namespace === "via-host" || namespace === "via-import") return { path, external: true };
              if (self && condOf.get(importer)?.specifier === path && condOf.get(importer).files.includes(self)) {
                return { path: self }; // the chunk's `#` import, inside the file it resolves to
              }
              if (isBare(path)) return hubs.has(path) ? { path, namespace: "hub" } : { path, external: true };
              // Where the importing code ends up: its group's output, or its own file.
              const from =
                namespace === "joined" || namespace === "hosting"
                  ? importer
                  : condOf.has(importer)
                    ? self
                    : (groupOf.get(importer) ?? importer);
              const target = resolve(dirname(importer), path);
              if (target === from) return { path: target }; // a host's own file, from its hosting module
              if (dissolved.has(target)) return { path: target }; // each importer bundles the part it uses
              if (condOf.has(target)) {
                if (condOf.get(target).files.includes(from)) return { path: target };
                return { path: JSON.stringify([importer, target]), namespace: "via-import" };
              }
              if (groupOf.has(target) && groupOf.get(target) === from) return { path: target }; // joined: bundled
              // A hosted chunk's names, as its host exports them.
              if (namesOf.has(target)) return { path: JSON.stringify([from, target, importer]), namespace: "via-host" };
              return { path: relativeImport(from, groupOf.get(target) ?? target), external: true };
            });
            // The names the importer takes of a chunk that went elsewhere, from where it went.
            const taken = (importer, target, names) =>
              (namesTakenFrom(importer, target) ?? []).map((name) =>
                name === names.get(name) ? name : `${names.get(name)} as ${name}`,
              );
            b.onLoad({ filter: /.*/, namespace: "via-host" }, ({ path }) => {
              const [from, target, importer] = JSON.parse(path);
              const names = taken(importer, target, namesOf.get(target));
              const contents =
                names.length === 0
                  ? ""
                  : `export { ${names.join(", ")} } from ${JSON.stringify(relativeImport(from, groupOf.get(target)))};`;
              return { contents, loader: "js" };
            });
            b.onLoad({ filter: /.*/, namespace: "via-import" }, ({ path }) => {
              const [importer, target] = JSON.parse(path);
              const { specifier, names } = condOf.get(target);
              const list = taken(importer, target, names.get(target));
              // Nothing taken (esbuild's `import "./chunk.js"` beside a named import of it): nothing to import.
              const contents =
                list.length === 0 ? "" : `export { ${list.join(", ")} } from ${JSON.stringify(specifier)};`;
              return { contents, loader: "js" };
            });
            b.onLoad({ filter: /.*/, namespace: "hosting" }, ({ path }) => ({
              contents: [`export * from ${JSON.stringify(path)};`, ...extrasOf.get(path)].join("\n"),
              resolveDir: dirname(path),
              loader: "js",
            }));
            b.onLoad({ filter: /.*/, namespace: "joined" }, ({ path }) => ({
              contents: membersOf
                .get(path)
                .map((member) => `export * from ${JSON.stringify(member)};`)
                .join("\n"),
              resolveDir: dirname(path),
              loader: "js",
            }));
            b.onLoad({ filter: /.*/, namespace: "hub" }, ({ path }) => ({
              contents: `export { ${hubs.get(path).names.join(", ")} } from ${JSON.stringify(hubs.get(path).hub)};`,
              loader: "js",
            }));
          },
        },
      ],
    });
  const passes = await Promise.all([
    secondPass(
      [...outputs.keys()].filter(
        (file) =>
          !dissolved.has(file) &&
          !condOf.has(file) &&
          !condFiles.has(file) &&
          (!groupOf.has(file) || groupOf.get(file) === file),
      ),
    ),
    ...[...condFiles].map((file) => secondPass([file], file)),
  ]);
  second = {
    outputFiles: passes.flatMap((pass) => pass.outputFiles),
    metafile: { outputs: Object.assign({}, ...passes.map((pass) => pass.metafile.outputs)) },
  };
  // esbuild heads each part of an output with the file it came from, here a scratch file: name its sources instead.
  // Whole comment lines only, so the source maps stay right.
  const sourcesOf = new Map(
    [...outputs].map(([file, meta]) => [file, Object.keys(meta.inputs).join(", ") || meta.entryPoint]),
  );
  for (const { path, text, contents } of second.outputFiles) {
    mkdirSync(dirname(path), { recursive: true });
    if (path.endsWith(".js.map")) {
      // The same for a source map's sources: no scratch path (it changes with every build), no virtual module's.
      const map = JSON.parse(new TextDecoder().decode(contents));
      const inScratch = (file) => relative(scratch, file).split(sep).join("/");
      map.sources = map.sources.map((source) => {
        const [, namespace, rest] = /^(hub|via-host|via-import|hosting):(.*)$/.exec(source) ?? [];
        if (namespace === "hub") return source;
        if (namespace === "via-import") return `${namespace}:${inScratch(JSON.parse(rest)[1])}`;
        if (namespace === "via-host") return `${namespace}:${inScratch(JSON.parse(rest)[1])}`;
        if (namespace === "hosting") return `${namespace}:${inScratch(rest)}`;
        const file = resolve(dirname(path), source);
        return file.startsWith(scratch + sep) ? `bundled:${inScratch(file)}` : source;
      });
      writeFileSync(path, JSON.stringify(map));
      continue;
    }
    if (!path.endsWith(".js")) {
      writeFileSync(path, contents);
      continue;
    }
    writeFileSync(
      path,
      text.replace(/^\/\/ (.+)$/gm, (line, from) => {
        if (from.startsWith("hub:")) return `// ${from.slice(4)}, imported from ${hubs.get(from.slice(4))?.hub}`;
        if (from.startsWith("via-host:")) {
          const target = JSON.parse(from.slice(9))[1];
          return `// ${sourcesOf.get(target)}, imported from ${relative(outDir, outputFileOf(groupOf.get(target)))}`;
        }
        if (from.startsWith("hosting:"))
          return `// ${relative(outDir, outputFileOf(from.slice(8)))}, and more for the package's own modules`;
        if (from.startsWith("via-import:")) {
          const target = JSON.parse(from.slice(11))[1];
          return `// ${sourcesOf.get(target)}, imported from ${condOf.get(target).specifier}`;
        }
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

// 6. Node bundles: an entry point whose package.json names, under `"offerkit": { "nodeBundles": { subpath: [...] } }`,
// workspace packages to inline gets, as its `node` target, its `default` target with the package's own chunks and
// those packages' code bundled in. Node pays for every module it loads (over 1 ms each on a cold start,
// bench/README.md), and the facade's root loaded its chunk and five clients that are small next to that. Only under
// `node`: a bundler (browsers, edge) keeps one copy of a client the app also imports directly. Every other package
// stays an import (core above all: its error classes must exist once). A Node app that imports another entry point
// of the package, or an inlined client, directly as well loads that code twice, which is harmless only without
// classes: the build fails if anything inlined declares one (`instanceof` would fail across the copies).
for (const { subpath, inlined, node, default: plain } of nodeBundles) {
  const where = `package.json's "offerkit.nodeBundles" names ${subpath}, which`;
  if (typeof node !== "string" || typeof plain !== "string") {
    fail(`${where} needs a "node" and a "default" target in "exports"`);
    continue;
  }
  for (const name of inlined) if (!declared.has(name)) fail(`${where} inlines ${name}, not a dependency`);
  // Node loads the bundle instead of the `default` target only if no other module of the package imports that one
  // (a chunk hosted by it, (d) above): else both would load, with a copy of each class the entry point declares.
  for (const file of outputs) {
    for (const { fileName } of ts.preProcessFile(readFileSync(file, "utf8")).importedFiles) {
      if (!isBare(fileName) && resolve(dirname(file), fileName) === resolve(cwd, plain)) {
        fail(`${where} cannot be a Node bundle: ${relative(cwd, file)} imports its default target`);
      }
    }
  }
  const result = await build({
    ...common,
    platform: "node",
    entryPoints: [resolve(cwd, plain)],
    outfile: resolve(cwd, node),
    minifySyntax: true,
    plugins: [
      {
        name: "inline-listed-packages",
        setup(b) {
          b.onResolve({ filter: /.*/ }, ({ path, kind, importer }) => {
            if (kind === "entry-point" || !isBare(path) || inlined.includes(packageOf(path))) return undefined;
            if (!path.startsWith("node:") && !declared.has(packageOf(path))) {
              return {
                errors: [{ text: `${relative(cwd, importer)} imports ${path}, not a dependency of ${pkg.name}` }],
              };
            }
            return { path, external: true };
          });
        },
      },
    ],
  });
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = resolve(cwd, input);
    if (file === resolve(cwd, plain)) continue;
    const tree = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const hasClass = (node) => ts.isClassLike(node) || Boolean(ts.forEachChild(node, hasClass));
    if (ts.forEachChild(tree, hasClass)) fail(`${where} would copy ${relative(cwd, file)}, which declares a class`);
  }
}
bail();
const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
console.log(
  `${pkg.name}: ${plural(entryPoints.length, "entry point")} in ${plural(outputs.length, "module")} (from ${plural(sources.length, "source file")})`,
);

/**
 * The chunks to join, as lists (each list becomes one module named after its first chunk): chunks that an entry point
 * any runtime may load reaches, whose top level does nothing, grouped so that no import cycle appears.
 */
async function joinableGroups(outputs, dissolved) {
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
      if (!external) {
        const target = resolve(cwd, path);
        if (dissolved.has(target)) return edges(target, anyRuntimeOnly); // its code ends up in the importer
        return outputs.has(target) ? [target] : [];
      }
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
    if (isChunk(file) && !dissolved.has(file) && (await isInert(file))) candidates.push(file);
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
  // (d) A chunk, or a group, goes into an entry point that imports it (its host), one module fewer for that entry
  // point's users, when that costs no one a module and bundlers nothing:
  //   - every runtime that loads the chunk may load the host: the host is a target no condition swaps for another
  //     file, or the entry points that reach the chunk are all loaded under exactly the host's conditions (core's Node
  //     transport: `#base-fetch`'s `node` target, and `./node`);
  //   - the host's own top level does nothing (bundlers drop it for the others, as (b));
  //   - the host imports nothing that an entry point reaching the chunk did not already load: it only adds its own
  //     code to theirs (core's `internal` to `.` and `/platform`);
  //   - no cycle, as (c);
  //   - what the others take from the chunk, the host already exports as the same binding (core's `internal` exports
  //     everything of the root), so no entry point users import exports more than its source says. A host that only
  //     the package itself imports (a `#` import) may export more.
  // Among several hosts, the one that exports the most names: the one that other packages, or users, import.
  const entries = [...outputs.keys()].filter((file) => !isChunk(file));
  const bareOf = (file) =>
    outputs.get(file).imports.flatMap(({ path, kind, external }) => {
      if (kind !== "import-statement") return [];
      if (!external) return dissolved.has(resolve(cwd, path)) ? bareOf(resolve(cwd, path)) : [];
      return path.startsWith("#") || packageOf(path) === pkg.name ? [] : [path];
    });
  const importsDirectly = (file, target) =>
    outputs.get(file).imports.some(({ path, external }) => !external && resolve(cwd, path) === target);
  // Each unit member -> every name the importers take from it; undefined when an importer's use cannot be read
  // (a namespace import): then the unit cannot move, since a renamed export could be missed.
  const takenByImporters = (importers, unit) => {
    const taken = new Map(unit.map((member) => [member, new Set()]));
    for (const importer of importers) {
      for (const member of unit) {
        if (!importsDirectly(importer, member)) continue;
        const names = namesTakenFrom(importer, member);
        if (names === undefined) return undefined;
        for (const name of names) taken.get(member).add(name);
      }
    }
    return taken;
  };
  const hosted = [];
  for (const key of [...members.keys()]) {
    const unit = members.get(key);
    if (!unit.every((file) => isChunk(file) && !dissolved.has(file))) continue;
    const inUnit = new Set(unit);
    // The entry points that load the chunk other than through the host (through it, the host is loaded anyway).
    const reachingBeside = (host) =>
      entries.filter((entry) => {
        if (entry === host) return false;
        const seen = reach([entry], false, (file) => (file === host ? [] : edges(file, false)));
        return unit.some((member) => seen.has(member));
      });
    const importers = [...outputs.keys()].filter(
      (file) => !inUnit.has(file) && unit.some((member) => importsDirectly(file, member)),
    );
    let best;
    for (const host of entries.filter((entry) => importers.includes(entry))) {
      const reaching = reachingBeside(host);
      if (best && outputs.get(host).exports.length <= outputs.get(best.host).exports.length) continue;
      const hostKey = group.get(host);
      const source = outputFileOf(host);
      if (
        swappable(source)
          ? !reaching.every((entry) => sameConditions(outputFileOf(entry), source))
          : !targets.get(source)
      )
        continue;
      if (onCycle(hostKey) || onCycle(key) || throughAnother(hostKey, key) || throughAnother(key, hostKey)) continue;
      const addedFiles = edges(host, false).filter((file) => !inUnit.has(file));
      const addedBare = bareOf(host);
      const costsNoOne = reaching.every((entry) => {
        const seen = reach([entry], false).add(entry);
        const bare = new Set([...seen].flatMap(bareOf));
        return addedFiles.every((file) => seen.has(file)) && addedBare.every((path) => bare.has(path));
      });
      if (!costsNoOne || !(await isInert(host))) continue;
      const exported = exportsOf(host, inUnit);
      const taken = takenByImporters(
        importers.filter((file) => file !== host),
        unit,
      );
      if (!taken) continue;
      let complete = true;
      const own = new Set(outputs.get(host).exports);
      const names = new Map(); // member -> (its export name -> the host's)
      for (const [member, wanted] of taken) {
        names.set(member, new Map());
        for (const name of wanted) {
          let as = exported.get(`${member}\0${name}`);
          if (as === undefined) {
            if (publicFiles.has(source)) {
              complete = false;
              break;
            }
            for (as = name; own.has(as); ) as += "$";
            own.add(as);
          }
          names.get(member).set(name, as);
        }
      }
      if (complete) best = { host, names };
    }
    if (!best) continue;
    const hostKey = group.get(best.host);
    members.get(hostKey).push(...unit);
    for (const member of unit) group.set(member, hostKey);
    members.delete(key);
    hosted.push({ ...best, members: unit });
  }
  // (e) A chunk (or group) that every runtime loads along with one of the package's conditional `#` imports goes into
  // each file that import may resolve to (core's errors and transport into every target of `#base-fetch`), and the
  // package's other modules import its names by that `#` specifier. A runtime resolves the specifier to one file, the
  // same from every module of the package, so each class still exists once in it; bundlers do the same with their
  // conditions. When:
  //   - the chunk imports the specifier, or each of its files imports the chunk;
  //   - only the package imports those files (they export the chunk's names too), and their top level does nothing;
  //   - every entry point users import that reaches the chunk reaches one of those files anyway;
  //   - no cycle, as (c).
  // What it costs: the chunk's code is written once per file (in dist/, not in what a runtime loads).
  const publicEntries = entries.filter((entry) => publicFiles.has(outputFileOf(entry)));
  const exportedBy = (file) => [
    ...outputs.get(file).exports,
    ...hosted
      .filter(({ host }) => host === file)
      .flatMap(({ names }) => [...names.values()].flatMap((map) => [...map.values()])),
  ];
  const heightOfKey = (key) => Math.max(...members.get(key).map((file) => heightOf(file)));
  const conditional = Object.keys(pkg.imports ?? {}).filter((specifier) => {
    const files = [...new Set(filesOf(specifier, false))];
    return files.length > 1 && files.every((file) => !publicFiles.has(outputFileOf(file)));
  });
  const aliasesOf = new Map(); // specifier -> every name its files export
  const condHosted = [];
  const units = [...members.keys()]
    .filter((key) => members.get(key).every((file) => isChunk(file) && !dissolved.has(file)))
    .sort((a, b) => heightOfKey(a) - heightOfKey(b) || a.localeCompare(b));
  for (const key of units) {
    const unit = members.get(key);
    const inUnit = new Set(unit);
    for (const specifier of conditional) {
      const files = [...new Set(filesOf(specifier, false))];
      const importsSpecifier = unit.some((member) =>
        outputs.get(member).imports.some(({ path, external }) => external && path === specifier),
      );
      const importedByEach = files.every((file) =>
        members.get(group.get(file)).some((inner) => unit.some((member) => importsDirectly(inner, member))),
      );
      if (!importsSpecifier && !importedByEach) continue;
      const loadedAnyway =
        importsSpecifier ||
        publicEntries.every((entry) => {
          if (!unit.some((member) => reach([entry], false).add(entry).has(member))) return true;
          const beside = reach([entry], false, (file) => (inUnit.has(file) ? [] : edges(file, false))).add(entry);
          // A file, or a chunk that went into one ((d): `./node` imports the Node transport from `#base-fetch`'s).
          return files.some((file) => members.get(group.get(file)).some((inner) => beside.has(inner)));
        });
      if (!loadedAnyway) continue;
      const keys = new Set([key, ...files.map((file) => group.get(file))]);
      const out = [...keys].flatMap(next).filter((other) => !keys.has(other));
      const back = reach(out, false, next);
      if ([...keys].some((other) => back.has(other))) continue;
      let inert = true;
      for (const file of files) inert &&= await isInert(file);
      if (!inert) continue;
      const inside = new Set([...keys].flatMap((other) => members.get(other)));
      const importers = [...outputs.keys()].filter(
        (file) => !inside.has(file) && unit.some((member) => importsDirectly(file, member)),
      );
      const taken = takenByImporters(importers, unit);
      if (!taken) continue;
      if (!aliasesOf.has(specifier)) aliasesOf.set(specifier, new Set(files.flatMap(exportedBy)));
      const used = aliasesOf.get(specifier);
      const names = new Map(); // member -> (its export name -> the name the files export it as)
      for (const [member, wanted] of taken) {
        names.set(member, new Map());
        for (const name of wanted) {
          let as = name;
          while (used.has(as)) as += "$";
          used.add(as);
          names.get(member).set(name, as);
        }
      }
      const into = group.get(files[0]);
      for (const other of keys) {
        if (other === into) continue;
        members.get(into).push(...members.get(other));
        for (const member of members.get(other)) group.set(member, into);
        members.delete(other);
      }
      condHosted.push({ specifier, files, members: unit, names });
      break;
    }
  }
  return {
    groups: [...members.values()]
      .filter((list) => list.length > 1 && list.every((file) => isChunk(file)))
      .map((list) => [...list].sort()),
    hosted,
    condHosted,
  };
}

/** The dist/ file of a scratch output. */
function outputFileOf(file) {
  return join(outDir, relative(scratch, file));
}

/** Whether some specifier of package.json maps `file` under one condition and another file under another. */
function swappable(file) {
  let found = false;
  const walk = (value) => {
    if (!value || typeof value !== "object") return;
    const files = Object.entries(value)
      .filter(([key, inner]) => key !== "types" && typeof inner === "string" && inner.endsWith(".js"))
      .map(([, inner]) => resolve(cwd, inner));
    if (files.includes(file) && files.some((other) => other !== file)) found = true;
    for (const inner of Object.values(value)) walk(inner);
  };
  walk(pkg.exports);
  walk(pkg.imports);
  return found;
}

/** Whether package.json maps the two files under the same conditions (as sets of condition names along each path). */
function sameConditions(a, b) {
  const paths = (file) => {
    const found = [];
    const walk = (value, along) => {
      if (typeof value === "string") {
        if (resolve(cwd, value) === file) found.push([...along].sort().join("+"));
      } else if (value && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) {
          if (key === "types") continue;
          walk(inner, /^[.#]/.test(key) || key === "default" || key === "import" ? along : [...along, key]);
        }
      }
    };
    walk(pkg.exports, []);
    walk(pkg.imports, []);
    return [...new Set(found)].sort().join(",");
  };
  return paths(a) === paths(b);
}

/** What an output exports of the chunks it imports: "chunk\0its export name" -> the name the output exports it as. */
function exportsOf(file, chunks) {
  const tree = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const from = (statement) => {
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || isBare(specifier.text)) return undefined;
    const target = resolve(dirname(file), specifier.text);
    return chunks.has(target) ? target : undefined;
  };
  const locals = new Map(); // local name -> "chunk\0name"
  const found = new Map();
  for (const statement of tree.statements) {
    const chunk = from(statement);
    if (chunk && ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const { name, propertyName } of bindings.elements)
          locals.set(name.text, `${chunk}\0${(propertyName ?? name).text}`);
      }
    }
  }
  for (const statement of tree.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) {
      continue;
    }
    const chunk = from(statement);
    if (statement.moduleSpecifier && !chunk) continue;
    for (const { name, propertyName } of statement.exportClause.elements) {
      const inner = (propertyName ?? name).text;
      const key = chunk ? `${chunk}\0${inner}` : locals.get(inner);
      if (key !== undefined && !found.has(key)) found.set(key, name.text);
    }
  }
  return found;
}

/**
 * Bare imports of another package's entry point that can be taken from another entry point of that package this one
 * imports anyway: `@offerkit/core/platform` from `@offerkit/core/internal`, when the second exports every name of the
 * first as the very same binding (the same class, not a copy) under every condition of that package's package.json.
 * Node then resolves and loads one module of it instead of several. A map: specifier -> { hub, names }.
 */
async function hubImports(outputs) {
  const specifiersOf = new Map(); // package -> the specifiers of it that this package imports
  for (const meta of outputs.values()) {
    for (const { path, kind, external } of meta.imports) {
      if (!external || kind !== "import-statement" || !isBare(path) || path.startsWith("#") || isBuiltin(path))
        continue;
      const dependency = packageOf(path);
      if (dependency === pkg.name) continue;
      if (!specifiersOf.has(dependency)) specifiersOf.set(dependency, new Set());
      specifiersOf.get(dependency).add(path);
    }
  }
  const hubs = new Map();
  for (const [dependency, specifierSet] of specifiersOf) {
    if (specifierSet.size < 2) continue;
    const specifiers = [...specifierSet].sort();
    // esbuild's reading of the dependency under one condition; undefined if it cannot bundle it (then no hub).
    const analyse = (code, condition) =>
      build({
        stdin: { contents: code, resolveDir: cwd, loader: "js" },
        bundle: true,
        write: false,
        format: "esm",
        platform: "neutral",
        conditions: condition === undefined ? [] : [condition],
        metafile: true,
        logLevel: "silent",
        plugins: [
          {
            name: "this-dependency-alone",
            setup(b) {
              b.onResolve({ filter: /.*/ }, ({ path }) =>
                isBare(path) && !path.startsWith("#") && packageOf(path) !== dependency
                  ? { path, external: true }
                  : undefined,
              );
            },
          },
        ],
      }).catch(() => undefined);
    const conditions = [undefined, ...conditionsOf(dependency)];
    // Each specifier's names under each condition; one whose names change with the condition is left alone.
    const namesOf = new Map();
    for (const specifier of specifiers) {
      let names;
      for (const condition of conditions) {
        const analysed = await analyse(`export * from ${JSON.stringify(specifier)};`, condition);
        const found = analysed && Object.values(analysed.metafile.outputs)[0].exports.sort().join(",");
        names = analysed && (names === undefined || names === found) ? found : null;
      }
      if (names) namesOf.set(specifier, names.split(","));
    }
    // The hub: the specifier that can stand for the most others.
    let best = { hub: undefined, covered: [] };
    for (const hub of specifiers.filter((specifier) => namesOf.has(specifier))) {
      const offered = new Set(namesOf.get(hub));
      let covered = specifiers.filter(
        (specifier) =>
          specifier !== hub && namesOf.has(specifier) && namesOf.get(specifier).every((name) => offered.has(name)),
      );
      for (const condition of conditions) {
        if (covered.length === 0) break;
        const lines = covered.flatMap((specifier, i) => [
          `export { ${namesOf.get(specifier).map((name, j) => `${name} as s${i}_${j}`)} } from ${JSON.stringify(specifier)};`,
          `export { ${namesOf.get(specifier).map((name, j) => `${name} as h${i}_${j}`)} } from ${JSON.stringify(hub)};`,
        ]);
        const analysed = await analyse(lines.join("\n"), condition);
        const local = exportedLocals(analysed?.outputFiles[0].text ?? "");
        covered = covered.filter((specifier, i) =>
          namesOf
            .get(specifier)
            .every((_, j) => local.has(`s${i}_${j}`) && local.get(`s${i}_${j}`) === local.get(`h${i}_${j}`)),
        );
      }
      if (covered.length > best.covered.length) best = { hub, covered };
    }
    for (const specifier of best.covered) hubs.set(specifier, { hub: best.hub, names: namesOf.get(specifier) });
  }
  return hubs;
}

/** The conditions a package's package.json names in its `exports` and `imports` (besides types, import, default). */
function conditionsOf(dependency) {
  let dir = cwd;
  let manifest;
  for (;;) {
    const file = join(dir, "node_modules", dependency, "package.json");
    if (existsSync(file)) {
      manifest = JSON.parse(readFileSync(file, "utf8"));
      break;
    }
    if (dirname(dir) === dir) return [];
    dir = dirname(dir);
  }
  const found = new Set();
  const walk = (value) => {
    if (!value || typeof value !== "object") return;
    for (const [key, inner] of Object.entries(value)) {
      if (!/^[.#]/.test(key) && !["types", "import", "default"].includes(key)) found.add(key);
      walk(inner);
    }
  };
  walk(manifest.exports);
  walk(manifest.imports);
  return [...found].sort();
}

/**
 * An esbuild output's `export { local as name }`: name -> what it exports, the local binding, or for a string,
 * number or boolean constant its value (two copies of one are the same value).
 */
function exportedLocals(text) {
  const tree = ts.createSourceFile("analysed.js", text, ts.ScriptTarget.Latest);
  const values = new Map();
  for (const statement of tree.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const { name, initializer } of statement.declarationList.declarations) {
      if (ts.isIdentifier(name) && isCopyable(initializer)) values.set(name.text, `= ${initializer.getText(tree)}`);
    }
  }
  const local = new Map();
  for (const statement of tree.statements) {
    if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier || !statement.exportClause) continue;
    if (!ts.isNamedExports(statement.exportClause)) continue;
    for (const { name, propertyName } of statement.exportClause.elements) {
      const binding = (propertyName ?? name).text;
      local.set(name.text, values.get(binding) ?? binding);
    }
  }
  return local;
}

/** A string, number or boolean literal (or a template of names set to one, given `values`): a copy is the same. */
function isCopyable(node, values = new Set()) {
  return (
    node !== undefined &&
    (ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isNumericLiteral(node) ||
      node.kind === ts.SyntaxKind.TrueKeyword ||
      node.kind === ts.SyntaxKind.FalseKeyword ||
      (ts.isIdentifier(node) && values.has(node.text)) ||
      (ts.isTemplateExpression(node) && node.templateSpans.every((span) => isCopyable(span.expression, values))))
  );
}

/**
 * The chunks that need not be chunks: each module that imports one takes declarations of it that no other takes (the
 * client's request rules for its root entry, the full rule tables for `/validation`), so each can hold its part and
 * nothing exists twice. Only chunks whose top level does nothing (esbuild drops what is not taken) and that import no
 * other file of the package (their imports are the same from wherever they end up).
 */
async function dissolvableChunks(outputs) {
  const found = new Set();
  for (const [file, meta] of outputs) {
    if (meta.entryPoint) continue;
    if (meta.imports.some(({ external }) => !external)) continue;
    const importers = [...outputs].filter(([, other]) =>
      other.imports.some(({ path, external }) => !external && resolve(cwd, path) === file),
    );
    const taken = importers.map(([importer]) => namesTakenFrom(importer, file));
    if (taken.includes(undefined) || !(await isInert(file))) continue;
    const kept = new Set();
    let disjoint = true;
    for (const names of taken) {
      const text = await keptBy(file, `export { ${names.join(", ")} } from ${JSON.stringify(file)};`);
      for (const name of declaredNames(text)) {
        if (kept.has(name)) disjoint = false;
        kept.add(name);
      }
    }
    if (disjoint) found.add(file);
  }
  return found;
}

/** The names `importer` imports from `file` (both scratch outputs), or undefined if it takes it whole (`*`). */
function namesTakenFrom(importer, file) {
  const tree = ts.createSourceFile(importer, readFileSync(importer, "utf8"), ts.ScriptTarget.Latest);
  const names = new Set();
  for (const statement of tree.statements) {
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || isBare(specifier.text)) continue;
    if (resolve(dirname(importer), specifier.text) !== file) continue;
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (statement.importClause?.name || (bindings && !ts.isNamedImports(bindings))) return undefined;
      for (const { name, propertyName } of bindings?.elements ?? []) names.add((propertyName ?? name).text);
    } else if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) return undefined;
      for (const { name, propertyName } of statement.exportClause.elements) names.add((propertyName ?? name).text);
    }
  }
  return [...names];
}

/**
 * The names an output declares at its top level, but for those set to a string, number or boolean (or a template of
 * such names): a copy of one is the same value (xcore's schema ids, taken by its root entry and `/validation`).
 */
function declaredNames(text) {
  const tree = ts.createSourceFile("kept.js", text, ts.ScriptTarget.Latest);
  const values = new Set(); // names set to a copyable value
  return tree.statements.flatMap((statement) => {
    if (ts.isVariableStatement(statement)) {
      return statement.declarationList.declarations.flatMap(({ name, initializer }) => {
        if (!ts.isIdentifier(name)) return [];
        if (!isCopyable(initializer, values)) return [name.text];
        values.add(name.text);
        return [];
      });
    }
    return (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name
      ? [statement.name.text]
      : [];
  });
}

/** Whether esbuild, bundling a file that imports `file` for its side effects alone, keeps none of its code. */
async function isInert(file) {
  const kept = ts.createSourceFile(
    "kept.js",
    await keptBy(file, `import ${JSON.stringify(file)};`),
    ts.ScriptTarget.Latest,
  );
  return kept.statements.every((statement) => ts.isImportDeclaration(statement));
}

/** What esbuild keeps of `file` when bundling `code` (which imports it), judging its statements alone. */
async function keptBy(file, code) {
  const { outputFiles } = await build({
    stdin: { contents: code, resolveDir: dirname(file) },
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
  return outputFiles[0].text;
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
