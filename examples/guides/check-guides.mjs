// Every ```ts block of docs/*.md (and of the package READMEs listed below), written out as its own module and
// type-checked with the repository's strict settings, so a guide's code cannot drift from the packages' API. A
// block's errors name its guide and line.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
// Package READMEs whose every block is complete code (the others show fragments).
const READMES = ["packages/dps/README.md"];
const out = fileURLToPath(new URL("./.blocks/", import.meta.url));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const origins = new Map();
let count = 0;
const guides = readdirSync(`${root}docs`)
  .filter((file) => file.endsWith(".md"))
  .map((file) => `docs/${file}`);
for (const guide of [...guides, ...READMES]) {
  const text = readFileSync(`${root}${guide}`, "utf8");
  for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```/gm)) {
    const line = text.slice(0, match.index).split("\n").length + 1;
    const file = `${guide.replace(/\.md$/, "").replaceAll("/", "-")}-${line}.ts`;
    writeFileSync(`${out}${file}`, match[1]);
    origins.set(file, `${guide}:${line}`);
    count++;
  }
}
if (count === 0) throw new Error("no TypeScript blocks found in docs/");

try {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.json"], {
    cwd: fileURLToPath(new URL(".", import.meta.url)),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  console.log(`✔ ${count} TypeScript blocks of docs/*.md and ${READMES.join(", ")} type-check`);
} catch (error) {
  // tsc reports .blocks/<guide>-<line>.ts(l,c): point at the guide instead.
  const report = String(error.stdout ?? error.message).replace(
    /\.blocks\/([\w.-]+\.ts)\((\d+),(\d+)\)/g,
    (_, file, l, c) => {
      const [path, start] = origins.get(file).split(":");
      return `${path}:${Number(start) + Number(l) - 1}:${c}`;
    },
  );
  console.error(report);
  process.exit(1);
}
