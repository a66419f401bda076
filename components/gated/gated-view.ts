/**
 * What the LSTM and GRU views share: a small cell trained on the page on a task that
 * needs its gates, a sequence the reader types and steps through, the engine's gate
 * values over time, and the product of "keep" factors along the additive path. The
 * subclass draws its cell and writes its equations.
 */
import { LitElement, html, mathml, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { int, KeptAttributes, oneOf, text } from "../attributes.js";
import { emit, emitMainAction, emitTrainDone } from "../events.js";
import { sharedEngine } from "../../bindings/engine-provider.js";
import { SLICE_MS, yieldToEventLoop } from "../../bindings/worker/yield.js";
import { styles, themeRoot } from "../theme/tokens.js";
import type { Model } from "../../bindings/model.js";
import {
  AccuracyCount, createGatedModel, formatSequence, GatedTrainer, GATED_DEFAULTS, GATED_TASKS, highwayGain, MAX_STEPS, parseSequence, TASKS,
  TRAINING, traceSequence, type GatedCellKind, type GatedTaskKind, type GateTerm, type Trace,
} from "../../lessons/gated-cell.js";
import { eq, n, now, plus, r, sigma, tanh } from "../math/mathml.js";
import { fmt, pct } from "../../bindings/format.js";
import { trainingHealthMessage } from "../../lessons/training-health.js";
import { textField } from "../ui/text-field.js";
import { anyBelowFloor, floored, LOG_FLOOR } from "../ui/log-floor.js";
import { cellLessonStyles, lessonStyles } from "../theme/lesson.styles.js";
import { gatedStyles } from "./gated-view.styles.js";
import "../ui/button/button.js";
import "../ui/message/message.js";
import "../ui/progress/progress.js";
import "../ui/select/select.js";
import "../ui/slider/slider.js";
import "../charts/heat-map/heat-map.js";
import "../charts/line-chart/line-chart.js";

export const GATED_ATTRIBUTES = {
  task: oneOf(GATED_TASKS, GATED_DEFAULTS.task),
  hiddenSize: int(2, 6, GATED_DEFAULTS.hiddenSize),
  trainSteps: int(50, 5000, GATED_DEFAULTS.trainSteps),
  seed: int(0, 99_999, GATED_DEFAULTS.seed),
  /** the input sequence; empty = the task's example */
  sequence: text("", 200),
  step: int(0, MAX_STEPS - 1, 1),
  unit: int(0, 5, 0),
};

export interface TrainInfo { steps: number; ms: number; loss: number; accuracy: number; engine: string; divergences: number }

/** One heat map of a gate (or state) over time. */
export interface GateRow { key: string; label: string; values(t: Trace): number[][]; range?: [number, number]; scale: "diverging" | "sequential" }

/** The values of gate `name` over the sequence, for a GateRow. */
export const gateValues = (name: string) => (t: Trace) => t.steps.map((s) => s.gates[name]);

/**
 * A gate's equation for one unit in two lines (so it fits a phone): the input term, the
 * recurrent term and the bias, then their sum through the gate's nonlinearity.
 */
export function gateLines(gate: { name: string; activation: string }, g: GateTerm) {
  const act = gate.activation === "tanh" ? tanh : sigma;
  return [
    [mathml`${now(gate.name)}`, mathml`${eq}${act}<mo>(</mo>${n(g.pre.input, 3)}${plus}${n(g.pre.recurrent, 3)}${plus}${n(g.pre.bias, 3)}<mo>)</mo>`],
    [mathml``, mathml`${eq}${act}<mo>(</mo>${r(g.pre.total, 3)}<mo>)</mo>${eq}${r(g.value, 4, `v-${gate.name}`)}`],
  ] as const;
}

let uid = 0;

export abstract class GatedCellView extends LitElement {
  static override styles = [styles, themeRoot, lessonStyles, cellLessonStyles, gatedStyles];

  protected abstract readonly cell: GatedCellKind;
  protected abstract heading(): TemplateResult;
  protected abstract guide(): TemplateResult;
  /** The cell diagram: the wide drawing, or (narrow) the phone's, laid out for about 340 px so its type stays readable. */
  protected abstract diagram(trace: Trace, t: number, unit: number, narrow: boolean): TemplateResult;
  protected abstract equations(trace: Trace, t: number, unit: number): TemplateResult;
  protected abstract gateRows(): GateRow[];
  /** Largest |engine − float64 reference| over the hidden states of the trace. */
  protected abstract referenceGap(trace: Trace): number;
  /** MathML of the keep factor (f_s or 1 − z_s) and its product, for the highway card. */
  protected abstract highwayMath(): TemplateResult;
  protected abstract readonly keepName: string;
  /** the additive path the highway formula follows, in words */
  protected abstract readonly highwayPath: string;

  protected readonly settings = new KeptAttributes(this, GATED_ATTRIBUTES);
  @state() protected trace?: Trace;
  @state() protected info?: TrainInfo;
  @state() private progress = NaN;
  @state() private remaining = NaN;
  @state() private training = false;
  @state() private failure = "";
  @state() private seqError = "";
  @state() private seqDraft?: string;
  private model?: Model;
  private run = 0;
  private trainedKey = "";
  /** sequences the reader typed per task, so switching tasks and back keeps them */
  private readonly typed = new Map<GatedTaskKind, string>();
  protected readonly ids = { seq: `gs${++uid}`, units: `gu${uid}`, timeline: `gt${uid}` };

  constructor() {
    super();
    this.settings.onChange = (changed) => {
      if (changed.has("task") || changed.has("hiddenSize") || changed.has("trainSteps") || changed.has("seed")) this.scheduleTraining();
      else if (changed.has("sequence")) this.retrace();
    };
  }

  override connectedCallback() {
    super.connectedCallback();
    if (!this.model || this.trainedKey !== this.trainingKey()) this.scheduleTraining();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.run++; // stops a training loop in progress
    this.training = false;
    // the model lives in the page engine's shared memory: a removed view gives it back
    this.model?.dispose();
    this.model = undefined;
    this.trainedKey = "";
  }

  private trainingKey() {
    const v = this.settings.values;
    return `${this.cell}|${v.task}|${v.hiddenSize}|${v.trainSteps}|${v.seed}`;
  }

  private scheduled = false;
  private scheduleTraining() {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => { this.scheduled = false; if (this.isConnected) void this.train(); });
  }

  /** The sequence to show: the attribute when it parses for the task, else the task's example. */
  protected tokens(): number[] {
    const { task, sequence } = this.settings.values;
    if (sequence) try { return parseSequence(task, sequence); } catch { /* shown by commitSequence */ }
    return parseSequence(task, TASKS[task].example);
  }

  /** Trains a fresh model in slices on the page; a newer call or a disconnect stops an older one. */
  async train(): Promise<void> {
    const run = ++this.run, v = this.settings.values, key = this.trainingKey();
    this.training = true; this.failure = ""; this.progress = 0; this.remaining = NaN;
    let model: Model | undefined;
    try {
      const engine = await sharedEngine();
      if (run !== this.run) return;
      model = createGatedModel(engine, { cell: this.cell, task: v.task, hiddenSize: v.hiddenSize, seed: v.seed });
      const trainer = new GatedTrainer(model, v.task, v.seed);
      const t0 = performance.now();
      let slice = performance.now();
      /** Yields to the page once a slice is used up; false when a newer run or a disconnect took over. */
      const pace = async (): Promise<boolean> => {
        if (performance.now() - slice < SLICE_MS) return true;
        this.progress = trainer.step / v.trainSteps;
        const spent = performance.now() - t0;
        this.remaining = spent > 250 ? (spent * (1 - this.progress)) / this.progress : NaN;
        await yieldToEventLoop();
        slice = performance.now();
        return run === this.run;
      };
      while (trainer.step < v.trainSteps) {
        trainer.run(Math.min(20, v.trainSteps - trainer.step));
        if (!(await pace())) return;
      }
      const ms = performance.now() - t0;
      // the held-out check is 200 forward passes: sliced too, it would block the page for tens of ms at once
      const checked = new AccuracyCount(model, v.task, { count: 200, length: 24 });
      while (!checked.done) {
        checked.run(10);
        if (!(await pace())) return;
      }
      if (run !== this.run) return;
      const tail = trainer.losses.slice(-50).filter(Number.isFinite);
      const info: TrainInfo = { steps: trainer.step, ms, loss: tail.reduce((a, b) => a + b, 0) / Math.max(1, tail.length),
        accuracy: checked.value, engine: engine.kind, divergences: trainer.divergences };
      this.model?.dispose();
      this.model = model;
      model = undefined; // kept by the view now
      this.info = info;
      this.trainedKey = key;
      this.retrace();
      emitTrainDone(this, { status: "done", loss: info.loss, steps: info.steps, accuracy: info.accuracy, ms: info.ms });
    } catch (e) {
      if (run === this.run) this.failure = (e as Error)?.message ?? String(e);
    } finally {
      model?.dispose(); // a model this run made but did not keep (stopped, failed)
      if (run === this.run) { this.training = false; this.progress = NaN; }
    }
  }

  private retrace() {
    if (!this.model) return;
    try { this.trace = traceSequence(this.model, this.settings.values.task, this.tokens()); }
    catch (e) { this.failure = (e as Error)?.message ?? String(e); }
  }

  private cancel() {
    this.run++;
    this.training = false;
    this.progress = NaN;
  }

  private commitSequence(textIn: string) {
    const task = this.settings.values.task;
    try {
      const tokens = parseSequence(task, textIn);
      this.seqError = ""; this.seqDraft = undefined;
      const s = formatSequence(task, tokens);
      this.typed.set(task, s);
      const step = Math.min(this.settings.values.step, tokens.length - 1);
      this.settings.set({ sequence: s === TASKS[task].example ? null : s, step });
      emit(this, "rnn-change", { value: { sequence: s } });
    } catch (e) {
      this.seqError = (e as Error).message; this.seqDraft = textIn; // keep the reader's text to fix
    }
  }

  private setTask(task: GatedTaskKind) {
    const keep = this.typed.get(task) ?? null;
    this.seqError = ""; this.seqDraft = undefined;
    this.settings.set({ task, sequence: keep, step: 1 });
  }

  /** Selected step, clamped to the sequence. */
  protected get t() { return Math.min(this.settings.values.step, (this.trace?.steps.length ?? 1) - 1); }
  protected get unit() { return Math.min(this.settings.values.unit, (this.trace?.hiddenSize ?? 1) - 1); }

  private setStep(t: number) {
    const T = this.trace?.steps.length ?? 1, next = Math.max(0, Math.min(T - 1, t));
    if (next === this.t) return;
    this.settings.set({ step: next });
    emit(this, "rnn-step-change", { step: next, unit: this.unit });
    emitMainAction(this, this.cell, "step");
  }

  private setUnit(j: number) {
    this.settings.set({ unit: j });
    emit(this, "rnn-step-change", { step: this.t, unit: j });
  }

  private onTimelineKey(e: KeyboardEvent) {
    const T = this.trace?.steps.length ?? 1;
    const to = { ArrowRight: this.t + 1, ArrowUp: this.t + 1, ArrowLeft: this.t - 1, ArrowDown: this.t - 1, Home: 0, End: T - 1,
      PageUp: this.t + 5, PageDown: this.t - 5 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    this.setStep(to);
  }

  override render() {
    return html`
      ${this.heading()}
      ${this.settings.problems.length ? html`<rnn-message variant="warning" heading="Some settings were not understood:" .items=${this.settings.problems}></rnn-message>` : nothing}
      ${this.failure ? html`<rnn-message variant="error" heading="The engine reported a problem:" .items=${[this.failure]}></rnn-message>` : nothing}
      ${this.trace ? this.renderTrace(this.trace, this.renderTraining()) : html`${this.renderTraining()}<p class="starting">${this.failure ? "" : "Training the cell…"}</p>`}
      <details class="guide card" open><summary>Guide</summary>${this.guide()}</details>`;
  }

  /** Training settings, below the cell: the cell trains on mount, and a reader first steps a sequence through it. */
  private renderTraining() {
    const v = this.settings.values, task = TASKS[v.task];
    return html`
      <section class="card controls-card" part="controls" aria-label="Training">
        <div class="controls">
          <rnn-select label="Task" .value=${v.task} .options=${GATED_TASKS.map((k) => ({ value: k, label: TASKS[k].title }))}
            @rnn-change=${(e: CustomEvent<{ value: string }>) => this.setTask(e.detail.value as GatedTaskKind)}></rnn-select>
          <rnn-slider label="Hidden units H" min="2" max="6" step="1" .value=${v.hiddenSize}
            @rnn-change=${(e: CustomEvent<{ value: number }>) => this.settings.set({ hiddenSize: e.detail.value })}></rnn-slider>
          <rnn-slider label="Training steps" min="50" max="5000" step="50" .value=${v.trainSteps}
            @rnn-change=${(e: CustomEvent<{ value: number }>) => this.settings.set({ trainSteps: e.detail.value })}></rnn-slider>
          <rnn-slider label="Seed" min="0" max="999" step="1" .value=${v.seed}
            @rnn-change=${(e: CustomEvent<{ value: number }>) => this.settings.set({ seed: e.detail.value })}></rnn-slider>
        </div>
        <p class="status"><strong>Task:</strong> ${task.rule}</p>
        <div class="buttons">
          <rnn-button variant="primary" ?disabled=${this.training} @click=${() => this.train()}>Train again</rnn-button>
          ${this.training ? html`<rnn-button @click=${() => this.cancel()}>Cancel</rnn-button>` : nothing}
        </div>
        ${this.training ? html`<rnn-progress label="Training on this page" .value=${this.progress} .remaining=${this.remaining}></rnn-progress>` : nothing}
        ${this.info ? this.renderInfo(this.info) : nothing}
      </section>`;
  }

  private renderInfo(i: TrainInfo) {
    return html`<p class="status" data-testid="train-info">Trained <strong>${i.steps}</strong> steps in <strong>${Math.round(i.ms)} ms</strong>
      (${i.engine} engine; Adam, lr ${TRAINING.optimizer.lr}, global-norm clip ${TRAINING.clip.threshold}; loss = mean cross-entropy per target).
      Loss over the last 50 steps: <strong>${fmt(i.loss, 4)}</strong> nats.
      Accuracy on 200 fresh sequences of 24 steps: <strong data-testid="accuracy">${pct(i.accuracy, 1)}</strong>.</p>
      ${i.divergences ? html`<rnn-message variant="warning" heading="Training was unstable" data-testid="training-health">${trainingHealthMessage({ divergences: i.divergences, steps: i.steps })}</rnn-message>` : nothing}`;
  }

  private renderTrace(trace: Trace, training: TemplateResult) {
    const t = this.t, j = this.unit, task = TASKS[trace.task];
    const gap = this.referenceGap(trace);
    return html`
      <section class="card sequence" aria-label="Sequence" data-primary="control">
        ${textField({ id: this.ids.seq, label: `Input sequence (${trace.task === "latch" ? "a–d ignore, A–D remember" : "bits 0 and 1"}; up to ${MAX_STEPS})`,
          value: this.seqDraft ?? formatSequence(trace.task, trace.steps.map((s) => s.token)), inputmode: "text",
          error: this.seqError && `${this.seqError} The cell still shows the previous sequence.`, hint: "Press Enter to run it through the trained cell.",
          onCommit: (t) => this.commitSequence(t) })}
        <div class="sequence-steps">${this.renderTimeline(trace, task.outputLabels)}</div>
      </section>
      <div class="grid two">
        <section class="card" part="diagram" aria-label="Cell diagram" data-primary="visual">
          <h3>The cell at step t = ${t}, unit j = ${j}</h3>
          ${this.renderUnits(trace.hiddenSize)}
          ${this.diagram(trace, t, j, false)}${this.diagram(trace, t, j, true)}
        </section>
        <section class="card equations" part="equations" aria-label="Update equations">
          <h3>The update, with this step's numbers</h3>
          ${this.equations(trace, t, j)}
          <p class="eq-note" data-testid="reference-gap">Gate values and states are the engine's (float32). A float64 re-run of the same
            equations from the engine's weights agrees to within ${fmt(gap, 2)} on every hidden state.</p>
        </section>
      </div>
      ${training}
      <section class="card" aria-label="Gates over time">
        <h3>Gates and states over the whole sequence</h3>
        <p class="eq-note">Rows are units j = 0…${trace.hiddenSize - 1}, columns are steps t = 0…${trace.steps.length - 1}. Focus a map and use the arrow keys to read a cell.</p>
        <div class="grid three heat">
          ${this.gateRows().map((r) => {
            const rows = r.values(trace), H = trace.hiddenSize, T = rows.length;
            const flat = Array.from({ length: H * T }, (_, i) => rows[i % T][Math.floor(i / T)]);
            return html`<rnn-heat-map label=${r.label} rows=${H} cols=${T} row-label="unit" col-label="step" no-export
              scale=${r.scale} .range=${r.range} .values=${flat}></rnn-heat-map>`;
          })}
        </div>
      </section>
      ${this.renderHighway(trace)}`;
  }

  private renderTimeline(trace: Trace, labels: string[]) {
    const t = this.t, s = trace.steps[t], T = trace.steps.length;
    const chars = TASKS[trace.task].inputChars;
    const say = (k: number | null) => (k === null ? "nothing yet" : labels[k]);
    const valuetext = `step ${t} of ${T - 1}: input ${chars[s.token]}, target ${say(s.target)}, predicted ${labels[s.prediction]} with probability ${fmt(s.probs[s.prediction], 2)}`;
    return html`
      <div class="timeline-label" id="${this.ids.timeline}-l">Step through time (click a step, or focus here and use ← →, Home, End)</div>
      <div class="timeline" part="timeline" role="slider" tabindex="0" aria-labelledby="${this.ids.timeline}-l" aria-valuemin="0" aria-valuemax=${T - 1}
        aria-valuenow=${t} aria-valuetext=${valuetext} @keydown=${this.onTimelineKey} data-testid="timeline">
        <div class="tl-head" aria-hidden="true"><span>t</span><span>input</span><span>target</span><span>output</span></div>
        ${trace.steps.map((st, k) => {
          const ok = st.target === null ? "" : st.prediction === st.target ? "right" : "wrong";
          return html`<div class="tl-step ${k === t ? "selected" : ""} ${ok}" @click=${() => this.setStep(k)} aria-hidden="true">
            <span class="tl-t">${k}</span>
            <span class="tl-in ${st.token >= 4 && trace.task === "latch" ? "mark" : ""}">${chars[st.token]}</span>
            <span class="tl-target">${st.target === null ? "·" : labels[st.target]}</span>
            <span class="tl-out" title="p = ${fmt(st.probs[st.prediction], 2)}">${labels[st.prediction]}${ok === "wrong" ? "✗" : ""}</span>
          </div>`;
        })}
      </div>
      <p class="status" aria-live="polite">${valuetext}.</p>`;
  }

  private renderUnits(H: number) {
    return html`<div class="units" role="radiogroup" aria-label="Unit shown in the diagram and equations">
      <span class="units-label" aria-hidden="true">Unit j:</span>
      ${Array.from({ length: H }, (_, k) => html`<label class="unit ${k === this.unit ? "on" : ""}">
        <input type="radio" name=${this.ids.units} .checked=${k === this.unit} @change=${() => this.setUnit(k)} />${k}</label>`)}
    </div>`;
  }

  private renderHighway(trace: Trace) {
    const T = trace.steps.length, last = T - 1;
    const xs = Array.from({ length: T }, (_, k) => k);
    const series = Array.from({ length: trace.hiddenSize }, (_, j) => ({
      label: `unit ${j}`, values: xs.map((k) => highwayGain(trace, k, last, j)),
    }));
    const clipped = series.some((s) => anyBelowFloor(s.values));
    const here = highwayGain(trace, this.t, last, this.unit), span = last - this.t;
    // which units kept the most and the least of step t along the highway, in this run
    const kept = series.map((s, j) => ({ j, g: s.values[this.t] })).sort((a, b) => b.g - a.g);
    const perStep = span > 0 && here > 0 ? here ** (1 / span) : NaN;
    return html`<section class="card" aria-label="Gradient highway">
      <h3>The gradient highway: how much of step k still reaches the last step along the additive path</h3>
      <math display="block">${this.highwayMath()}</math>
      <p class="eq-note">The product follows the additive path alone (${this.highwayPath}); the other paths through the gates add to it.</p>
      <rnn-line-chart label="Direct-path gain from step k to step ${last}" x-label="time step k" y-label="gain (ratio)" log height="200"
        .x=${xs} .series=${series.map((s) => ({ ...s, values: floored(s.values) }))}></rnn-line-chart>
      ${clipped ? html`<p class="eq-note">Gains below ${fmt(LOG_FLOOR)} are drawn at that floor (the data table has them too).</p>` : nothing}
      <p class="status">For unit ${this.unit}, from the selected step t = ${this.t} to step ${last}: <strong class="mono">${fmt(here, 4)}</strong>.
        A product near 1 means the unit carries what it stored (and its gradient) across those steps untouched;
        each ${this.keepName} below 1 shrinks both.${kept.length > 1 && span > 0 ? html` In this run, from step ${this.t} the path of unit ${kept[0].j} keeps the most
        (<span class="mono">${fmt(kept[0].g, 3)}</span>) and that of unit ${kept[kept.length - 1].j} the least (<span class="mono">${fmt(kept[kept.length - 1].g, 3)}</span>).` : nothing}</p>
      <h4>Beside a vanilla RNN: same BPTT, a different path</h4>
      <p class="eq-note" data-testid="vanilla-compare">${this.cell === "lstm" ? "An LSTM" : "A GRU"} and a vanilla RNN are trained by the same backpropagation through time; what differs is the factor the
        gradient meets at each step back. In a one-unit vanilla RNN, h<sub>k+1</sub> = tanh(w<sub>r</sub>h<sub>k</sub> + w<sub>x</sub>x<sub>k</sub>), so
        ∂h<sub>T</sub>/∂h<sub>k</sub> = ∏ w<sub>r</sub>·σ′ ∝ (w<sub>r</sub>·σ′)<sup>T−k</sup>: one fixed weight times a slope σ′ = 1 − h² that is at most 1,
        over and over (the BPTT view shows it vanish or explode). Here the factor is ${this.keepName}<sub>s</sub>, a gate the cell sets at every step from its input.
        ${Number.isFinite(perStep) ? html`Over the ${span} steps from t = ${this.t}, unit ${this.unit}'s path kept on average
        <span class="mono">${fmt(perStep, 3)}</span> per step; a vanilla RNN keeps as much only if |w<sub>r</sub>·σ′| stays at or above that at every
        step, which needs |w<sub>r</sub>| ≥ ${fmt(perStep, 3)} and a state that stays near 0, where σ′ ≈ 1.` : html`Select an earlier step to compare the two over a span of steps.`}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementEventMap { "rnn-step-change": CustomEvent<{ step: number; unit: number }> }
}
