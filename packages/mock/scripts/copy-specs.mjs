// The package ships the specs it serves: copied from the repository's specs/ at every build, never kept by hand.
import { cpSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const from = fileURLToPath(new URL("../../../specs/", import.meta.url));
const to = fileURLToPath(new URL("../dist/specs/", import.meta.url));
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true, filter: (path) => !path.endsWith(".md") });
