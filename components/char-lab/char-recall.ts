import { LitElement, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../define.js";
import { emit } from "../events.js";
import { styles } from "../theme/tokens.js";
import { RECALL_DEFAULTS, RECALL_DISTRACTORS, RECALL_KEEP_BIAS, RECALL_TEST_SIZE, RECALL_GRAD_SEQUENCES } from "../../lessons/char-lab-recall.js";
import type {} from "../../tasks/recall-task.js";
import { CELLS, type CellKind, type EngineKind } from "../../bindings/types.js";
import { fmt, pct } from "../../bindings/format.js";
import { CELL_NAME, cellLabel, cellSeries, cellStyles } from "../theme/cells.js";
import { lessonStyles } from "../theme/lesson.styles.js";
import { charLabStyles } from "./char-lab.styles.js";
import { intList } from "./char-lab-attributes.js";
import { TaskBatch, type BatchRun } from "./task-batch.js";
import "../charts/line-chart/line-chart.js";
import "../ui/button/button.js";
import "../ui/progress/progress.js";
import "../ui/select/select.js";
import "../ui/slider/slider.js";

const lengthsRule = intList(2, 400, 4, []);

type Run = { cell: CellKind; n: number } & BatchRun<"recall-task">;

/**
 * The vanishing-gradient experiment: each cell learns to name the first of n random
 * symbols at the last step, for each n. Shows held-out accuracy as training goes and
 * how much gradient reaches each distance back from the loss.
 *
 * @fires rnn-recall-settings - when the reader edits the lengths or the budget; detail `{ lengths, steps }`
 * @csspart table - the accuracy table
 */
export class RnnCharRecall extends LitElement {
  static override styles = [styles, lessonStyles, charLabStyles, cellStyles];

  @property({ attribute: false }) lengths: number[] = [5, 100];
  @property({ type: Number }) steps = RECALL_DEFAULTS.steps;
  @property({ type: Number }) seed = 1;
  @property() engine: EngineKind = "wasm";
  @state() private lengthsError = "";
  @state() private when: "after" | "before" = "after";
  private readonly batch = new TaskBatch(this, "recall-task",
    (run: { cell: CellKind; n: number }) => ({ settings: { ...RECALL_DEFAULTS, cell: run.cell, n: run.n, steps: this.steps, seed: this.seed }, engine: this.engine }),
    (p) => ({ ...p, points: p.points.slice() }));

  private get runs(): Run[] { return this.batch.runs; }
  private get busy() { return this.batch.busy; }
  private start() { this.batch.start(this.lengths.flatMap((n) => CELLS.map((cell) => ({ cell, n })))); }
  private cancel() { this.batch.cancel(); }

  private editLengths(raw: string) {
    const r = lengthsRule.parse(raw);
    if ("error" in r) { this.lengthsError = `Lengths ${r.error}.`; return; }
    this.lengthsError = "";
    emit(this, "rnn-recall-settings", { lengths: r.value, steps: this.steps });
  }

  override render() {
    const chance = 1 / RECALL_DEFAULTS.vocab;
    return html`
      <p class="lead">The network reads one of ${RECALL_DEFAULTS.vocab} symbols, then n − 1 distractors (from ${RECALL_DISTRACTORS} other symbols); only at the last step is it asked: what was the first?
        The loss sits at that last step, so the signal that could teach it to remember has to flow back n − 1 steps.</p>
      <details class="guide"><summary>What to look for</summary><ul>
        <li>At n = 5 every cell learns quickly: the gradient reaches the first step almost undiminished.</li>
        <li>At n = 100 compare the gradient curves on the log scale: for the plain RNN ‖∂L/∂h‖ shrinks by a roughly constant factor per step, so after 99 steps there is nothing left to learn from, and its accuracy stays near chance (${pct(chance)}).</li>
        <li>The gated cells carry the old state forward through a gate (c = f ⊙ c + …) instead of squashing it through W_h and tanh at every step, so their curve falls much more slowly. They start with gates that keep the state (LSTM forget bias +${RECALL_KEEP_BIAS}, GRU update bias −${RECALL_KEEP_BIAS}).</li>
        <li>Which cell learns at n = 100 within the budget is measured here, not assumed, and single runs vary: change the seed in the training panel and run again before drawing a conclusion.</li>
      </ul></details>
      <section class="card">
        <div class="controls">
          <div class="field"><label for="lengths">Sequence lengths n (comma separated, 2–400)</label>
            <input id="lengths" .value=${this.lengths.join(", ")} aria-invalid=${this.lengthsError ? "true" : "false"} aria-describedby="lengths-error"
              ?disabled=${this.busy} @change=${(e: Event) => this.editLengths((e.target as HTMLInputElement).value)} />
            <div class="error" id="lengths-error">${this.lengthsError}</div></div>
          <rnn-slider label="Training sequences per run" .min=${100} .max=${100000} .step=${100} scale="log" .value=${this.steps} ?disabled=${this.busy}
            @rnn-change=${(e: CustomEvent<{ value: number }>) => emit(this, "rnn-recall-settings", { lengths: this.lengths, steps: e.detail.value })}></rnn-slider>
        </div>
        <div class="buttons">
          <rnn-button variant="primary" ?disabled=${this.busy} @click=${this.start}>Train all ${this.lengths.length * 3} models</rnn-button>
          <rnn-button ?disabled=${!this.busy} @click=${this.cancel}>Cancel</rnn-button>
        </div>
        <p class="note">${RECALL_DEFAULTS.hiddenSize} hidden units, Adam with learning rate ${RECALL_DEFAULTS.lr}, global-norm clipping at 1, one fresh sequence per step from a zero state, seed ${this.seed}.
          Accuracy is measured on ${RECALL_TEST_SIZE} held-out sequences; chance is ${pct(chance)}.</p>
        ${this.runs.map((r) => html`<rnn-progress label="${CELL_NAME[r.cell]}, n = ${r.n}" .value=${r.result ? 1 : r.progress ? r.progress.step / r.progress.steps : NaN}
          .status=${r.error ?? (r.result ? `accuracy ${pct(r.result.accuracy)}` : r.progress ? "" : "waiting for a worker")}></rnn-progress>`)}
      </section>
      ${this.runs.length ? html`${this.renderTable()}${[...new Set(this.runs.map((r) => r.n))].map((n) => this.renderLength(n))}` : nothing}`;
  }

  private renderTable() {
    const ns = [...new Set(this.runs.map((r) => r.n))];
    const cell = (c: CellKind, n: number) => {
      const r = this.runs.find((x) => x.cell === c && x.n === n);
      const last = r?.result ?? (r?.progress ? { accuracy: r.progress.points[r.progress.points.length - 1]?.accuracy } : undefined);
      return last?.accuracy === undefined ? "–" : `${pct(last.accuracy)}${r?.result ? "" : " …"}`;
    };
    return html`<div class="scroll"><table part="table"><caption class="note">Held-out accuracy after training</caption>
      <thead><tr><th scope="col">cell</th>${ns.map((n) => html`<th scope="col" class="num">n = ${n}</th>`)}</tr></thead>
      <tbody>${CELLS.map((c) => html`<tr><th scope="row">${cellLabel(c)}</th>${ns.map((n) => html`<td class="num">${cell(c, n)}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  }

  private renderLength(n: number) {
    const runs = CELLS.map((c) => this.runs.find((r) => r.cell === c && r.n === n)).filter((r): r is Run => !!r);
    const pts = runs.map((r) => r.result?.points ?? r.progress?.points ?? []);
    const longest = pts.reduce((a, p) => (p.length > a.length ? p : a), []);
    const grads = runs.map((r) => (this.when === "after" ? r.result?.gradientAfter : r.result?.gradientBefore) ?? []);
    const ratio = (g: number[]) => (g.length ? g[g.length - 1] / g[0] : NaN);
    return html`<section class="card grid">
      <h3>n = ${n}</h3>
      <rnn-line-chart label="Held-out accuracy, n = ${n}" y-label="accuracy" x-label="training sequences"
        .x=${longest.map((p) => p.step)} .series=${runs.map((r, i) => cellSeries(r.cell, pts[i].map((p) => p.accuracy)))}></rnn-line-chart>
      <div class="buttons"><rnn-select label="Gradient measured" .value=${this.when} .options=${[{ value: "after", label: "after training" }, { value: "before", label: "at initialisation" }]}
        @rnn-change=${(e: CustomEvent<{ value: string }>) => { this.when = e.detail.value as "after" | "before"; }}></rnn-select></div>
      <rnn-line-chart label="Gradient reaching d steps back, n = ${n}" log x-label="distance d from the loss" y-label="mean ‖∂L/∂h‖"
        .x=${Array.from({ length: n }, (_, d) => d)} .series=${runs.map((r, i) => cellSeries(r.cell, grads[i]))}></rnn-line-chart>
      <math display="block" aria-label="gradient reach">
        <mrow><mi>g</mi><mo>(</mo><mi>d</mi><mo>)</mo><mo>=</mo><mfrac><mn>1</mn><mn>${RECALL_GRAD_SEQUENCES}</mn></mfrac><munder><mo>∑</mo><mtext>sequences</mtext></munder>
          <mrow><mo>‖</mo><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><msub><mi>h</mi><mrow><mi>n</mi><mo>−</mo><mn>1</mn><mo>−</mo><mi>d</mi></mrow></msub></mrow></mfrac><mo>‖</mo></mrow></mrow>
      </math>
      <p class="note">Reach g(${n - 1}) / g(0), ${this.when === "after" ? "after training" : "at initialisation"}:
        ${runs.map((r, i) => html`${CELL_NAME[r.cell]} ${r.result ? fmt(ratio(grads[i]), 2) : "–"}${i < runs.length - 1 ? "; " : "."}`)}</p>
    </section>`;
  }
}

define("rnn-char-recall", RnnCharRecall);
declare global {
  interface HTMLElementTagNameMap { "rnn-char-recall": RnnCharRecall }
  interface HTMLElementEventMap { "rnn-recall-settings": CustomEvent<{ lengths: number[]; steps: number }> }
}
