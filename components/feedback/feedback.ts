import { LitElement, html, mathml, nothing } from "lit";
import { state } from "lit/decorators.js";
import { define } from "../define.js";
import { emit, emitMainAction } from "../events.js";
import { int, KeptAttributes, num, numberList, oneOf } from "../attributes.js";
import { PageEngineController } from "../page-engine.js";
import { registerView } from "../registry.js";
import { styles, themeRoot } from "../theme/tokens.js";
import type { Engine } from "../../bindings/engine.js";
import { formatComplex } from "../../lessons/linear-systems.js";
import { fmt } from "../../bindings/format.js";
import { parseSignal, parseTaps, MAX_SIGNAL } from "../../lessons/shift-register.js";
import { DEFAULT_FEEDBACK, describeEcho, MAX_FEEDBACK, runFeedback, type FeedbackRun } from "../../lessons/feedback.js";
import { aligned, at, eq, matrix, n, plus, sub, times } from "../math/mathml.js";
import { fieldId, textField } from "../ui/text-field.js";
import { registerDiagram } from "../shift-register/register-diagram.js";
import { lessonStyles, signalLessonStyles } from "../theme/lesson.styles.js";
import { feedbackStyles } from "./feedback.styles.js";
import "../ui/stem-plot/stem-plot.js";
import "../charts/line-chart/line-chart.js";
import "../ui/slider/slider.js";
import "../ui/button/button.js";
import "../ui/message/message.js";

const impulse = (len: number) => Array.from({ length: len }, (_, k) => (k === 0 ? 1 : 0));

export const FEEDBACK_ATTRIBUTES = {
  inputs: numberList(parseSignal, DEFAULT_FEEDBACK.inputs),
  taps: numberList(parseTaps, DEFAULT_FEEDBACK.taps),
  feedback: num(-MAX_FEEDBACK, MAX_FEEDBACK, DEFAULT_FEEDBACK.feedback),
  step: int(0, MAX_SIGNAL - 1, 0),
  engine: oneOf(["wasm", "ts"], "wasm"),
};

/**
 * Lesson 2: the shift register with its output fed back into the first cell,
 * r₀[k] = x[k] + a·y[k−1]. Click an input sample (or press space at the cursor) to
 * toggle it, and watch one impulse echo for ever, die out or grow with the feedback
 * weight a; ρ(A) of the loop's state matrix says which, before you look.
 *
 * Attributes (reflecting the reader's edits): `inputs` (2–64 numbers), `taps` (w₀, w₁, w₂),
 * `feedback` (a in [−2, 2]), `step` (the inspected k), `engine` (wasm | ts).
 *
 * @fires rnn-change - after the reader edits inputs, taps or feedback; detail `{ value: { inputs, taps, feedback } }`
 * @csspart diagram - the loop diagram
 * @csspart plot - the time plot (rnn-stem-plot)
 * @cssproperty --rnn-accent - cursor, the feedback wire
 * @cssproperty --rnn-surface - card background
 * @fires rnn-main-action - the reader moves the inspected step; detail `{ view, action: "step" }`
 */
export class RnnFeedback extends LitElement {
  static override styles = [styles, themeRoot, lessonStyles, signalLessonStyles, feedbackStyles];

  private readonly settings = new KeptAttributes(this, FEEDBACK_ATTRIBUTES);
  private readonly engines = new PageEngineController(this, () => this.settings.values.engine);
  private get engine(): Engine | undefined { return this.engines.engine; }
  private get failure() { return this.engines.failure; }
  @state() private errors: { inputs?: string; taps?: string } = {};
  private cache?: { key: string; run: FeedbackRun };
  /** the longest input the reader made, so shortening and lengthening again loses nothing */
  private longest: number[] = [];
  private readonly ids = { inputs: fieldId(), taps: fieldId() };

  get run(): FeedbackRun | undefined {
    if (!this.engine) return undefined;
    const { inputs, taps, feedback } = this.settings.values, key = `${this.engine.kind}|${inputs}|${taps}|${feedback}`;
    if (this.cache?.key !== key) this.cache = { key, run: runFeedback(this.engine, inputs, taps, feedback) };
    return this.cache.run;
  }

  private changed() {
    const { inputs, taps, feedback } = this.settings.values;
    emit(this, "rnn-change", { value: { inputs, taps, feedback } });
  }

  private setInputs(x: number[]) {
    if (x.length >= this.longest.length || x.some((v, i) => v !== this.longest[i])) this.longest = [...x];
    this.errors = { ...this.errors, inputs: undefined };
    this.settings.set({ inputs: x.join(",") });
    this.changed();
  }

  private commit(field: "inputs" | "taps", text: string) {
    try {
      const v = field === "inputs" ? parseSignal(text) : parseTaps(text);
      if (field === "inputs") { this.setInputs(v); return; }
      this.errors = { ...this.errors, taps: undefined };
      this.settings.set({ taps: v.join(",") });
      this.changed();
    } catch (e) {
      this.errors = { ...this.errors, [field]: (e as Error).message };
    }
  }

  private resize(len: number) {
    const x = this.settings.values.inputs;
    if (this.longest.length < x.length) this.longest = [...x];
    this.setInputs(Array.from({ length: len }, (_, k) => (k < x.length ? x[k] : this.longest[k] ?? 0)));
  }

  private toggle(index: number) {
    const x = [...this.settings.values.inputs];
    x[index] = x[index] === 0 ? 1 : 0;
    this.setInputs(x);
  }

  override render() {
    const { inputs, taps, feedback } = this.settings.values;
    const run = this.run, k = Math.min(this.settings.values.step, inputs.length - 1);
    return html`
      <h2>Register with feedback</h2>
      <p class="lead">Feed the output back into the register and an input never quite leaves: it comes round again,
        scaled by the feedback weight a, every time the loop closes.</p>
      ${this.settings.problems.length ? html`<rnn-message variant="warning" heading="Some settings were not understood:" .items=${this.settings.problems}></rnn-message>` : nothing}
      ${this.failure ? html`<rnn-message heading="The engine could not start">${this.failure}</rnn-message>` : nothing}
      <div class="card controls" data-primary="control">
        <rnn-slider label="Feedback weight a" min=${-MAX_FEEDBACK} max=${MAX_FEEDBACK} step="0.01" .value=${feedback}
          @rnn-input=${(e: CustomEvent<{ value: number }>) => { e.stopPropagation(); this.settings.set({ feedback: e.detail.value }); }}
          @rnn-change=${(e: CustomEvent<{ value: number }>) => { e.stopPropagation(); this.settings.set({ feedback: e.detail.value }); this.changed(); }}></rnn-slider>
        <rnn-slider label="Length (steps)" min="8" max=${MAX_SIGNAL} step="1" .value=${inputs.length}
          @rnn-change=${(e: CustomEvent<{ value: number }>) => { e.stopPropagation(); this.resize(e.detail.value); }}></rnn-slider>
        ${textField({ id: this.ids.taps, label: "Taps w₀, w₁, w₂", value: taps.join(", "), error: this.errors.taps, onCommit: (t) => this.commit("taps", t) })}
        ${textField({ id: this.ids.inputs, label: "Input x[0], x[1], …", value: inputs.join(", "), error: this.errors.inputs,
          hint: "Or click a stem of x[k] in the plot.", onCommit: (t) => this.commit("inputs", t) })}
        <div class="buttons" role="group" aria-label="Example inputs">
          <rnn-button @click=${() => this.setInputs(impulse(inputs.length))}>Impulse</rnn-button>
          <rnn-button @click=${() => this.setInputs(inputs.map(() => 0))}>Clear</rnn-button>
          <rnn-button @click=${() => this.settings.set({ feedback: 1, taps: "1,0,0" })}>a = 1, taps 1, 0, 0</rnn-button>
        </div>
      </div>
      ${run ? this.renderLesson(run, k, taps, feedback) : html`<p class="starting">Starting the engine…</p>`}
      ${this.renderGuide()}`;
  }

  private renderLesson(run: FeedbackRun, k: number, taps: number[], a: number) {
    const reg = run.register[k], yPrev = k > 0 ? run.y[k - 1] : 0;
    const rho = run.spectrum.rho, ks = run.impulse.map((_, j) => j);
    return html`
      <div class="grid two">
        <div class="card" data-primary="visual">
          <h3>The loop at k = ${k}</h3>
          ${registerDiagram({ id: "fb", k, x: run.x[k], reg, taps, y: run.y[k], feedback: { a, yPrev } })}
        </div>
        <div class="card">
          <h3>Update equations</h3>
          <math display="block" aria-label=${`r0[${k}] = ${fmt(reg[0])}, y[${k}] = ${fmt(run.y[k])}`}>${aligned([
            [at("r₀", "k"), mathml`${eq}${at("x", "k")}${plus}<mi>a</mi>${times}${at("y", "k−1")}`],
            [at("r₀", k), mathml`${eq}${n(run.x[k], 2)}${plus}${n(a, 2)}${times}${n(yPrev, 3)}${eq}<mn>${fmt(reg[0])}</mn>`],
            [at("y", "k"), mathml`${eq}${sub("w", 0)}${at("r₀", "k")}${plus}${sub("w", 1)}${at("r₁", "k")}${plus}${sub("w", 2)}${at("r₂", "k")}`],
            [at("y", k), mathml`${eq}${[0, 1, 2].map((j) => mathml`${j ? plus : nothing}${n(taps[j], 2)}${times}${n(reg[j], 2)}`)}`],
            [nothing, mathml`${eq}<mn>${fmt(run.y[k])}</mn>`],
          ])}</math>
          <p class="eq-note">r₁[k] = r₀[k−1] and r₂[k] = r₀[k−2]: the cells still shift, but they now hold inputs mixed with old outputs.</p>
          <h3>The loop's state matrix</h3>
          <math display="block">${aligned([[mathml`<mi>A</mi>`, mathml`${eq}<mi>S</mi>${plus}<mi>a</mi>${times}<msub><mi>𝐞</mi><mn>1</mn></msub><msup><mi>𝐰</mi><mo lspace="0" rspace="0">⊤</mo></msup>${eq}${matrix(run.A, 2)}`]])}</math>
          <dl class="readouts">
            <dt>eigenvalues λ</dt><dd>${run.spectrum.values.map((v) => formatComplex(v)).join(",  ")}</dd>
            <dt>|λ|</dt><dd>${run.spectrum.values.map((v) => fmt(v.abs)).join(",  ")}</dd>
            <dt>ρ(A) = max |λ|</dt><dd>${fmt(rho)}</dd>
          </dl>
          <p class="statement" role="status">${describeEcho(run)}</p>
        </div>
      </div>
      <div class="card" style="margin-top: var(--_gap)">
        <h3>Input x[k], first cell r₀[k] and output y[k]</h3>
        <rnn-stem-plot part="plot" label="Input x, first cell r0 and output y" .cursor=${k}
          .rows=${[
            { label: "x[k]", values: run.x, color: "series-1", toggle: true, highlight: [k] },
            { label: "r₀[k]", values: run.register.map((r) => r[0]), color: "series-3", highlight: [k] },
            { label: "y[k]", values: run.y, color: "series-2", highlight: [k] },
          ]}
          @rnn-cursor=${(e: CustomEvent<{ value: number }>) => { this.settings.set({ step: e.detail.value }); emitMainAction(this, "feedback", "step"); }}
          @rnn-toggle=${(e: CustomEvent<{ index: number }>) => this.toggle(e.detail.index)}></rnn-stem-plot>
        <p class="eq-note">Click a stem of x[k] to switch it between 0 and 1, or focus the plot, move with ← → and press space.</p>
      </div>
      <div class="card" style="margin-top: var(--_gap)">
        <rnn-line-chart label="Impulse response |y[k]| on a log scale, against ρ(A)ᵏ" x-label="time step k" y-label="|y[k]| (dimensionless)" log height="200"
          .x=${ks} .series=${[
            { label: "|y[k]| after x = 1 at k = 0 (engine)", values: run.impulse.map(Math.abs), color: "series-2" },
            { label: "ρ(A)ᵏ", values: ks.map((j) => rho ** j), color: "series-6" },
          ]}></rnn-line-chart>
        <p class="eq-note">On a log scale a decay by ρ per step is a straight line. After the first few steps the response runs parallel to ρᵏ:
          the largest eigenvalue wins. Zeros are left out of a log plot.</p>
      </div>`;
  }

  private renderGuide() {
    return html`<details class="guide card" open>
      <summary>Guide</summary>
      <h3>Try this</h3>
      <ul>
        <li>Press <em>a = 1, taps 1, 0, 0</em> and <em>Impulse</em>: the single 1 comes back every step, unchanged. ρ(A) = 1 and the echo never ends.</li>
        <li>Slide a down to 0.8: the echo shrinks by 0.8 per step and the log plot becomes a falling straight line. At a = 1.1 it rises instead.</li>
        <li>Try a negative a: the echo flips sign every step. Its size still follows |λ|.</li>
        <li>With the default taps (0.5, 0.3, 0.2, which add up to 1), set a = 1: the impulse does not return as a copy but settles at a constant.
          One eigenvalue is exactly 1, and that mode never fades.</li>
        <li>Click a second input on, a few steps after the first: with a &lt; 1 the newer input dominates, with a &gt; 1 the older one does.</li>
      </ul>
      <h3>What to look for</h3>
      <ul>
        <li>Without feedback the register forgot everything after three steps. With it, every input leaves a trace in all later outputs: the memory is unbounded, but fading (ρ &lt; 1), kept (ρ = 1) or exploding (ρ &gt; 1).</li>
        <li>The loop is a linear RNN, and its state matrix A decides the fate of every input. The same is true of the gradients flowing backwards through a trained RNN: they are multiplied by a matrix like A at every step (see the BPTT view).</li>
      </ul>
    </details>`;
  }
}

define("rnn-feedback", RnnFeedback);
registerView({
  name: "feedback", title: "Feedback", tag: "rnn-feedback", attributes: FEEDBACK_ATTRIBUTES,
  description: "The register with its output fed back: one impulse echoes for ever, dies out or grows, as ρ(A) predicts.",
});
declare global { interface HTMLElementTagNameMap { "rnn-feedback": RnnFeedback } }
