// The engine as a browser or edge app would ship it: bundled by esbuild from the sources, minified, every
// dependency included, browser conditions (so a Node built-in anywhere in the graph fails the build).
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * `included`: the source files with code in the bundle (tree-shaken ones are left out), read from the bundle's source
 * map, so a file of another package is named by its source even when its package ships it inside a shared chunk.
 */
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
    sourcemap: "external",
    outfile: "bundle.js",
    logLevel: "silent",
  });
  const bytes = result.outputFiles.find((file) => file.path.endsWith(".js"))?.contents ?? new Uint8Array();
  const map = JSON.parse(result.outputFiles.find((file) => file.path.endsWith(".map"))?.text ?? "{}");
  return {
    code: new TextDecoder().decode(bytes),
    gzipped: gzipSync(bytes, { level: 9 }).byteLength,
    included: mappedSources(map),
  };
}

/** The sources a source map maps some output code to (its `sources` also lists inputs that were tree-shaken away). */
function mappedSources(map: { sources: string[]; mappings: string }): string[] {
  const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const used = new Set<number>();
  let source = 0;
  for (const line of map.mappings.split(";")) {
    for (const segment of line.split(",")) {
      // Each segment is base64 VLQ numbers: column, then (optionally) source index delta, line, column, name.
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
          continue;
        }
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
      if (fields.length >= 4) {
        source += fields[1] as number;
        used.add(source);
      }
    }
  }
  return [...used].map((index) => map.sources[index] as string);
}
