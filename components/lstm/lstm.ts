import { html, mathml, svg, type TemplateResult } from "lit";
import { define } from "../define.js";
import { registerView } from "../registry.js";
import type { Trace } from "../../lessons/gated-cell.js";
import { LSTM_GATES, lstmReference, lstmUnitStep, type LstmUnitStep } from "../../lessons/lstm-cell.js";
import { GATED_ATTRIBUTES, GatedCellView, gateLines, gateValues, type GateRow } from "../gated/gated-view.js";
import { diagramFrame, gateBox, opNode, wire } from "../gated/diagram.js";
import { aligned, eq, fmt, had, n, now, plus, prev, r, sub, tanh, times } from "../math/mathml.js";
import { maxGap } from "../gated/reference-gap.js";

/**
 * Lesson 5: the LSTM cell. A 2–6 unit LSTM is trained on the page (a few hundred steps)
 * on a task that needs a memory, then a sequence the reader types steps through it:
 * the diagram shows the four gates i, f, g, o with the engine's values and the cell-state
 * "gradient highway"; the equations show the same step with the numbers substituted.
 *
 * Attributes (reflected as the reader changes them, so a link reproduces the state):
 * `task` (latch | parity), `hidden-size` (2–6), `train-steps` (50–5000), `seed`,
 * `sequence` (the typed input; empty = the task's example), `step` (t), `unit` (j).
 *
 * @fires rnn-train-done - after training; detail `{ status, loss, steps, accuracy, ms }` (loss: mean over the last 50 steps)
 * @fires rnn-step-change - when the reader selects a step or unit; detail `{ step, unit }`
 * @fires rnn-change - after the reader commits a new sequence; detail `{ value: { sequence } }`
 * @csspart controls - the training settings card
 * @csspart timeline - the step strip (a slider over t)
 * @csspart diagram - the cell diagram card
 * @csspart equations - the equations card
 * @cssproperty --rnn-accent - the highway, selected step and gate fill
 * @cssproperty --rnn-surface - card background
 * @fires rnn-main-action - the reader steps through the sequence; detail `{ view: "lstm", action: "step" }`
 */
export class RnnLstm extends GatedCellView {
  protected readonly cell = "lstm" as const;
  protected readonly keepName = "f";

  protected heading() {
    return html`<h2>LSTM cell: gates and the gradient highway</h2>
      <p class="lead">A small LSTM learns a task on this page, then you step a sequence through it. Every gate value below comes from
        the engine's forward pass; the equations show how each number is made from the one before.</p>`;
  }

  protected guide() {
    return html`
      <p>An LSTM keeps two states. The <b>cell state c</b> runs along the top of the diagram and is changed only by multiplying by the
        forget gate <i>f</i> and adding <i>i·g</i>. The <b>hidden state h</b> is what the rest of the network sees. Because the cell
        state is updated by addition, a gradient flowing back along it is multiplied only by <i>f</i> at each step: if <i>f</i> stays
        near 1, information and gradient survive many steps. That path is the "gradient highway".</p>
      <h3>Try this</h3>
      <ul>
        <li>With the <b>latch</b> task, step to a capital letter (underlined in the strip). Does the input gate <i>i</i> open, and does
          the candidate <i>g</i> take a value that differs from letter to letter? What does <i>i</i> do on the lowercase letters?</li>
        <li>Step through the lowercase letters after a capital: which unit keeps <i>f</i> near 1 and its <i>c</i> steady? Pick it
          with the unit buttons and read its highway gain.</li>
        <li>Type your own sequence, e.g. <span class="mono">aaaaBaaaaaaaaaaaaaaaaaC</span>, and check whether the output still says B
          twenty steps later.</li>
        <li>Switch to <b>running parity</b>: now the state must flip on every 1. Compare how <i>f</i> and <i>i</i> behave.</li>
        <li>Set the training steps to 50 and train again. Compare the accuracy and the gate maps with the default run: which job
          have the gates not learned yet?</li>
      </ul>
      <h3>What to look for</h3>
      <ul>
        <li>c<sub>t</sub> = f·c<sub>t−1</sub> + i·g holds exactly for the numbers shown (up to rounding); nothing squashes c itself.</li>
        <li>The highway chart: select the step of a capital and compare the units' products of forget gates from there to the end.
          The sentence under the chart names the unit that kept the most in this run.</li>
      </ul>
      <h3>Same BPTT, better gradients</h3>
      <p>An LSTM is trained with exactly the algorithm of the BPTT view: a forward pass, then the chain rule backwards through
        the unrolled steps. Nothing about the training changes; the cell does. Backwards along c the gradient is multiplied by
        <i>f</i> at each step, a number the network chooses per step and per unit, instead of by the same w<sub>r</sub>·σ′ every
        time. It can still fade (whenever <i>f</i> stays below 1) and still blow up through the other paths, so clipping is still
        used; the gates give the optimiser a path it can keep open, not a guarantee.</p>`;
  }

  protected gateRows(): GateRow[] {
    return [
      { key: "i", label: "input gate i", values: gateValues("i"), range: [0, 1], scale: "sequential" },
      { key: "f", label: "forget gate f", values: gateValues("f"), range: [0, 1], scale: "sequential" },
      { key: "g", label: "candidate g", values: gateValues("g"), range: [-1, 1], scale: "diverging" },
      { key: "o", label: "output gate o", values: gateValues("o"), range: [0, 1], scale: "sequential" },
      { key: "c", label: "cell state c", values: (t) => t.steps.map((s) => s.c!), scale: "diverging" },
      { key: "h", label: "hidden state h", values: (t) => t.steps.map((s) => s.h), range: [-1, 1], scale: "diverging" },
    ];
  }

  protected referenceGap(trace: Trace) {
    const ref = lstmReference(trace.params, trace.hiddenSize, trace.steps.map((s) => s.x));
    return Math.max(maxGap(trace.steps.map((s) => s.h), ref.h), maxGap(trace.steps.map((s) => s.c!), ref.c));
  }

  protected readonly highwayPath = "along the cell state c";

  protected highwayMath() {
    return mathml`<mrow><mfrac><mrow><mo>∂</mo>${sub("c", "T")}</mrow><mrow><mo>∂</mo>${sub("c", "k")}</mrow></mfrac>
      ${eq}
      <munderover><mo>∏</mo><mrow><mi>s</mi><mo>=</mo><mi>k</mi><mo>+</mo><mn>1</mn></mrow><mi>T</mi></munderover>${sub("f", "s")}</mrow>`;
  }

  protected diagram(trace: Trace, t: number, j: number, narrow: boolean) {
    const u = lstmUnitStep(trace, t, j), G = u.gates;
    const hw = 1.5 + 7 * G.f.value; // the highway after × f is as thick as the fraction kept
    const label = `LSTM cell, unit ${j}, step ${t}: c(t−1) = ${fmt(u.cPrev, 3)}, forget gate f = ${fmt(G.f.value, 3)}, input gate i = ${fmt(G.i.value, 3)}, candidate g = ${fmt(G.g.value, 3)}, output gate o = ${fmt(G.o.value, 3)}, c(t) = ${fmt(u.c, 3)}, h(t) = ${fmt(u.h, 3)}.`;
    return diagramFrame(narrow, label, narrow ? 346 : 330, narrow ? this.narrowDiagram(u, j, hw) : this.wideDiagram(u, j, hw));
  }

  private wideDiagram(u: LstmUnitStep, j: number, hw: number) {
    const G = u.gates, Y = 56, gy = 206, bus = 282;
    return svg`
      <text x="330" y="18" text-anchor="middle" class="muted">cell state c — the gradient highway (only × f and + i·g)</text>
      <text x="6" y=${Y - 12}>c(t−1)</text><text x="6" y=${Y + 22} font-weight="600">${fmt(u.cPrev, 3)}</text>
      ${wire([[64, Y], [157, Y]], "highway", 3)}
      ${opNode(170, Y, "×")}
      ${wire([[183, Y], [322, Y]], "highway", hw)}
      <text x="252" y=${Y - 10} text-anchor="middle" class="muted">f·c = ${fmt(u.keep, 3)}</text>
      ${opNode(335, Y, "+")}
      ${wire([[348, Y], [650, Y]], "highway", 3)}
      <text x="470" y=${Y - 10} text-anchor="middle">c(t) = <tspan font-weight="600">${fmt(u.c, 3)}</tspan></text>
      ${wire([[170, gy - 28], [170, Y + 13]])}
      ${wire([[280, gy - 28], [280, 122], [322, 122]])}
      ${wire([[390, gy - 28], [390, 122], [348, 122]])}
      ${opNode(335, 122, "×")}
      ${wire([[335, 109], [335, Y + 13]])}
      <text x="342" y="150" class="muted halo">i·g = ${fmt(u.write, 3)}</text>
      ${wire([[600, Y], [600, 96]])}
      <rect class="box" x="572" y="96" width="56" height="26" rx="6"></rect><text x="600" y="114" text-anchor="middle">tanh</text>
      ${wire([[600, 122], [600, 157]])}
      ${wire([[542, gy], [600, gy], [600, 183]])}
      ${opNode(600, 170, "×")}
      ${wire([[613, 170], [650, 170], [650, 300]])}
      <text x="646" y="322" text-anchor="end">h(t) = <tspan font-weight="600">${fmt(u.h, 3)}</tspan></text>
      ${gateBox(170, gy, "f", "σ", G.f.value, [0, 1])}
      ${gateBox(280, gy, "i", "σ", G.i.value, [0, 1])}
      ${gateBox(390, gy, "g", "tanh", G.g.value, [-1, 1])}
      ${gateBox(500, gy, "o", "σ", G.o.value, [0, 1])}
      ${[170, 280, 390, 500].map((x) => svg`${wire([[x, bus], [x, gy + 28]])}`)}
      <path class="wire" d="M 40 ${bus} L 520 ${bus}"></path>
      <text x="6" y=${bus + 24}>[h(t−1); x(t)]  h(t−1)[${j}] = ${fmt(u.hPrev, 3)}</text>`;
  }

  /** The phone's drawing: the same wires in 340 px, each gate's output straight above it (o feeds the output column). */
  private narrowDiagram(u: LstmUnitStep, j: number, hw: number) {
    const G = u.gates, Y = 82, gy = 228, bus = 292, top = gy - 33, [xf, xi, xg, xo] = [45, 125, 205, 285];
    return svg`
      <text x="170" y="16" text-anchor="middle" class="muted">cell state c: the gradient highway</text>
      <text x="170" y="34" text-anchor="middle" class="muted">(only × f and + i·g)</text>
      <text x="4" y=${Y - 17}>c(t−1) = <tspan font-weight="600">${fmt(u.cPrev, 3)}</tspan></text>
      ${wire([[4, Y], [xf - 13, Y]], "highway", 3)}
      ${opNode(xf, Y, "×")}
      ${wire([[xf + 13, Y], [152, Y]], "highway", hw)}
      <text x="108" y=${Y + 27} text-anchor="middle" class="muted">f·c = ${fmt(u.keep, 3)}</text>
      ${opNode(165, Y, "+")}
      ${wire([[178, Y], [336, Y]], "highway", 3)}
      <text x="336" y=${Y - 17} text-anchor="end">c(t) = <tspan font-weight="600">${fmt(u.c, 3)}</tspan></text>
      ${wire([[xf, top], [xf, Y + 13]])}
      ${wire([[xi, top], [xi, 140], [152, 140]])}
      ${wire([[xg, top], [xg, 140], [178, 140]])}
      ${opNode(165, 140, "×")}
      ${wire([[165, 127], [165, Y + 13]])}
      <text x="165" y="178" text-anchor="middle" class="muted halo">i·g = ${fmt(u.write, 3)}</text>
      ${wire([[xo, Y], [xo, 100]])}
      <rect class="box" x=${xo - 28} y="100" width="56" height="26" rx="6"></rect><text x=${xo} y="118" text-anchor="middle">tanh</text>
      ${wire([[xo, 126], [xo, 147]])}
      ${wire([[xo, top], [xo, 173]])}
      ${opNode(xo, 160, "×")}
      ${wire([[xo + 13, 160], [332, 160], [332, bus + 4]])}
      <text x="336" y=${bus + 24} text-anchor="end">h(t) = <tspan font-weight="600">${fmt(u.h, 3)}</tspan></text>
      ${gateBox(xf, gy, "f", "σ", G.f.value, [0, 1], true)}
      ${gateBox(xi, gy, "i", "σ", G.i.value, [0, 1], true)}
      ${gateBox(xg, gy, "g", "tanh", G.g.value, [-1, 1], true)}
      ${gateBox(xo, gy, "o", "σ", G.o.value, [0, 1], true)}
      ${[xf, xi, xg, xo].map((x) => svg`${wire([[x, bus], [x, gy + 33]])}`)}
      <path class="wire" d="M 20 ${bus} L 300 ${bus}"></path>
      <text x="4" y=${bus + 24}>[h(t−1); x(t)]</text>
      <text x="4" y=${bus + 44}>h(t−1)[${j}] = ${fmt(u.hPrev, 3)}</text>`;
  }

  protected equations(trace: Trace, t: number, j: number): TemplateResult {
    const u = lstmUnitStep(trace, t, j), G = u.gates;
    return html`
      <p class="eq-label">Gates: a = W<sub>x</sub>x<sub>t</sub> + W<sub>h</sub>h<sub>t−1</sub> + b, split into input term + recurrent term + bias (unit ${j})</p>
      <math display="block">${aligned(LSTM_GATES.flatMap((g) => gateLines(g, G[g.name])), 3)}</math>
      <p class="eq-label">Cell state (the highway): ⊙ is element-wise, so for one unit it is a plain product</p>
      <math display="block" data-testid="cell-equation">${aligned([
        [mathml`${now("c")}`, mathml`${eq}${now("f")}${had}${prev("c")}${plus}${now("i")}${had}${now("g")}`],
        [mathml``, mathml`${eq}${n(G.f.value, 4, "v-f2")}${times}${n(u.cPrev, 4, "v-cprev")}`],
        [mathml``, mathml`<mspace width="1em"></mspace>${plus}${n(G.i.value, 4, "v-i2")}${times}${n(G.g.value, 4, "v-g2")}`],
        [mathml``, mathml`${eq}${n(u.keep, 4)}${plus}${n(u.write, 4)}${eq}${r(u.c, 4, "v-c")}`],
      ], 3)}</math>
      <p class="eq-label">Hidden state</p>
      <math display="block">${aligned([
        [mathml`${now("h")}`, mathml`${eq}${now("o")}${had}${tanh}<mo>(</mo>${now("c")}<mo>)</mo>`],
        [mathml``, mathml`${eq}${n(G.o.value, 4)}${times}${tanh}<mo>(</mo>${r(u.c, 4)}<mo>)</mo>${eq}${r(u.h, 4, "v-h")}`],
      ], 3)}</math>`;
  }
}

define("rnn-lstm", RnnLstm);
registerView({ name: "lstm", title: "LSTM cell", tag: "rnn-lstm", attributes: GATED_ATTRIBUTES,
  description: "A trained LSTM's gates i, f, g, o step by step, with the cell-state gradient highway." });

declare global { interface HTMLElementTagNameMap { "rnn-lstm": RnnLstm } }
