import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { KeptAttributes } from "../attributes.js";
import { define } from "../define.js";
import { emit, emitMainAction, emitTrainDone, emitTrainProgress } from "../events.js";
import { PageEngineController } from "../page-engine.js";
import { registerView } from "../registry.js";
import { styles, themeRoot } from "../theme/tokens.js";
import { TaskController } from "../task-controller.js";
import { fmt } from "../../bindings/format.js";
import type { Engine } from "../../bindings/engine.js";
import type { Params } from "../../bindings/model.js";
import { ACTIVATIONS } from "../../bindings/types.js";
import {
  buildProblem, defaultParams, labModel, LAB_SOURCES, MAX_HIDDEN, readSequence, traceForward,
  type ForwardReport, type LabRun, type LabSettings, type Problem, type RunProgress, type RunSummary,
} from "../../lessons/sequence-lab.js";
import type {} from "../../tasks/sequence-train.js";
import type {} from "../../tasks/random-search.js";
import { onNumberKeys, readoutStyles, rovingTabStops } from "../math/readout.js";
import type { MatrixChange } from "../ui/matrix-input/matrix-input.js";
import { defaultScale, flatWeights, SEQUENCE_LAB_ATTRIBUTES, unflatten, weightCount } from "./settings.js";
import { downloadHistory, historyTable } from "./history.js";
import { stepPanel } from "./step-panel.js";
import { comparison, lossSeries, readouts, type Run, type TrainingView } from "./training.js";
import { lessonStyles } from "../theme/lesson.styles.js";
import { sequenceLabStyles } from "./sequence-lab.styles.js";
import "../ui/matrix-input/matrix-input.js";
import "../charts/line-chart/line-chart.js";
import "../charts/heat-map/heat-map.js";
import "../ui/button/button.js";
import "../ui/message/message.js";
import "../ui/select/select.js";
import "../ui/slider/slider.js";
import "../ui/toggle/toggle.js";

const SOURCE_LABELS: Record<string, string> = {
  fibonacci: "Fibonacci 1, 1, 2, 3, 5…", linear: "Linear 1, 2, 3, 4…", alternating: "Alternating 0, 1, 0, 1…",
  exponential: "Exponential 1, 2, 4, 8…", sine: "Sine wave", custom: "Your own numbers",
};
const LOSS_NOTE = "Loss: the mean over the steps of ½(y_t − x_{t+1})², in model units (after mapping to [−1, 1] when inputs are normalised).";
const PLAY_MS = 450;

interface Current { key: string; problem: Problem; params: Params; report: ForwardReport }

/**
 * The sequence lab: a small RNN predicts the next number of a sequence (Fibonacci, counting,
 * alternating, powers of 2, a sine wave, or numbers the reader types). Step through it and
 * watch the numbers flow through the cell; set every weight; train it by backpropagation
 * through time against random search for the same number of loss evaluations, in a worker,
 * with a live loss curve; read the history table and export it as CSV. Exploding, vanishing
 * and saturated hidden states are named in words, from numbers measured on the run.
 *
 * Attributes (reflecting the reader's edits, so a link reproduces the state): `sequence`
 * (fibonacci | linear | alternating | exponential | sine | custom), `length` (3–200), `values`
 * (the custom numbers), `scaling` (normalised | raw), `activation` (tanh | relu | sigmoid | linear),
 * `hidden-size` (1–16), `weights` (W_input, W_hidden rows, b, W_output, b_out, comma-separated),
 * `step` (steps shown), `optimizer` (sgd | adam), `lr`, `clip` (element-wise bound or off),
 * `budget` (loss evaluations per run), `search` (sample | perturb), `search-scale`, `seed`, `engine`.
 *
 * @fires rnn-change - after the reader changes the sequence, the network or its weights; detail `{ value: { loss, params } }`
 * @fires rnn-train-progress - while a run is under way; detail `{ fraction, step, steps, loss }` (step: loss evaluations) and the run's progress `{ method, evaluation, budget, curve, ... }`
 * @fires rnn-train-done - when a run finishes; detail `{ status, loss }` (loss: of the final weights) and the run's summary `{ method, curve, startLoss, finalLoss, evaluations, ms, params }`
 * @csspart cell - the cell diagram and the step's equations
 * @csspart history - the history table
 * @csspart training - the training panel
 * @cssproperty --rnn-accent - live wires, engine numbers
 * @cssproperty --rnn-surface - card background
 * @cssproperty --rnn-series-1 - BPTT curve
 * @cssproperty --rnn-series-2 - random search curve
 * @fires rnn-main-action - the reader steps or trains; detail `{ view, action: "step" | "train" }`
 */
export class RnnSequenceLab extends LitElement {
  static override styles = [styles, themeRoot, readoutStyles, lessonStyles, sequenceLabStyles];

  private readonly settings = new KeptAttributes(this, SEQUENCE_LAB_ATTRIBUTES);
  private readonly bptt = new TaskController<"sequence-train">(this, {
    task: "sequence-train", fraction: (p) => p.evaluation / p.budget, renderEvery: 80, onProgress: (p) => this.progressed(p),
  });
  private readonly search = new TaskController<"random-search">(this, {
    task: "random-search", fraction: (p) => p.evaluation / p.budget, renderEvery: 80, onProgress: (p) => this.progressed(p),
  });
  private readonly engines = new PageEngineController(this, () => this.settings.values.engine);
  private get engine(): Engine | undefined { return this.engines.engine; }
  private get failure() { return this.engines.failure; }
  @state() private sequenceError = "";
  @state() private runs: { bptt?: Run; random?: Run } = {};
  @state() private logScale = true;
  @state() private comparing = false;
  @state() private playing = false;
  private current?: Current;
  private problemError = "";
  private keptPrevious = false;
  /** earlier values of the weights (and hidden size) for Undo */
  private readonly undo: { weights: string | null; hiddenSize: string | null }[] = [];
  private timer?: ReturnType<typeof setInterval>;
  private pulse = 0;

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopPlaying();
  }

  override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    this.recompute();
  }

  override updated() { rovingTabStops(this.renderRoot); }

  private get labSettings(): LabSettings {
    const v = this.settings.values;
    return { activation: v.activation, hiddenSize: v.hiddenSize, seed: v.seed };
  }

  /** Sequence, weights and the engine's forward run for the current attributes; a bad sequence keeps the previous one. */
  private recompute() {
    const v = this.settings.values;
    const seq = readSequence(v.sequence, v.length, v.values);
    this.problemError = "error" in seq ? seq.error : "";
    this.keptPrevious = "error" in seq && !!this.current;
    // a bad sequence keeps the previous one; on first load there is none, so the default stands in
    const fallback = () => readSequence(SEQUENCE_LAB_ATTRIBUTES.sequence.default, SEQUENCE_LAB_ATTRIBUTES.length.default) as { values: number[] };
    const problem = "values" in seq ? buildProblem(seq.values, v.scaling) : this.current?.problem ?? buildProblem(fallback().values, v.scaling);
    if (!this.engine) return;
    const H = v.hiddenSize;
    const params = v.weights && v.weights.length === weightCount(H) ? unflatten(v.weights, H) : defaultParams(this.engine, this.labSettings);
    const key = JSON.stringify([problem.scaled, v.activation, H, params, this.engine.kind]);
    if (this.current?.key === key) return;
    try {
      const model = labModel(this.engine, this.labSettings, problem, params);
      try { this.current = { key, problem, params, report: traceForward(model, problem) }; } finally { model.dispose(); }
    } catch (e) {
      this.problemError = `The engine refused these settings: ${(e as Error).message}`;
    }
  }

  private get weightsProblem(): string {
    const v = this.settings.values, n = weightCount(v.hiddenSize);
    return v.weights && v.weights.length !== n ? `weights lists ${v.weights.length} numbers, but hidden size ${v.hiddenSize} needs ${n}; using the default weights.` : "";
  }

  private changed() {
    if (this.current) emit(this, "rnn-change", { value: { loss: this.current.report.meanLoss, params: this.current.params } });
  }

  private setSettings(change: Parameters<KeptAttributes<typeof SEQUENCE_LAB_ATTRIBUTES>["set"]>[0]) {
    this.settings.set(change);
    this.recompute();
    this.changed();
  }

  private remember() {
    this.undo.push({ weights: this.getAttribute("weights"), hiddenSize: this.getAttribute("hidden-size") });
    if (this.undo.length > 50) this.undo.shift();
  }

  /** New weights, remembering the old ones for Undo. */
  private setParams(p: Params | null) {
    this.remember();
    this.setSettings({ weights: p ? flatWeights(p).map((x) => Number(x.toPrecision(7))).join(",") : null });
  }

  /** A new hidden size starts from that size's default weights; Undo brings back the old network. */
  private setHiddenSize(H: number) {
    if (H === this.settings.values.hiddenSize) return;
    this.remember();
    this.setSettings({ hiddenSize: H, weights: null });
  }

  private undoWeights() {
    const u = this.undo.pop();
    if (u) this.setSettings(u);
  }

  private commitCustom(text: string) {
    const r = readSequence("custom", 0, text);
    if ("error" in r) { this.sequenceError = r.error; return; }
    this.sequenceError = "";
    this.setSettings({ sequence: "custom", values: text, step: null });
  }

  // ---------------------------------------------------------------- stepping

  private get T() { return this.current?.problem.inputs.length ?? 0; }
  private get shown() { return Math.min(this.settings.values.step, this.T); }

  private setStep(k: number) {
    this.pulse++;
    this.settings.set({ step: k >= this.T ? null : Math.max(0, k) });
  }

  private stepForward() { if (this.shown < this.T) { this.setStep(this.shown + 1); emitMainAction(this, "sequence-lab", "step"); } }

  private play() {
    if (this.playing) { this.stopPlaying(); return; }
    if (this.shown >= this.T) this.setStep(0);
    this.playing = true;
    this.timer = setInterval(() => {
      if (this.shown >= this.T) { this.stopPlaying(); return; }
      this.stepForward();
    }, PLAY_MS);
  }

  private stopPlaying() { clearInterval(this.timer); this.timer = undefined; this.playing = false; }

  // ---------------------------------------------------------------- training

  private get runKey() {
    const v = this.settings.values, c = this.current;
    return JSON.stringify([c?.problem.scaled, v.activation, v.hiddenSize, c?.params, v.budget]);
  }

  private get busy() { return this.bptt.running || this.search.running; }

  /** Trains from the current weights by BPTT or by random search, in a worker; `adopt` takes the result's weights. */
  private async train(method: "bptt" | "random", adopt: boolean): Promise<RunSummary | undefined> {
    const c = this.current, v = this.settings.values;
    if (!c) return undefined;
    const key = this.runKey, start: LabRun = { settings: this.labSettings, params: c.params, problem: c.problem, budget: v.budget, engine: v.engine };
    const r = method === "bptt"
      ? await this.bptt.run({ ...start, bptt: { optimizer: v.optimizer, lr: v.lr, clip: v.clip } })
      : await this.search.run({ ...start, search: { mode: v.search, scale: v.searchScale ?? defaultScale(v.search), seed: v.seed } });
    if (r) this.finishRun({ summary: r, key }, adopt);
    return r;
  }

  private progressed(p: RunProgress) {
    emitTrainProgress(this, { ...p, fraction: p.evaluation / p.budget, step: p.evaluation, steps: p.budget, loss: p.curve[p.curve.length - 1] });
  }

  private finishRun(run: Run, adopt: boolean) {
    this.runs = { ...this.runs, [run.summary.method]: run };
    emitTrainDone(this, { ...run.summary, status: "done", loss: run.summary.finalLoss });
    emitMainAction(this, "sequence-lab", "train");
    if (adopt) this.setParams(run.summary.params);
  }

  private async compare() {
    this.comparing = true;
    try { if (await this.train("bptt", false)) await this.train("random", false); } finally { this.comparing = false; }
  }

  private runningTask() { return this.bptt.running ? this.bptt : this.search.running ? this.search : undefined; }

  // ---------------------------------------------------------------- render

  override render() {
    const s = this.settings, problems = [...s.problems, ...(this.weightsProblem ? [this.weightsProblem] : [])];
    // the cell and its Step button come first; the sequence and weights that feed it follow right below
    const settings = html`<div class="grid two">${this.renderSequenceCard()}${this.renderWeightsCard()}</div>`;
    return html`
      <h2>Sequence lab: predict the next number</h2>
      <p class="lead">A recurrent network reads a sequence one number at a time and, after each, predicts the next. Its only
        memory is the hidden state h, which it passes from step to step. Step through it, change its weights, then train it.</p>
      ${problems.length ? html`<rnn-message variant="warning" heading="Some settings were not understood:" .items=${problems}></rnn-message>` : nothing}
      ${this.failure ? html`<rnn-message heading="The engine could not start">${this.failure}</rnn-message>` : nothing}
      ${this.problemError ? html`<rnn-message heading=${this.keptPrevious ? "This setting does not work; the lab keeps the previous sequence." : "This setting does not work; the lab shows the default sequence."}>${this.problemError}</rnn-message>` : nothing}
      ${this.current ? this.renderRun(this.current, settings) : html`${settings}<p class="starting">Starting the engine…</p>`}
      ${this.renderGuide()}`;
  }

  private renderSequenceCard() {
    const v = this.settings.values;
    return html`<section class="card" aria-labelledby="sl-seq">
      <h3 id="sl-seq">Sequence and network</h3>
      <div class="controls">
        <rnn-select label="Sequence" .value=${v.sequence} .options=${LAB_SOURCES.map((k) => ({ value: k, label: SOURCE_LABELS[k] }))}
          @rnn-change=${(e: CustomEvent<{ value: string }>) => { this.sequenceError = ""; this.setSettings({ sequence: e.detail.value, step: null }); }}></rnn-select>
        ${v.sequence === "custom" ? html`<div class="field wide">
            <label for="sl-values">Your numbers (3 to 200, commas or spaces)</label>
            <input id="sl-values" type="text" inputmode="decimal" spellcheck="false" autocomplete="off" .value=${v.values}
              aria-invalid=${this.sequenceError ? "true" : "false"} aria-describedby="sl-values-m"
              @change=${(e: Event) => this.commitCustom((e.target as HTMLInputElement).value)} />
            <div id="sl-values-m" class=${this.sequenceError ? "error" : "hint"} role=${this.sequenceError ? "alert" : "note"}>${this.sequenceError || "Press Enter to apply."}</div>
          </div>`
        : html`<rnn-slider label="Length" min="3" max="60" step="1" .value=${v.length}
            @rnn-change=${(e: CustomEvent<{ value: number }>) => this.setSettings({ length: e.detail.value, step: null })}></rnn-slider>`}
        <rnn-select label="Activation f" .value=${v.activation} .options=${ACTIVATIONS as unknown as string[]}
          @rnn-change=${(e: CustomEvent<{ value: string }>) => this.setSettings({ activation: e.detail.value })}></rnn-select>
        <rnn-slider label="Hidden units" min="1" max=${MAX_HIDDEN} step="1" .value=${v.hiddenSize}
          @rnn-change=${(e: CustomEvent<{ value: number }>) => this.setHiddenSize(e.detail.value)}></rnn-slider>
        <rnn-toggle label="Normalise inputs to [−1, 1]" ?checked=${v.scaling === "normalised"}
          @rnn-change=${(e: CustomEvent<{ value: boolean }>) => this.setSettings({ scaling: e.detail.value ? "normalised" : "raw" })}></rnn-toggle>
      </div>
      ${this.current ? html`<p class="note seq">Sequence: ${this.current.problem.values.map((x) => fmt(x)).join(", ")}</p>` : nothing}
    </section>`;
  }

  private renderWeightsCard() {
    const c = this.current, H = this.settings.values.hiddenSize;
    if (!c) return html`<section class="card"></section>`;
    const p = c.params;
    const slider = (label: string, value: number, set: (x: number) => Params) => {
      const lim = Math.max(3, Math.ceil(Math.abs(value)));
      return html`<rnn-slider label=${label} min=${-lim} max=${lim} step="0.01" .value=${Number(value.toFixed(4))}
        @rnn-change=${(e: CustomEvent<{ value: number }>) => this.setParams(set(e.detail.value))}></rnn-slider>`;
    };
    const edit = (group: keyof Params) => (e: CustomEvent<MatrixChange>) =>
      this.setParams({ ...p, [group]: group === "b" || group === "b_y" ? e.detail.value.map((r) => r[0]) : e.detail.value });
    const units = Array.from({ length: H }, (_, i) => `h${i + 1}`);
    return html`<section class="card" aria-labelledby="sl-w">
      <h3 id="sl-w">Weights</h3>
      ${H === 1 ? html`<div class="controls">
          ${slider("W_input", p.W_x[0][0], (x) => ({ ...p, W_x: [[x]] }))}
          ${slider("W_hidden", p.W_h[0][0], (x) => ({ ...p, W_h: [[x]] }))}
          ${slider("W_output", p.W_y[0][0], (x) => ({ ...p, W_y: [[x]] }))}
          ${slider("b_hidden", p.b[0], (x) => ({ ...p, b: [x] }))}
          ${slider("b_output", p.b_y[0], (x) => ({ ...p, b_y: [x] }))}
        </div>`
      : html`<div class="weights">
          <rnn-matrix-input label="W_hidden (h → h)" heat .values=${p.W_h} .rowLabels=${units} .colLabels=${units} @rnn-change=${edit("W_h")}></rnn-matrix-input>
          <rnn-matrix-input label="W_input" heat .values=${p.W_x} .rowLabels=${units} @rnn-change=${edit("W_x")}></rnn-matrix-input>
          <rnn-matrix-input label="b_hidden" heat .values=${p.b.map((x) => [x])} .rowLabels=${units} @rnn-change=${edit("b")}></rnn-matrix-input>
          <rnn-matrix-input label="W_output" heat .values=${p.W_y} .colLabels=${units} @rnn-change=${edit("W_y")}></rnn-matrix-input>
          <rnn-matrix-input label="b_output" .values=${[p.b_y]} @rnn-change=${edit("b_y")}></rnn-matrix-input>
        </div>`}
      <div class="buttons">
        <rnn-button @click=${() => this.setParams(null)}>Restore default weights</rnn-button>
        <rnn-button ?disabled=${!this.undo.length} @click=${() => this.undoWeights()}>Undo</rnn-button>
      </div>
    </section>`;
  }

  private renderRun(c: Current, settings: TemplateResult) {
    const v = this.settings.values, steps = c.report.steps, T = steps.length, k = this.shown;
    const shownSteps = steps.slice(0, k), cur = k > 0 ? steps[k - 1] : undefined, health = c.report.health;
    const H = v.hiddenSize;
    return html`
      <section class="card run" part="cell" aria-labelledby="sl-step">
        <h3 id="sl-step">Step through the sequence</h3>
        <div class="buttons" data-primary="control">
          <rnn-button variant="primary" ?disabled=${k >= T} @click=${() => { this.stopPlaying(); this.stepForward(); }}>Step forward</rnn-button>
          <rnn-button pressed=${this.playing ? "true" : "false"} @click=${() => this.play()}>${this.playing ? "Pause" : "Run"}</rnn-button>
          <rnn-button @click=${() => { this.stopPlaying(); this.setStep(0); }}>Reset</rnn-button>
          <rnn-slider class="steps" label="Steps processed" min="0" max=${T} step="1" .value=${k}
            @rnn-input=${(e: CustomEvent<{ value: number }>) => { this.stopPlaying(); this.setStep(e.detail.value); }}></rnn-slider>
        </div>
        <div @keydown=${onNumberKeys} data-primary="visual">
          ${cur ? stepPanel(cur, c.params, v.activation, c.problem, this.pulse % 2 === 1)
            : html`<p class="note">Nothing processed yet: press <em>Step forward</em> to feed x₁ = ${c.problem.values[0]} into the cell.</p>`}
        </div>
        <rnn-message variant=${health.kind === "stable" ? "info" : "warning"} class="health"
          heading=${health.kind === "stable" ? "Hidden state" : `Hidden state: ${health.kind}`}>${health.message}
          <span class="note">(Measured on this run: ‖∂h_T/∂h_1‖, the product of the step Jacobians diag(f′(a_t)) W_hidden, is called
          exploding above 10 and vanishing below 0.01.)</span></rnn-message>
      </section>
      ${settings}
      <div class="grid two charts">
        <div class="card">
          <rnn-line-chart label="Next value: expected and predicted" x-label="time step t" y-label="value (sequence units)" .x=${steps.map((s) => s.t)} .height=${200}
            .series=${[
              { label: "expected x_{t+1}", values: steps.map((s) => s.expected), color: "series-3" },
              { label: "output y_t", values: steps.map((s) => s.actual), color: "series-2" },
              { label: "input x_t", values: steps.map((s) => s.xUnits), color: "series-6" },
            ]}></rnn-line-chart>
        </div>
        <div class="card">
          ${H === 1
            ? html`<rnn-line-chart label="Hidden state h_t" x-label="time step t" y-label="h_t (dimensionless)" .x=${steps.map((s) => s.t)} .height=${200}
                .series=${[{ label: "h_t", values: steps.map((s) => s.h[0]), color: "series-1" }]}></rnn-line-chart>`
            : html`<rnn-heat-map label="Hidden state h_t (rows: units, columns: steps)" row-label="unit" col-label="step" .rows=${H} .cols=${T}
                .values=${Array.from({ length: H * T }, (_, i) => steps[i % T].h[Math.floor(i / T)])}></rnn-heat-map>`}
        </div>
      </div>
      <section class="card" part="history" aria-labelledby="sl-hist">
        <div class="head"><h3 id="sl-hist">History</h3>
          <rnn-button variant="quiet" ?disabled=${!shownSteps.length} @click=${() => downloadHistory(shownSteps, `sequence-history-${v.sequence}`)}>Export CSV</rnn-button></div>
        <p class="note">In the sequence's units. Error = output − expected; expected Δ = x<sub>t+1</sub> − x<sub>t</sub>, how far the
          sequence moves; actual Δ = y<sub>t</sub> − x<sub>t</sub>, how far the network says it moves.</p>
        ${shownSteps.length ? historyTable(shownSteps, k) : html`<p class="note">No steps processed yet.</p>`}
      </section>
      ${this.renderTraining()}`;
  }

  private renderTraining() {
    const v = this.settings.values, busy = this.busy, task = this.runningTask();
    const view: TrainingView = { bptt: this.runs.bptt, random: this.runs.random, key: this.runKey,
      live: { bptt: this.bptt.running ? this.bptt.progress : undefined, random: this.search.running ? this.search.progress : undefined } };
    const series = lossSeries(view);
    return html`<section class="card" part="training" aria-labelledby="sl-train">
      <h3 id="sl-train">Train: backpropagation through time against random search</h3>
      <p class="note">Both get the same budget of loss evaluations and start from the current weights. A BPTT step is counted as one
        evaluation, although it is a forward pass plus a backward pass (the time per evaluation below shows what it costs).
        Random search: ${v.search === "sample" ? "each evaluation tries fresh weights drawn uniformly from ±σ and keeps the best"
        : "each evaluation adds Gaussian noise of size σ to the best weights so far and keeps the result if the loss falls (σ adapts)"}.</p>
      <div class="controls">
        <rnn-slider label="Budget (loss evaluations)" min="10" max="10000" scale="log" .value=${v.budget} ?disabled=${busy}
          @rnn-change=${(e: CustomEvent<{ value: number }>) => this.setSettings({ budget: Math.round(e.detail.value) })}></rnn-slider>
        <rnn-select label="Optimizer" .value=${v.optimizer} ?disabled=${busy} .options=${[{ value: "sgd", label: "SGD: w ← w − η∇w" }, { value: "adam", label: "Adam" }]}
          @rnn-change=${(e: CustomEvent<{ value: string }>) => this.setSettings({ optimizer: e.detail.value })}></rnn-select>
        <rnn-slider label="Learning rate η" min="0.0001" max="10" scale="log" .value=${v.lr} ?disabled=${busy}
          @rnn-change=${(e: CustomEvent<{ value: number }>) => this.setSettings({ lr: e.detail.value })}></rnn-slider>
        <rnn-toggle label="Clip each gradient entry" ?checked=${v.clip !== null} ?disabled=${busy}
          @rnn-change=${(e: CustomEvent<{ value: boolean }>) => this.setSettings({ clip: e.detail.value ? 5 : "off" })}></rnn-toggle>
        ${v.clip !== null ? html`<rnn-slider label="Clip bound (±)" min="0.01" max="1000" scale="log" .value=${v.clip} ?disabled=${busy}
          @rnn-change=${(e: CustomEvent<{ value: number }>) => this.setSettings({ clip: e.detail.value })}></rnn-slider>` : nothing}
        <rnn-select label="Random search" .value=${v.search} ?disabled=${busy}
          .options=${[{ value: "sample", label: "fresh random weights" }, { value: "perturb", label: "perturb the best" }]}
          @rnn-change=${(e: CustomEvent<{ value: string }>) => this.setSettings({ search: e.detail.value, searchScale: null })}></rnn-select>
        <rnn-slider label="Search size σ" min="0.001" max="100" scale="log" .value=${v.searchScale ?? defaultScale(v.search)} ?disabled=${busy}
          @rnn-change=${(e: CustomEvent<{ value: number }>) => this.setSettings({ searchScale: e.detail.value })}></rnn-slider>
      </div>
      <div class="buttons">
        <rnn-button variant="primary" ?disabled=${busy} @click=${() => this.train("bptt", true)}>Train (BPTT)</rnn-button>
        <rnn-button ?disabled=${busy} @click=${() => this.train("random", true)}>Random search</rnn-button>
        <rnn-button ?disabled=${busy} @click=${() => this.compare()}>Compare both</rnn-button>
        ${task?.renderPauseCancel(() => { this.comparing = false; }) ?? nothing}
      </div>
      ${[[this.bptt, "Training by BPTT"], [this.search, "Random search"]].map(([t, label]) => {
        const c = t as TaskController<string>;
        return c.running || c.status === "error" || c.status === "cancelled" ? c.renderProgress(label as string) : nothing;
      })}
      ${this.comparing ? html`<p class="note" role="status">Comparing: BPTT first, then random search from the same weights.</p>` : nothing}
      ${readouts(view)}
      ${series.length ? html`
        <rnn-toggle label="Log scale" ?checked=${this.logScale} @rnn-change=${(e: CustomEvent<{ value: boolean }>) => { this.logScale = e.detail.value; }}></rnn-toggle>
        <rnn-line-chart label="Loss per evaluation" x-label="loss evaluations" y-label=${v.scaling === "normalised" ? "mean ½(y − target)² (−1…1 scale)" : "mean ½(y − target)² (sequence units²)"} ?log=${this.logScale} .height=${220} .series=${series}></rnn-line-chart>
        ${this.runs.bptt?.summary.gradNorms && !this.bptt.running ? html`<rnn-line-chart label="Gradient norm ‖∇‖ before clipping (BPTT)" x-label="BPTT step" y-label="‖∇‖ (loss per unit weight)"
          log .height=${140} .series=${[{ label: "‖∇‖", values: this.runs.bptt.summary.gradNorms, color: "series-4" }]}></rnn-line-chart>` : nothing}` : nothing}
      ${comparison(view, (r) => this.setParams(r.summary.params))}
      <p class="note">${LOSS_NOTE}</p>
    </section>`;
  }

  private renderGuide() {
    return html`<details class="guide card" open>
      <summary>Guide</summary>
      <h3>Try this</h3>
      <ul>
        <li>Press <em>Reset</em>, then <em>Step forward</em> a few times: each step shows x<sub>t</sub> and the previous state entering
          the cell, the sum a<sub>t</sub>, the new state h<sub>t</sub> and the prediction y<sub>t</sub>.</li>
        <li>Choose <em>Linear</em> and press <em>Compare both</em>. Then look at the final comparison and the time per evaluation.</li>
        <li>Set the activation to <em>linear</em> and W_hidden to 1.5: the hidden state grows by half at every step, and the lab says
          so. With W_hidden at 0.1 a change in h₁ is forgotten within a few steps.</li>
        <li>Turn off <em>Normalise</em> on the exponential sequence and train. Read ‖∇‖ and how many steps were clipped, then
          train again with normalisation on and compare the two loss curves.</li>
        <li>On Fibonacci, one hidden number has to summarise both previous values. Train with 1 unit, then with 2, 4 and 8 on
          the same budget (try Adam and a larger budget too) and see how much the extra units buy.</li>
        <li>Switch random search to <em>perturb the best</em> and compare again: with only five weights, a careful random search
          can be a strong opponent. Then raise the hidden units to 16 (305 weights) and compare again, with SGD and with Adam.</li>
      </ul>
      <h3>What to look for</h3>
      <ul>
        <li>The loss curve of BPTT is the loss at each step; random search shows the best loss found so far, so it never rises.</li>
        <li>‖∇‖ is measured before clipping. When it stays far above the clip bound, every step is clipped and the update no longer
          follows the gradient's shape, only its signs.</li>
        <li>|W_hidden| above 1 with an unbounded activation makes the state, and the gradients through it, grow geometrically; below 1
          they shrink. tanh and sigmoid cap the state, but when they saturate their slope, and the gradient, fades.</li>
      </ul>
    </details>`;
  }
}

define("rnn-sequence-lab", RnnSequenceLab);
registerView({
  name: "sequence-lab", title: "Sequence lab", tag: "rnn-sequence-lab", attributes: SEQUENCE_LAB_ATTRIBUTES,
  description: "Predict the next number: step through a small RNN, set its weights, train it by BPTT against random search.",
});
declare global {
  interface HTMLElementTagNameMap { "rnn-sequence-lab": RnnSequenceLab }
}
