import { LitElement, html, mathml, nothing } from "lit";
import { state } from "lit/decorators.js";
import { define } from "../define.js";
import { emit, emitMainAction } from "../events.js";
import { fixedNumbers, flag, int, KeptAttributes, num, oneOf } from "../attributes.js";
import { PageEngineController } from "../page-engine.js";
import { registerView } from "../registry.js";
import { styles, themeRoot } from "../theme/tokens.js";
import type { Engine } from "../../bindings/engine.js";
import { formatComplex } from "../../lessons/linear-systems.js";
import { fmt } from "../../bindings/format.js";
import {
  A_MODES, DEFAULT_STATE_SPACE, describeDynamics, DISPLAY_CLAMP, echoStateStatement, INPUT_STEPS, PRESETS, presetByName, randomA, rotation,
  runStateSpace, separation, signal, SIGNALS, TRAJECTORY_STEPS, type AMode, type Mat2, type Separation, type SignalKind, type StateSpaceRun, type Vec2,
} from "../../lessons/state-space.js";
import { aligned, at, eq, matrix, plus, v, vecAt } from "../math/mathml.js";
import { fieldId, textField } from "../ui/text-field.js";
import { lessonStyles, signalLessonStyles } from "../theme/lesson.styles.js";
import { systemDiagram } from "./diagram.js";
import { eigenPlot, trajectoryPlot } from "./trajectory.js";
import { stateSpaceStyles } from "./state-space.styles.js";
import "../ui/stem-plot/stem-plot.js";
import "../ui/slider/slider.js";
import "../ui/select/select.js";
import "../ui/toggle/toggle.js";
import "../ui/button/button.js";
import "../ui/message/message.js";

const ENTRY = 3;
const MODE_LABELS: Record<AMode, string> = { rotation: "Scaled rotation α·R(θ)", free: "Free (4 entries)", random: "Random A, rescaled to ρ" };
const SIGNAL_LABELS: Record<SignalKind, string> = { step: "Step", impulse: "Impulse", alternating: "0-1 alternating", square: "Square (period 8)" };

export const STATE_SPACE_ATTRIBUTES = {
  mode: oneOf(A_MODES, "rotation"),
  /** a named preset; overrides mode, a, b and c while present */
  preset: oneOf(PRESETS.map((p) => p.name), DEFAULT_STATE_SPACE.preset),
  alpha: num(0, 1.5, 0.95),
  /** rotation angle in degrees */
  theta: num(0, 180, 30),
  a: fixedNumbers(4, -ENTRY, ENTRY, [0.9, -0.4, 0.4, 0.9]),
  rho: num(0, 1.5, DEFAULT_STATE_SPACE.rho),
  seed: int(0, 0xffffffff, DEFAULT_STATE_SPACE.seed),
  b: fixedNumbers(2, -ENTRY, ENTRY, [1, 0]),
  c: fixedNumbers(2, -ENTRY, ENTRY, [1, 0]),
  signal: oneOf(SIGNALS, DEFAULT_STATE_SPACE.signal),
  /** the reader's own x[0..20] (set by clicking samples); overrides signal while present */
  inputs: fixedNumbers(INPUT_STEPS, -10, 10, signal(DEFAULT_STATE_SPACE.signal)),
  tanh: flag(DEFAULT_STATE_SPACE.tanh),
  step: int(0, TRAJECTORY_STEPS, 0),
  engine: oneOf(["wasm", "ts"], "wasm"),
};

const round = (v: number) => Number(v.toPrecision(6));

/**
 * Lesson 3: a 2-D linear state-space system h[k+1] = A h[k] + B x[k], y[k] = Cᵀh[k]
 * (optionally h[k+1] = tanh(…)), run on the engine as a two-unit RNN. A comes from a
 * scaled rotation, four free entries, a random matrix rescaled to a spectral radius, or
 * a preset; its eigenvalues, ρ(A) and the echo state property are computed live, and
 * the h₁–h₂ trajectory with marginal histograms shows where each input drives the state.
 *
 * Attributes (reflecting the reader's edits): `preset` (oscillatory | decaying | jordan |
 * shear | double-integrator | unstable; while present it defines A, B, C), `mode`
 * (rotation | free | random), `alpha`, `theta` (degrees), `a` (a₁₁,a₁₂,a₂₁,a₂₂), `rho`, `seed`,
 * `b`, `c` (two numbers each), `signal` (step | impulse | alternating | square), `inputs`
 * (21 numbers, the reader's own x), `tanh` (boolean), `step` (the inspected k), `engine`.
 *
 * @fires rnn-change - after the reader changes the system or the input; detail `{ value: { A, B, C, x, tanh } }`
 * @csspart diagram - the block diagram
 * @csspart plot - the time plot (rnn-stem-plot)
 * @csspart trajectory - the h₁–h₂ plot with its histograms
 * @cssproperty --rnn-series-1 - x and the driven part of the trajectory (and --rnn-series-2 … -4 for h₁, h₂, y)
 * @cssproperty --rnn-accent - cursor
 * @fires rnn-main-action - the reader moves the inspected step; detail `{ view, action: "step" }`
 */
export class RnnStateSpace extends LitElement {
  static override styles = [styles, themeRoot, lessonStyles, signalLessonStyles, stateSpaceStyles];

  private readonly settings = new KeptAttributes(this, STATE_SPACE_ATTRIBUTES);
  private readonly engines = new PageEngineController(this, () => this.settings.values.engine);
  private get engine(): Engine | undefined { return this.engines.engine; }
  private get failure() { return this.engines.failure; }
  @state() private errors: { b?: string; c?: string } = {};
  private cache?: { key: string; run: StateSpaceRun };
  private sepCache?: { key: string; sep: Separation };
  private readonly ids = { b: fieldId(), c: fieldId() };

  /** The system the settings describe (a preset attribute wins while present). */
  get system(): { A: Mat2; B: Vec2; C: Vec2; preset?: string } {
    const v = this.settings.values;
    const p = this.hasAttribute("preset") ? presetByName(v.preset) : undefined;
    if (p) return { A: p.A, B: p.B, C: p.C, preset: p.name };
    const B = v.b as Vec2, C = v.c as Vec2;
    if (v.mode === "rotation") return { A: rotation(v.alpha, (v.theta * Math.PI) / 180), B, C };
    if (v.mode === "random") return { A: randomA(v.rho, v.seed), B, C };
    const [a11, a12, a21, a22] = v.a;
    return { A: [[a11, a12], [a21, a22]], B, C };
  }

  /** x[0..20]: the reader's clicks, or the chosen signal. */
  get input(): number[] {
    return this.hasAttribute("inputs") ? this.settings.values.inputs : signal(this.settings.values.signal);
  }

  get run(): StateSpaceRun | undefined {
    if (!this.engine) return undefined;
    const { A, B, C } = this.system, x = this.input, t = this.settings.values.tanh;
    const key = JSON.stringify([this.engine.kind, A, B, C, x, t]);
    if (this.cache?.key !== key) this.cache = { key, run: runStateSpace(this.engine, A, B, C, x, t) };
    return this.cache.run;
  }

  /** How far apart the four standard inputs drive the state, for the current system. */
  get separation(): Separation | undefined {
    if (!this.engine) return undefined;
    const { A, B, C } = this.system, t = this.settings.values.tanh, key = JSON.stringify([this.engine.kind, A, B, C, t]);
    if (this.sepCache?.key !== key) this.sepCache = { key, sep: separation(this.engine, A, B, C, t) };
    return this.sepCache.sep;
  }

  /** Writes a change; leaving a preset first copies its matrices into explicit settings so nothing jumps. */
  private edit(changes: Parameters<KeptAttributes<typeof STATE_SPACE_ATTRIBUTES>["set"]>[0]) {
    const s = this.system;
    if (s.preset && !("preset" in changes)) {
      const A = s.A.flat().map(round);
      this.settings.set({ preset: null, mode: "free", a: A.join(","), b: s.B.join(","), c: s.C.join(",") });
    }
    this.settings.set(changes);
    const now = this.system;
    emit(this, "rnn-change", { value: { A: now.A, B: now.B, C: now.C, x: this.input, tanh: this.settings.values.tanh } });
  }

  private setMode(mode: AMode) {
    // the free entries start from the matrix on screen, so switching modes keeps A
    if (mode === "free") this.edit({ mode, a: this.system.A.flat().map(round).join(",") });
    else this.edit({ mode });
  }

  private applyPreset(name: string) {
    if (name) this.edit({ preset: name });
  }

  /** The preset the current matrices equal, if any (so the default rotation shows as "Oscillatory"). */
  private matchingPreset(): string {
    const s = this.system;
    if (s.preset) return s.preset;
    const same = (a: readonly number[], b: readonly number[]) => a.every((v, i) => Math.abs(v - b[i]) < 1e-6);
    return PRESETS.find((p) => same(p.A.flat(), s.A.flat()) && same(p.B, s.B) && same(p.C, s.C))?.name ?? "";
  }

  private toggle(index: number) {
    const x = [...this.input];
    x[index] = x[index] === 0 ? 1 : 0;
    this.edit({ inputs: x.join(",") });
  }

  private commitVector(field: "b" | "c", text: string) {
    const r = STATE_SPACE_ATTRIBUTES[field].parse(text);
    if ("error" in r) { this.errors = { ...this.errors, [field]: `${field.toUpperCase()} ${r.error}` }; return; }
    this.errors = { ...this.errors, [field]: undefined };
    this.edit({ [field]: r.value.join(",") });
  }

  override render() {
    const run = this.run;
    return html`
      <h2>2-D state-space system</h2>
      <p class="lead">A two-number state h = (h₁, h₂) is multiplied by a 2×2 matrix A every step, and the input is added through B.
        Everything a recurrent network remembers lives in a state like this one; here it is small enough to draw.</p>
      ${this.settings.problems.length ? html`<rnn-message variant="warning" heading="Some settings were not understood:" .items=${this.settings.problems}></rnn-message>` : nothing}
      ${this.failure ? html`<rnn-message heading="The engine could not start">${this.failure}</rnn-message>` : nothing}
      ${this.renderControls()}
      ${run ? this.renderLesson(run) : html`<p class="starting">Starting the engine…</p>`}
      ${this.renderGuide()}`;
  }

  private renderControls() {
    const v = this.settings.values, sys = this.system;
    const stop = (e: Event) => e.stopPropagation();
    const slider = (label: string, key: "alpha" | "theta" | "rho", min: number, max: number, step: number, unit = "") =>
      html`<rnn-slider label=${label} unit=${unit} min=${min} max=${max} step=${step} .value=${v[key]}
        @rnn-input=${(e: CustomEvent<{ value: number }>) => { stop(e); this.edit({ [key]: e.detail.value }); }}
        @rnn-change=${(e: CustomEvent<{ value: number }>) => { stop(e); this.edit({ [key]: e.detail.value }); }}></rnn-slider>`;
    const entry = (i: number, label: string) =>
      html`<rnn-slider label=${label} min=${-ENTRY} max=${ENTRY} step="0.01" .value=${round(sys.A.flat()[i])}
        @rnn-input=${(e: CustomEvent<{ value: number }>) => { stop(e); this.setEntry(i, e.detail.value); }}
        @rnn-change=${(e: CustomEvent<{ value: number }>) => { stop(e); this.setEntry(i, e.detail.value); }}></rnn-slider>`;
    const mode = sys.preset ? "free" : v.mode;
    return html`<div class="card controls" data-primary="control">
      <rnn-select label="Preset" .value=${this.matchingPreset()} .options=${[{ value: "", label: "— (your own A)" }, ...PRESETS.map((p) => ({ value: p.name, label: p.label }))]}
        @rnn-change=${(e: CustomEvent<{ value: string }>) => { stop(e); this.applyPreset(e.detail.value); }}></rnn-select>
      <rnn-select label="A matrix" .value=${mode} .options=${A_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
        @rnn-change=${(e: CustomEvent<{ value: string }>) => { stop(e); this.setMode(e.detail.value as AMode); }}></rnn-select>
      ${mode === "rotation" ? html`${slider("Scale α", "alpha", 0, 1.5, 0.01)}${slider("Angle θ", "theta", 0, 180, 1, "degrees")}` : nothing}
      ${mode === "free" ? html`${entry(0, "a₁₁")}${entry(1, "a₁₂")}${entry(2, "a₂₁")}${entry(3, "a₂₂")}` : nothing}
      ${mode === "random" ? html`${slider("Spectral radius ρ", "rho", 0, 1.5, 0.01)}
        <div class="buttons"><rnn-button @click=${() => this.edit({ seed: (v.seed + 1) % 0x100000000 })}>New random A</rnn-button>
          <span class="eq-note">seed ${v.seed}</span></div>` : nothing}
      ${textField({ id: this.ids.b, label: "B = b₁, b₂ (input weights)", value: sys.B.join(", "), error: this.errors.b, onCommit: (t) => this.commitVector("b", t) })}
      ${textField({ id: this.ids.c, label: "C = c₁, c₂ (output weights)", value: sys.C.join(", "), error: this.errors.c, onCommit: (t) => this.commitVector("c", t) })}
      <rnn-select label="Input x[k]" .value=${this.hasAttribute("inputs") ? "custom" : v.signal}
        .options=${[...SIGNALS.map((s) => ({ value: s, label: SIGNAL_LABELS[s] })), ...(this.hasAttribute("inputs") ? [{ value: "custom", label: "Your own (clicked)" }] : [])]}
        @rnn-change=${(e: CustomEvent<{ value: string }>) => { stop(e); if (e.detail.value !== "custom") this.edit({ signal: e.detail.value, inputs: null }); }}></rnn-select>
      <rnn-toggle label="Apply tanh to the update" ?checked=${v.tanh}
        @rnn-change=${(e: CustomEvent<{ value: boolean }>) => { stop(e); this.edit({ tanh: e.detail.value }); }}></rnn-toggle>
    </div>`;
  }

  private setEntry(i: number, value: number) {
    const a = this.system.A.flat().map(round);
    a[i] = value;
    this.edit({ mode: "free", a: a.join(",") });
  }

  private renderLesson(run: StateSpaceRun) {
    const { A, B, C } = this.system, t = this.settings.values.tanh;
    const k = Math.min(this.settings.values.step, TRAJECTORY_STEPS);
    const h = run.h[k], s = run.spectrum;
    const next = k < TRAJECTORY_STEPS ? run.h[k + 1] : undefined;
    const f = run.forgetting;
    const clipped = run.h.some((v) => Math.abs(v[0]) > DISPLAY_CLAMP || Math.abs(v[1]) > DISPLAY_CLAMP) || run.y.some((v) => Math.abs(v) > DISPLAY_CLAMP);
    const wrap = (inner: ReturnType<typeof mathml>) => (t ? mathml`<mi>tanh</mi><mo>(</mo>${inner}<mo>)</mo>` : inner);
    return html`
      <div class="grid two">
        <div class="card">
          <h3>System diagram at k = ${k}</h3>
          <div part="diagram" data-primary="visual">${systemDiagram({ k, x: run.x[k], h, y: run.y[k], tanh: t })}</div>
          <h3>Update equations</h3>
          <math display="block">${aligned([
            [vecAt("h", "k+1"), mathml`${eq}${wrap(mathml`<mi>A</mi>${vecAt("h", "k")}${plus}${v("B")}${at("x", "k")}`)}`],
            [at("y", "k"), mathml`${eq}<msup>${v("C")}<mo lspace="0" rspace="0">⊤</mo></msup>${vecAt("h", "k")}`],
          ])}</math>
          ${next ? html`<math display="block" aria-label=${`h[${k + 1}] = (${fmt(next[0])}, ${fmt(next[1])})`}>${aligned([
            [vecAt("h", k + 1), mathml`${eq}${wrap(mathml`${matrix(A, 2)}${matrix([[h[0]], [h[1]]], 2)}${plus}${matrix([[B[0]], [B[1]]], 2)}<mn>${fmt(run.x[k], 2)}</mn>`)}`],
            [nothing, mathml`${eq}${matrix([[next[0]], [next[1]]])}`],
          ])}</math>` : nothing}
          <math display="block" aria-label=${`y[${k}] = ${fmt(run.y[k])}`}>${aligned([
            [at("y", k), mathml`${eq}${matrix([C], 2)}${matrix([[h[0]], [h[1]]], 2)}${eq}<mn>${fmt(run.y[k])}</mn>`],
          ])}</math>
          <p class="eq-note">The numbers are the engine's (float32). The input is the editable x[0..${INPUT_STEPS - 1}]; after that it is held at x[${INPUT_STEPS - 1}] = ${fmt(run.x[INPUT_STEPS - 1], 2)}.</p>
        </div>
        <div class="card">
          <h3>Eigenvalues of A and the echo state property</h3>
          <div class="eigen-row">
            ${eigenPlot(s)}
            <dl class="readouts">
              <dt>A</dt><dd>${A.map((r) => `[${r.map((v) => fmt(v)).join(", ")}]`).join(" ")}</dd>
              <dt>λ₁, λ₂</dt><dd>${s.values.map((v) => formatComplex(v)).join(",  ")}</dd>
              <dt>ρ(A)</dt><dd>${fmt(s.rho)}</dd>
              <dt>‖A‖₂</dt><dd>${fmt(s.sigmaMax)}</dd>
            </dl>
          </div>
          <p>${describeDynamics(A, s)}</p>
          <p class="statement" role="status">${echoStateStatement(s, t)}</p>
          <p>Measured: the same input from h[0] = (0, 0) and from h[0] = (${f.from.join(", ")}) (${fmt(f.distance0)} apart)
            ends ${fmt(f.distance)} apart at k = ${TRAJECTORY_STEPS}.</p>
        </div>
      </div>
      <div class="card" style="margin-top: var(--_gap)">
        <h3>x[k], h₁[k], h₂[k] and y[k] over time</h3>
        <rnn-stem-plot part="plot" label="Input x, state h1 and h2, output y" .cursor=${k} .clamp=${DISPLAY_CLAMP}
          shade-from=${INPUT_STEPS} shade-label="x held at its last value"
          .rows=${[
            { label: "x[k]", values: run.x, color: "series-1", toggle: true, toggleUntil: INPUT_STEPS, highlight: [k] },
            { label: "h₁[k]", values: run.h.map((v) => v[0]), color: "series-2", highlight: [k] },
            { label: "h₂[k]", values: run.h.map((v) => v[1]), color: "series-3", highlight: [k] },
            { label: "y[k]", values: run.y, color: "series-4", highlight: [k] },
          ]}
          @rnn-cursor=${(e: CustomEvent<{ value: number }>) => { this.settings.set({ step: e.detail.value }); emitMainAction(this, "state-space", "step"); }}
          @rnn-toggle=${(e: CustomEvent<{ index: number }>) => this.toggle(e.detail.index)}></rnn-stem-plot>
        <p class="eq-note">Drag or use ← → to inspect a step; click x[k] (k ≤ ${INPUT_STEPS - 1}), or press space at the cursor, to switch it between 0 and 1.
          <strong>Display guard:</strong> the plots clip values to ±${DISPLAY_CLAMP} (open markers) so a runaway state does not flatten the rest;
          the engine's values, in the read-outs and the data table, are not clipped.${clipped ? " Some values are clipped now." : ""}</p>
      </div>
      <div class="card" style="margin-top: var(--_gap)">
        <h3>State-space trajectory h₁[k] against h₂[k], k = 0–${TRAJECTORY_STEPS}</h3>
        <div class="trajectory-row" part="trajectory">
          ${trajectoryPlot(run.h, k)}
          <div class="legend">
            <p><span class="dot driven"></span> k ≤ ${INPUT_STEPS - 1}, driven by the input you set</p>
            <p><span class="dot held"></span> k &gt; ${INPUT_STEPS - 1}, input held at its last value</p>
            <p><span class="ring"></span> the inspected step k = ${k}: (${fmt(h[0])}, ${fmt(h[1])})</p>
            <p>The bars along the top and right edges count how often h₁ and h₂ fall in each range over the 51 steps: the marginal distributions a linear read-out sees.</p>
          </div>
        </div>
        ${this.renderSeparation()}
      </div>`;
  }

  private renderSeparation() {
    const sep = this.separation;
    if (!sep) return nothing;
    const ok = Number.isFinite(sep.ratio);
    return html`<h3 style="margin-top: var(--_gap)">Do different inputs leave different states?</h3>
      <p class="eq-note">Each input is run from h[0] = 0 over k = 0–${TRAJECTORY_STEPS}. Centroid: the mean state; spread: the root-mean-square distance of the
        states from it. Separation = (mean distance between the four centroids) / (mean spread); above 1, the inputs put the state in places farther
        apart than each trajectory wanders, which makes them easier to tell apart from the state alone.</p>
      <div class="table-scroll" tabindex="0" role="region" aria-label="Centroid and spread of the state for each input"><table class="separation">
        <thead><tr><th scope="col">input</th><th scope="col">centroid (h₁, h₂)</th><th scope="col">spread</th></tr></thead>
        <tbody>${sep.signals.map((s) => html`<tr><th scope="row">${SIGNAL_LABELS[s.kind]}</th>
          <td>(${fmt(s.centroid[0])}, ${fmt(s.centroid[1])})</td><td>${fmt(s.spread)}</td></tr>`)}</tbody>
      </table></div>
      <p class="statement" role="status">Separation for this A: ${ok ? html`<strong>${fmt(sep.ratio, 2)}</strong>
        (mean centroid distance ${fmt(sep.meanDistance)}, mean spread ${fmt(sep.meanSpread)})` : "not defined: the states overflow"}.</p>`;
  }

  private renderGuide() {
    return html`<details class="guide card" open>
      <summary>Guide</summary>
      <h3>Try this</h3>
      <ul>
        <li>Choose <em>Random A, rescaled to ρ</em> with ρ ≈ 0.9 and switch between the four inputs: each one sends the trajectory somewhere else and
          the histograms change shape. Different histories leave different states, and that is what a linear read-out Cᵀh has to work with.</li>
        <li>A common claim is that a random A separates input histories better than a rotation. Check it: note the separation measure under the
          trajectory for the <em>Oscillatory</em> preset, then for random matrices with the same ρ = 0.95 (press <em>New random A</em> a few times). Some random
          draws separate the inputs far better, some worse: it is a property of the particular matrix, not of randomness.</li>
        <li>Pick <em>Jordan block</em>: ρ = 0.9, yet with the impulse the state first grows before it decays. The eigenvalues alone do not tell the whole story; ‖A‖₂ &gt; 1 warns of it.</li>
        <li>Pick <em>Unstable</em> with the impulse and turn on tanh. The state cannot leave (−1, 1), but what does it do inside: spiral in, settle on
          a closed loop, or wander? Predict, then look at the trajectory; then try the step input.</li>
        <li>With the <em>Double integrator</em> and a step input, h₂ counts the steps and h₁ grows like k²/2: ρ = 1, yet the state is unbounded.</li>
      </ul>
      <h3>What to look for</h3>
      <ul>
        <li>ρ(A) &lt; 1: the starting state is forgotten and h ends up a function of the recent inputs (the echo state property). The measured distance between two starts shows it.</li>
        <li>ρ(A) &gt; 1 without tanh: h grows geometrically and the display guard starts clipping.</li>
        <li>An echo state network is this system with hundreds of units: a random A scaled to just below ρ = 1, frozen, and only the read-out C trained, by linear regression.</li>
      </ul>
    </details>`;
  }
}

define("rnn-state-space", RnnStateSpace);
registerView({
  name: "state-space", title: "State space", tag: "rnn-state-space", attributes: STATE_SPACE_ATTRIBUTES,
  description: "A 2-D linear system with its eigenvalues, trajectory and the echo state property, for rotations, Jordan blocks and random A.",
});
declare global { interface HTMLElementTagNameMap { "rnn-state-space": RnnStateSpace } }
