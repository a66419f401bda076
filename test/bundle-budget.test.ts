/**
 * Size budgets of what a reader downloads, read from dist/ (made by `npm run build`, which `npm test`
 * runs first): the single-file bundle, and one lesson element with every chunk it imports statically
 * (each file gzipped on its own, as a server sends it). Also checks that the single file stays one
 * file, and that it carries the engine, the task code and the wasm core once (workers are built from
 * the page's own copy, scripts/shared-core.mjs).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { deflateRawSync, gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";

const dist = path.resolve(import.meta.dirname, "../dist");
const KiB = 1024;
/** Ratchets: lower them when the bundle shrinks (README, "Bundle size"). */
const BUDGET = { singleFileGzip: 228 * KiB, lessonElementGzip: 80 * KiB } as const;

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const read = (f: string) => readFileSync(path.join(dist, f));

/** Relative modules a file imports statically (esbuild's minified `from"./x.js"` and `import"./x.js"`). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
}

/** The file and every chunk it reaches through static imports, each once. */
function importGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const s of staticImports(read(f).toString("utf8"))) visit(path.posix.join(path.posix.dirname(f), s));
  };
  visit(entry);
  return [...seen];
}

const count = (text: string, s: string) => text.split(s).length - 1;

describe("bundle budget (run `npm run build` first)", () => {
  test("staticImports reads esbuild's import forms and leaves dynamic imports out", () => {
    const code = `import{a as b}from"./chunks/c1.js";import"./chunks/c2.js";export{d}from"../e.js";const f=()=>import("./lazy.js");`;
    expect(staticImports(code)).toEqual(["./chunks/c1.js", "./chunks/c2.js", "../e.js"]);
  });

  test(`dist/rnn-explorer.js is one file of at most ${BUDGET.singleFileGzip / KiB} KiB gzipped`, () => {
    const file = read("rnn-explorer.js");
    const text = file.toString("utf8");
    expect(staticImports(text)).toEqual([]);
    expect(text).not.toMatch(/import\(\s*["'`]/);
    expect(gz(file)).toBeLessThanOrEqual(BUDGET.singleFileGzip);
  });

  test.each(["rnn-explorer.js", "rnn-explorer.iife.js", "worker-api.js", "embed.html"])(
    "%s carries the wasm core and the task code once, and builds its worker from them", (f) => {
      const text = read(f).toString("utf8");
      // the core as scripts/wasm-module.mjs embeds it (deflated, base64)
      const core = deflateRawSync(readFileSync(path.resolve(dist, "../build/core.wasm")), { level: 9 }).toString("base64");
      expect(count(text, core)).toBe(1);
      expect(count(text, "unknown task")).toBe(1);    // tasks/load.ts, which the page and its workers run
      expect(count(text, "__startWorker")).toBe(2);   // the core's export and the worker source that calls it
    });

  test(`<rnn-lstm> with the chunks it imports is at most ${BUDGET.lessonElementGzip / KiB} KiB gzipped`, () => {
    const files = importGraph("elements/lstm.js");
    expect(files.length).toBeGreaterThan(1);
    const total = files.reduce((s, f) => s + gz(read(f)), 0);
    expect(total).toBeLessThanOrEqual(BUDGET.lessonElementGzip);
  });
});
