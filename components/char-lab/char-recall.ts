import { LitElement, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../define.js";
import { emit } from "../events.js";
import { styles } from "../theme/tokens.js";
import { RECALL_DEFAULTS, RECALL_DISTRACTORS, RECALL_KEEP_BIAS, RECALL_TEST_SIZE, RECALL_GRAD_SEQUENCES, recallObservations, type RecallOutcome } from "../../lessons/char-lab-recall.js";
import { spread } from "../../lessons/gradient-flow.js";
import type {} from "../../tasks/recall-task.js";
import { CELLS, type CellKind, type EngineKind } from "../../bindings/types.js";
import { fmt, pct } from "../../bindings/format.js";
import { trainingHealthMessage } from "../../lessons/training-health.js";
import "../ui/message/message.js";
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

type Run = { cell: CellKind; n: number; seed: number } & BatchRun<"recall-task">;

/**
 * The vanishing-gradient experiment: each cell learns to name the first of n random
 * symbols at the last step, for each n. Shows held-out accuracy as training goes and
 * how much gradient reaches each distance back from the loss.
 *
 * Every (cell, n) trains on `seeds` seeds (seed, seed + 1, …); the table gives the mean and
 * range, and the sentences under it compare the cells only where the seed ranges allow.
 *
 * @fires rnn-recall-settings - when the reader edits the lengths, the budget or the seeds; detail `{ lengths, steps, seeds }`
 * @csspart table - the accuracy table
 * @csspart observations - the sentences written from the runs
 */
export class RnnCharRecall extends LitElement {
  static override styles = [styles, lessonStyles, charLabStyles, cellStyles];

  @property({ attribute: false }) lengths: number[] = [5, 100];
  @property({ type: Number }) steps = RECALL_DEFAULTS.steps;
  @property({ type: Number }) seed = 1;
  /** seeds per (cell, n): differences are only called clear when their ranges do not overlap */
  @property({ type: Number }) seeds = 3;
  @property() engine: EngineKind = "wasm";
  @state() private lengthsError = "";
  @state() private when: "after" | "before" = "after";
  private readonly batch = new TaskBatch(this, "recall-task",
    (run: { cell: CellKind; n: number; seed: number }) => ({ settings: { ...RECALL_DEFAULTS, cell: run.cell, n: run.n, steps: this.steps, seed: run.seed }, engine: this.engine }),
    (p) => ({ ...p, points: p.points.slice() }));

  private get runs(): Run[] { return this.batch.runs; }
  private get busy() { return this.batch.busy; }
  private get seedList() { return Array.from({ length: Math.max(1, this.seeds) }, (_, k) => this.seed + k); }
  private start() { this.batch.start(this.seedList.flatMap((seed) => this.lengths.flatMap((n) => CELLS.map((cell) => ({ cell, n, seed }))))); }

  /** Finished runs, in the shape the sentences are written from. */
  private get outcomes(): RecallOutcome[] {
    return this.runs.filter((r) => r.result).map((r) => {
      const g = r.result!.gradientAfter;
      return { cell: r.cell, n: r.n, seed: r.seed, accuracy: r.result!.accuracy, reach: g.length ? g[g.length - 1] / g[0] : NaN };
    });
  }
  private cancel() { this.batch.cancel(); }

  private editLengths(raw: string) {
    const r = lengthsRule.parse(raw);
    if ("error" in r) { this.lengthsError = `Lengths ${r.error}.`; return; }
    this.lengthsError = "";
    emit(this, "rnn-recall-settings", { lengths: r.value, steps: this.steps, seeds: this.seeds });
  }

  override render() {
    const chance = 1 / RECALL_DEFAULTS.vocab;
    return html`
      <p class="lead">The network reads one of ${RECALL_DEFAULTS.vocab} symbols, then n − 1 distractors (from ${RECALL_DISTRACTORS} other symbols); only at the last step is it asked: what was the first?
        The loss sits at that last step, so the signal that could teach it to remember has to flow back n − 1 steps.</p>
      <details class="guide"><summary>What to look for</summary><ul>
        <li>Compare n = 5 with n = 100: at a short distance the gradient reaches the first step almost undiminished; at a long one, look at how far the vanilla RNN's curve falls on the log scale.</li>
        <li>A tanh RNN multiplies the gradient by W_h and tanh′ at every step back, so it shrinks by a roughly constant factor per step. Compare its accuracy at n = 100 with chance (${pct(chance)}) and with the gated cells: the sentences under the table say what these runs show.</li>
        <li>The gated cells carry the old state forward through a gate (c = f ⊙ c + …) instead of squashing it through W_h and tanh at every step, so their curve falls much more slowly. They start with gates that keep the state (LSTM forget bias +${RECALL_KEEP_BIAS}, GRU update bias −${RECALL_KEEP_BIAS}).</li>
        <li>Which cell learns at n = 100 within the budget is measured here, not assumed, and single runs vary: each setting trains on ${this.seeds} seeds, and a difference is called clear only when their ranges do not overlap.</li>
      </ul></details>
      <section class="card">
        <div class="controls">
          <div class="field"><label for="lengths">Sequence lengths n (comma separated, 2–400)</label>
            <input id="lengths" .value=${this.lengths.join(", ")} aria-invalid=${this.lengthsError ? "true" : "false"} aria-describedby="lengths-error"
              ?disabled=${this.busy} @change=${(e: Event) => this.editLengths((e.target as HTMLInputElement).value)} />
            <div class="error" id="lengths-error">${this.lengthsError}</div></div>
          <rnn-slider label="Training sequences per run" .min=${100} .max=${100000} .step=${100} scale="log" .value=${this.steps} ?disabled=${this.busy}
            @rnn-change=${(e: CustomEvent<{ value: number }>) => emit(this, "rnn-recall-settings", { lengths: this.lengths, steps: e.detail.value, seeds: this.seeds })}></rnn-slider>
          <rnn-slider label="Seeds per setting" .min=${1} .max=${5} .step=${1} .value=${this.seeds} ?disabled=${this.busy}
            @rnn-change=${(e: CustomEvent<{ value: number }>) => emit(this, "rnn-recall-settings", { lengths: this.lengths, steps: this.steps, seeds: e.detail.value })}></rnn-slider>
        </div>
        <div class="buttons">
          <rnn-button variant="primary" ?disabled=${this.busy} @click=${this.start}>Train all ${this.lengths.length * 3 * this.seedList.length} models</rnn-button>
          <rnn-button ?disabled=${!this.busy} @click=${this.cancel}>Cancel</rnn-button>
        </div>
        <p class="note">${RECALL_DEFAULTS.hiddenSize} hidden units, Adam with learning rate ${RECALL_DEFAULTS.lr}, global-norm clipping at 1, one fresh sequence per step from a zero state, seeds ${this.seedList.join(", ")}.
          Accuracy is measured on ${RECALL_TEST_SIZE} held-out sequences; chance is ${pct(chance)}.</p>
        ${this.runs.map((r) => html`<rnn-progress label="${CELL_NAME[r.cell]}, n = ${r.n}, seed ${r.seed}" .value=${r.result ? 1 : r.progress ? r.progress.step / r.progress.steps : NaN}
          .status=${r.error ?? (r.result ? `accuracy ${pct(r.result.accuracy)}` : r.progress ? "" : "waiting for a worker")}></rnn-progress>`)}
      </section>
      ${this.runs.length ? html`${this.renderTable()}${this.renderObservations()}${this.renderHealth()}${[...new Set(this.runs.map((r) => r.n))].map((n) => this.renderLength(n))}` : nothing}`;
  }

  private renderObservations() {
    if (this.busy) return nothing; // a comparison is written once every seed has finished
    const obs = recallObservations(this.outcomes, RECALL_DEFAULTS.vocab, this.steps);
    return obs.length ? html`<section class="card" aria-label="Observations"><h3>What these runs show</h3>
      <ul part="observations" data-testid="recall-observations">${obs.map((o) => html`<li>${o}</li>`)}</ul></section>` : nothing;
  }

  /** Runs that hit non-finite steps, named so a low accuracy is not read as the cell's limit. */
  private renderHealth() {
    const items = this.runs.filter((r) => (r.result?.divergences ?? 0) > 0)
      .map((r) => `${CELL_NAME[r.cell]}, n = ${r.n}, seed ${r.seed}: ${trainingHealthMessage({ divergences: r.result!.divergences, steps: this.steps })}`);
    return items.length ? html`<rnn-message variant="warning" heading="Some runs were unstable" data-testid="training-health" .items=${items}></rnn-message>` : nothing;
  }

  private renderTable() {
    const ns = [...new Set(this.runs.map((r) => r.n))];
    const p = (v: number) => pct(v).slice(0, -1);
    const cell = (c: CellKind, n: number) => {
      const rs = this.runs.filter((x) => x.cell === c && x.n === n);
      const done = rs.filter((r) => r.result), s = spread(done.map((r) => r.result!.accuracy));
      if (!s.count) return "–";
      const range = s.count > 1 && p(s.min) !== p(s.max) ? ` (${p(s.min)}–${p(s.max)})` : "";
      return `${p(s.mean)}%${range}${done.length < rs.length ? ` … ${done.length} of ${rs.length} seeds` : ""}`;
    };
    return html`<div class="scroll"><table part="table" data-testid="recall-table"><caption class="note">Held-out accuracy after training: mean (min–max over seeds ${this.seedList.join(", ")})</caption>
      <thead><tr><th scope="col">cell</th>${ns.map((n) => html`<th scope="col" class="num">n = ${n}</th>`)}</tr></thead>
      <tbody>${CELLS.map((c) => html`<tr><th scope="row">${cellLabel(c)}</th>${ns.map((n) => html`<td class="num">${cell(c, n)}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  }

  private renderLength(n: number) {
    // the curves show the first seed; the reach line averages every finished seed
    const runs = CELLS.map((c) => this.runs.find((r) => r.cell === c && r.n === n && r.seed === this.seed)).filter((r): r is Run => !!r);
    const pts = runs.map((r) => r.result?.points ?? r.progress?.points ?? []);
    const longest = pts.reduce((a, p) => (p.length > a.length ? p : a), []);
    const grads = runs.map((r) => (this.when === "after" ? r.result?.gradientAfter : r.result?.gradientBefore) ?? []);
    const ratio = (g: number[]) => (g.length ? g[g.length - 1] / g[0] : NaN);
    return html`<section class="card grid">
      <h3>n = ${n} (curves: seed ${this.seed})</h3>
      <rnn-line-chart label="Held-out accuracy, n = ${n}" y-label="accuracy (%)" y-include="0, 100" x-label="training sequences"
        .x=${longest.map((p) => p.step)} .series=${runs.map((r, i) => cellSeries(r.cell, pts[i].map((p) => 100 * p.accuracy)))}></rnn-line-chart>
      <div class="buttons"><rnn-select label="Gradient measured" .value=${this.when} .options=${[{ value: "after", label: "after training" }, { value: "before", label: "at initialisation" }]}
        @rnn-change=${(e: CustomEvent<{ value: string }>) => { this.when = e.detail.value as "after" | "before"; }}></rnn-select></div>
      <rnn-line-chart label="Gradient reaching d steps back, n = ${n}" log x-label="distance d from the loss (steps)" y-label="mean ‖∂L/∂h‖ (nats per unit of h)"
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
  interface HTMLElementEventMap { "rnn-recall-settings": CustomEvent<{ lengths: number[]; steps: number; seeds: number }> }
}
