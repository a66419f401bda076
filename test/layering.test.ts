// The layering of README's Layout table, enforced: every import of every .ts file in
// the repository is read and checked against the folder it lives in, so an arrow that
// runs back up fails here rather than in a review.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SKIP = new Set(["node_modules", "dist", ".git"]);

/** Which layers each layer may import (its own always allowed). `build/` is the compiled core. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  assembly: [],
  build: [],
  bindings: ["assembly", "build"],
  lessons: ["bindings"],
  lab: ["bindings", "lessons"],
  bench: ["bindings"],
  tasks: ["bindings", "lessons", "lab", "bench"],
  components: ["bindings", "lessons", "lab", "bench", "tasks"],
  cli: ["bindings", "lessons", "lab", "bench", "tasks"],
};
/** Folders outside the layering: they may import any layer, and no layer imports them. */
const FREE = new Set(["scripts", "gallery", "test", "docs", "."]);

/** Files that run only in Node: the only ones allowed node: built-ins, never imported by browser code. */
const NODE_ONLY = [/^cli\//, /^lab\/node\//, /^bench\/(node|native)\.ts$/];
const BROWSER_LAYERS = new Set(["bindings", "lessons", "lab", "bench", "tasks", "components"]);
/** DOM libraries belong to the elements. */
const DOM_PACKAGES = /^lit(\/|$)/;

export interface ImportEdge { from: string; specifier: string; target?: string }

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) tsFiles(p, out);
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** Module specifiers of static, side-effect, re-export and dynamic imports, comments removed. */
export function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1]);
  return found;
}

function layerOf(path: string): string {
  const i = path.indexOf("/");
  return i < 0 ? "." : path.slice(0, i);
}

function edges(): ImportEdge[] {
  const out: ImportEdge[] = [];
  for (const file of tsFiles(ROOT)) {
    const from = relative(ROOT, file).split("\\").join("/");
    for (const specifier of specifiers(readFileSync(file, "utf8"))) {
      const local = specifier.replace(/^inline-worker:/, "");
      const target = local.startsWith(".")
        ? relative(ROOT, resolve(dirname(file), local)).split("\\").join("/").replace(/\.js$/, ".ts")
        : undefined;
      out.push({ from, specifier, target });
    }
  }
  return out;
}

/** Every broken rule, one line each ("from → specifier: why"). */
export function violations(all: ImportEdge[]): string[] {
  const bad: string[] = [];
  for (const { from, specifier, target } of all) {
    const src = layerOf(from);
    const say = (why: string) => bad.push(`${from} → ${specifier}: ${why}`);
    if (target === undefined) {
      if (specifier.startsWith("node:") && !NODE_ONLY.some((r) => r.test(from)) && !FREE.has(src))
        say("node: built-ins only in Node-only files (cli/, lab/node/, bench/node.ts, bench/native.ts)");
      if (DOM_PACKAGES.test(specifier) && !FREE.has(src) && src !== "components") say("DOM libraries only in components/");
      continue;
    }
    if (target.startsWith("..")) { say("outside the repository"); continue; }
    const dst = layerOf(target);
    if (FREE.has(src) || dst === src) {
      if (FREE.has(dst) && !FREE.has(src) && dst !== src) say(`${src}/ may not import ${dst}/`);
      continue;
    }
    const allowed = MAY_IMPORT[src];
    if (!allowed) { say(`${src}/ is not in the Layout table`); continue; }
    if (!allowed.includes(dst)) say(`${src}/ may import only ${allowed.map((l) => l + "/").join(", ") || "itself"}`);
    else if (BROWSER_LAYERS.has(src) && !NODE_ONLY.some((r) => r.test(from)) && NODE_ONLY.some((r) => r.test(target)))
      say("browser code may not import a Node-only file");
  }
  return bad;
}

describe("layering (README, Layout)", () => {
  const all = edges();

  it("reads the imports of every layer", () => {
    const layers = new Set(all.map((e) => layerOf(e.from)));
    for (const l of Object.keys(MAY_IMPORT)) if (l !== "build") expect(layers, l).toContain(l);
    expect(all.length).toBeGreaterThan(300);
  });

  it("every import points down the layers", () => {
    expect(violations(all)).toEqual([]);
  });

  it("catches an arrow that runs back up", () => {
    const up = [
      { from: "bindings/worker/serve.ts", specifier: "../../tasks/index.js", target: "tasks/index.ts" },
      { from: "bindings/model.ts", specifier: "../bench/session.js", target: "bench/session.ts" },
      { from: "lessons/bptt.ts", specifier: "../lab/stats.js", target: "lab/stats.ts" },
      { from: "components/bptt/bptt.ts", specifier: "../../cli/main.js", target: "cli/main.ts" },
      { from: "cli/grad.ts", specifier: "../components/index.js", target: "components/index.ts" },
      { from: "lab/report.ts", specifier: "../test/helpers.js", target: "test/helpers.ts" },
      { from: "lessons/bptt.ts", specifier: "lit", target: undefined },
      { from: "bindings/engine.ts", specifier: "node:fs", target: undefined },
      { from: "tasks/bench.ts", specifier: "../bench/node.js", target: "bench/node.ts" },
    ];
    expect(violations(up)).toHaveLength(up.length);
    expect(violations([{ from: "lab/report.ts", specifier: "../lessons/bptt.js", target: "lessons/bptt.ts" }])).toEqual([]);
  });

  it("finds imports written every way", () => {
    const src = `import { a } from "./a.js";\nimport type {\n  B,\n} from "../b.js";\nexport * from "./c.js";\nimport "./d.js";\n` +
      `const e = await import("./e.js");\nimport w from "inline-worker:./w.ts";\n// import { no } from "./comment.js";\n/* import "./block.js"; */`;
    expect(specifiers(src)).toEqual(expect.arrayContaining(["./a.js", "../b.js", "./c.js", "./d.js", "./e.js", "inline-worker:./w.ts"]));
    expect(specifiers(src)).not.toContain("./comment.js");
    expect(specifiers(src)).not.toContain("./block.js");
  });
});
