/**
 * One time step written out: the cell diagram with the numbers flowing through it,
 * and the two equations with the values substituted (h and y from the engine).
 */
import { html, mathml, type TemplateResult } from "lit";
import type { Problem, StepTrace } from "../../lessons/sequence-lab.js";
import type { Params } from "../../bindings/model.js";
import type { Activation } from "../../bindings/types.js";
import { line, mat, num, op, vec } from "../math/readout.js";
import { apply, displayMath, inlineMath, o, row, v, W } from "../math/mathml.js";
import { cellDiagram, sub } from "./cell.js";

export function stepPanel(s: StepTrace, params: Params, activation: Activation, p: Problem, pulse: boolean): TemplateResult {
  const H = s.h.length, f = activation === "linear" ? "id" : activation, t = s.t;
  const byOut = mathml`<msub><mi>b</mi><mtext>out</mtext></msub>`;
  return html`<div class="step-grid">
    <div class="diagram-wrap">${[false, true].map((narrow) => html`<svg class="diagram ${narrow ? "narrow" : "wide"}" viewBox=${narrow ? "0 0 340 392" : "0 0 640 240"} role="img"
      aria-label=${`Step ${t}: input ${s.x}, previous state ${s.hPrev.join(", ")}, `
      + `pre-activation ${s.a.join(", ")}, state ${s.h.join(", ")}, output ${s.y}; expected next value ${s.expected}.`}>
      ${cellDiagram(s, params, activation, p, pulse, narrow)}</svg>`)}</div>
    <div class="nums equations">
      ${displayMath(row(v("a", "t"), o("="), W("in"), mathml`<msub><mi>x</mi><mi>t</mi></msub>`, o("+"), W("h"), v("h", "t−1"), o("+"), v("b")))}
      ${line(inlineMath(v("a", t)), H <= 4 ? mat(params.W_x) : vec(s.inputTerm), ...(H <= 4 ? [vec([s.x])] : []), op("+"),
        ...(H <= 4 ? [mat(params.W_h), vec(s.hPrev)] : [vec(s.recurrentTerm)]), op("+"), vec(s.bias), op("="), vec(s.a, { key: "step.a" }))}
      ${line(inlineMath(row(v("h", t), o("="), apply(f, v("a", t)))), op("="), vec(s.h, { engine: true, key: "step.h" }))}
      ${displayMath(row(mathml`<msub><mi>y</mi><mi>t</mi></msub>`, o("="), W("out"), v("h", "t"), o("+"), byOut))}
      ${line(inlineMath(mathml`<msub><mi>y</mi><mn>${t}</mn></msub>`), mat(params.W_y), vec(s.h, { engine: true }), op("+"), num(params.b_y[0]), op("="),
        num(s.y, { engine: true, key: "step.y" }))}
      ${line(inlineMath(mathml`<mrow><msub><mi>ℓ</mi><mn>${t}</mn></msub><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac><msup><mrow><mo stretchy="false">(</mo><msub><mi>y</mi><mn>${t}</mn></msub><mo>−</mo><msub><mi>x</mi><mn>${t + 1}</mn></msub><mo stretchy="false">)</mo></mrow><mn>2</mn></msup></mrow>`),
        op("="), num(s.loss, { engine: true, key: "step.loss" }))}
      <p class="note">${p.range
        ? html`In model units: inputs and targets are mapped to [−1, 1]. x${sub(t + 1)} = ${num(s.target)} here is ${s.expected} in the sequence's units.`
        : html`Raw inputs: the network sees the numbers as they are, so the target x${sub(t + 1)} is ${s.expected}.`}</p>
    </div>
  </div>`;
}
