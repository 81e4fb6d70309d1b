// The engine as a browser or edge app would ship it: bundled by esbuild from the sources, minified, every
// dependency included, browser conditions (so a Node built-in anywhere in the graph fails the build).
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** `included`: the modules with code in the bundle (tree-shaken ones are left out). */
export async function bundleEngine(
  format: "esm" | "iife",
): Promise<{ code: string; gzipped: number; included: string[] }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../src/index.ts", import.meta.url))],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    minify: true,
    format,
    globalName: format === "iife" ? "TargetRules" : undefined,
    platform: "browser",
    target: "es2022",
    metafile: true,
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    code: new TextDecoder().decode(bytes),
    gzipped: gzipSync(bytes, { level: 9 }).byteLength,
    included: Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    ),
  };
}
