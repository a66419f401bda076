// The single-file bundles (rnn-explorer.js, its classic twin, worker-api.js, embed.html) carry the
// engine, lessons, lab, bench and tasks exactly once. That code (everything the worker entry reaches)
// is bundled as one self-contained arrow function, the "core". The page calls it for itself, and a
// worker is a Blob of `(core)().startWorker()`, made from the function's own source text
// (Function.prototype.toString), so no eval and no second copy: the CSP needs only `worker-src blob:`.
// Page modules that import a core module get, in its place, a module reading the core's exports.
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const CORE = "rnn-shared-core";

/**
 * An esbuild plugin for a single-file build. workerEntry: the worker's entry file (its import graph
 * is the core); startModule: the file exporting startWorker(), which the worker calls.
 */
export function sharedCore({ common, minify, root, workerEntry, startModule }) {
  return {
    name: "shared-core",
    setup(build) {
      let core;
      build.onStart(async () => { core = await buildCore({ common, minify, root, entry: build.initialOptions.entryPoints, workerEntry, startModule }); });
      build.onResolve({ filter: new RegExp(`^${CORE}$`) }, () => ({ path: CORE, namespace: CORE }));
      build.onLoad({ filter: /.*/, namespace: CORE }, () => ({
        // one instance of the core per page; the worker source is made from the same function
        contents: `export const coreFn = ${core.fn};\nexport const core = coreFn();\n`, loader: "js",
      }));
      build.onResolve({ filter: /^inline-worker:/ }, () => ({ path: "worker-source", namespace: `${CORE}-worker` }));
      build.onLoad({ filter: /.*/, namespace: `${CORE}-worker` }, () => ({
        contents: `import { coreFn } from "${CORE}";\nexport default "(" + coreFn + ")().__startWorker();";\nexport const fallbackSource = undefined;\n`, loader: "js",
      }));
      // a core module imported by page code: the names it uses, read from the page's instance of the core
      build.onLoad({ filter: /\.(ts|js|mjs)$/ }, (a) => {
        const m = core.modules.get(path.relative(root, a.path));
        if (!m) return undefined;
        const lines = [`import { core as __core } from "${CORE}";`];
        for (const [name, key] of m.names) lines.push(name === "default" ? `export default __core.${key};` : `export const ${name} = __core.${key};`);
        return { contents: lines.join("\n"), loader: "js" };
      });
    },
  };
}

/** Bundles the core and lists, for each core module the page imports, its id and export names. */
async function buildCore({ common, minify, root, entry, workerEntry, startModule }) {
  const analyse = { ...common, write: false, metafile: true, outdir: "/tmp/rnn-explorer-analyse", logLevel: "silent" };
  // stubbing the worker source keeps the page graph from reaching the old inlined worker
  const stubWorker = { name: "stub", setup(b) { b.onResolve({ filter: /^inline-worker:/ }, () => ({ path: "w", namespace: "stub" })); b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "export default ''; export const fallbackSource = undefined;", loader: "js" })); } };
  const [worker, page] = await Promise.all([
    esbuild.build({ ...analyse, format: "esm", entryPoints: [workerEntry] }),
    esbuild.build({ ...analyse, format: "esm", entryPoints: entry, plugins: [...common.plugins, stubWorker] }),
  ]);
  const inCore = new Set(Object.keys(worker.metafile.inputs));
  // the boundary: core modules imported by page-only modules
  const boundary = new Set();
  for (const [file, input] of Object.entries(page.metafile.inputs)) {
    if (inCore.has(file)) continue;
    for (const i of input.imports) if (inCore.has(i.path)) boundary.add(i.path);
  }
  const files = [...boundary].sort();
  const all = await exportNames(analyse, files);
  const used = importedNames(root, page.metafile, inCore, all);
  // each used export of a boundary module becomes one export of the core, under a short key
  const modules = new Map(), lines = [];
  let key = 0;
  files.forEach((f) => {
    const names = new Map([...used.get(f)].sort().map((n) => [n, `$${(key++).toString(36)}`]));
    modules.set(f, { names });
    if (names.size) lines.push(`export { ${[...names].map(([n, key]) => `${n} as ${key}`).join(", ")} } from ${JSON.stringify("./" + f)};`);
  });
  lines.push(`export { startWorker as __startWorker } from ${JSON.stringify("./" + startModule)};`);
  const r = await esbuild.build({ ...common, minify, format: "iife", globalName: "__core", write: false,
    stdin: { contents: lines.join("\n"), resolveDir: root, sourcefile: "shared-core.js", loader: "js" } });
  const text = r.outputFiles[0].text.trim();
  const m = /^var __core\s*=\s*(\(\s*\(\)\s*=>\s*\{[\s\S]*\}\))\(\);?$/.exec(text);
  if (!m) throw new Error("shared-core: unexpected shape of esbuild's iife output");
  return { fn: m[1], modules };
}

/** Export names of each file, as esbuild sees them (types are gone, re-exports followed). */
async function exportNames(analyse, files) {
  const r = await esbuild.build({ ...analyse, format: "esm", splitting: true, entryPoints: files });
  const out = new Map();
  for (const o of Object.values(r.metafile.outputs)) if (o.entryPoint) out.set(o.entryPoint, o.exports);
  for (const f of files) {
    if (!out.has(f)) throw new Error(`shared-core: no exports found for ${f}`);
    for (const n of out.get(f)) if (!/^[A-Za-z_$][\w$]*$/.test(n) || n.startsWith("__")) throw new Error(`shared-core: ${f} exports ${JSON.stringify(n)}, which the page cannot re-export under its name`);
  }
  return out;
}

/**
 * The names page-only modules import from each boundary module (a namespace import or an
 * `export *` takes them all), so the core keeps exactly what the page and the worker use.
 */
function importedNames(root, metafile, inCore, all) {
  const used = new Map([...all.keys()].map((f) => [f, new Set()]));
  for (const [file, input] of Object.entries(metafile.inputs)) {
    if (inCore.has(file) || !/\.(ts|js|mjs)$/.test(file) || file.startsWith("node_modules/")) continue;
    const target = new Map(input.imports.filter((i) => used.has(i.path)).map((i) => [i.original, i.path]));
    if (!target.size) continue;
    const take = (spec, names) => {
      const f = target.get(spec);
      if (!f) return;
      for (const n of names ?? all.get(f)) used.get(f).add(n);
    };
    const src = ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, false);
    const visit = (node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const c = node.importClause;
        if (c && !c.isTypeOnly) {
          const names = c.name ? ["default"] : [];
          const b = c.namedBindings;
          if (b && ts.isNamespaceImport(b)) take(node.moduleSpecifier.text, undefined);
          else {
            if (b) for (const e of b.elements) if (!e.isTypeOnly) names.push((e.propertyName ?? e.name).text);
            take(node.moduleSpecifier.text, names);
          }
        } else if (!c) take(node.moduleSpecifier.text, []);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
        const e = node.exportClause;
        if (!e || ts.isNamespaceExport(e)) take(node.moduleSpecifier.text, undefined);
        else take(node.moduleSpecifier.text, e.elements.filter((x) => !x.isTypeOnly).map((x) => (x.propertyName ?? x.name).text));
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        take(node.arguments[0].text, undefined);
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  // a name esbuild does not export is a type imported without `type`: nothing to carry
  for (const [f, names] of used) for (const n of names) if (!all.get(f).includes(n)) names.delete(n);
  return used;
}
