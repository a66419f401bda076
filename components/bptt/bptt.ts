import { LitElement, html, mathml, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { define } from "../define.js";
import { emit, emitMainAction, emitTrainDone, emitTrainProgress } from "../events.js";
import { int, KeptAttributes, num, numberList, oneOf } from "../attributes.js";
import { sharedEngine } from "../../bindings/engine-provider.js";
import { registerView } from "../registry.js";
import { styles, themeRoot } from "../theme/tokens.js";
import { estimateRemaining } from "../ui/progress/format.js";
import type { Engine } from "../../bindings/engine.js";
import { fmt } from "../../bindings/format.js";
import { parseSignal } from "../../lessons/shift-register.js";
import { DEFAULT_NET, DEFAULT_T, DEFAULT_TRAINING, MAX_T, resizeInputs, ScalarRnn, type BpttPass, type ScalarNet } from "../../lessons/bptt.js";
import { aligned, at, eq, n, plus, sub, times } from "../math/mathml.js";
import { fieldId, textField } from "../ui/text-field.js";
import { lessonStyles, signalLessonStyles } from "../theme/lesson.styles.js";
import { bandLegend, nodeCenter, nodeTop, NODE_STEP, rolledPicture, ROW_STEP, unrolledColumn, unrolledGraph } from "./graph.js";
import { accumulationTable } from "./accumulation.js";
import { bpttStyles } from "./bptt.styles.js";
import "../charts/line-chart/line-chart.js";
import "../ui/slider/slider.js";
import "../ui/button/button.js";
import "../ui/progress/progress.js";
import "../ui/message/message.js";

const W_MAX = 4;

/** ∂L/∂(something) as a fraction. */
const dL = (of: TemplateResult) => mathml`<mfrac displaystyle="true"><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo>${of}</mrow></mfrac>`;
const parseInputs = (text: string) => parseSignal(text, MAX_T);

export const BPTT_ATTRIBUTES = {
  /** T, the number of steps unrolled */
  steps: int(1, MAX_T, DEFAULT_T),
  wr: num(-W_MAX, W_MAX, DEFAULT_NET.wr),
  wx: num(-W_MAX, W_MAX, DEFAULT_NET.wx),
  wy: num(-W_MAX, W_MAX, DEFAULT_NET.wy),
  target: num(-2, 2, DEFAULT_NET.target),
  /** x[0..]; padded with the default inputs up to T, extra values kept for a longer T */
  inputs: numberList(parseInputs, DEFAULT_NET.x),
  /** how many nodes the backward pass has visited (0 = not started, T+1 = full pass) */
  revealed: int(0, MAX_T + 1, 0),
  lr: num(0.0001, 2, DEFAULT_TRAINING.lr),
  iterations: int(1, 5000, DEFAULT_TRAINING.iterations),
  engine: oneOf(["wasm", "ts"], "wasm"),
};

/** Stored weights keep float32 precision without a long tail of digits. */
const short = (v: number) => Number(v.toPrecision(7));

/**
 * Lesson 4: backpropagation through time, drawn node by node, for the scalar RNN
 * h[k+1] = tanh(w_r·h[k] + w_x·x[k]), y = w_y·h[T], L = ½(y − y*)². Step the backward
 * pass one node at a time or run it whole; each node shows h[k], ∂L/∂h[k] and e[k], and a
 * table accumulates ∂L/∂w_r and ∂L/∂w_x, checked against the engine and a finite
 * difference. Train repeats forward, backward and update. T goes up to 50, and
 * |∂L/∂h[k]| on a log scale shows gradients vanish or explode.
 *
 * Attributes (reflecting the reader's edits): `steps` (T, 1–50), `wr`, `wx`, `wy` (weights in [−4, 4]),
 * `target` (y*), `inputs` (x values), `revealed` (backward steps shown), `lr`, `iterations`, `engine`.
 *
 * @fires rnn-change - after the reader edits the network or its data; detail `{ value: ScalarNet }`
 * @fires rnn-train-progress - while training; detail `{ fraction, step, steps, loss }` (step: iterations done), also as `{ iteration, total }`
 * @fires rnn-train-done - when training ends; detail `{ status, loss, iterations, diverged, cancelled }`
 * @csspart graph - the scrollable unrolled graph
 * @csspart rolled - the rolled (self-loop) picture
 * @csspart table - the accumulation table
 * @cssproperty --rnn-muted - small-gradient arrows
 * @cssproperty --rnn-series-4 - gradient arrows of size about 1
 * @cssproperty --rnn-error - large-gradient arrows
 * @fires rnn-main-action - the reader runs the backward pass or trains; detail `{ view, action: "backward" | "train" }`
 */
export class RnnBptt extends LitElement {
  static override styles = [styles, themeRoot, lessonStyles, signalLessonStyles, bpttStyles];

  private readonly settings = new KeptAttributes(this, BPTT_ATTRIBUTES);
  @state() private rnn?: ScalarRnn;
  @state() private failure = "";
  @state() private inputError = "";
  @state() private losses: number[] = [];
  @state() private training?: { done: number; total: number; started: number; diverged: boolean };
  @state() private trainNote = "";
  private cache?: { key: string; pass: BpttPass };
  private frame = 0;
  private readonly ids = { inputs: fieldId() };

  override connectedCallback() {
    super.connectedCallback();
    if (!this.rnn) sharedEngine(this.settings.values.engine).then((e: Engine) => { if (this.isConnected) this.rnn = new ScalarRnn(e); },
      (e) => { this.failure = String((e as Error)?.message ?? e); });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopTraining("cancelled");
    this.rnn?.dispose();
    this.rnn = undefined;
  }

  /** The network the settings describe. */
  get net(): ScalarNet {
    const v = this.settings.values;
    return { wr: v.wr, wx: v.wx, wy: v.wy, h0: 0, target: v.target, x: resizeInputs(v.inputs, v.steps) };
  }

  /** The engine's forward and backward pass for the current network. */
  get pass(): BpttPass | undefined {
    if (!this.rnn) return undefined;
    const net = this.net, key = JSON.stringify(net);
    if (this.cache?.key !== key) this.cache = { key, pass: this.rnn.pass(net) };
    return this.cache.pass;
  }

  private get revealed() { return Math.min(this.settings.values.revealed, this.settings.values.steps + 1); }

  private edit(changes: Parameters<KeptAttributes<typeof BPTT_ATTRIBUTES>["set"]>[0]) {
    this.settings.set(changes);
    emit(this, "rnn-change", { value: this.net });
  }

  private commitInputs(text: string) {
    try {
      const x = parseInputs(text);
      this.inputError = "";
      // typing fewer values than T keeps T and pads with defaults; more values than T are kept for later
      this.edit({ inputs: x.join(",") });
    } catch (e) {
      this.inputError = (e as Error).message;
    }
  }

  private stepBackward() {
    const next = Math.min(this.revealed + 1, this.settings.values.steps + 1);
    this.settings.set({ revealed: next });
    this.scrollToNode(this.settings.values.steps - next + 1);
    emitMainAction(this, "bptt", "backward");
  }

  private scrollToNode(k: number, behavior: ScrollBehavior = "smooth") {
    void this.updateComplete.then(() => {
      const box = this.renderRoot.querySelector<HTMLElement>(".graph-scroll");
      // the strip scrolls sideways, the phone's column scrolls down: bring node k to the middle of either
      if (box) box.scrollTo({ left: Math.max(0, nodeCenter(k) - box.clientWidth / 2),
        top: Math.max(0, nodeTop(k) + ROW_STEP / 2 - box.clientHeight / 2), behavior });
    });
  }

  private positioned = false;

  override updated() {
    // first sight of the graph: show where the backward pass stands (the loss end before it starts)
    if (!this.positioned && this.renderRoot.querySelector(".graph-scroll")) {
      this.positioned = true;
      this.scrollToNode(this.settings.values.steps - Math.max(0, this.revealed - 1), "instant");
    }
  }

  // ------------------------------------------------------------- training

  private train() {
    if (!this.rnn || this.training) return;
    const total = this.settings.values.iterations;
    this.training = { done: 0, total, started: performance.now(), diverged: false };
    this.trainNote = "";
    const tick = () => {
      const t = this.training;
      if (!t || !this.rnn) return;
      // about 1.5 s for any count: a few iterations per frame, so the page never stalls
      const n = Math.min(t.total - t.done, Math.max(1, Math.ceil(t.total / 90)));
      const r = this.rnn.train(this.net, this.settings.values.lr, n);
      this.losses = [...this.losses, ...r.losses];
      t.done += r.losses.length;
      this.settings.set({ wr: short(r.net.wr), wx: short(r.net.wx), wy: short(r.net.wy) });
      const loss = r.losses[r.losses.length - 1];
      emitTrainProgress(this, { fraction: t.done / t.total, step: t.done, steps: t.total, loss, iteration: t.done, total: t.total });
      if (r.diverged) { t.diverged = true; this.stopTraining("diverged"); return; }
      if (t.done >= t.total) { this.stopTraining("done"); return; }
      this.training = { ...t };
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  private stopTraining(why: "done" | "cancelled" | "diverged") {
    cancelAnimationFrame(this.frame);
    const t = this.training;
    if (!t) return;
    this.training = undefined;
    const last = this.losses[this.losses.length - 1];
    this.trainNote = why === "diverged"
      ? `Stopped after ${t.done} iterations: the loss or a gradient stopped being finite, so the last update was not applied. Lower the learning rate.`
      : why === "cancelled" ? `Stopped after ${t.done} of ${t.total} iterations.` : `Trained ${t.done} iterations; loss now ${fmt(last ?? NaN, 5)}.`;
    emitTrainDone(this, { status: why, loss: last, iterations: t.done, diverged: why === "diverged", cancelled: why === "cancelled" });
    emitMainAction(this, "bptt", "train");
  }

  override willUpdate() {
    if (this.revealed !== this.settings.values.revealed && this.settings.values.revealed > this.settings.values.steps + 1) {
      // T shrank below the revealed count: the full pass stays a full pass
      this.settings.set({ revealed: this.settings.values.steps + 1 });
    }
  }

  // ------------------------------------------------------------- render

  override render() {
    const p = this.pass;
    return html`
      <h2>Backpropagation through time</h2>
      <p class="lead">A one-unit tanh RNN reads T inputs and is scored at the last step. To learn, it needs the derivative of the loss with
        respect to each weight, and because the same weights act at every step, those derivatives collect a term from every step, passed back
        through time by the chain rule.</p>
      ${this.settings.problems.length ? html`<rnn-message variant="warning" heading="Some settings were not understood:" .items=${this.settings.problems}></rnn-message>` : nothing}
      ${this.failure ? html`<rnn-message heading="The engine could not start">${this.failure}</rnn-message>` : nothing}
      ${this.renderControls()}
      ${p ? this.renderLesson(p) : html`<p class="starting">Starting the engine…</p>`}
      ${this.renderGuide()}`;
  }

  private renderControls() {
    const v = this.settings.values, T = v.steps, busy = !!this.training;
    const stop = (e: Event) => e.stopPropagation();
    const slider = (label: string, key: "steps" | "wr" | "wx" | "wy" | "target", min: number, max: number, step: number) =>
      html`<rnn-slider label=${label} min=${min} max=${max} step=${step} .value=${v[key]} ?disabled=${busy}
        @rnn-input=${(e: CustomEvent<{ value: number }>) => { stop(e); this.edit({ [key]: e.detail.value }); }}
        @rnn-change=${(e: CustomEvent<{ value: number }>) => { stop(e); this.edit({ [key]: e.detail.value }); }}></rnn-slider>`;
    return html`<div class="card controls" data-primary="control">
      ${slider("Steps T", "steps", 1, MAX_T, 1)}
      ${slider("Recurrent weight w_r", "wr", -W_MAX, W_MAX, 0.01)}
      ${slider("Input weight w_x", "wx", -W_MAX, W_MAX, 0.01)}
      ${slider("Output weight w_y", "wy", -W_MAX, W_MAX, 0.01)}
      ${slider("Target y*", "target", -2, 2, 0.01)}
      ${textField({ id: this.ids.inputs, label: `Inputs x[0] … x[${T - 1}]`, value: this.net.x.join(", "), error: this.inputError,
        hint: "Fewer than T values are padded with the defaults.", onCommit: (s) => this.commitInputs(s) })}
      <div class="buttons" role="group" aria-label="Backward pass">
        <rnn-button variant="primary" ?disabled=${busy || this.revealed > T} @click=${() => this.stepBackward()}>Step backward</rnn-button>
        <rnn-button ?disabled=${busy} @click=${() => { this.settings.set({ revealed: T + 1 }); this.scrollToNode(0); emitMainAction(this, "bptt", "backward"); }}>Full pass</rnn-button>
        <rnn-button ?disabled=${busy} @click=${() => { this.settings.set({ revealed: 0 }); this.scrollToNode(T); }}>Reset pass</rnn-button>
      </div>
    </div>`;
  }

  /** Training (η, iterations, Train): beside its loss curve, below the pass it repeats. */
  private renderTraining() {
    const v = this.settings.values, busy = !!this.training, t = this.training;
    const stop = (e: Event) => e.stopPropagation();
    return html`<div class="card controls train" style="margin-top: var(--_gap)">
      <rnn-slider label="Learning rate η" scale="log" min="0.0001" max="2" .value=${v.lr} ?disabled=${busy}
        @rnn-change=${(e: CustomEvent<{ value: number }>) => { stop(e); this.edit({ lr: e.detail.value }); }}></rnn-slider>
      <rnn-slider label="Iterations per Train" min="1" max="5000" step="1" .value=${v.iterations} ?disabled=${busy}
        @rnn-change=${(e: CustomEvent<{ value: number }>) => { stop(e); this.edit({ iterations: e.detail.value }); }}></rnn-slider>
      <div class="buttons" role="group" aria-label="Training">
        ${busy ? html`<rnn-button variant="primary" @click=${() => this.stopTraining("cancelled")}>Stop</rnn-button>`
          : html`<rnn-button variant="primary" @click=${() => this.train()}>Train</rnn-button>`}
        <rnn-button ?disabled=${busy || !this.losses.length} @click=${() => { this.losses = []; this.trainNote = ""; }}>Clear loss curve</rnn-button>
      </div>
      ${t ? html`<rnn-progress label="Training" .value=${t.done / t.total}
          .remaining=${estimateRemaining(t.done / t.total, performance.now() - t.started)} status="${t.done} of ${t.total}"></rnn-progress>`
        : this.trainNote ? html`<p class="eq-note" role="status">${this.trainNote}</p>` : nothing}
    </div>`;
  }

  private renderLesson(p: BpttPass) {
    const v = this.settings.values, w = { wr: v.wr, wx: v.wx, wy: v.wy }, T = p.T, revealed = this.revealed;
    const ks = Array.from({ length: T + 1 }, (_, k) => k);
    const top = Math.abs(p.dh[T]);
    return html`
      <div class="graph-row">
        <div class="card rolled-card" part="rolled">
          <h3>Rolled</h3>
          ${rolledPicture(w)}
          <p class="eq-note">The real network: one unit and a self-loop. The same three weights act at every step.</p>
        </div>
        <div class="card unrolled-card" data-primary="visual">
          <h3>Unrolled over T = ${T} steps</h3>
          <p class="eq-note">Forward → with w<sub>r</sub> = ${fmt(w.wr)}, w<sub>x</sub> = ${fmt(w.wx)}, w<sub>y</sub> = ${fmt(w.wy)};
            ← backward: ∂L/∂h[k] = e[k+1]·w<sub>r</sub>, e[k] = ∂L/∂h[k]·(1 − h[k]²).</p>
          <div class="graph-scroll" part="graph" tabindex="0" role="region"
            aria-label=${`Unrolled graph, ${T + 1} nodes; the backward pass has reached ${revealed ? `node ${T - revealed + 1}` : "no node yet"}. The table below lists every value.`}>
            ${unrolledGraph(p, revealed)}${unrolledColumn(p, revealed)}
          </div>
          ${bandLegend()}
        </div>
      </div>
      <div class="grid two">
        <div class="card">
          <h3>${revealed ? `Backward step ${revealed} of ${T + 1}: node ${T - revealed + 1}` : "Forward pass"}</h3>
          ${this.renderStepMath(p, revealed)}
        </div>
        <div class="card">
          <rnn-line-chart label="|∂L/∂h[k]| against k (log scale)" x-label="time step k" y-label="|∂L/∂h[k]| (dimensionless)" log height="220"
            .x=${ks} .series=${[
              { label: "engine: |∂L/∂h[k]|", values: p.engine.dhNorm, color: "series-2" },
              { label: "|w_r|^(T−k)·|∂L/∂h[T]| (without the tanh factor)", values: ks.map((k) => top * Math.abs(v.wr) ** (T - k)), color: "series-6" },
            ]}></rnn-line-chart>
          <p class="eq-note">Each step back multiplies the gradient by w<sub>r</sub>·(1 − h²). |w<sub>r</sub>| &lt; 1 or saturated units (h ≈ ±1) shrink it
            geometrically (vanishing); |w<sub>r</sub>| &gt; 1 with unsaturated units grows it (exploding). At T = ${T}: |∂L/∂h[0]| / |∂L/∂h[T]| =
            ${top > 0 ? fmt(p.engine.dhNorm[0] / top) : "—"}.</p>
        </div>
      </div>
      <div class="card" part="table" style="margin-top: var(--_gap)">
        <h3>Gradient accumulation</h3>
        ${accumulationTable(p, revealed, this.net)}
      </div>
      ${this.renderTraining()}
      <div class="card" style="margin-top: var(--_gap)">
        ${this.losses.length ? html`<rnn-line-chart label="Loss over training iterations" x-label="training iteration (one update each)" y-label="L (dimensionless)" log height="200"
            .series=${[{ label: "L = ½(y − y*)² before each update", values: this.losses, color: "series-1" }]}></rnn-line-chart>`
          : html`<h3>Loss over training iterations</h3>
            <p class="eq-note">Press <em>Train</em>: each iteration runs forward, backward and w ← w − η·∂L/∂w on the engine, and its loss is drawn here.</p>`}
      </div>`;
  }

  /** The equations for the node the backward pass has just reached, with its numbers. */
  private renderStepMath(p: BpttPass, revealed: number) {
    const T = p.T, v = this.settings.values;
    const forward = html`<math display="block">${aligned([
      [at("h", "k+1"), mathml`${eq}<mi>tanh</mi><mo>(</mo>${sub("w", "r")}${at("h", "k")}${plus}${sub("w", "x")}${at("x", "k")}<mo>)</mo>`],
      [mathml`<mi>y</mi>`, mathml`${eq}${sub("w", "y")}${at("h", "T")}${eq}${n(v.wy)}${times}${n(p.h[T])}${eq}<mn>${fmt(p.y)}</mn>`],
      [mathml`<mi>L</mi>`, mathml`${eq}<mfrac><mn>1</mn><mn>2</mn></mfrac><msup><mrow><mo>(</mo><mi>y</mi><mo>−</mo><msup><mi>y</mi><mo>*</mo></msup><mo>)</mo></mrow><mn>2</mn></msup>${eq}<mn>${fmt(p.loss, 5)}</mn>`],
    ])}</math>`;
    if (!revealed) return html`${forward}<p class="eq-note">h[0] = 0. Press <em>Step backward</em> to start at the loss and walk back one node at a time.</p>`;
    const k = T - revealed + 1;
    const dhLine = k === T
      ? [dL(at("h", T)), mathml`${eq}<mo>(</mo><mi>y</mi><mo>−</mo><msup><mi>y</mi><mo>*</mo></msup><mo>)</mo>${times}${sub("w", "y")}${eq}${n(p.y - p.target)}${times}${n(v.wy)}${eq}<mn>${fmt(p.dh[k])}</mn>`] as const
      : [dL(at("h", k)), mathml`${eq}${at("e", k + 1)}${times}${sub("w", "r")}${eq}${n(p.e[k + 1])}${times}${n(v.wr)}${eq}<mn>${fmt(p.dh[k])}</mn>`] as const;
    const rows: Array<readonly [TemplateResult | typeof nothing, TemplateResult]> = [dhLine];
    if (k > 0) {
      rows.push([at("e", k), mathml`${eq}${dL(at("h", k))}${times}<mo>(</mo><mn>1</mn><mo>−</mo><msup>${at("h", k)}<mn>2</mn></msup><mo>)</mo>`] as const);
      rows.push([nothing, mathml`${eq}${n(p.dh[k])}${times}<mo>(</mo><mn>1</mn><mo>−</mo><msup>${n(p.h[k])}<mn>2</mn></msup><mo>)</mo>${eq}<mn>${fmt(p.e[k])}</mn>`] as const);
    }
    const term = (w: "r" | "x", input: TemplateResult, value: number) =>
      html`<li><math>${dL(sub("w", w))}</math> gains
        <math>${at("e", k)}${times}${input}${eq}${n(p.e[k])}${times}${n(value)}${eq}<mn>${fmt(p.e[k] * value)}</mn></math></li>`;
    return html`<math display="block" aria-label=${`At node ${k}: dL/dh = ${fmt(p.dh[k])}${k > 0 ? `, e = ${fmt(p.e[k])}` : ""}`}>${aligned(rows)}</math>
      ${k > 0 ? html`<ul class="terms">${term("r", at("h", k - 1), p.h[k - 1])}${term("x", at("x", k - 1), p.x[k - 1])}</ul>` : nothing}
      <p class="eq-note">${k > 0
        ? `e[${k}] is the local error: the gradient at h[${k}] after passing back through tanh. It adds one term to each weight's gradient and, times w_r, becomes ∂L/∂h[${k - 1}].`
        : `h[0] is the fixed starting state, not a weight: ∂L/∂h[0] (the engine's h0 gradient is ${fmt(p.engine.h0)}) ends the pass. All ${T} terms are in; only now would the weights move.`}</p>`;
  }

  private renderGuide() {
    return html`<details class="guide card" open>
      <summary>Guide</summary>
      <h3>Try this</h3>
      <ul>
        <li>Press <em>Step backward</em> a few times. The gradient enters at the loss as (y − y*)·w<sub>y</sub> and moves left one node per step,
          each time multiplied by the tanh slope (1 − h²) and by w<sub>r</sub>. Every node adds one row to the accumulation table.</li>
        <li>Press <em>Full pass</em> and compare the three totals: the sum of the rows, the engine's own backward pass, and a finite difference.</li>
        <li>Set T = 50 and w<sub>r</sub> = 0.5: on the log plot |∂L/∂h[k]| falls by more than half per step back; early inputs get almost no say in the update (vanishing gradient).</li>
        <li>Now set w<sub>r</sub> = 1.5 and w<sub>x</sub> = 0. The state stays at 0, where tanh has slope 1, and the gradient grows by a factor 1.5 per step back (exploding).
          Raise w<sub>x</sub> to 0.05: the state leaves 0 and settles where tanh is flat enough that w<sub>r</sub>·(1 − h²) &lt; 1, and the gradient vanishes instead.
          In a one-unit tanh RNN an explosion lasts only while the state stays near 0.</li>
        <li>Press <em>Train</em> with η = 0.1, then with η = 1.5, and compare the loss curves.</li>
      </ul>
      <h3>What to look for</h3>
      <ul>
        <li>∂L/∂w<sub>y</sub> = (y − y*)·h[T] is a single term: w<sub>y</sub> is used once. w<sub>r</sub> and w<sub>x</sub> are used at every step, so their gradients are sums over all steps,
          and all of them are collected before any weight moves.</li>
        <li>The backward arrows change from large to small (colour, thickness and dash pattern) as the product of factors w<sub>r</sub>·(1 − h²) compounds. Gated cells
          (LSTM, GRU) exist to keep this product near 1.</li>
        <li>Training with truncated BPTT cuts this chain after a fixed window, which is one reason long-range dependencies are hard to learn.</li>
      </ul>
    </details>`;
  }
}

define("rnn-bptt", RnnBptt);
registerView({
  name: "bptt", title: "BPTT", tag: "rnn-bptt", attributes: BPTT_ATTRIBUTES,
  description: "Backpropagation through time node by node for a scalar RNN, checked against the engine, with vanishing and exploding gradients up to T = 50.",
});
declare global { interface HTMLElementTagNameMap { "rnn-bptt": RnnBptt } }
