import { html, mathml, svg, type TemplateResult } from "lit";
import { define } from "../define.js";
import { registerView } from "../registry.js";
import type { Trace } from "../../lessons/gated-cell.js";
import { GRU_GATES, gruReference, gruUnitStep, type GruUnitStep } from "../../lessons/gru-cell.js";
import { GATED_ATTRIBUTES, GatedCellView, gateLines, gateValues, type GateRow } from "../gated/gated-view.js";
import { diagramFrame, gateBox, opNode, wire } from "../gated/diagram.js";
import { aligned, eq, fmt, had, n, now, paren, plus, prev, r, sub, times } from "../math/mathml.js";
import { maxGap } from "../gated/reference-gap.js";

/**
 * Lesson 6: the GRU cell. A 2–6 unit GRU is trained on the page on a task that needs a
 * memory, then a sequence the reader types steps through it: the diagram shows the
 * update gate z, the reset gate r and the candidate g with the engine's values, and
 * h_t = (1 − z) ⊙ h_{t−1} + z ⊙ g with the numbers substituted.
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
 * @fires rnn-main-action - the reader steps through the sequence; detail `{ view: "gru", action: "step" }`
 */
export class RnnGru extends GatedCellView {
  protected readonly cell = "gru" as const;
  protected readonly keepName = "1 − z";

  protected heading() {
    return html`<h2>GRU cell: update and reset gates</h2>
      <p class="lead">The GRU reaches the LSTM's goal with one state and three blocks of weights instead of four: the update gate z
        decides, unit by unit, how much of the old state to keep and how much to replace. A small GRU learns a task on this page;
        every gate value below is the engine's.</p>`;
  }

  protected guide() {
    return html`
      <p>The new state is a blend: h<sub>t</sub> = (1 − z)·h<sub>t−1</sub> + z·g. Where z is near 0, the unit copies its old value
        unchanged, and the gradient flowing back through it is multiplied by 1 − z ≈ 1 — the same additive "highway" the LSTM builds
        with its cell state, merged here into h itself. The reset gate r decides how much of h<sub>t−1</sub> the candidate g may
        look at (it is applied before the recurrent product W<sub>h</sub>(r ⊙ h), as in the engine).</p>
      <h3>Try this</h3>
      <ul>
        <li>With the <b>latch</b> task, step onto a capital letter: in which units does z rise (write)? Does it fall back on the
          lowercase letters after it (hold)?</li>
        <li>Find a unit whose 1 − z stays near 1 between two capitals and read its highway gain in the chart.</li>
        <li>Look at r at the steps right after a capital: does the candidate need the old state? Compare with the parity task, where
          the new state depends on the old one at every step.</li>
        <li>Open the LSTM view with the same task and seed and compare the accuracy and the number of weights (3 blocks here, 4 there).</li>
      </ul>
      <h3>What to look for</h3>
      <ul>
        <li>h<sub>t</sub> = (1 − z)·h<sub>t−1</sub> + z·g holds for the numbers shown (up to rounding).</li>
        <li>The update gate works in both directions at once: a unit cannot write without forgetting the same fraction — the LSTM's
          separate i and f gates can.</li>
      </ul>`;
  }

  protected gateRows(): GateRow[] {
    return [
      { key: "z", label: "update gate z", values: gateValues("z"), range: [0, 1], scale: "sequential" },
      { key: "r", label: "reset gate r", values: gateValues("r"), range: [0, 1], scale: "sequential" },
      { key: "g", label: "candidate g", values: gateValues("g"), range: [-1, 1], scale: "diverging" },
      { key: "h", label: "hidden state h", values: (t) => t.steps.map((s) => s.h), range: [-1, 1], scale: "diverging" },
    ];
  }

  protected referenceGap(trace: Trace) {
    const ref = gruReference(trace.params, trace.hiddenSize, trace.steps.map((s) => s.x));
    return maxGap(trace.steps.map((s) => s.h), ref.h);
  }

  protected readonly highwayPath = "through (1 − z)";

  protected highwayMath() {
    return mathml`<mrow><mfrac><mrow><mo>∂</mo>${sub("h", "T")}</mrow><mrow><mo>∂</mo>${sub("h", "k")}</mrow></mfrac>
      ${eq}
      <munderover><mo>∏</mo><mrow><mi>s</mi><mo>=</mo><mi>k</mi><mo>+</mo><mn>1</mn></mrow><mi>T</mi></munderover>
      <mo>(</mo><mn>1</mn><mo>−</mo>${sub("z", "s")}<mo>)</mo></mrow>`;
  }

  protected diagram(trace: Trace, t: number, j: number, narrow: boolean) {
    const u = gruUnitStep(trace, t, j), G = u.gates;
    const keep = 1 - G.z.value, hw = 1.5 + 7 * keep;
    const label = `GRU cell, unit ${j}, step ${t}: h(t−1) = ${fmt(u.hPrev, 3)}, update gate z = ${fmt(G.z.value, 3)}, reset gate r = ${fmt(G.r.value, 3)}, candidate g = ${fmt(G.g.value, 3)}, h(t) = ${fmt(u.h, 3)}.`;
    return diagramFrame(narrow, label, narrow ? 358 : 330, narrow ? this.narrowDiagram(u, keep, hw) : this.wideDiagram(u, keep, hw));
  }

  private wideDiagram(u: GruUnitStep, keep: number, hw: number) {
    const G = u.gates, Y = 56, gy = 206, bus = 282;
    return svg`
      <text x="330" y="18" text-anchor="middle" class="muted">hidden state h — the highway (only × (1 − z) and + z·g)</text>
      <text x="6" y=${Y - 12}>h(t−1)</text><text x="6" y=${Y + 22} font-weight="600">${fmt(u.hPrev, 3)}</text>
      ${wire([[64, Y], [187, Y]], "highway", 3)}
      ${opNode(200, Y, "×")}
      ${wire([[213, Y], [427, Y]], "highway", hw)}
      <text x="300" y=${Y - 10} text-anchor="middle" class="muted">(1−z)·h = ${fmt(u.keep, 3)}</text>
      ${opNode(440, Y, "+")}
      ${wire([[453, Y], [650, Y]], "highway", 3)}
      <text x="560" y=${Y - 10} text-anchor="middle">h(t) = <tspan font-weight="600">${fmt(u.h, 3)}</tspan></text>
      ${wire([[150, gy - 28], [150, 120], [187, 120]])}
      ${opNode(200, 120, "1−")}
      ${wire([[200, 107], [200, Y + 13]])}
      <text x="214" y="100" class="muted">1−z = ${fmt(keep, 3)}</text>
      ${wire([[150, 150], [427, 150]])}
      ${wire([[470, gy - 28], [470, 150], [453, 150]])}
      ${opNode(440, 150, "×")}
      ${wire([[440, 137], [440, Y + 13]])}
      <text x="452" y="128" class="muted halo">z·g = ${fmt(u.write, 3)}</text>
      ${opNode(360, 256, "×")}
      ${wire([[342, gy], [360, gy], [360, 243]])}
      ${wire([[373, 256], [470, 256], [470, gy + 29]])}
      <text x="376" y="248" class="muted halo">r·h = ${fmt(u.rh, 3)}</text>
      ${gateBox(150, gy, "z", "σ", G.z.value, [0, 1])}
      ${gateBox(300, gy, "r", "σ", G.r.value, [0, 1])}
      ${gateBox(470, gy, "g", "tanh", G.g.value, [-1, 1])}
      ${[150, 300].map((x) => svg`${wire([[x, bus], [x, gy + 28]])}`)}
      ${wire([[360, bus], [360, 269]])}
      ${wire([[560, bus], [560, 236], [512, 236]])}
      <path class="wire" d="M 40 ${bus} L 560 ${bus}"></path>
      <text x="6" y=${bus + 24}>h(t−1) to z, r and (via r) to g;  x(t) to all three</text>`;
  }

  /** The phone's drawing: the same wires in 340 px; r·h sits between r and g, which it feeds from the side. */
  private narrowDiagram(u: GruUnitStep, keep: number, hw: number) {
    const G = u.gates, Y = 82, gy = 240, bus = 304, top = gy - 33, [xz, xr, xg, xm] = [40, 130, 300, 215];
    return svg`
      <text x="170" y="16" text-anchor="middle" class="muted">hidden state h: the highway</text>
      <text x="170" y="34" text-anchor="middle" class="muted">(only × (1 − z) and + z·g)</text>
      <text x="4" y=${Y - 17}>h(t−1) = <tspan font-weight="600">${fmt(u.hPrev, 3)}</tspan></text>
      ${wire([[4, Y], [52, Y]], "highway", 3)}
      ${opNode(65, Y, "×")}
      ${wire([[78, Y], [212, Y]], "highway", hw)}
      <text x="82" y=${Y + 28} class="muted halo">(1−z)·h = ${fmt(u.keep, 3)}</text>
      ${opNode(225, Y, "+")}
      ${wire([[238, Y], [336, Y]], "highway", 3)}
      <text x="336" y=${Y - 17} text-anchor="end">h(t) = <tspan font-weight="600">${fmt(u.h, 3)}</tspan></text>
      ${wire([[xz, top], [xz, 150], [52, 150]])}
      ${opNode(65, 150, "1−")}
      ${wire([[65, 137], [65, Y + 13]])}
      <text x="82" y="133" class="muted">1−z = ${fmt(keep, 3)}</text>
      ${wire([[xz, 175], [212, 175]])}
      ${wire([[xg, top], [xg, 175], [238, 175]])}
      ${opNode(225, 175, "×")}
      ${wire([[225, 162], [225, Y + 13]])}
      <text x="238" y="152" class="muted">z·g = ${fmt(u.write, 3)}</text>
      ${opNode(xm, gy, "×")}
      ${wire([[xr + 35, gy], [xm - 13, gy]])}
      ${wire([[xm + 13, gy], [xg - 35, gy]])}
      <text x=${xm} y="203" text-anchor="middle" class="muted">r·h = ${fmt(u.rh, 3)}</text>
      ${gateBox(xz, gy, "z", "σ", G.z.value, [0, 1], true)}
      ${gateBox(xr, gy, "r", "σ", G.r.value, [0, 1], true)}
      ${gateBox(xg, gy, "g", "tanh", G.g.value, [-1, 1], true)}
      ${[xz, xr, xg].map((x) => svg`${wire([[x, bus], [x, gy + 33]])}`)}
      ${wire([[xm, bus], [xm, gy + 13]])}
      <path class="wire" d="M 20 ${bus} L 310 ${bus}"></path>
      <text x="4" y=${bus + 24}>h(t−1) to z, r and (via r) to g;</text>
      <text x="4" y=${bus + 44}>x(t) to all three</text>`;
  }

  protected equations(trace: Trace, t: number, j: number): TemplateResult {
    const u = gruUnitStep(trace, t, j), G = u.gates;
    return html`
      <p class="eq-label">Gates: input term + recurrent term + bias (unit ${j}); for g the recurrent term is W<sub>hg</sub>(r ⊙ h<sub>t−1</sub>)</p>
      <math display="block">${aligned(GRU_GATES.flatMap((g) => gateLines(g, G[g.name])), 3)}</math>
      <p class="eq-label">New state: keep (1 − z) of the old, write z of the candidate</p>
      <math display="block" data-testid="state-equation">${aligned([
        [mathml`${now("h")}`, mathml`${eq}${paren(mathml`<mn>1</mn><mo>−</mo>${now("z")}`)}${had}${prev("h")}${plus}${now("z")}${had}${now("g")}`],
        [mathml``, mathml`${eq}${paren(mathml`<mn>1</mn><mo>−</mo>${n(G.z.value, 4, "v-z2")}`)}${times}${n(u.hPrev, 4, "v-hprev")}`],
        [mathml``, mathml`<mspace width="1em"></mspace>${plus}${n(G.z.value, 4)}${times}${n(G.g.value, 4, "v-g2")}`],
        [mathml``, mathml`${eq}${n(u.keep, 4)}${plus}${n(u.write, 4)}${eq}${r(u.h, 4, "v-h")}`],
      ], 3)}</math>`;
  }
}

define("rnn-gru", RnnGru);
registerView({ name: "gru", title: "GRU cell", tag: "rnn-gru", attributes: GATED_ATTRIBUTES,
  description: "A trained GRU's update and reset gates step by step, and h = (1 − z)·h + z·g with live numbers." });

declare global { interface HTMLElementTagNameMap { "rnn-gru": RnnGru } }
