import { LitElement, html, mathml, nothing } from "lit";
import { state } from "lit/decorators.js";
import { define } from "../define.js";
import { emit, emitMainAction } from "../events.js";
import { int, KeptAttributes, numberList, oneOf } from "../attributes.js";
import { PageEngineController } from "../page-engine.js";
import { registerView } from "../registry.js";
import { styles, themeRoot } from "../theme/tokens.js";
import type { Engine } from "../../bindings/engine.js";
import { fmt } from "../../bindings/format.js";
import { DEFAULT_REGISTER, parseSignal, parseTaps, runRegister, tapSources, type RegisterRun } from "../../lessons/shift-register.js";
import { aligned, at, eq, matrix, n, plus, sub, times, vecAt } from "../math/mathml.js";
import { fieldId, textField } from "../ui/text-field.js";
import { registerDiagram } from "./register-diagram.js";
import { lessonStyles, signalLessonStyles } from "../theme/lesson.styles.js";
import { shiftRegisterStyles } from "./shift-register.styles.js";
import "../ui/stem-plot/stem-plot.js";
import "../ui/button/button.js";
import "../ui/message/message.js";

export const SHIFT_REGISTER_ATTRIBUTES = {
  inputs: numberList(parseSignal, DEFAULT_REGISTER.inputs),
  taps: numberList(parseTaps, DEFAULT_REGISTER.taps),
  step: int(0, 63, 0),
  engine: oneOf(["wasm", "ts"], "wasm"),
};

/**
 * Lesson 1: a three-cell shift register and its fan-in to one output,
 * y[k] = w₀x[k] + w₁x[k−1] + w₂x[k−2], run on the engine as a linear RNN whose
 * recurrent matrix only shifts. Drag along the time axis (or use the arrow keys) to
 * inspect a step; the taps that produced that output are highlighted.
 *
 * Attributes (all reflect the reader's edits, so a link reproduces the state):
 * `inputs` (2–64 numbers), `taps` (w₀, w₁, w₂), `step` (the inspected k), `engine` (wasm | ts).
 *
 * @fires rnn-change - after the reader edits inputs or taps; detail `{ value: { inputs, taps } }`
 * @csspart diagram - the register diagram
 * @csspart plot - the time plot (rnn-stem-plot)
 * @cssproperty --rnn-accent - cursor, highlighted taps
 * @cssproperty --rnn-surface - card background
 * @fires rnn-main-action - the reader steps through time (stem plot or Step button); detail `{ view, action: "step" }`
 */
export class RnnShiftRegister extends LitElement {
  static override styles = [styles, themeRoot, lessonStyles, signalLessonStyles, shiftRegisterStyles];

  private readonly settings = new KeptAttributes(this, SHIFT_REGISTER_ATTRIBUTES);
  private readonly engines = new PageEngineController(this, () => this.settings.values.engine);
  private get engine(): Engine | undefined { return this.engines.engine; }
  private get failure() { return this.engines.failure; }
  @state() private errors: { inputs?: string; taps?: string } = {};
  private cache?: { key: string; run: RegisterRun };
  private readonly ids = { inputs: fieldId(), taps: fieldId() };

  /** The engine's run for the current settings (recomputed only when inputs or taps change). */
  get run(): RegisterRun | undefined {
    if (!this.engine) return undefined;
    const { inputs, taps } = this.settings.values, key = `${this.engine.kind}|${inputs}|${taps}`;
    if (this.cache?.key !== key) this.cache = { key, run: runRegister(this.engine, inputs, taps) };
    return this.cache.run;
  }

  private commit(field: "inputs" | "taps", text: string) {
    try {
      const v = field === "inputs" ? parseSignal(text) : parseTaps(text);
      this.errors = { ...this.errors, [field]: undefined };
      this.settings.set({ [field]: v.join(",") });
      emit(this, "rnn-change", { value: { inputs: this.settings.values.inputs, taps: this.settings.values.taps } });
    } catch (e) {
      this.errors = { ...this.errors, [field]: (e as Error).message };
    }
  }

  /** A new example input starts the reader at k = 0, so Step ▸ walks it from the beginning. */
  private setInputs(x: number[]) { this.commit("inputs", x.join(",")); this.settings.set({ step: 0 }); }

  /** Moves the inspected time step by `by` on the reader's own input, staying inside it. */
  private stepBy(by: number) {
    const last = this.settings.values.inputs.length - 1, k = Math.min(this.settings.values.step, last);
    this.settings.set({ step: Math.max(0, Math.min(last, k + by)) });
    emitMainAction(this, "shift-register", "step");
  }

  override render() {
    const { inputs, taps } = this.settings.values;
    const run = this.run;
    const k = Math.min(this.settings.values.step, inputs.length - 1);
    return html`
      <h2>Shift register and fan-in</h2>
      <p class="lead">Three cells pass each input along, one cell per step; the output adds up what the three cells hold,
        each weighted by its tap. This is the simplest memory a sequence model can have.</p>
      ${this.settings.problems.length ? html`<rnn-message variant="warning" heading="Some settings were not understood:" .items=${this.settings.problems}></rnn-message>` : nothing}
      ${this.failure ? html`<rnn-message heading="The engine could not start">${this.failure}</rnn-message>` : nothing}
      <div class="card controls" data-primary="control">
        ${textField({ id: this.ids.inputs, label: "Input x[0], x[1], … (2 to 64 numbers)", value: inputs.join(", "), error: this.errors.inputs,
          hint: "Commas or spaces between numbers; press Enter to apply.", onCommit: (t) => this.commit("inputs", t) })}
        ${textField({ id: this.ids.taps, label: "Taps w₀, w₁, w₂", value: taps.join(", "), error: this.errors.taps, onCommit: (t) => this.commit("taps", t) })}
        <div class="buttons" role="group" aria-label="Example inputs">
          <rnn-button @click=${() => this.setInputs(inputs.map((_, j) => (j === 0 ? 1 : 0)))}>Impulse</rnn-button>
          <rnn-button @click=${() => this.setInputs(inputs.map(() => 1))}>All 1s (unit step)</rnn-button>
          <rnn-button @click=${() => this.setInputs(inputs.map((_, j) => (j % 2 ? -1 : 1)))}>Alternating ±1</rnn-button>
        </div>
      </div>
      ${run ? this.renderLesson(run, k, taps) : html`<p class="starting">Starting the engine…</p>`}
      ${this.renderGuide()}`;
  }

  private renderLesson(run: RegisterRun, k: number, taps: number[]) {
    const src = tapSources(k), reg = run.register[k];
    return html`
      <div class="grid two">
        <div class="card" data-primary="visual">
          <h3>The register at k = ${k}</h3>
          ${registerDiagram({ id: "sr", k, x: run.x[k], reg, taps, y: run.y[k] })}
        </div>
        <div class="card">
          <h3>Output equation</h3>
          <math display="block" aria-label=${`y[${k}] = ${fmt(run.y[k])}`}>${aligned([
            [at("y", "k"), mathml`${eq}${sub("w", 0)}${at("x", "k")}${plus}${sub("w", 1)}${at("x", "k−1")}${plus}${sub("w", 2)}${at("x", "k−2")}`],
            [at("y", k), mathml`${eq}${[0, 1, 2].map((j) => mathml`${j ? plus : nothing}${n(taps[j], 2)}${times}${n(reg[j], 2)}`)}`],
            [nothing, mathml`${eq}<mn>${fmt(run.y[k])}</mn>`],
          ])}</math>
          <p class="eq-note">Cells before the start hold 0. ${src.length < 3 ? `At k = ${k} only ${src.length} input${src.length > 1 ? "s have" : " has"} arrived.` : ""}
            The value on the right is the engine's output.</p>
          <h3>As a recurrent network</h3>
          <math display="block">${aligned([
            [vecAt("h", "k"), mathml`${eq}${matrix([[0, 0, 0], [1, 0, 0], [0, 1, 0]], 0)}${vecAt("h", "k−1")}${plus}${matrix([[1], [0], [0]], 0)}${at("x", "k")}`],
            [at("y", "k"), mathml`${eq}${matrix([taps], 2)}${vecAt("h", "k")}`],
          ])}</math>
          <p class="eq-note">The state 𝐡[k] is the register. The engine runs exactly this: an RNN with a linear activation,
            W<sub>h</sub> the shift matrix, W<sub>x</sub> = e₁ and W<sub>y</sub> = the taps. Nothing is learned; the weights are fixed.</p>
        </div>
      </div>
      <div class="card" style="margin-top: var(--_gap)">
        <h3 id="plot-title">Input x[k] and output y[k]</h3>
        <div class="buttons time-steps" role="group" aria-label="Move through time">
          <rnn-button data-testid="step-back" ?disabled=${k === 0} @click=${() => this.stepBy(-1)}>◂ Back</rnn-button>
          <rnn-button data-testid="step-forward" variant="primary" ?disabled=${k >= run.x.length - 1} @click=${() => this.stepBy(1)}>Step ▸</rnn-button>
          <span class="status" aria-live="polite">k = ${k} of ${run.x.length - 1}</span>
        </div>
        <rnn-stem-plot part="plot" label="Input x and output y" .cursor=${k}
          .rows=${[
            { label: "x[k]", values: run.x, color: "series-1", highlight: src.map((s) => s.index) },
            { label: "y[k]", values: run.y, color: "series-2", highlight: [k] },
          ]}
          @rnn-cursor=${(e: CustomEvent<{ value: number }>) => { this.settings.set({ step: e.detail.value }); emitMainAction(this, "shift-register", "step"); }}></rnn-stem-plot>
        <p class="eq-note">Drag along the plot, or focus it and use ← →, to inspect a step. Highlighted: y[${k}] and the inputs
          ${src.map((s) => `x[${s.index}]`).join(", ")} that produced it.</p>
      </div>`;
  }

  private renderGuide() {
    return html`<details class="guide card" open>
      <summary>Guide</summary>
      <h3>Try this</h3>
      <ul>
        <li>Press <em>Impulse</em>, then <em>Step ▸</em> through k = 0, 1, 2, 3. The output reads out the taps one after another, then falls to 0:
          the response to a single 1 is the list of taps (the <em>impulse response</em>).</li>
        <li>Set the taps to 0.33, 0.33, 0.33 and press <em>All 1s</em>, then step through k = 0, 1, 2: the output climbs over three steps and then
          stays put. Equal taps make a moving average.</li>
        <li>Set the taps to 1, −1, 0: the output is non-zero only where the input changes. With <em>Alternating ±1</em> it doubles the input.</li>
      </ul>
      <h3>What to look for</h3>
      <ul>
        <li>y[k] depends on x[k], x[k−1] and x[k−2] and nothing older. Whatever happened four steps ago is gone for good: the memory is exactly as long as the register.</li>
        <li>The same three taps are used at every step. Weight sharing over time is what makes this, and every RNN, a recurrent model rather than one big function of the whole input.</li>
        <li>The next view feeds the output back into the register, and the memory stops being finite.</li>
      </ul>
    </details>`;
  }
}

define("rnn-shift-register", RnnShiftRegister);
registerView({
  name: "shift-register", title: "Shift register", tag: "rnn-shift-register", attributes: SHIFT_REGISTER_ATTRIBUTES,
  description: "A three-cell register and a weighted sum: a finite memory, run as a linear RNN.",
});
declare global { interface HTMLElementTagNameMap { "rnn-shift-register": RnnShiftRegister } }
