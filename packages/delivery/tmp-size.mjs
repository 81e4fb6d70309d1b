import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const r = await build({
  stdin: { contents: `export * from "@offerkit/delivery";`, resolveDir: process.cwd() },
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  write: false,
  metafile: true,
});
const out = Object.values(r.metafile.outputs)[0];
for (const [f, v] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput))
  console.log(v.bytesInOutput, f);
console.log("gz", gzipSync(r.outputFiles[0].contents).length);
