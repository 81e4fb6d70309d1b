#!/usr/bin/env node
// Fails when a spec is not wired to exactly one client package, or when a package's turbo inputs would let an
// edit of one spec regenerate another API's client. What it checks is what keeps `pnpm build` after editing
// specs/ods.yaml limited to @offerkit/ods and its dependents.
// The parts several specs share live in specs/shared/ (components only, referred to with `$ref`): a package whose
// spec refers to them has `specs/shared/**` in its inputs too, one whose spec does not has not, and every shared
// component is used by some spec (Redocly's no-unused-components only sees each spec's own components). A build
// follows only runtime dependencies, not devDependencies (see below).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));
const specs = readdirSync(join(root, "specs"))
  .filter((file) => file.endsWith(".yaml"))
  .map((file) => file.slice(0, -".yaml".length));
const SHARED = join(root, "specs", "shared");
const SHARED_INPUT = "$TURBO_ROOT$/specs/shared/**";

const problems = [];
const documents = new Map();
const load = (file) => {
  if (!documents.has(file)) documents.set(file, parse(readFileSync(file, "utf8")));
  return documents.get(file);
};
const at = (file) => relative(root, file).split(sep).join("/");

/** Every `$ref` under `node` of `file`, as the file and the pointer it names. */
function refsOf(node, file, found = []) {
  if (!node || typeof node !== "object") return found;
  if (typeof node.$ref === "string") {
    const [path, pointer = ""] = node.$ref.split("#");
    found.push({ file: path ? resolve(dirname(file), path) : file, pointer });
  }
  for (const value of Object.values(node)) refsOf(value, file, found);
  return found;
}

function nodeAt(file, pointer) {
  let node = load(file);
  for (const token of pointer.split("/").slice(1)) node = node?.[token.replaceAll("~1", "/").replaceAll("~0", "~")];
  return node;
}

// Which shared components the specs use, following the shared components' own references; and which specs use any.
const usedShared = new Set();
const usesShared = new Map();
for (const spec of specs) {
  const file = join(root, "specs", `${spec}.yaml`);
  const queue = refsOf(load(file), file).filter((ref) => ref.file !== file);
  usesShared.set(spec, queue.length > 0);
  for (const ref of queue.filter((ref) => !ref.file.startsWith(SHARED + sep))) {
    problems.push(`specs/${spec}.yaml refers to ${at(ref.file)}; what specs share belongs in specs/shared/`);
  }
  while (queue.length > 0) {
    const ref = queue.pop();
    const key = `${ref.file}#${ref.pointer}`;
    if (usedShared.has(key) || !ref.file.startsWith(SHARED + sep)) continue;
    usedShared.add(key);
    const node = existsSync(ref.file) ? nodeAt(ref.file, ref.pointer) : undefined;
    if (node === undefined) problems.push(`specs/${spec}.yaml: $ref ${at(ref.file)}#${ref.pointer} does not resolve`);
    else queue.push(...refsOf(node, ref.file));
  }
}
for (const file of existsSync(SHARED) ? readdirSync(SHARED).filter((f) => f.endsWith(".yaml")) : []) {
  const path = join(SHARED, file);
  for (const [kind, named] of Object.entries(load(path)?.components ?? {})) {
    for (const name of Object.keys(named ?? {})) {
      const pointer = `/components/${kind}/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      if (!usedShared.has(`${path}#${pointer}`))
        problems.push(`specs/shared/${file}: ${pointer.slice(1)} is used by no spec`);
    }
  }
}

const owners = new Map(specs.map((spec) => [spec, []]));
const rootTurbo = readJson(join(root, "turbo.json"));
if (JSON.stringify(rootTurbo.tasks?.generate?.inputs) !== "[]") {
  problems.push("turbo.json: the root generate task must have no inputs; each package names its own spec");
}

for (const dir of readdirSync(join(root, "packages"))) {
  const manifest = join(root, "packages", dir, "package.json");
  if (!existsSync(manifest)) continue;
  const pkg = readJson(manifest);
  const generate = pkg.scripts?.generate ?? "";
  const named = [...new Set([...generate.matchAll(/specs\/([\w-]+)\.yaml/g)].map((m) => m[1]))];
  if (named.length === 0) continue;
  if (named.length > 1) problems.push(`${pkg.name}: generate reads ${named.length} specs (${named.join(", ")})`);
  const [spec] = named;
  owners.get(spec)?.push(pkg.name);
  const turboPath = join(root, "packages", dir, "turbo.json");
  const tasks = existsSync(turboPath) ? (readJson(turboPath).tasks ?? {}) : {};
  const own = `$TURBO_ROOT$/specs/${spec}.yaml`;
  const specInputs = usesShared.get(spec) ? [own, SHARED_INPUT] : [own];
  if (JSON.stringify(tasks.generate?.inputs) !== JSON.stringify(specInputs)) {
    problems.push(`${pkg.name}: turbo generate inputs must be exactly ${JSON.stringify(specInputs)}`);
  }
  for (const task of ["check:generated", "test"]) {
    const inputs = tasks[task]?.inputs ?? [];
    for (const input of specInputs) {
      if (!inputs.includes(input)) problems.push(`${pkg.name}: turbo ${task} inputs must include ${input}`);
    }
    const foreign = inputs.filter((input) => input.includes("specs/") && !specInputs.includes(input));
    if (foreign.length) {
      problems.push(`${pkg.name}: turbo ${task} inputs name specs its own does not use: ${foreign.join(", ")}`);
    }
  }
  if (!(pkg.scripts?.["check:generated"] ?? "").includes(`specs/${spec}.yaml`)) {
    problems.push(`${pkg.name}: check:generated must check specs/${spec}.yaml`);
  }
}

// A build that waits for `^build` waits for the builds of devDependencies too: every package has the testkit among
// them, the testkit the mock, and the mock's build reads every spec. So a package with workspace devDependencies
// names the builds it needs (its runtime packages'), and a spec edit rebuilds only its client and what uses it.
const rootBuild = rootTurbo.tasks?.build?.dependsOn ?? [];
for (const dir of readdirSync(join(root, "packages"))) {
  const manifest = join(root, "packages", dir, "package.json");
  if (!existsSync(manifest)) continue;
  const pkg = readJson(manifest);
  if (!pkg.scripts?.build) continue;
  const workspace = (deps) => Object.keys(deps ?? {}).filter((name) => name.startsWith("@offerkit/"));
  if (workspace(pkg.devDependencies).length === 0) continue;
  const turboPath = join(root, "packages", dir, "turbo.json");
  const dependsOn = (existsSync(turboPath) ? readJson(turboPath).tasks?.build?.dependsOn : undefined) ?? rootBuild;
  const needed = workspace({ ...pkg.dependencies, ...pkg.peerDependencies }).map((name) => `${name}#build`);
  if (dependsOn.includes("^build")) {
    problems.push(
      `${pkg.name}: turbo build must not depend on ^build (it would follow devDependencies); list ${JSON.stringify(["generate", ...needed])}`,
    );
  } else {
    for (const task of ["generate", ...needed]) {
      if (!dependsOn.includes(task)) problems.push(`${pkg.name}: turbo build dependsOn must include ${task}`);
    }
  }
}

for (const [spec, packages] of owners) {
  const ok = packages.length === 1;
  if (!ok)
    problems.push(`specs/${spec}.yaml is generated by ${packages.length} packages (${packages.join(", ") || "none"})`);
  else console.log(`✔ specs/${spec}.yaml${usesShared.get(spec) ? " (+ specs/shared/)" : ""} → ${packages[0]} only`);
}
for (const problem of problems) console.error(`✘ ${problem}`);
process.exit(problems.length ? 1 : 0);
