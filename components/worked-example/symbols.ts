/**
 * MathML for the worked example's equations (Lit's `mathml` tag keeps the elements
 * in the MathML namespace). Symbols follow CONFORMANCE.md: W_x, W_h, b, W_y, b_y.
 */
import { mathml, type TemplateResult } from "lit";

type Part = TemplateResult | string;
const part = (p: Part) => (typeof p === "string" ? mathml`<mi>${p}</mi>` : p);

/** x with a subscript: sub("h", "t−1"), sub("W", "x"). */
export const sub = (base: Part, s: string | number) =>
  mathml`<msub>${part(base)}${typeof s === "number" || /^\d+$/.test(s) ? mathml`<mn>${s}</mn>` : mathml`<mi>${s}</mi>`}</msub>`;
/**
 * Bold upright letters for vectors and matrices. MathML Core renders only
 * mathvariant="normal", so boldness comes from the Unicode mathematical bold letters.
 */
export const bold = (c: string) => String.fromCodePoint((c >= "a" ? 0x1d41a - 97 : 0x1d400 - 65) + c.charCodeAt(0));
const B = (c: string) => mathml`<mi mathvariant="normal">${bold(c)}</mi>`;
const idx = (s: string | number) => (typeof s === "number" || /^\d+$/.test(s) ? mathml`<mn>${s}</mn>` : mathml`<mi>${s}</mi>`);
export const W = (s: string) => mathml`<msub>${B("W")}<mi>${s}</mi></msub>`;
export const Wt = (s: string) => mathml`<msubsup>${B("W")}<mi>${s}</mi><mo>⊤</mo></msubsup>`;
export const v = (name: string, s?: string | number) => (s === undefined ? B(name) : mathml`<msub>${B(name)}${idx(s)}</msub>`);
export const vT = (name: string, s: string | TemplateResult) => mathml`<msubsup>${B(name)}${typeof s === "string" ? idx(s) : s}<mo>⊤</mo></msubsup>`;
export const by = mathml`<msub>${B("b")}<mi>y</mi></msub>`;
export const o = (s: string) => mathml`<mo stretchy="false">${s}</mo>`;
export const row = (...ps: Part[]) => mathml`<mrow>${ps.map(part)}</mrow>`;
/** ∂num/∂den */
export const d = (num: Part, den: Part) => mathml`<mfrac><mrow><mo>∂</mo>${part(num)}</mrow><mrow><mo>∂</mo>${part(den)}</mrow></mfrac>`;
export const L = mathml`<mi>L</mi>`;
export const ell = (t: string | number) => sub(mathml`<mi>ℓ</mi>`, t);
export const apply = (f: string, arg: Part) => mathml`<mrow><mi>${f}</mi><mo>⁡</mo><mrow><mo stretchy="false">(</mo>${part(arg)}<mo stretchy="false">)</mo></mrow></mrow>`;
export const fPrime = (arg: Part) => mathml`<mrow><msup><mi>f</mi><mo>′</mo></msup><mo>⁡</mo><mrow><mo stretchy="false">(</mo>${part(arg)}<mo stretchy="false">)</mo></mrow></mrow>`;
