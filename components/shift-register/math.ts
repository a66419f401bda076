/**
 * MathML fragments for the lesson equations (Lit's `mathml` tag keeps them in the
 * MathML namespace). Numbers go through the lessons' read-out formatter so the
 * equations show the same digits as the read-outs.
 */
import { mathml, nothing, type TemplateResult } from "lit";
import { fmt } from "../../bindings/lessons/linear-systems.js";

/** A number; negative ones in parentheses so products read unambiguously. */
export function n(v: number, digits = 3): TemplateResult {
  const s = fmt(v, digits);
  return v < 0 || s.startsWith("−") ? mathml`<mrow><mo>(</mo><mn>${s}</mn><mo>)</mo></mrow>` : mathml`<mn>${s}</mn>`;
}

/** name[index], e.g. x[k−1]; index is a number or a short expression. */
export function at(name: string, index: number | string): TemplateResult {
  return mathml`<mrow>${symbol(name)}<mo stretchy="false">[</mo>${indexExpr(index)}<mo stretchy="false">]</mo></mrow>`;
}

/** A name, with a trailing subscript digit (r₀) as a real subscript. */
function symbol(name: string): TemplateResult {
  const m = /^(.+?)([₀-₉])$/.exec(name);
  return m ? mathml`<msub><mi>${m[1]}</mi><mn>${m[2].charCodeAt(0) - 0x2080}</mn></msub>` : mathml`<mi>${name}</mi>`;
}

/** "k", "k−1", "k+1" or a number, as MathML tokens. */
function indexExpr(index: number | string): TemplateResult {
  if (typeof index === "number") return mathml`<mn>${index}</mn>`;
  const m = /^([a-zA-Z])\s*([−+-])\s*(\d+)$/.exec(index);
  if (!m) return mathml`<mi>${index}</mi>`;
  return mathml`<mi>${m[1]}</mi><mo>${m[2] === "+" ? "+" : "−"}</mo><mn>${m[3]}</mn>`;
}

/** A bold vector name (𝐡, 𝐁 …) as its Unicode mathematical bold letter; MathML Core has no bold variant. */
export function vec(letter: string): TemplateResult {
  const c = letter.charCodeAt(0);
  const bold = c >= 97 ? String.fromCodePoint(0x1d41a + c - 97) : String.fromCodePoint(0x1d400 + c - 65);
  return mathml`<mi>${bold}</mi>`;
}

/** vec[index], e.g. 𝐡[k+1]. */
export function vecAt(letter: string, index: number | string): TemplateResult {
  return mathml`<mrow>${vec(letter)}<mo stretchy="false">[</mo>${indexExpr(index)}<mo stretchy="false">]</mo></mrow>`;
}

/** Rows of an aligned derivation: each row is [left, right] where right starts with "=". */
export function aligned(rows: readonly (readonly [TemplateResult | typeof nothing, TemplateResult])[]): TemplateResult {
  // MathML Core ignores columnalign; CSS text-align on the cells does the alignment
  return mathml`<mtable>${rows.map(([l, r]) => mathml`<mtr><mtd style="text-align: right; padding: 2px 0">${l}</mtd><mtd style="text-align: left; padding: 2px 0">${r}</mtd></mtr>`)}</mtable>`;
}

/** name with a subscript, e.g. w₀. */
export function sub(name: string, s: string | number): TemplateResult {
  return typeof s === "number" || /^\d+$/.test(s) ? mathml`<msub><mi>${name}</mi><mn>${s}</mn></msub>` : mathml`<msub><mi>${name}</mi><mi>${s}</mi></msub>`;
}

/** A bracketed matrix (or column vector) of numbers. */
export function matrix(rows: readonly (readonly number[])[], digits = 3): TemplateResult {
  return mathml`<mrow><mo>[</mo><mtable>${rows.map((r) => mathml`<mtr>${r.map((v) => mathml`<mtd><mn>${fmt(v, digits)}</mn></mtd>`)}</mtr>`)}</mtable><mo>]</mo></mrow>`;
}

/** A bracketed matrix of symbols, e.g. [[a₁₁, a₁₂], [a₂₁, a₂₂]]. */
export function symbolMatrix(rows: readonly (readonly TemplateResult[])[]): TemplateResult {
  return mathml`<mrow><mo>[</mo><mtable>${rows.map((r) => mathml`<mtr>${r.map((v) => mathml`<mtd>${v}</mtd>`)}</mtr>`)}</mtable><mo>]</mo></mrow>`;
}

export const times = mathml`<mo>·</mo>`;
export const plus = mathml`<mo>+</mo>`;
export const eq = mathml`<mo>=</mo>`;
