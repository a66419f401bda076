import { LitElement, html, nothing, type PropertyValues } from "lit";
import { state } from "lit/decorators.js";
import { KeptAttributes } from "../attributes.js";
import { define } from "../define.js";
import { emit, emitMainAction } from "../events.js";
import { PageEngineController } from "../page-engine.js";
import { registerView } from "../registry.js";
import { styles, themeRoot } from "../theme/tokens.js";
import type { Engine } from "../../bindings/engine.js";
import type { Params } from "../../bindings/model.js";
import { ACTIVATIONS } from "../../bindings/types.js";
import {
  agreement, example, MAX_STEPS, runOnEngine, traceExample, updateOnEngine, VOCAB, hiddenSizeOf,
  type EngineResult, type Trace, type UpdateResult, type WorkedCase,
} from "../../lessons/worked-example.js";
import { backwardStep, forwardStep, totals } from "./passes.js";
import { conceptsGuide } from "./concepts.js";
import { mat, num, onNumberKeys, readoutStyles, rovingTabStops, vec } from "../math/readout.js";
import { caseFrom, flatWeights, WORKED_EXAMPLE_ATTRIBUTES } from "./settings.js";
import type { MatrixChange } from "../ui/matrix-input/matrix-input.js";
import { lessonStyles } from "../theme/lesson.styles.js";
import { workedExampleStyles } from "./worked-example.styles.js";
import "../ui/matrix-input/matrix-input.js";
import "../ui/button/button.js";
import "../ui/message/message.js";
import "../ui/select/select.js";
import "../ui/slider/slider.js";
import { fmt } from "../../bindings/format.js";

const words = VOCAB as readonly string[];
type Edit = { words?: string | null; targets?: string | null; weights?: string | null; activation?: string | null; example?: string | null };

/**
 * The worked example: a next-word RNN over the vocabulary hi, there, class, ! with one or
 * two hidden units, and every number of one forward pass and one full backward pass
 * through time, laid out step by step with the matrices and the values substituted.
 * Every weight and word is editable; the page recomputes at once. One gradient step
 * with a chosen learning rate shows the new weights and the new loss.
 *
 * Attributes (reflecting the reader's edits, so a link reproduces the page):
 * `example` (h2 | h1), `activation` (tanh | relu | sigmoid | linear), `words` and
 * `targets` (space-separated words, 1 to 8), `weights` (W_x, W_h, b, W_y, b_y row by
 * row, comma-separated), `lr` (0.0001 to 10), `engine` (wasm | ts).
 *
 * @fires rnn-change - after the reader edits the sentence, the weights or the activation; detail `{ value: { loss, params } }`
 * @fires rnn-update - after one gradient step; detail `{ lr, lossBefore, lossAfter, params }`
 * @csspart forward - the forward pass
 * @csspart backward - the backward pass
 * @csspart update - the gradient step
 * @cssproperty --rnn-accent - numbers computed by the engine
 * @cssproperty --rnn-surface - card background
 * @fires rnn-main-action - the reader takes a gradient step; detail `{ view, action: "step" }`
 */
export class RnnWorkedExample extends LitElement {
  static override styles = [styles, themeRoot, readoutStyles, lessonStyles, workedExampleStyles];

  private readonly settings = new KeptAttributes(this, WORKED_EXAMPLE_ATTRIBUTES);
  private readonly engines = new PageEngineController(this, () => this.settings.values.engine);
  private get engine(): Engine | undefined { return this.engines.engine; }
  private get failure() { return this.engines.failure; }
  @state() private stepResult?: { key: string; lr: number; result: UpdateResult } | { key: string; error: string };
  private current?: { key: string; c: WorkedCase; trace: Trace; eng: EngineResult };
  private caseError = "";
  private keptPrevious = false;
  private readonly undo: Edit[] = [];

  override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const engine = this.settings.values.engine;
    this.recompute();
  }

  override updated() { rovingTabStops(this.renderRoot); }

  /** Rebuilds the case from the attributes; a case that does not fit keeps the previous page. */
  private recompute() {
    const r = caseFrom(this.settings.values);
    this.caseError = "error" in r ? r.error : "";
    this.keptPrevious = "error" in r && !!this.current;
    if (this.keptPrevious) return;
    // on first load there is no previous page to keep, so the chosen example stands in
    const c = "value" in r ? r.value : example(this.settings.values.example);
    const key = JSON.stringify(c) + (this.engine?.kind ?? "");
    if (!this.engine || this.current?.key === key) return;
    try {
      this.current = { key, c, trace: traceExample(c), eng: runOnEngine(this.engine, c) };
    } catch (e) {
      this.caseError = `The engine refused this case: ${(e as Error).message}`;
    }
  }

  /** Applies an edit as attributes, remembering the previous values for Undo. */
  private edit(change: Edit, remember = true) {
    if (remember) {
      const before: Edit = {};
      for (const k of Object.keys(change) as (keyof Edit)[]) before[k] = this.getAttribute(k);
      this.undo.push(before);
      if (this.undo.length > 50) this.undo.shift();
    }
    this.settings.set(change);
    this.recompute();
    if (this.current) emit(this, "rnn-change", { value: { loss: this.current.eng.loss, params: this.current.c.params } });
  }

  private setWords(tokens: number[], targets: number[]) {
    this.edit({ words: tokens.map((t) => words[t]).join(" "), targets: targets.map((t) => words[t]).join(" ") });
  }

  private setParams(p: Params) { this.edit({ weights: flatWeights(p).join(",") }); }

  private takeStep() {
    const cur = this.current;
    if (!cur || !this.engine) return;
    const lr = this.settings.values.lr;
    try {
      const result = updateOnEngine(this.engine, cur.c, lr);
      this.stepResult = { key: cur.key, lr, result };
      emit(this, "rnn-update", { lr, lossBefore: cur.eng.loss, lossAfter: result.loss, params: result.params });
      emitMainAction(this, "worked-example", "step");
    } catch (e) {
      this.stepResult = { key: cur.key, error: (e as Error).message };
    }
  }

  override render() {
    const s = this.settings;
    return html`
      <h2>Worked example: one forward and one backward pass</h2>
      <p class="lead">A tiny language model reads a sentence one word at a time and, after each word, gives a probability to
        every word that could come next. Below is every number it computes, and every number backpropagation through time
        computes on the way back. Change any weight or word and the page recomputes.</p>
      ${s.problems.length ? html`<rnn-message variant="warning" heading="Some settings were not understood:" .items=${s.problems}></rnn-message>` : nothing}
      ${this.failure ? html`<rnn-message heading="The engine could not start">${this.failure}</rnn-message>` : nothing}
      ${this.caseError ? html`<rnn-message heading=${this.keptPrevious ? "This change does not fit; the page shows the previous one." : "This setting does not fit; the page shows the example."}>${this.caseError}</rnn-message>` : nothing}
      <div class="stage">
        <div class="stage-side">${this.renderSetup()}</div>
        <div class="stage-main">${this.current ? this.renderForward(this.current) : html`<p class="starting">Starting the engine…</p>`}</div>
      </div>
      ${this.current ? this.renderPasses(this.current) : nothing}
      ${this.renderGuide()}`;
  }

  private renderSetup() {
    const cur = this.current, v = this.settings.values;
    return html`
      <section class="card" aria-labelledby="we-sentence" data-primary="control">
        <h3 id="we-sentence">The sentence</h3>
        <div class="controls">
          <rnn-select label="Example" .value=${v.example} .options=${[{ value: "h2", label: "hi there (2 units)" }, { value: "h1", label: "four words (1 unit)" }]}
            @rnn-change=${(e: CustomEvent<{ value: string }>) => this.edit({ example: e.detail.value, words: null, targets: null, weights: null })}></rnn-select>
          <rnn-select label="Activation f" .value=${v.activation} .options=${ACTIVATIONS as unknown as string[]}
            @rnn-change=${(e: CustomEvent<{ value: string }>) => this.edit({ activation: e.detail.value })}></rnn-select>
        </div>
        ${cur ? this.renderSentence(cur.c) : nothing}
        <div class="buttons">
          <rnn-button @click=${() => this.edit({ words: null, targets: null, weights: null, activation: null })}>Reset to the example</rnn-button>
          <rnn-button ?disabled=${!this.undo.length} @click=${() => { const u = this.undo.pop(); if (u) this.edit(u, false); }}>Undo</rnn-button>
        </div>
      </section>
      <section class="card" aria-labelledby="we-weights">
        <h3 id="we-weights">The weights</h3>
        ${cur ? this.renderWeights(cur.c) : nothing}
      </section>`;
  }

  private renderSentence(c: WorkedCase) {
    const T = c.tokens.length;
    const pick = (label: string, value: number, set: (w: number) => void) => html`<label class="word">
      <span class="visually-hidden">${label}</span>
      <select .value=${String(value)} @change=${(e: Event) => set(Number((e.target as HTMLSelectElement).value))}>
        ${words.map((w, k) => html`<option value=${k} ?selected=${k === value}>${w}</option>`)}</select></label>`;
    return html`<table class="sentence">
      <thead><tr><th scope="col">step</th><th scope="col">reads</th><th scope="col">should predict</th></tr></thead>
      <tbody>${c.tokens.map((tok, t) => html`<tr><th scope="row">${t + 1}</th>
        <td>${pick(`Step ${t + 1} input word`, tok, (w) => this.setWords(c.tokens.map((x, k) => (k === t ? w : x)), c.targets))}</td>
        <td>${pick(`Step ${t + 1} target word`, c.targets[t], (w) => this.setWords(c.tokens, c.targets.map((x, k) => (k === t ? w : x))))}</td></tr>`)}</tbody>
    </table>
    <div class="buttons">
      <rnn-button ?disabled=${T >= MAX_STEPS} @click=${() => this.setWords([...c.tokens, c.targets[T - 1]], [...c.targets, words.length - 1])}>Add a step</rnn-button>
      <rnn-button ?disabled=${T <= 1} @click=${() => this.setWords(c.tokens.slice(0, -1), c.targets.slice(0, -1))}>Remove the last step</rnn-button>
    </div>`;
  }

  private renderWeights(c: WorkedCase) {
    const H = hiddenSizeOf(c), units = Array.from({ length: H }, (_, i) => `h${"₁₂₃₄"[i]}`);
    const edit = (group: keyof Params) => (e: CustomEvent<MatrixChange>) => {
      const p: Params = { ...c.params, [group]: group === "b" || group === "b_y" ? e.detail.value.map((r) => r[0]) : e.detail.value };
      this.setParams(p);
    };
    const col = (x: number[]) => x.map((y) => [y]);
    return html`<div class="weights">
      <rnn-matrix-input label="W_x (input → hidden)" .values=${c.params.W_x} .rowLabels=${units} .colLabels=${words} heat @rnn-change=${edit("W_x")}></rnn-matrix-input>
      <rnn-matrix-input label="W_h (hidden → hidden)" .values=${c.params.W_h} .rowLabels=${units} .colLabels=${units} heat @rnn-change=${edit("W_h")}></rnn-matrix-input>
      <rnn-matrix-input label="b (hidden bias)" .values=${col(c.params.b)} .rowLabels=${units} heat @rnn-change=${edit("b")}></rnn-matrix-input>
      <rnn-matrix-input label="W_y (hidden → output)" .values=${c.params.W_y} .rowLabels=${words} .colLabels=${units} heat @rnn-change=${edit("W_y")}></rnn-matrix-input>
      <rnn-matrix-input label="b_y (output bias)" .values=${col(c.params.b_y)} .rowLabels=${words} heat @rnn-change=${edit("b_y")}></rnn-matrix-input>
    </div>
    <p class="note">Type a number and press Enter; arrow keys move between cells. The state starts at h₀ = 0.</p>`;
  }

  /** The forward pass beside the sentence and weights that make it (the reader's edit and its effect in one screen). */
  private renderForward(cur: NonNullable<RnnWorkedExample["current"]>) {
    const { c, trace, eng } = cur, T = c.tokens.length;
    return html`<div @keydown=${onNumberKeys}>
        <h3 class="pass">Forward pass, step 1 to ${T}</h3>
        <div class="steps" part="forward">${c.tokens.map((_, t) => t === 0
          ? html`<div data-primary="visual">${forwardStep(c, t, trace, eng)}</div>` : forwardStep(c, t, trace, eng))}</div>
      </div>`;
  }

  private renderPasses(cur: NonNullable<RnnWorkedExample["current"]>) {
    const { c, trace, eng } = cur, T = c.tokens.length, a = agreement(eng, trace);
    return html`
      <p class="legend">Numbers in <span class="legend-eng">this color</span> are computed by the engine (float32 WebAssembly or its
        TypeScript twin); the others are the same arithmetic done step by step in float64. Hover over a number, or focus it
        (Tab, then the arrow keys), to see it in full.
        <span class="agree">${a.worst <= 1
          ? `Engine and float64 agree to within ${fmt(a.maxAbsDiff, 2)} on every output and gradient.`
          : `Engine and float64 differ by ${fmt(a.maxAbsDiff, 2)} in ${a.field}, more than the conformance tolerance.`}</span></p>
      <div @keydown=${onNumberKeys}>
        <h3 class="pass">Backward pass, step ${T} back to 1</h3>
        <p class="note">L is the sum of the step losses. Its gradient flows back from each step's own loss and, through W<sub>h</sub>,
          from every later step; each weight's gradient adds up what every step contributes.</p>
        <div class="steps" part="backward">${[...c.tokens.keys()].reverse().map((t) => backwardStep(c, t, trace))}</div>
        <h3 class="pass">Totals</h3>
        ${totals(c, eng)}
        ${this.renderUpdate(cur)}
      </div>`;
  }

  private renderUpdate(cur: NonNullable<RnnWorkedExample["current"]>) {
    const u = this.stepResult?.key === cur.key ? this.stepResult : undefined, lr = this.settings.values.lr;
    const groups: [keyof Params, string][] = [["W_x", "W_x"], ["W_h", "W_h"], ["b", "b"], ["W_y", "W_y"], ["b_y", "b_y"]];
    return html`<section class="card nums update" part="update" aria-labelledby="we-update">
      <h3 id="we-update">One gradient step</h3>
      <p>Gradient descent moves every weight against its gradient: θ ← θ − η ∂L/∂θ, with learning rate η.</p>
      <div class="controls">
        <rnn-slider label="Learning rate η" min="0.001" max="10" scale="log" .value=${lr}
          @rnn-change=${(e: CustomEvent<{ value: number }>) => this.settings.set({ lr: e.detail.value })}></rnn-slider>
        <div class="buttons"><rnn-button variant="primary" @click=${() => this.takeStep()}>Take one step</rnn-button></div>
      </div>
      ${u && "error" in u ? html`<rnn-message heading="The step failed">${u.error}</rnn-message>` : nothing}
      ${u && "result" in u ? html`
        <p class="statement">With η = ${u.lr}: the loss goes from ${num(cur.eng.loss, { engine: true })} to
          ${num(u.result.loss, { engine: true, key: "update.loss" })}
          (${u.result.loss < cur.eng.loss ? "lower" : "higher: the step overshot"}).</p>
        <div class="totals">${groups.map(([g, name]) => {
          const val = u.result.params[g];
          return html`<figure class="grad"><figcaption>new ${name}</figcaption>${Array.isArray(val[0])
            ? mat(val as number[][], { engine: true, key: `update.${g}` }) : vec(val as number[], { engine: true, key: `update.${g}` })}</figure>`;
        })}</div>
        <div class="buttons"><rnn-button @click=${() => this.setParams(u.result.params)}>Use the new weights</rnn-button></div>`
      : nothing}
    </section>`;
  }

  private renderGuide() {
    const cur = this.current;
    return html`<details class="guide card" open>
      <summary>Guide</summary>
      ${cur ? conceptsGuide(cur.c, cur.trace) : nothing}
      <h3>Try this</h3>
      <ul>
        <li>Follow step 1 of the forward pass: the input is one-hot, so it only picks a column of W<sub>x</sub>. Change a number in
          that column and watch a₁, h₁ and every later step move.</li>
        <li>In the backward pass, compare ∂L/∂h at the last step (only its own loss) with an earlier step (its own loss plus what
          flows back through W<sub>h</sub>). Set W<sub>h</sub> to zeros: the second part vanishes, and ∂L/∂W<sub>h</sub> becomes 0.</li>
        <li>Take one gradient step at η = 0.1, press <em>Use the new weights</em>, and repeat a few times, watching the loss.
          Then do the same at η = 1 and at η = 10: is a larger step always better, and does the loss keep falling?</li>
        <li>Switch to the one-unit example: a single number must carry everything the network remembers.</li>
      </ul>
      <h3>What to look for</h3>
      <ul>
        <li>∂ℓ/∂y = p − e<sub>target</sub>: the softmax and the cross-entropy together give the simplest possible error signal.</li>
        <li>A word's column of ∂L/∂W<sub>x</sub> is non-zero only if the word occurs in the sentence; a word that appears twice collects two contributions.</li>
        <li>f′(a) multiplies the gradient at every step back. Where tanh saturates (|h| near 1) it is near 0, and less reaches earlier steps.</li>
      </ul>
    </details>`;
  }
}

define("rnn-worked-example", RnnWorkedExample);
registerView({
  name: "worked-example", title: "Worked example", tag: "rnn-worked-example", attributes: WORKED_EXAMPLE_ATTRIBUTES,
  description: "Every number of one forward and one backward pass of a tiny next-word RNN, editable.",
});
declare global {
  interface HTMLElementTagNameMap { "rnn-worked-example": RnnWorkedExample }
  interface HTMLElementEventMap { "rnn-update": CustomEvent<{ lr: number; lossBefore: number; lossAfter: number; params: Params }> }
}
