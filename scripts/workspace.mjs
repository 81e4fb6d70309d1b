// The workspace's packages as pnpm-workspace.yaml lists them, for the root checks.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/** Every folder of the workspace with a package.json: { dir, name, manifest }, sorted by folder. */
export function workspacePackages(root) {
  const { packages: patterns = [] } = parse(readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")) ?? {};
  const dirs = [];
  for (const pattern of patterns) {
    if (pattern.endsWith("/*")) {
      const parent = join(root, pattern.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const entry of readdirSync(parent, { withFileTypes: true })) {
        if (entry.isDirectory()) dirs.push(join(parent, entry.name));
      }
    } else if (!/[*!?{[]/.test(pattern)) {
      dirs.push(join(root, pattern));
    } else {
      throw new Error(`pnpm-workspace.yaml: the pattern ${pattern} is not supported here (only "dir" and "dir/*")`);
    }
  }
  return dirs
    .filter((dir) => existsSync(join(dir, "package.json")))
    .sort()
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      return { dir, name: manifest.name, manifest };
    });
}
