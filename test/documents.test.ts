// Every document the code, the README or the docs name must be in the repository: a comment
// that sends a reader to a file that is not there is worse than none.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SKIP = new Set(["node_modules", "dist", "build", ".git", "results"]);
/** Files the CLI writes (`dir/report.md`), not documents of the repository. */
const OUTPUTS = /(^|\/)report\.md$/;

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.(ts|mjs|md)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Names of markdown documents mentioned in a text (paths ending in .md). */
export function documentNames(text: string): string[] {
  return [...text.matchAll(/(?<![\w/.-])((?:\.{1,2}\/|[\w-]+\/)*[\w-]+\.md)\b/g)].map((m) => m[1]);
}

describe("documents the repository names", () => {
  it("exist, whether named from the root or relative to the file that names them", () => {
    const missing: string[] = [];
    for (const file of sources(ROOT)) {
      if (file === fileURLToPath(import.meta.url)) continue; // its own examples
      for (const name of documentNames(readFileSync(file, "utf8"))) {
        if (OUTPUTS.test(name)) continue;
        if (!existsSync(join(ROOT, name)) && !existsSync(resolve(dirname(file), name))) missing.push(`${relative(ROOT, file)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("finds names written as paths, links and bare file names", () => {
    expect(documentNames("see docs/math.md, [design](design.md) and CONFORMANCE.md; `dir/report.md`"))
      .toEqual(["docs/math.md", "design.md", "CONFORMANCE.md", "dir/report.md"]);
  });
});
