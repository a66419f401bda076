// Bundles the project with esbuild. The wasm core is inlined (binary loader) and
// worker sources are inlined as strings (`import src from "inline-worker:./x.ts"`),
// so every output file works alone, offline, with no extra request.
import * as esbuild from "esbuild";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const minify = !process.argv.includes("--no-minify");

// es2022: with esnext esbuild emits Uint8Array.fromBase64, which Node 20 lacks.
export const common = {
  bundle: true, target: "es2022", loader: { ".wasm": "binary" }, logLevel: "warning",
  absWorkingDir: root, legalComments: "none",
};

/** Bundles a worker entry as a classic-worker IIFE and returns its source text. */
export async function workerSource(entry) {
  const r = await esbuild.build({ ...common, minify, format: "iife", entryPoints: [entry], write: false });
  return r.outputFiles[0].text;
}

export const inlineWorker = {
  name: "inline-worker",
  setup(build) {
    build.onResolve({ filter: /^inline-worker:/ }, (a) => ({
      path: path.resolve(a.resolveDir, a.path.slice("inline-worker:".length)), namespace: "inline-worker",
    }));
    build.onLoad({ filter: /.*/, namespace: "inline-worker" }, async (a) => ({
      contents: await workerSource(a.path), loader: "text",
    }));
  },
};

/** Every output of the package; an entry whose source does not exist yet is skipped. */
export const targets = [
  { entryPoints: ["bindings/cli/main.ts"], outfile: "dist/cli.js", platform: "node", format: "esm",
    banner: { js: "#!/usr/bin/env node" } },
  { entryPoints: ["bindings/index.ts"], outfile: "dist/engine.js", format: "esm" },
  { entryPoints: ["components/index.ts"], outfile: "dist/rnn-explorer.js", format: "esm" },
  { entryPoints: ["components/index.ts"], outfile: "dist/rnn-explorer.iife.js", format: "iife" },
];

export async function buildAll() {
  const built = [];
  for (const t of targets) {
    if (!t.entryPoints.every((e) => existsSync(path.join(root, e)))) continue;
    await esbuild.build({ ...common, minify, plugins: [inlineWorker], ...t });
    built.push(t.outfile);
  }
  return built;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = await buildAll();
  const { chmodSync } = await import("node:fs");
  if (built.includes("dist/cli.js")) chmodSync(path.join(root, "dist/cli.js"), 0o755);
  console.error(`built ${built.join(", ")}`);
}
