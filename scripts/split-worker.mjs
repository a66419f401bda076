// The per-element build (dist/elements, code splitting) gives its workers the page's own chunks
// instead of an inlined copy of the engine: a worker is a small Blob that imports
// chunks/task-worker.js (tasks/worker.ts) by its URL, which pulls the shared engine, lesson and
// task chunks the page already loaded (from the cache). Messages that arrive while it loads are
// kept and replayed. The import needs what the element module itself needed: script-src for the
// bundle's origin (and CORS when that origin is another one).
import path from "node:path";
import { workerSource } from "./build.mjs";

const PLACEHOLDER = "__RNN_TASK_WORKER_URL__";
export const TASK_WORKER_ENTRY = { in: "tasks/worker.ts", out: "chunks/task-worker" };

export const splitWorker = {
  name: "split-worker",
  setup(build) {
    build.onResolve({ filter: /^inline-worker:/ }, (a) => ({
      path: path.resolve(a.resolveDir, a.path.slice("inline-worker:".length)), namespace: "split-worker",
    }));
    // a bundler that re-bundles the elements (Vite) leaves no chunks beside task-worker.js: then the
    // worker fails to start and the pool falls back to the inlined worker, a chunk loaded only then
    build.onLoad({ filter: /.*/, namespace: "split-worker" }, (a) => ({
      loader: "js",
      contents: `const url = new URL("${PLACEHOLDER}", import.meta.url).href;
export default "const q=[];onmessage=(e)=>q.push(e);import(" + JSON.stringify(url) +
  ").then(()=>{for(const e of q)onmessage(e)},(e)=>setTimeout(()=>{throw e}));";
export const fallbackSource = () => import(${JSON.stringify("inline-worker-text:" + a.path)}).then((m) => m.default);
`,
    }));
    build.onResolve({ filter: /^inline-worker-text:/ }, (a) => ({ path: a.path.slice("inline-worker-text:".length), namespace: "split-worker-text" }));
    build.onLoad({ filter: /.*/, namespace: "split-worker-text" }, async (a) => ({ contents: await workerSource(a.path), loader: "text" }));
    // the URL is relative to the file the module landed in, known only once the chunks exist
    build.onEnd(async (result) => {
      if (result.errors.length || !result.metafile) return;
      const { readFileSync, writeFileSync } = await import("node:fs");
      const cwd = build.initialOptions.absWorkingDir;
      const target = path.join(cwd, build.initialOptions.outdir, `${TASK_WORKER_ENTRY.out}.js`);
      for (const out of Object.keys(result.metafile.outputs)) {
        const file = path.join(cwd, out);
        if (!file.endsWith(".js")) continue;
        const text = readFileSync(file, "utf8");
        if (!text.includes(PLACEHOLDER)) continue;
        let rel = path.relative(path.dirname(file), target).split(path.sep).join("/");
        if (!rel.startsWith(".")) rel = `./${rel}`;
        writeFileSync(file, text.replaceAll(PLACEHOLDER, rel));
      }
    });
  },
};
