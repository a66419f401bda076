import { LitElement, html, mathml, nothing } from "lit";
import { state } from "lit/decorators.js";
import { int, KeptAttributes, num as numRule, numberList, oneOf } from "../attributes.js";
import { define } from "../define.js";
import { emitMainAction, emitTrainDone, emitTrainProgress } from "../events.js";
import { registerView } from "../registry.js";
import { TaskController } from "../task-controller.js";
import { styles, themeRoot } from "../theme/tokens.js";
import {
  accuracyByLength, DEFAULT_FLOW, estimateFlowMs, FLOW_CELLS, FLOW_INITS, FLOW_TWIST, flowObservations, gradientReach, inputSizeOf, matchBudget, meanProfile,
  parseLengths, type FlowCell, type FlowConfig, type FlowRun,
} from "../../lessons/gradient-flow.js";
import { GATE_COUNT } from "../../bindings/types.js";
import { aligned, eq, n, plus, sub, times } from "../math/mathml.js";
import { fmt, pct } from "../../bindings/format.js";
import { trainingHealthMessage } from "../../lessons/training-health.js";
import { CELL_NAME, cellLabel, cellSeries, cellStyles } from "../theme/cells.js";
import { cellLessonStyles, lessonStyles } from "../theme/lesson.styles.js";
import { anyBelowFloor, floored, LOG_FLOOR } from "../ui/log-floor.js";
import { fieldId, textField } from "../ui/text-field.js";
import { flowStyles } from "./gradient-flow.styles.js";
import "../ui/button/button.js";
import "../ui/message/message.js";
import "../ui/select/select.js";
import "../ui/slider/slider.js";
import "../charts/line-chart/line-chart.js";
import type {} from "../../tasks/gradient-flow.js";

export const GRADIENT_FLOW_ATTRIBUTES = {
  lengths: numberList(parseLengths, DEFAULT_FLOW.lengths),
  vocab: int(2, 8, DEFAULT_FLOW.vocab),
  budget: int(300, 6000, DEFAULT_FLOW.budget),
  steps: int(100, 5000, DEFAULT_FLOW.steps),
  seeds: int(1, 5, DEFAULT_FLOW.seeds),
  lr: numRule(0.0001, 0.1, DEFAULT_FLOW.lr),
  gateBias: numRule(-2, 4, DEFAULT_FLOW.gateBias),
  init: oneOf(FLOW_INITS, DEFAULT_FLOW.init),
  /** n of the gradient chart; 0 = the largest */
  showN: int(0, 100, 0),
  gradAt: oneOf(["trained", "init"] as const, "trained"),
  scale: oneOf(["raw", "relative"] as const, "raw"),
};


/**
 * Lesson 7: gradient flow side by side. A vanilla RNN, an LSTM and a GRU with the same
 * parameter budget learn to recall the first symbol after n steps, trained live in a
 * worker. Plots ‖∂L/∂h_t‖ against the distance from the loss (at initialisation or after
 * training) and recall accuracy against n, with the seed spread.
 *
 * Attributes (reflected): `lengths` (list of n), `vocab`, `budget`, `steps`, `seeds`, `lr`,
 * `gate-bias` (β), `show-n`, `grad-at` (trained | init), `scale` (raw | relative).
 *
 * @fires rnn-train-progress - while the study runs; detail `{ fraction, step, steps }` of the network in training and `{ done, total, cell, n, seed }` (networks done of total, and which one)
 * @fires rnn-train-done - when the study finishes; detail `{ status, runs, totalMs }`
 * @csspart controls - the settings card
 * @csspart observations - the sentences written from the results
 * @cssproperty --rnn-cell-lstm - LSTM color (--rnn-cell-rnn vanilla RNN, --rnn-cell-gru GRU)
 * @cssproperty --rnn-surface - card background
 * @fires rnn-main-action - a study the reader started has finished; detail `{ view, action: "run" }`
 */
export class RnnGradientFlow extends LitElement {
  static override styles = [styles, themeRoot, lessonStyles, cellLessonStyles, cellStyles, flowStyles];

  private readonly settings = new KeptAttributes(this, GRADIENT_FLOW_ATTRIBUTES);
  private readonly task = new TaskController(this, {
    task: "gradient-flow", renderEvery: 150,
    fraction: (p) => (p.done + p.step / p.steps) / p.total,
    onProgress: (p) => {
      this.runs = p.runs; this.ranWith ??= this.config();
      emitTrainProgress(this, { fraction: this.task.fraction, step: p.step, steps: p.steps, done: p.done, total: p.total, cell: p.cell, n: p.n, seed: p.seed });
    },
  });
  @state() private runs: FlowRun[] = [];
  @state() private lengthsDraft?: string;
  @state() private lengthsError = "";
  /** the settings of the runs on screen (they may differ from the controls after an edit) */
  private ranWith?: FlowConfig;
  private readonly ids = { lengths: fieldId() };
  /** Times a few steps per cell (well under a second) so the view can say how long the study will take. */
  private readonly speed = new TaskController(this, { task: "gradient-flow-speed" });
  /** the sizes the last speed measurement used; a change of these re-measures */
  private speedKey = "";

  // the study is heavy (tens of seconds on a slow machine): it starts when the reader asks, never on mount
  protected override updated() {
    const c = this.config(), key = JSON.stringify([c.budget, c.vocab, c.init, c.lengths[c.lengths.length - 1]]);
    if (key !== this.speedKey && !this.task.running && !this.speed.running) { this.speedKey = key; void this.speed.run(c); }
  }

  private config(): FlowConfig {
    const v = this.settings.values;
    return { ...DEFAULT_FLOW, lengths: v.lengths, vocab: v.vocab, budget: v.budget, steps: v.steps, seeds: v.seeds, lr: v.lr, gateBias: v.gateBias, init: v.init };
  }

  /** "about 12 s" for the settings on the controls, from this machine's measured speed; "" until measured. */
  private estimate(cfg = this.config()): string {
    const s = this.speed.result;
    return s ? `about ${fmt(Math.max(0.1, estimateFlowMs(cfg, s.msPerStep) / 1000), 2)} s` : "";
  }

  private preset(values: Partial<FlowConfig>) {
    this.settings.set({ vocab: values.vocab ?? DEFAULT_FLOW.vocab, gateBias: values.gateBias ?? DEFAULT_FLOW.gateBias, init: values.init ?? DEFAULT_FLOW.init });
  }

  /** the estimate shown when the running study was started, to set beside its measured time */
  private ranEstimate = "";

  private estimateLine() {
    const c = this.config(), total = FLOW_CELLS.length * c.lengths.length * c.seeds;
    if (this.speed.status === "error") return `The study trains ${total} networks; press Run to start it.`;
    const e = this.estimate(c);
    return e ? `The study trains ${total} networks (${FLOW_CELLS.length} cells × ${c.lengths.length} values of n × ${c.seeds} seeds). Timed on this machine, it should take ${e}; press Run to start it.`
      : `The study trains ${total} networks; timing a few steps on this machine to estimate how long it takes…`;
  }

  async start() {
    const cfg = this.config();
    this.ranEstimate = this.estimate(cfg);
    this.runs = []; this.ranWith = cfg;
    const r = await this.task.run(cfg);
    if (r) { this.runs = r.runs; emitTrainDone(this, { status: "done", runs: r.runs, totalMs: r.totalMs }); emitMainAction(this, "gradient-flow", "run"); }
  }

  private commitLengths(text: string) {
    try {
      const ns = parseLengths(text);
      this.lengthsError = ""; this.lengthsDraft = undefined;
      this.settings.set({ lengths: ns.join(", ") });
    } catch (e) { this.lengthsError = (e as Error).message; this.lengthsDraft = text; }
  }

  private get stale() {
    const a = this.ranWith, b = this.config();
    return !!a && JSON.stringify(a) !== JSON.stringify(b);
  }

  override render() {
    const v = this.settings.values, shown = this.ranWith ?? this.config();
    const sizes = matchBudget(v.budget, v.vocab);
    const running = this.task.running;
    return html`
      <h2>Gradient flow: vanilla RNN, LSTM and GRU side by side</h2>
      <p class="lead">Three networks with the same number of weights learn one task: read a symbol, then n − 1 distracting symbols,
        and name the first one at the end. The only error signal sits at the last step, so everything a network learns about step 0
        travels back n − 1 steps through its recurrence. Measured live, on this machine.</p>
      ${this.settings.problems.length ? html`<rnn-message variant="warning" heading="Some settings were not understood:" .items=${this.settings.problems}></rnn-message>` : nothing}
      <section class="card controls-card" part="controls" aria-label="Study settings">
        <div class="controls">
          ${textField({ id: this.ids.lengths, label: "Recall distances n", value: this.lengthsDraft ?? v.lengths.join(", "), inputmode: "text",
            error: this.lengthsError && `${this.lengthsError}; keeping ${v.lengths.join(", ")}.`, hint: "Up to 8 values from 2 to 100, e.g. 5, 10, 20, 40, 80.",
            onCommit: (t) => this.commitLengths(t) })}
          ${this.slider("Symbols to recall V", "vocab", 2, 8, 1)}
          ${this.slider("Parameter budget", "budget", 300, 6000, 50)}
          ${this.slider("Training steps per network", "steps", 100, 5000, 100)}
          ${this.slider("Seeds", "seeds", 1, 5, 1)}
          <rnn-slider label="Adam learning rate" min="0.0001" max="0.1" scale="log" .value=${v.lr}
            @rnn-change=${(e: CustomEvent<{ value: number }>) => this.settings.set({ lr: e.detail.value })}></rnn-slider>
          <rnn-slider label="Memory bias β" min="-2" max="4" step="0.5" .value=${v.gateBias}
            @rnn-change=${(e: CustomEvent<{ value: number }>) => this.settings.set({ gateBias: e.detail.value })}></rnn-slider>
          <rnn-select label="Initial weights" .value=${v.init} .options=${[{ value: "xavier", label: "Xavier uniform" }, { value: "uniform", label: "uniform ±1/√H" }, { value: "orthogonal", label: "orthogonal W_h" }]}
            @rnn-change=${(e: CustomEvent<{ value: string }>) => this.settings.set({ init: e.detail.value })}></rnn-select>
        </div>
        <div class="buttons" data-primary="control">
          <rnn-button variant="primary" ?disabled=${running} @click=${() => this.start()}>Run the study</rnn-button>
          ${this.task.renderPauseCancel()}
          ${this.stale && !running ? html`<span class="status">Settings changed: press Run to measure them.</span>` : nothing}
          ${running || this.task.status === "done" ? nothing : html`<span class="status" data-testid="estimate">${this.estimateLine()}</span>`}
        </div>
        ${this.task.renderProgress(this.progressLabel())}
      </section>
      ${this.results(shown)}
      <section class="card" aria-label="Equal parameter budgets">
        ${this.sizesTable(sizes, v.vocab, v.budget)}
        <p class="status">Each network trains on ${shown.steps} fresh sequences per n and seed (Adam, learning rate ${shown.lr}, global-norm clip
          ${shown.clip}; the loss is the cross-entropy of the one target, so summed and mean coincide). Accuracy is measured on
          ${shown.evalCount} new sequences; gradient norms are averaged over ${shown.probes}.</p>
      </section>
      <details class="guide card" open><summary>Guide</summary>${this.guide()}</details>`;
  }

  private progressLabel() {
    const p = this.task.progress, r = this.task.result;
    if (this.task.status === "done" && r) return `Finished: ${r.runs.length} networks trained and measured in ${fmt(r.totalMs / 1000, { unit: "s" })}${this.ranEstimate ? ` (estimated beforehand: ${this.ranEstimate})` : ""}`;
    if (this.task.status === "cancelled") return `Cancelled after ${p?.done ?? 0} networks; their results are shown below`;
    return p ? `Training ${CELL_NAME[p.cell]} at n = ${p.n}, seed ${p.seed} (${p.done} of ${p.total} networks done)` : "Starting the worker";
  }

  private slider(label: string, key: "vocab" | "budget" | "steps" | "seeds", min: number, max: number, step: number) {
    return html`<rnn-slider label=${label} min=${min} max=${max} step=${step} .value=${this.settings.values[key]}
      @rnn-change=${(e: CustomEvent<{ value: number }>) => this.settings.set({ [key]: e.detail.value })}></rnn-slider>`;
  }

  private sizesTable(sizes: ReturnType<typeof matchBudget>, vocab: number, budget: number) {
    const I = inputSizeOf(vocab), O = vocab;
    return html`<div class="scroll-x" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="results" data-testid="sizes">
      <caption>Equal budget: each cell gets the hidden size whose parameter count P = m·H·(I + H + 1) + O·H + O is closest to ${budget}
        (I = ${I} inputs: V symbols and V distractors; O = ${O} outputs)</caption>
      <thead><tr><th scope="col">cell</th><th scope="col">m</th><th scope="col">H</th><th scope="col">parameters P</th><th scope="col">off budget</th></tr></thead>
      <tbody>${FLOW_CELLS.map((c) => {
        const s = sizes[c], m = GATE_COUNT[c];
        return html`<tr><td>${cellLabel(c)}</td><td>${m}</td><td>${s.hiddenSize}</td>
          <td><math>${aligned([[mathml`<mi>P</mi>`, mathml`${eq}<mn>${m}</mn>${times}<mn>${s.hiddenSize}</mn>${times}<mo>(</mo><mn>${I}</mn>${plus}<mn>${s.hiddenSize}</mn>${plus}<mn>1</mn><mo>)</mo>${plus}<mn>${O}</mn>${times}<mn>${s.hiddenSize}</mn>${plus}<mn>${O}</mn>${eq}<mn>${s.params}</mn>`]], 3)}</math></td>
          <td>${fmt(((s.params - budget) / budget) * 100, { decimals: 1, sign: true, unit: "%" })}</td></tr>`;
      })}</tbody></table></div>`;
  }

  private results(cfg: FlowConfig) {
    const v = this.settings.values, runs = this.runs;
    const lengths = cfg.lengths, showN = lengths.includes(v.showN) ? v.showN : lengths[lengths.length - 1];
    const chance = 1 / cfg.vocab;
    const acc = FLOW_CELLS.map((c) => ({ c, s: accuracyByLength(runs, c, lengths) }));
    const accSeries = [...acc.map(({ c, s }) => cellSeries(c, s.map((x) => 100 * x.mean))),
      { label: `chance 1/V = ${pct(chance)}`, values: lengths.map(() => 100 * chance), color: "series-6" }];
    const profiles = FLOW_CELLS.map((c) => ({ c, p: meanProfile(runs, c, showN, v.gradAt === "init" ? "gradInit" : "gradTrained") }));
    const rel = v.scale === "relative";
    const gradSeries = profiles.filter((x) => x.p.length).map(({ c, p }) => cellSeries(c, rel ? p.map((g) => g / p[0]) : p));
    const clipped = gradSeries.some((g) => anyBelowFloor(g.values));
    const ds = Array.from({ length: showN }, (_, d) => d);
    const obs = flowObservations({ config: cfg, runs });
    return html`
      <div class="grid two">
        <section class="card" aria-label="Accuracy against n">
          <rnn-line-chart data-primary="visual" label="Recall accuracy against n (mean over seeds)" x-label="n (steps to carry the symbol)" y-label="accuracy (%)" y-include="0, 100"
            height="220" .x=${lengths} .series=${accSeries} .empty=${runs.length ? "" : "Press Run the study: each cell's accuracy appears here as its networks finish."}></rnn-line-chart>
          ${this.accuracyTable(acc, lengths)}
        </section>
        <section class="card" aria-label="Gradient against distance">
          <div class="chart-controls">
            <rnn-select label="n" .value=${String(showN)} .options=${lengths.map((k) => String(k))}
              @rnn-change=${(e: CustomEvent<{ value: string }>) => this.settings.set({ showN: Number(e.detail.value) })}></rnn-select>
            <rnn-select label="Measured" .value=${v.gradAt} .options=${[{ value: "trained", label: "after training" }, { value: "init", label: "at initialisation" }]}
              @rnn-change=${(e: CustomEvent<{ value: string }>) => this.settings.set({ gradAt: e.detail.value })}></rnn-select>
            <rnn-select label="Scale" .value=${v.scale} .options=${[{ value: "raw", label: "‖∂L/∂h‖" }, { value: "relative", label: "÷ value at d = 0" }]}
              @rnn-change=${(e: CustomEvent<{ value: string }>) => this.settings.set({ scale: e.detail.value })}></rnn-select>
          </div>
          <rnn-line-chart label="${rel ? "Relative gradient" : "Gradient norm"} against distance d from the loss, n = ${showN}" x-label="distance d = n − 1 − t (steps)"
            y-label=${rel ? "‖∂L/∂h_t‖ ÷ ‖∂L/∂h_n−1‖ (ratio)" : "‖∂L/∂h_t‖ (nats per unit of h)"} log height="220" .x=${ds} .series=${gradSeries.map((g) => ({ ...g, values: floored(g.values) }))}
            .empty=${gradSeries.length ? "" : "The gradient each cell sends back appears here once the study has run."}></rnn-line-chart>
          ${clipped ? html`<p class="eq-note">Some gradients fell below ${fmt(LOG_FLOOR)}; the chart draws them at that floor. The table gives the measured ratio.</p>` : nothing}
          ${this.reachTable(showN)}
        </section>
      </div>
      <section class="card" aria-label="How the gradient travels">
        <h3>Why the curves differ</h3>
        <math display="block">${aligned([
          [mathml`<mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo>${sub("h", "t")}</mrow></mfrac>`,
            mathml`${eq}<msup><mrow><mo>(</mo><mfrac><mrow><mo>∂</mo>${sub("h", "t+1")}</mrow><mrow><mo>∂</mo>${sub("h", "t")}</mrow></mfrac><mo>)</mo></mrow><mo>⊤</mo></msup><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo>${sub("h", "t+1")}</mrow></mfrac>`],
          [mathml`<mtext>RNN:</mtext>`, mathml`<mfrac><mrow><mo>∂</mo>${sub("h", "t+1")}</mrow><mrow><mo>∂</mo>${sub("h", "t")}</mrow></mfrac>${eq}<mi>diag</mi><mo>(</mo><mn>1</mn><mo>−</mo><msubsup><mi>h</mi><mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow><mn>2</mn></msubsup><mo>)</mo>${sub("W", "h")}`],
          [mathml`<mtext>LSTM:</mtext>`, mathml`<mfrac><mrow><mo>∂</mo>${sub("c", "t+1")}</mrow><mrow><mo>∂</mo>${sub("c", "t")}</mrow></mfrac>${eq}<mi>diag</mi><mo>(</mo>${sub("f", "t+1")}<mo>)</mo>`],
          [nothing, mathml`${plus}<mtext>(paths through the gates)</mtext>`],
          [mathml`<mtext>GRU:</mtext>`, mathml`<mfrac><mrow><mo>∂</mo>${sub("h", "t+1")}</mrow><mrow><mo>∂</mo>${sub("h", "t")}</mrow></mfrac>${eq}<mi>diag</mi><mo>(</mo><mn>1</mn><mo>−</mo>${sub("z", "t+1")}<mo>)</mo>`],
          [nothing, mathml`${plus}<mtext>(paths through z, r, g)</mtext>`],
          [mathml`<mtext>reach:</mtext>`, mathml`<mi>R</mi>${eq}<mo>max</mo><mo stretchy="false">{</mo><mi>d</mi><mo>:</mo><mo>‖</mo><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo>${sub("h", "n−1−d")}</mrow></mfrac><mo>‖</mo>`],
          [nothing, mathml`<mo>≥</mo>${n(1e-3, 3)}${times}<mo>‖</mo><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo>${sub("h", "n−1")}</mrow></mfrac><mo>‖</mo><mo stretchy="false">}</mo>`],
        ], 3)}</math>
        <p class="eq-note">The RNN multiplies by W<sub>h</sub> and tanh′ at every step back, so the product either shrinks or grows
          geometrically. The LSTM's cell state and the GRU's (1 − z) blend add a path whose factor is a gate the network can hold near 1.
          The memory bias β sets that gate at the start: the LSTM forget-gate bias is +β (f ≈ σ(β) = ${fmt(1 / (1 + Math.exp(-cfg.gateBias)), 3)}),
          the GRU update-gate bias is −β (1 − z ≈ ${fmt(1 / (1 + Math.exp(-cfg.gateBias)), 3)}).</p>
      </section>
      ${obs.length ? html`<section class="card" part="observations" aria-label="Observations"><h3>What these runs show</h3>
        <ul class="observations" data-testid="observations">${obs.map((o) => html`<li>${o}</li>`)}</ul></section>` : nothing}
      ${this.renderHealth(runs, cfg)}`;
  }

  /** Runs whose training hit non-finite steps: named, so a low accuracy is not read as the cell's limit. */
  private renderHealth(runs: FlowRun[], cfg: FlowConfig) {
    const items = runs.filter((r) => r.divergences > 0)
      .map((r) => `${CELL_NAME[r.cell]}, n = ${r.n}, seed ${r.seed}: ${trainingHealthMessage({ divergences: r.divergences, steps: cfg.steps })}`);
    return items.length ? html`<rnn-message variant="warning" heading="Some runs were unstable" data-testid="training-health" .items=${items}></rnn-message>` : nothing;
  }

  private accuracyTable(acc: { c: FlowCell; s: ReturnType<typeof accuracyByLength> }[], lengths: number[]) {
    const p = (v: number) => pct(v).slice(0, -1);
    const cell = (x: { mean: number; min: number; max: number; count: number }) =>
      x.count ? `${p(x.mean)}%${x.count > 1 && p(x.min) !== p(x.max) ? ` (${p(x.min)}–${p(x.max)})` : ""}` : "–";
    return html`<div class="scroll-x" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="results" data-testid="accuracy-table">
      <caption>Accuracy, mean (min–max over seeds)</caption>
      <thead><tr><th scope="col">cell</th>${lengths.map((k) => html`<th scope="col">n = ${k}</th>`)}</tr></thead>
      <tbody>${acc.map(({ c, s }) => html`<tr><td>${cellLabel(c)}</td>${s.map((x) => html`<td>${cell(x)}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  }

  private reachTable(n: number) {
    const rows = FLOW_CELLS.map((c) => {
      const init = meanProfile(this.runs, c, n, "gradInit"), trained = meanProfile(this.runs, c, n, "gradTrained");
      const rs = this.runs.filter((r) => r.cell === c && r.n === n);
      return { c, init, trained, loss: rs.length ? rs.reduce((a, r) => a + r.finalLoss, 0) / rs.length : NaN, ms: rs.reduce((a, r) => a + r.trainMs, 0) };
    });
    return html`<div class="scroll-x" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="results" data-testid="reach-table">
      <caption>At n = ${n}: gradient reach R (steps) and the gradient left at the first step, ‖∂L/∂h₀‖ / ‖∂L/∂h_n−1‖</caption>
      <thead><tr><th scope="col">cell</th><th scope="col">R at init</th><th scope="col">R trained</th><th scope="col">first/last trained</th>
        <th scope="col">final loss</th><th scope="col">train time</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><td>${cellLabel(r.c)}</td>
        <td>${r.init.length ? gradientReach(r.init) : "–"}</td><td>${r.trained.length ? gradientReach(r.trained) : "–"}</td>
        <td>${r.trained.length ? fmt(r.trained[n - 1] / r.trained[0], 2) : "–"}</td>
        <td>${Number.isFinite(r.loss) ? fmt(r.loss, 3) : "–"}</td><td>${r.ms ? fmt(r.ms, { unit: "ms" }) : "–"}</td></tr>`)}</tbody>
    </table></div>`;
  }

  private guide() {
    const twist = { ...this.config(), ...FLOW_TWIST };
    return html`
      <p><strong>The claim:</strong> a gated cell (LSTM or GRU) can carry a symbol, and the gradient that teaches it to, across a gap
        of many steps where a vanilla RNN's gradient shrinks away. Backpropagation through time sends the error at the last step back
        to every earlier hidden state; how much of it arrives depends on what each step multiplies it by. The left chart shows whether
        a network learned the task; the right one shows the gradient that made learning possible, as the norm
        ‖∂L/∂h<sub>t</sub>‖ at distance d = n − 1 − t from the loss. The sentences under the charts are written from this run's numbers.</p>
      <h3>Try this</h3>
      <ul>
        <li>Run the default study and compare the accuracy at n = 40 and 80. Which cells stay above chance?</li>
        <li>Switch the gradient chart between "at initialisation" and "after training", and between the raw norm and "÷ value at d = 0".</li>
        <li>The twist: with only ${twist.vocab} symbols and gates that start half open (β = ${twist.gateBias}), the vanilla RNN can come out ahead.
          Its random W<sub>h</sub> has a spectral radius near 1, so the first symbol keeps echoing through the state like a reservoir
          while the gated cells forget it. <rnn-button data-testid="twist" @click=${() => this.preset(FLOW_TWIST)}>Set V = ${twist.vocab}, β = ${twist.gateBias}</rnn-button>
          <rnn-button data-testid="defaults" @click=${() => this.preset({})}>Back to V = ${DEFAULT_FLOW.vocab}, β = ${DEFAULT_FLOW.gateBias}</rnn-button>
          then press Run (${this.estimate(twist) || "a few seconds"}).</li>
        <li>Change the initial weights to "uniform ±1/√H" (a common framework default, spectral radius about 0.6) or "orthogonal W_h" (exactly 1) and see how the vanilla RNN's reach changes.</li>
        <li>Raise the seeds to 5. Differences the observations called level may become clear — or vanish.</li>
      </ul>
      <h3>What to look for</h3>
      <ul>
        <li>A straight line falling on the log scale is a gradient that shrinks by the same factor every step: the vanishing gradient.</li>
        <li>Accuracy at chance (1/V) means the symbol never made it across n steps. The gradient reach R says how far back the error
          signal was still at least a thousandth of its size at the loss.</li>
        <li>Equal parameter budgets mean the RNN gets about twice the hidden units of the LSTM: any advantage of the gated cells is
          not from size.</li>
        <li>Adam rescales every weight's step by its own gradient history, so even a tiny gradient that reaches step 0 can move the
          input weights: the vanilla RNN is not always hopeless, which is why the study measures rather than assumes.</li>
      </ul>`;
  }
}

define("rnn-gradient-flow", RnnGradientFlow);
registerView({ name: "gradient-flow", title: "Gradient flow", tag: "rnn-gradient-flow", attributes: GRADIENT_FLOW_ATTRIBUTES,
  description: "RNN vs LSTM vs GRU at equal parameter budget: ‖∂L/∂h_t‖ against distance and recall accuracy against n, measured live." });

declare global { interface HTMLElementTagNameMap { "rnn-gradient-flow": RnnGradientFlow } }
