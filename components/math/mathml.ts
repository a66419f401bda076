/**
 * MathML pieces for the lesson equations, shared by every view (Lit's `mathml` tag keeps
 * them in the MathML namespace; no typesetting library). Numbers go through the one
 * formatter, `fmt` of bindings/format.ts (significant digits, a true minus sign, powers
 * of ten for tiny and huge values), so equations show the same digits as the read-outs
 * beside them. Symbols
 * follow docs/math.md: W_x, W_h, b, W_y, b_y.
 */
import { html, mathml, nothing, type TemplateResult } from "lit";
import { fmt } from "../../bindings/format.js";

export { fmt };

/** A symbol: a string is an identifier (<mi>), anything else is used as it is. */
export type Part = TemplateResult | string;
const part = (p: Part) => (typeof p === "string" ? mathml`<mi>${p}</mi>` : p);

/** A formula inside a line of text. */
export const inlineMath = (t: TemplateResult) => html`<math>${t}</math>`;
/** A formula on its own line. */
export const displayMath = (t: TemplateResult) => html`<math display="block">${t}</math>`;

export const mi = (s: string) => mathml`<mi>${s}</mi>`;
export const mo = (s: string) => mathml`<mo>${s}</mo>`;
/** An operator that does not stretch, e.g. brackets around an index. */
export const o = (s: string) => mathml`<mo stretchy="false">${s}</mo>`;
export const eq = mathml`<mo>=</mo>`;
export const plus = mathml`<mo>+</mo>`;
export const times = mathml`<mo>·</mo>`;
/** element-wise product */
export const had = mathml`<mo>⊙</mo>`;
export const sigma = mathml`<mi>σ</mi>`;
export const tanh = mathml`<mi>tanh</mi>`;
export const L = mathml`<mi>L</mi>`;
export const paren = (inner: TemplateResult) => mathml`<mrow><mo>(</mo>${inner}<mo>)</mo></mrow>`;
export const row = (...ps: Part[]) => mathml`<mrow>${ps.map(part)}</mrow>`;

/** A subscript or superscript: a number (or a string of digits) is an <mn>. */
const script = (s: Part | number) => (typeof s === "number" || (typeof s === "string" && /^\d+$/.test(s)) ? mathml`<mn>${s}</mn>` : part(s));
/** base with a subscript: sub("w", 0), sub("W", "x"), sub("h", "t−1"). */
export const sub = (base: Part, s: Part | number) => mathml`<msub>${part(base)}${script(s)}</msub>`;
/** name_{t−1} and name_t */
export const prev = (name: string) => mathml`<msub><mi>${name}</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow></msub>`;
export const now = (name: string) => sub(name, "t");

// Equations use fixed decimals (`digits` decimals), so the terms of a sum line up and add up to the shown total.

/** A number; negative ones in parentheses so products and sums read unambiguously. */
export function n(v: number, digits = 3, cls = ""): TemplateResult {
  const s = fmt(v, { decimals: digits });
  return v < 0 || s.startsWith("−") ? mathml`<mrow><mo>(</mo><mn class=${cls || nothing}>${s}</mn><mo>)</mo></mrow>` : mathml`<mn class=${cls || nothing}>${s}</mn>`;
}

/** A result after "=": never in parentheses. */
export function r(v: number, digits = 3, cls = ""): TemplateResult {
  return mathml`<mn class=${cls || nothing}>${fmt(v, { decimals: digits })}</mn>`;
}

/**
 * Rows of an aligned derivation: each row is [left, right] where right starts with "=".
 * MathML Core ignores columnalign, so CSS text-align on the cells does the alignment;
 * `pad` is the space above and below each row, in px.
 */
export function aligned(rows: readonly (readonly [TemplateResult | typeof nothing, TemplateResult])[], pad = 2): TemplateResult {
  return mathml`<mtable>${rows.map(([l, r]) => mathml`<mtr><mtd style="text-align: right; padding: ${pad}px 0">${l}</mtd><mtd style="text-align: left; padding: ${pad}px 0">${r}</mtd></mtr>`)}</mtable>`;
}

/** A bracketed matrix (or column vector) of numbers. */
export function matrix(rows: readonly (readonly number[])[], digits = 3): TemplateResult {
  return mathml`<mrow><mo>[</mo><mtable>${rows.map((r) => mathml`<mtr>${r.map((v) => mathml`<mtd><mn>${fmt(v, { decimals: digits })}</mn></mtd>`)}</mtr>`)}</mtable><mo>]</mo></mrow>`;
}

// ------------------------------------------------------------- signals over time: x[k], 𝐡[k+1]

/** name[index], e.g. x[k−1]; index is a number or a short expression, r₀ gets a real subscript. */
export function at(name: string, index: number | string): TemplateResult {
  return mathml`<mrow>${symbol(name)}${o("[")}${indexExpr(index)}${o("]")}</mrow>`;
}

/** A vector's name at a step, e.g. 𝐡[k+1]. */
export function vecAt(letter: string, index: number | string): TemplateResult {
  return mathml`<mrow>${v(letter)}${o("[")}${indexExpr(index)}${o("]")}</mrow>`;
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

// ------------------------------------------------------------- vectors and matrices in bold

/**
 * The Unicode mathematical bold letter for a Latin letter. MathML Core renders only
 * mathvariant="normal", so boldness comes from the letters themselves.
 */
export const bold = (c: string) => String.fromCodePoint((c >= "a" ? 0x1d41a - 97 : 0x1d400 - 65) + c.charCodeAt(0));
const B = (c: string) => mathml`<mi mathvariant="normal">${bold(c)}</mi>`;

/** A bold vector or matrix name, with an optional subscript: v("h"), v("h", "t−1"), v("a", 2). */
export const v = (name: string, s?: Part | number) => (s === undefined ? B(name) : sub(B(name), s));
/** Its transpose, e.g. 𝐡ᵀ_{t−1}. */
export const vT = (name: string, s: Part | number) => mathml`<msubsup>${B(name)}${script(s)}<mo>⊤</mo></msubsup>`;
/** The weight matrices W_x, W_h, W_y (and their transposes). */
export const W = (s: string) => mathml`<msub>${B("W")}<mi>${s}</mi></msub>`;
export const Wt = (s: string) => mathml`<msubsup>${B("W")}<mi>${s}</mi><mo>⊤</mo></msubsup>`;
export const by = mathml`<msub>${B("b")}<mi>y</mi></msub>`;

/** ∂num/∂den */
export const d = (num: Part, den: Part) => mathml`<mfrac><mrow><mo>∂</mo>${part(num)}</mrow><mrow><mo>∂</mo>${part(den)}</mrow></mfrac>`;
/** the loss at step t */
export const ell = (t: string | number) => sub(mathml`<mi>ℓ</mi>`, t);
/** f(arg) with the invisible function-application operator. */
export const apply = (f: string, arg: Part) => mathml`<mrow><mi>${f}</mi><mo>⁡</mo><mrow><mo stretchy="false">(</mo>${part(arg)}<mo stretchy="false">)</mo></mrow></mrow>`;
export const fPrime = (arg: Part) => mathml`<mrow><msup><mi>f</mi><mo>′</mo></msup><mo>⁡</mo><mrow><mo stretchy="false">(</mo>${part(arg)}<mo stretchy="false">)</mo></mrow></mrow>`;
