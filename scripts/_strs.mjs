import ts from "typescript"; import fs from "node:fs"; import z from "node:zlib";
const t = fs.readFileSync(process.argv[2] ?? "dist/rnn-explorer.js", "utf8");
const sf = ts.createSourceFile("x.js", t, ts.ScriptTarget.Latest, true);
const buckets = { css: [], html: [], svg: [], str: [], tmpl: [] };
const tagName = (n) => n.parent && ts.isTaggedTemplateExpression(n.parent) ? n.parent.tag.getText(sf) : null;
function parts(n) { if (ts.isNoSubstitutionTemplateLiteral(n)) return [n.text]; return [n.head.text, ...n.templateSpans.map((s) => s.literal.text)]; }
const visit = (n) => {
  if (ts.isTemplateExpression(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
    const tag = tagName(n);
    const p = parts(n).join("");
    // guess css vs html by content
    const k = /[{};]\s*$|^\s*:host|\{[^}]*:[^}]*\}/.test(p) && !/<\w/.test(p) ? "css" : /<svg|<path|<line|<circle|<rect|<g[ >]/.test(p) ? "svg" : /<\w/.test(p) ? "html" : "tmpl";
    buckets[k].push(p);
  } else if (ts.isStringLiteral(n) && n.text.length > 20) buckets.str.push(n.text);
  ts.forEachChild(n, visit);
};
visit(sf);
const gz = (s) => z.gzipSync(s, { level: 9 }).length;
for (const [k, v] of Object.entries(buckets)) { const s = v.join("\n"); console.log(k.padEnd(6), v.length, s.length, gz(s)); }
const all = Object.values(buckets).flat().join("\n"); console.log("all strings", all.length, gz(all));
