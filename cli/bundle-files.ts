/**
 * The files a page needs from dist/: the entry modules and every file they reference by a
 * relative address (static and dynamic imports, `new URL("./x", import.meta.url)`), followed
 * transitively, so a bundle split into chunks or workers is packed whole.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fail } from "../bindings/validate.js";

const REFERENCES = [
  /\b(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g,
  /\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g,
  /\bnew\s+URL\(\s*["'](\.{1,2}\/[^"']+)["']\s*,\s*import\.meta\.url\s*\)/g,
];

/** Relative addresses a script refers to. */
export function relativeReferences(source: string): string[] {
  const found = new Set<string>();
  for (const re of REFERENCES) for (const m of source.matchAll(re)) found.add(m[1].split(/[?#]/)[0]);
  return [...found];
}

/** Paths (relative to distDir, forward slashes) of the entries and everything they reach. */
export function bundleFiles(distDir: string, entries: readonly string[]): string[] {
  const out: string[] = [];
  const queue = [...entries];
  while (queue.length) {
    const rel = queue.shift()!;
    if (out.includes(rel)) continue;
    const full = path.join(distDir, rel);
    if (!existsSync(full)) fail(`${path.join(distDir, rel)} is missing: run \`npm run build\` first (or give --dist the folder of a built bundle)`);
    out.push(rel);
    if (!/\.m?js$/.test(rel)) continue;
    for (const ref of relativeReferences(readFileSync(full, "utf8"))) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), ref));
      if (target.startsWith("../")) fail(`${rel} refers to ${ref}, outside ${distDir}`);
      queue.push(target);
    }
  }
  return out;
}
