// What takes the bytes: `node scripts/analyze.mjs [entry]` rebuilds one single-file bundle in memory
// (components/index.ts by default, the same plugins as dist/rnn-explorer.js) and prints, from esbuild's
// metafile, the minified bytes of each folder and of the largest files, with the whole file's gzip size.
import * as esbuild from "esbuild";
import { gzipSync } from "node:zlib";
import { common, singleFilePlugins } from "./build.mjs";

const entry = process.argv[2] ?? "components/index.ts";
const r = await esbuild.build({ ...common, minify: true, format: "esm", entryPoints: [entry], outfile: "analyze.js",
  write: false, metafile: true, plugins: singleFilePlugins() });
const out = Object.values(r.metafile.outputs)[0];
const group = (p) => p.startsWith("node_modules/") ? p.split("/").slice(0, p.startsWith("node_modules/@") ? 3 : 2).join("/")
  : p.startsWith("rnn-shared-core") ? "engine, lessons, lab, bench, tasks (the shared core)" : p.split("/").slice(0, 2).join("/");
const sum = new Map();
for (const [p, v] of Object.entries(out.inputs)) sum.set(group(p), (sum.get(group(p)) ?? 0) + v.bytesInOutput);
const row = (b, name) => `${String(b).padStart(9)}  ${name}`;
console.log(`${entry}: ${out.bytes} B minified, ${gzipSync(r.outputFiles[0].contents, { level: 9 }).length} B gzipped\n\nby folder:`);
for (const [g, b] of [...sum].sort((a, b) => b[1] - a[1])) console.log(row(b, g));
console.log("\nlargest files:");
for (const [p, v] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 15)) console.log(row(v.bytesInOutput, p));
