// Bundles the project with esbuild. The wasm core is inlined (deflated: wasm-module.mjs) and
// worker sources are inlined as strings (`import src from "inline-worker:./x.ts"`),
// so every output file works alone, offline, with no extra request.
import * as esbuild from "esbuild";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sharedCore } from "./shared-core.mjs";
import { wasmDeflated } from "./wasm-module.mjs";
import { splitWorker, TASK_WORKER_ENTRY } from "./split-worker.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const minify = !process.argv.includes("--no-minify");

// es2022: with esnext esbuild emits Uint8Array.fromBase64, which Node 20 lacks.
export const common = {
  bundle: true, target: "es2022", logLevel: "warning",
  absWorkingDir: root, legalComments: "none", plugins: [wasmDeflated],
};

// Workers get the compiled core from the page by postMessage (coreModule()), so their
// copy of the wasm bytes would be dead weight in the bundle: leave it out.
const noWasmInWorkers = {
  name: "no-wasm-in-workers",
  setup(build) {
    build.onLoad({ filter: /\.wasm$/ }, () => ({ contents: "export default () => Promise.reject(new Error(\"the worker has no wasm bytes of its own\"));", loader: "js" }));
  },
};

/** Bundles a worker entry as a classic-worker IIFE and returns its source text. */
export async function workerSource(entry) {
  const r = await esbuild.build({ ...common, minify, format: "iife", entryPoints: [entry], write: false, plugins: [noWasmInWorkers, ...common.plugins] });
  return r.outputFiles[0].text;
}

export const inlineWorker = {
  name: "inline-worker",
  setup(build) {
    build.onResolve({ filter: /^inline-worker:/ }, (a) => ({
      path: path.resolve(a.resolveDir, a.path.slice("inline-worker:".length)), namespace: "inline-worker",
    }));
    build.onLoad({ filter: /.*/, namespace: "inline-worker" }, async (a) => ({
      contents: `export default ${JSON.stringify(await workerSource(a.path))};\nexport const fallbackSource = undefined;\n`, loader: "js",
    }));
  },
};

/**
 * Single-file outputs carry the engine and tasks once, as a core the page runs and hands to its
 * workers (scripts/shared-core.mjs); split outputs keep the inlined worker source.
 */
export const singleFilePlugins = () => [...common.plugins, sharedCore({ common, minify, root, workerEntry: "tasks/worker.ts", startModule: "tasks/start-worker.ts" })];

/** Every output of the package; an entry whose source does not exist yet is skipped. */
export const targets = [
  { entryPoints: ["cli/main.ts"], outfile: "dist/cli.js", platform: "node", format: "esm",
    banner: { js: "#!/usr/bin/env node" } },
  { entryPoints: ["lab/node/worker.ts"], outfile: "dist/lab-worker.js", platform: "node", format: "esm" },
  { entryPoints: ["bindings/index.ts"], outfile: "dist/engine.js", format: "esm" },
  { entryPoints: ["components/index.ts"], outfile: "dist/rnn-explorer.js", format: "esm", singleFile: true },
  // the SCORM 1.2 run-time of the pages `rnn-explorer pack --scorm` writes (event names only, a few kB)
  { entryPoints: ["components/scorm/boot.ts"], outfile: "dist/scorm.js", format: "esm" },
  // "rnn-explorer/worker": runTask and the package's tasks without the elements
  { entryPoints: ["tasks/index.ts"], outfile: "dist/worker-api.js", format: "esm", singleFile: true },
  // classic script: import.meta is empty there, the bundle finds its URL from document.currentScript
  { entryPoints: ["components/index.ts"], outfile: "dist/rnn-explorer.iife.js", format: "iife", globalName: "RnnExplorer",
    define: { "import.meta.url": "undefined" }, singleFile: true },
  // one file per element for `import "rnn-explorer/elements/line-chart"`; shared code goes to chunks,
  // which the workers import too (split-worker.mjs)
  { entryPoints: [...elementEntries().map((e) => ({ in: e, out: path.basename(e, ".ts") })), TASK_WORKER_ENTRY],
    outdir: "dist/elements", format: "esm", splitting: true, chunkNames: "chunks/[name]-[hash]", metafile: true, split: true },
];

/** Every element file: components/<...>/<name>/<name>.ts. */
function elementEntries() {
  const out = [];
  const walk = (dir) => {
    if (!existsSync(path.join(root, dir))) return;
    for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (!e.isDirectory() || e.name === "embed") continue;
      const sub = `${dir}/${e.name}`, file = `${sub}/${e.name}.ts`;
      if (existsSync(path.join(root, file))) out.push(file);
      walk(sub);
    }
  };
  walk("components");
  return out.length ? out : ["components/index.ts"];
}

export async function buildAll() {
  const built = [];
  for (const t of targets) {
    if (!t.entryPoints.every((e) => existsSync(path.join(root, e.in ?? e)))) continue;
    // hashed chunk names change from build to build: start the folder afresh
    if (t.outdir) rmSync(path.join(root, t.outdir), { recursive: true, force: true });
    const { singleFile, split, ...options } = t;
    const plugins = singleFile ? singleFilePlugins() : [...common.plugins, split ? splitWorker : inlineWorker];
    await esbuild.build({ ...common, minify, plugins, ...options });
    built.push(t.outfile ?? t.outdir);
  }
  return built;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = await buildAll();
  const { chmodSync } = await import("node:fs");
  if (built.includes("dist/cli.js")) chmodSync(path.join(root, "dist/cli.js"), 0o755);
  if (existsSync(path.join(root, "components/embed/embed.ts"))) {
    const { buildEmbed } = await import("./embed.mjs");
    built.push(await buildEmbed({ common: { ...common, minify, plugins: singleFilePlugins() } }));
  }
  // types of each element file: dist/elements/<name>.d.ts points at the emitted declarations (npm run types)
  for (const e of elementEntries()) {
    const name = path.basename(e, ".ts");
    if (existsSync(path.join(root, "dist/elements"))) writeFileSync(path.join(root, `dist/elements/${name}.d.ts`), `export * from "../types/${e.replace(/\.ts$/, ".js")}";\n`);
  }
  if (existsSync(path.join(root, "scripts/manifest.mjs"))) {
    const { writeManifest } = await import("./manifest.mjs");
    built.push(...writeManifest());
  }
  console.error(`built ${built.join(", ")}`);
}
