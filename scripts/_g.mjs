import { readFileSync } from "node:fs"; import path from "node:path"; import { gzipSync } from "node:zlib";
const dist = "dist"; const seen = new Set();
const visit = (f) => { if (seen.has(f)) return; seen.add(f); const code = readFileSync(path.join(dist, f), "utf8");
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) visit(path.posix.join(path.posix.dirname(f), m[1])); };
visit(process.argv[2] ?? "elements/lstm.js"); let tot = 0;
for (const f of seen) { const b = readFileSync(path.join(dist, f)); const g = gzipSync(b, { level: 9 }).length; tot += g; console.log(String(b.length).padStart(8), String(g).padStart(7), f); }
console.log("total gz", tot);
