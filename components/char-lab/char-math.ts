/**
 * The character lab's formulas in MathML, with the engine's live numbers substituted. Brackets
 * do not stretch: in a row with a fraction or a sum they would grow to its full height.
 */
import { html, mathml, type TemplateResult } from "lit";
import type { CellKind } from "../../bindings/types.js";
import { prev, sub } from "../math/mathml.js";
import { fmt } from "../../bindings/format.js";

const num = (v: number | undefined, digits = 3) => (v === undefined || !Number.isFinite(v) ? "–" : fmt(v, { decimals: digits }));

const pre = mathml`<msub><mi>W</mi><mi>x</mi></msub><msub><mi>x</mi><mi>t</mi></msub><mo>+</mo><msub><mi>W</mi><mi>h</mi></msub>`;

/** The cell's update and the output distribution. */
export function modelFormula(cell: CellKind): TemplateResult {
  const update = cell === "rnn"
    ? mathml`<mrow>${sub("h", "t")}<mo>=</mo><mi>tanh</mi><mo stretchy="false">(</mo>${pre}${prev("h")}<mo>+</mo><mi>b</mi><mo stretchy="false">)</mo></mrow>`
    : cell === "lstm"
      ? mathml`<mrow>${sub("c", "t")}<mo>=</mo><mi>f</mi><mo>⊙</mo>${prev("c")}<mo>+</mo><mi>i</mi><mo>⊙</mo><mi>g</mi><mo>,</mo><mspace width="0.6em"></mspace>
          ${sub("h", "t")}<mo>=</mo><mi>o</mi><mo>⊙</mo><mi>tanh</mi><mo stretchy="false">(</mo>${sub("c", "t")}<mo stretchy="false">)</mo></mrow>`
      : mathml`<mrow>${sub("h", "t")}<mo>=</mo><mo stretchy="false">(</mo><mn>1</mn><mo>−</mo><mi>z</mi><mo stretchy="false">)</mo><mo>⊙</mo>${prev("h")}<mo>+</mo><mi>z</mi><mo>⊙</mo><mi>g</mi></mrow>`;
  return html`<math display="block" aria-label="model equations">
    <mtable columnalign="left">
      <mtr><mtd>${update}</mtd></mtr>
      <mtr><mtd><mrow>${sub("p", "t")}<mo>=</mo><mi>softmax</mi><mo stretchy="false">(</mo><msub><mi>W</mi><mi>y</mi></msub>${sub("h", "t")}<mo>+</mo><msub><mi>b</mi><mi>y</mi></msub><mo stretchy="false">)</mo></mrow></mtd></mtr>
    </mtable></math>`;
}

/** Per-character loss with the current value, beside the unigram entropy. */
export function lossFormula(lossNats: number, unigramNats: number | undefined, T: number): TemplateResult {
  return html`<math display="block" aria-label="loss per character">
    <mrow><mi>L</mi><mo>=</mo><mo>−</mo><mfrac><mn>1</mn><mi>T</mi></mfrac><munderover><mo>∑</mo><mrow><mi>t</mi><mo>=</mo><mn>1</mn></mrow><mi>T</mi></munderover>
      <mi>ln</mi>${sub("p", "t")}<mo stretchy="false">(</mo><msub><mi>x</mi><mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow></msub><mo stretchy="false">)</mo>
      <mo>=</mo><mn>${num(lossNats)}</mn><mtext>&nbsp;nats</mtext><mo>=</mo><mfrac><mn>${num(lossNats)}</mn><mrow><mi>ln</mi><mn>2</mn></mrow></mfrac>
      <mo>=</mo><mn>${num(lossNats / Math.LN2)}</mn><mtext>&nbsp;bits</mtext></mrow>
  </math>
  <math display="block" aria-label="unigram entropy">
    <mrow><msub><mi>H</mi><mn>1</mn></msub><mo>=</mo><mo>−</mo><munder><mo>∑</mo><mi>c</mi></munder><msub><mi>q</mi><mi>c</mi></msub><mi>ln</mi><msub><mi>q</mi><mi>c</mi></msub>
      <mo>=</mo><mn>${num(unigramNats)}</mn><mtext>&nbsp;nats</mtext></mrow>
  </math>
  <p class="note">L is the moving average of the loss over chunks of T = ${T} characters; q<sub>c</sub> is how often character c occurs in the training text.</p>`;
}

/** Sampling with temperature τ. */
export function temperatureFormula(tau: number): TemplateResult {
  return html`<math display="block" aria-label="sampling with temperature">
    <mrow><mi>P</mi><mo stretchy="false">(</mo><mi>next</mi><mo>=</mo><mi>c</mi><mo stretchy="false">)</mo><mo>=</mo>
      <mfrac><mrow><mi>exp</mi><mo stretchy="false">(</mo><msub><mi>y</mi><mi>c</mi></msub><mo>/</mo><mi>τ</mi><mo stretchy="false">)</mo></mrow>
        <mrow><msub><mo>∑</mo><mi>j</mi></msub><mi>exp</mi><mo stretchy="false">(</mo><msub><mi>y</mi><mi>j</mi></msub><mo>/</mo><mi>τ</mi><mo stretchy="false">)</mo></mrow></mfrac>
      <mo>,</mo><mspace width="0.6em"></mspace><mi>τ</mi><mo>=</mo><mn>${tau}</mn>${tau === 0 ? mathml`<mtext>&nbsp;(greedy: always the largest y)</mtext>` : ""}</mrow>
  </math>`;
}
