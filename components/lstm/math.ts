/**
 * MathML pieces for the lesson equations (Lit's `mathml` tag keeps them in the MathML
 * namespace; no typesetting library). Numbers use one formatter so equations and
 * read-outs show the same digits.
 */
import { mathml, type TemplateResult } from "lit";

/** A fixed-decimals number with a true minus sign. */
export function num(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  const s = Math.abs(v) >= 1e4 || (Math.abs(v) < 10 ** -digits && v !== 0) ? v.toExponential(2) : v.toFixed(digits);
  return s.replace("-", "−");
}

/** A number token; negative numbers in parentheses so products and sums read unambiguously. */
export function n(v: number, digits = 4, cls = ""): TemplateResult {
  const s = num(v, digits);
  return v < 0 ? mathml`<mrow><mo>(</mo><mn class=${cls}>${s}</mn><mo>)</mo></mrow>` : mathml`<mn class=${cls}>${s}</mn>`;
}

/** A result after "=": no parentheses. */
export function r(v: number, digits = 4, cls = ""): TemplateResult {
  return mathml`<mn class=${cls}>${num(v, digits)}</mn>`;
}

/** name with a subscript: c_t, W_{xi}, … */
export function sub(name: string, s: string): TemplateResult {
  return mathml`<msub><mi>${name}</mi><mi>${s}</mi></msub>`;
}

/** name_{t−1}, name_t */
export const prev = (name: string) => mathml`<msub><mi>${name}</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow></msub>`;
export const now = (name: string) => sub(name, "t");

export const op = (o: string) => mathml`<mo>${o}</mo>`;
export const eq = mathml`<mo>=</mo>`;
export const plus = mathml`<mo>+</mo>`;
export const times = mathml`<mo>·</mo>`;
export const had = mathml`<mo>⊙</mo>`;
export const sigma = mathml`<mi>σ</mi>`;
export const tanh = mathml`<mi>tanh</mi>`;
export const paren = (inner: TemplateResult) => mathml`<mrow><mo>(</mo>${inner}<mo>)</mo></mrow>`;

/** Rows of an aligned derivation [left, right]; MathML Core ignores columnalign, so cells align by CSS. */
export function aligned(rows: readonly (readonly [TemplateResult, TemplateResult])[]): TemplateResult {
  return mathml`<mtable>${rows.map(([l, r]) => mathml`<mtr><mtd style="text-align: right; padding: 3px 0">${l}</mtd><mtd style="text-align: left; padding: 3px 0">${r}</mtd></mtr>`)}</mtable>`;
}
