/**
 * The worked example's pages: one card per step of the forward pass, one per step
 * of the backward pass (from the last step to the first), and the totals. Numbers the
 * engine computes (h, y, ℓ, L and the gradients) come from the engine; the others are
 * the float64 derivation of the same weights.
 */
import { html, mathml, nothing, type TemplateResult } from "lit";
import { VOCAB, type EngineResult, type Trace, type WorkedCase } from "../../lessons/worked-example.js";
import type { Activation } from "../../bindings/types.js";
import { line, mat, num, op, vec } from "../math/readout.js";
import { apply, bold, by, d, displayMath, ell, fPrime, inlineMath, L, o, row, v, vT, W, Wt } from "../math/mathml.js";

const words = VOCAB as readonly string[];
const transpose = (m: number[][]) => m[0].map((_, j) => m.map((r) => r[j]));
const hT = (s: string | TemplateResult) => vT("h", s);

export const derivativeText: Record<Activation, string> = {
  tanh: "tanh′(a) = 1 − h², with h = tanh(a)",
  sigmoid: "σ′(a) = h (1 − h), with h = σ(a)",
  relu: "ReLU′(a) = 1 where a > 0, else 0",
  linear: "the derivative of the identity is 1",
};

export function forwardStep(c: WorkedCase, t: number, tr: Trace, e: EngineResult): TemplateResult {
  const s = tr.forward[t], n = t + 1, f = c.activation === "linear" ? "id" : c.activation;
  return html`<section class="card step nums" aria-label="Forward step ${n}">
    <h4>Step ${n}: reads “${words[s.token]}”, should predict “${words[s.target]}”</h4>
    ${displayMath(row(v("a", "t"), o("="), W("x"), v("x", "t"), o("+"), W("h"), v("h", "t−1"), o("+"), v("b")))}
    ${line(inlineMath(v("a", n)), vec(s.inputTerm, { key: `fwd.${n}.Wx_x` }), op("+"), mat(c.params.W_h), vec(s.hPrev), op("+"), vec(c.params.b), op("="), vec(s.a, { key: `fwd.${n}.a` }))}
    <p class="note">x<sub>${n}</sub> is one-hot for “${words[s.token]}”, so W<sub>x</sub>x<sub>${n}</sub> is that word's column of W<sub>x</sub>.
      ${t === 0 ? "The state starts at h₀." : nothing}</p>
    ${line(inlineMath(row(v("h", n), o("="), apply(f, v("a", n)))), op("="), vec(e.hidden[t], { engine: true, key: `hidden.${n}` }))}
    ${displayMath(row(v("y", "t"), o("="), W("y"), v("h", "t"), o("+"), by))}
    ${line(inlineMath(v("y", n)), mat(c.params.W_y), vec(e.hidden[t], { engine: true }), op("+"), vec(c.params.b_y), op("="),
      vec(e.outputs[t], { engine: true, key: `outputs.${n}`, labels: words }))}
    ${line(inlineMath(row(v("p", n), o("="), apply("softmax", v("y", n)))), op("="), vec(s.p, { key: `fwd.${n}.p`, labels: words, highlightIndex: s.target }))}
    ${line(inlineMath(row(ell(n), o("="), o("−"), apply("log", row(v("p", n), o("["), mathml`<mtext>${words[s.target]}</mtext>`, o("]"))))),
      op("="), html`<span class="op">−log</span>`, num(s.p[s.target]), op("="), num(e.stepLoss[t], { engine: true, key: `stepLoss.${n}` }))}
  </section>`;
}

export function backwardStep(c: WorkedCase, t: number, tr: Trace): TemplateResult {
  const s = tr.forward[t], b = tr.backward[t], n = t + 1, T = tr.forward.length, last = n === T;
  const target = c.params.b_y.map((_, k) => (k === s.target ? 1 : 0));
  return html`<section class="card step nums" aria-label="Backward step ${n}">
    <h4>Step ${n}${last ? " (the last step, where the backward pass starts)" : ""}</h4>
    ${displayMath(row(d(ell("t"), v("y", "t")), o("="), v("p", "t"), o("−"), v("e", "target")))}
    ${line(inlineMath(d(ell(n), v("y", n))), vec(s.p, { labels: words }), op("−"), vec(target), op("="), vec(b.dy, { key: `bwd.${n}.dy`, labels: words }))}
    ${displayMath(row(d(L, v("h", "t")), o("="), Wt("y"), d(ell("t"), v("y", "t")), o("+"), Wt("h"), d(L, v("a", "t+1"))))}
    ${line(inlineMath(d(L, v("h", n))), mat(transpose(c.params.W_y)), vec(b.dy), op("+"),
      ...(last ? [html`<span class="op">0</span>`, op("=")]
        : [mat(transpose(c.params.W_h)), vec(tr.backward[t + 1].da), op("="), vec(b.dhFromOutput), op("+"), vec(b.dhFromFuture), op("=")]),
      vec(b.dh, { key: `bwd.${n}.dh` }))}
    ${last ? html`<p class="note">Nothing comes back from after the last step, so only this step's own loss reaches h<sub>${n}</sub>.</p>` : nothing}
    ${displayMath(row(d(L, v("a", "t")), o("="), d(L, v("h", "t")), o("⊙"), fPrime(v("a", "t"))))}
    ${line(inlineMath(d(L, v("a", n))), vec(b.dh), op("⊙"), vec(b.fPrime), op("="), vec(b.da, { key: `bwd.${n}.da` }))}
    <p class="note">${derivativeText[c.activation]}.</p>
    <h5>Added to the gradients by step ${n}</h5>
    <div class="acc">
      ${inlineMath(row(d(L, W("y")), o("+="), d(ell("t"), v("y", "t")), hT("t")))}
      ${inlineMath(row(d(L, by), o("+="), d(ell("t"), v("y", "t"))))}
      ${inlineMath(row(d(L, W("h")), o("+="), d(L, v("a", "t")), hT(mathml`<mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow>`)))}
      ${inlineMath(row(d(L, v("b")), o("+="), d(L, v("a", "t"))))}
      ${inlineMath(row(mathml`<mrow><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><msub><mi mathvariant="normal">${bold("W")}</mi><mi>x</mi></msub></mrow></mfrac><mo stretchy="false">[</mo><mo>:</mo><mo>,</mo><mtext>${words[s.token]}</mtext><mo stretchy="false">]</mo></mrow>`,
        o("+="), d(L, v("a", "t"))))}
    </div>
    <p class="note">Running totals ${n === T ? `after step ${n}` : `over steps ${n} to ${T}`}:</p>
    <div class="totals">
      ${gradBox("∂L/∂W_x", mat(b.running.W_x), html`W<sub>x</sub>`)}${gradBox("∂L/∂W_h", mat(b.running.W_h), html`W<sub>h</sub>`)}
      ${gradBox("∂L/∂b", vec(b.running.b), html`b`)}${gradBox("∂L/∂W_y", mat(b.running.W_y), html`W<sub>y</sub>`)}${gradBox("∂L/∂b_y", vec(b.running.b_y), html`b<sub>y</sub>`)}
    </div>
  </section>`;
}

const gradBox = (name: string, body: TemplateResult, label: TemplateResult) =>
  html`<figure class="grad" aria-label=${name}><figcaption>∂L/∂${label}</figcaption>${body}</figure>`;

export function totals(c: WorkedCase, e: EngineResult): TemplateResult {
  const g = e.grads, T = c.tokens.length;
  return html`<section class="card nums" aria-label="Loss and gradients from the engine">
    ${displayMath(row(L, o("="), mathml`<munderover><mo>∑</mo><mrow><mi>t</mi><mo>=</mo><mn>1</mn></mrow><mn>${T}</mn></munderover>`, ell("t")))}
    ${line(inlineMath(L), ...e.stepLoss.map((x, t) => html`${t ? op("+") : nothing}${num(x, { engine: true })}`), op("="), num(e.loss, { engine: true, key: "loss" }))}
    <p class="note">Mean per word: ${num(e.loss / T, { engine: true, key: "meanLoss" })}. Gradients below are of the sum L.</p>
    <div class="totals">
      ${gradBox("∂L/∂W_x", mat(g.W_x, { engine: true, key: "grads.W_x" }), html`W<sub>x</sub>`)}
      ${gradBox("∂L/∂W_h", mat(g.W_h, { engine: true, key: "grads.W_h" }), html`W<sub>h</sub>`)}
      ${gradBox("∂L/∂b", vec(g.b, { engine: true, key: "grads.b" }), html`b`)}
      ${gradBox("∂L/∂W_y", mat(g.W_y, { engine: true, key: "grads.W_y" }), html`W<sub>y</sub>`)}
      ${gradBox("∂L/∂b_y", vec(g.b_y, { engine: true, key: "grads.b_y" }), html`b<sub>y</sub>`)}
      ${gradBox("∂L/∂h₀", vec(g.h0, { engine: true, key: "grads.h0" }), html`h<sub>0</sub>`)}
    </div>
  </section>`;
}
