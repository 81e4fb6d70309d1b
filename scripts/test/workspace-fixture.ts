// A throw-away workspace for the root checks: files written from a { path: content } map, the check run on it.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Fixture {
  readonly dir: string;
  /** Writes (or overwrites) files; a value of `null` deletes the file. */
  write(files: Readonly<Record<string, string | null>>): void;
  /** `packages/sdk/node_modules/@offerkit/core` -> `packages/core`, as pnpm links a workspace dependency. */
  link(from: string, name: string, to: string): void;
  /** Runs scripts/<script> on this workspace. */
  run(script: string, ...args: string[]): Run;
  remove(): void;
}

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function fixture(files: Readonly<Record<string, string | null>>): Fixture {
  const dir = mkdtempSync(join(tmpdir(), "offerkit-check-"));
  const self: Fixture = {
    dir,
    write(more) {
      for (const [path, content] of Object.entries(more)) {
        const target = join(dir, path);
        if (content === null) {
          rmSync(target, { force: true });
          continue;
        }
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
    },
    link(from, name, to) {
      const target = join(dir, from, "node_modules", name);
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(join(dir, to), target, "dir");
    },
    run(script, ...args) {
      const path = fileURLToPath(new URL(`../${script}`, import.meta.url));
      const { status, stdout, stderr } = spawnSync(process.execPath, [path, "--root", dir, ...args], {
        encoding: "utf8",
      });
      return { status, stdout, stderr };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  self.write({ "pnpm-workspace.yaml": "packages:\n  - packages/*\n", ...files });
  return self;
}
