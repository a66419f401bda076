import { LitElement, html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { KeptAttributes } from "../attributes.js";
import { define } from "../define.js";
import { emit, emitMainAction } from "../events.js";
import { sharedEngine } from "../../bindings/engine-provider.js";
import { registerView } from "../registry.js";
import { styles, themeRoot } from "../theme/tokens.js";
import { TaskController } from "../task-controller.js";
import { downloadJSON, pickJSONFile } from "../charts/export.js";
import type { Engine } from "../../bindings/engine.js";
import type { Model } from "../../bindings/model.js";
import { CELL_NAME, CELLS } from "../../bindings/types.js";
import { CharTokenizer } from "../../bindings/data/tokenizer.js";
import { builtinCorpus, type BuiltinCorpusId, type LossFloor } from "../../bindings/data/corpora/index.js";
import { generate, type Generation } from "../../lessons/char-lab-generate.js";
import { WORDS_MILESTONE } from "../../lessons/char-lab-text.js";
import { OVERFIT_RUN_STEPS, parseCharLabSave, type CharLabSave, type CharModelSettings, type CharSample } from "../../lessons/char-lab-train.js";
import type { BestCheckpoint, CharTrainInfo, CharTrainProgress, CurvePoint } from "../../tasks/char-train.js";
import { epochOf, heldOutReport, OVERFIT_WINDOW } from "../../lessons/char-lab-heldout.js";
import { trainingHealthMessage } from "../../lessons/training-health.js";
import { CHAR_LAB_ATTRIBUTES } from "./char-lab-attributes.js";
import { forgetLab, labStoreProblem, loadLab, storeLab } from "../storage/char-lab-save.js";
import { lessonStyles } from "../theme/lesson.styles.js";
import { charLabStyles } from "./char-lab.styles.js";
import type { CorpusChoice } from "./char-corpus.js";
import { lossFormula, modelFormula, temperatureFormula } from "./char-math.js";
import "./char-corpus.js";
import "./char-log.js";
import "./char-text.js";
import "./char-hidden.js";
import "./char-sweep.js";
import "./char-recall.js";
import "../charts/line-chart/line-chart.js";
import "../ui/button/button.js";
import "../ui/message/message.js";
import "../ui/select/select.js";
import "../ui/slider/slider.js";
import "../ui/tabs/tabs.js";
import "../ui/toggle/toggle.js";
import { fmt, pct } from "../../bindings/format.js";

export interface CharSampleDetail extends CharSample { elapsedMs: number }

const LN2 = Math.LN2;

/**
 * Lesson: a character-level language model trained in the reader's browser. Pick a
 * corpus (or bring one), press Train, and watch the loss fall towards the corpus's
 * floor while samples in the log turn from noise into words. Generate on demand,
 * see how sure the model was of every character and what else it considered, and
 * look for hidden units that track line position, brackets or quotes. Two more
 * panels: a hidden-size sweep and the vanishing-gradient recall task.
 *
 * Attributes (reflected as the reader changes them, so a link reproduces the setup):
 * `section` (train | sweep | recall), `corpus`, `cell`, `hidden-size`, `seq-len`,
 * `optimizer`, `lr`, `clip-mode`, `clip`, `loss-mode` (mean | sum), `seed`, `steps`,
 * `sample-every`, `sample-length`, `temperature`, `prime`, `units` (bits | nats),
 * `sweep-sizes`, `sweep-steps`, `recall-lengths`, `recall-steps`, `recall-seeds`, `keep-best` (on | off), `engine`.
 *
 * @fires rnn-sample - each sample drawn during training; detail `CharSampleDetail` (with elapsedMs since Train)
 * @fires rnn-char-done - when a training run ends; detail `{ step, status }`
 * @fires rnn-change - when the reader changes a setting; detail `{ value: { name, value } }`
 * @csspart tabs - the section tabs
 * @csspart chart - the loss chart
 * @cssproperty --rnn-accent - primary buttons, probability shading
 * @cssproperty --rnn-surface - card background
 * @fires rnn-main-action - the reader starts training; detail `{ view, action: "train" }`
 */
export class RnnCharLab extends LitElement {
  static override styles = [styles, themeRoot, lessonStyles, charLabStyles];

  private readonly settings = new KeptAttributes(this, CHAR_LAB_ATTRIBUTES);
  private readonly task = new TaskController(this, {
    task: "char-train",
    fraction: (p) => ("done" in p ? p.done / p.steps : 0),
    onProgress: (p) => this.onProgress(p),
    renderEvery: 100,
  });

  @state() private text = builtinCorpus("shakespeare").text;
  @state() private corpusTitle = builtinCorpus("shakespeare").title;
  @state() private floor?: LossFloor;
  @state() private info?: CharTrainInfo;
  @state() private curve: CurvePoint[] = [];
  @state() private samples: CharSample[] = [];
  @state() private snapshot?: CharLabSave;
  /** the current run's checkpoint with the lowest held-out loss */
  @state() private best?: BestCheckpoint;
  @state() private generation?: Generation;
  @state() private unit = 0;
  @state() private selected = -1;
  @state() private shade: "probability" | "unit" = "probability";
  @state() private problem = "";
  @state() private note = "";
  @state() private remember = false;
  @state() private milestone?: { step: number; seconds: number };
  private curveBase = 0;
  private sampleBase = 0;
  private startedAt = 0;
  private engine?: Promise<Engine>;
  private genModel?: { save: CharLabSave; model: Model; tokenizer: CharTokenizer };

  override connectedCallback() {
    super.connectedCallback();
    const id = this.settings.values.corpus;
    if (id !== "custom") this.useBuiltin(id);
    void this.restore();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.genModel?.model.dispose();
    this.genModel = undefined;
  }

  // ---------------------------------------------------------------- settings

  private get modelSettings(): CharModelSettings {
    const v = this.settings.values;
    return { cell: v.cell, hiddenSize: v.hiddenSize, seqLen: v.seqLen, optimizer: v.optimizer, lr: v.lr,
      clipMode: v.clipMode, clipThreshold: v.clip, meanLoss: v.lossMode === "mean", seed: v.seed };
  }

  private set(name: keyof typeof CHAR_LAB_ATTRIBUTES, value: string | number) {
    this.settings.set({ [name]: value });
    emit(this, "rnn-change", { value: { name, value } });
  }

  private useBuiltin(id: BuiltinCorpusId) {
    const c = builtinCorpus(id);
    this.text = c.text; this.corpusTitle = c.title; this.floor = c.floor;
  }

  private onCorpus(e: CustomEvent<CorpusChoice>) {
    const c = e.detail;
    if (c.id === "custom") { this.text = c.text; this.corpusTitle = c.title; this.floor = undefined; }
    else this.useBuiltin(c.id);
    this.set("corpus", c.id);
    this.info = undefined;
  }

  /** nats → the unit the reader chose. */
  private show = (nats: number) => {
    if (!Number.isFinite(nats)) return "–";
    return this.settings.values.units === "bits" ? fmt(nats / LN2, { decimals: 3, unit: "bits" }) : fmt(nats, { decimals: 3, unit: "nats" });
  };

  // ---------------------------------------------------------------- training

  private train(resume: boolean) {
    this.problem = "";
    const v = this.settings.values;
    let settings = this.modelSettings;
    if (resume) {
      if (!this.snapshot) return;
      // the model's shape is fixed; optimiser settings are the reader's current ones
      settings = { ...settings, cell: this.snapshot.settings.cell, hiddenSize: this.snapshot.settings.hiddenSize };
      if (settings.seqLen > this.snapshot.model.config.maxSeqLen) {
        this.problem = `This model takes chunks of at most ${this.snapshot.model.config.maxSeqLen} characters; lower the sequence length to continue.`;
        return;
      }
    } else {
      this.curve = []; this.samples = []; this.snapshot = undefined; this.milestone = undefined; this.generation = undefined;
    }
    this.best = undefined;
    this.curveBase = this.curve.length; this.sampleBase = this.samples.length;
    this.startedAt = performance.now();
    void this.task.run({ text: this.text, settings, steps: v.steps, sampleEvery: v.sampleEvery, sampleLength: v.sampleLength,
      temperature: v.temperature, resume: resume ? this.snapshot : undefined, keepBest: v.keepBest === "on", engine: v.engine }).then((r) => {
      if (r) {
        this.curve = [...this.curve.slice(0, this.curveBase), ...r.curve]; this.samples = [...this.samples.slice(0, this.sampleBase), ...r.samples];
        this.snapshot = r.save; this.best = r.best;
        if (r.restoredBest) this.note = `Kept the best checkpoint: the model now has the parameters of step ${r.save.step.toLocaleString("en")}, where held-out loss was lowest (${this.show(r.best!.validation)}).`;
      }
      this.afterRun();
    });
  }

  private onProgress(p: CharTrainProgress | { info: CharTrainInfo }) {
    if ("info" in p) { this.info = p.info; return; }
    const curve = this.curve.slice();
    p.curve.forEach((c, i) => { curve[this.curveBase + p.curveFrom + i] = c; });
    this.curve = curve;
    const before = this.samples.length;
    const samples = this.samples.slice();
    p.samples.forEach((s, i) => { samples[this.sampleBase + p.sampleFrom + i] = s; });
    this.samples = samples;
    for (const s of samples.slice(before)) this.onSample(s);
    if (p.snapshot) this.snapshot = p.snapshot;
    if (p.best) this.best = p.best;
  }

  /** The guide's "Try this": the same model trained long enough to pass its held-out best. */
  private tryOverfit() {
    this.set("steps", OVERFIT_RUN_STEPS);
    this.train(false);
  }

  /** Goes back to the run's best checkpoint: generation and "Continue training" start from it. */
  private restoreBest() {
    const b = this.best;
    if (!b) return;
    this.snapshot = b.save;
    this.note = `Restored the checkpoint of step ${b.step.toLocaleString("en")} (held-out loss ${this.show(b.validation)}); Generate and Continue training now use it.`;
    void this.generateNow();
    if (this.remember) void this.persist();
  }

  private onSample(s: CharSample) {
    const elapsedMs = performance.now() - this.startedAt;
    if (!this.milestone && s.words.distinctReal.length >= WORDS_MILESTONE) this.milestone = { step: s.step, seconds: elapsedMs / 1000 };
    emit<CharSampleDetail>(this, "rnn-sample", { ...s, elapsedMs });
  }

  private afterRun() {
    emit(this, "rnn-char-done", { step: this.snapshot?.step ?? 0, status: this.task.status });
    emitMainAction(this, "char-lab", "train");
    if (this.snapshot) this.generateNow();
    if (this.remember) void this.persist();
  }

  // ---------------------------------------------------------------- generation

  private async modelFor(save: CharLabSave) {
    if (this.genModel?.save === save) return this.genModel;
    // generation is light work: the page's engine, the TS twin if WebAssembly is blocked
    this.engine ??= sharedEngine(this.settings.values.engine);
    const engine = await this.engine;
    this.genModel?.model.dispose();
    this.genModel = { save, model: engine.loadModel(save.model), tokenizer: CharTokenizer.fromJSON(save.tokenizer) };
    return this.genModel;
  }

  private async generateNow() {
    const save = this.snapshot;
    if (!save) return;
    const v = this.settings.values;
    try {
      const { model, tokenizer } = await this.modelFor(save);
      this.generation = generate(model, tokenizer, { prime: v.prime, length: v.sampleLength, temperature: v.temperature, seed: v.seed });
      this.selected = -1;
      this.problem = "";
    } catch (e) {
      this.problem = (e as Error).message;
    }
  }

  // ---------------------------------------------------------------- save, load, remember

  private save() {
    if (this.snapshot) downloadJSON(this.snapshot, `char-lab-${this.snapshot.settings.cell}-h${this.snapshot.settings.hiddenSize}-step${this.snapshot.step}.json`);
  }

  private async load() {
    try {
      const json = await pickJSONFile();
      if (json === undefined) return;
      const save = parseCharLabSave(json);
      this.task.cancel();
      this.snapshot = save; this.curve = []; this.samples = []; this.milestone = undefined;
      this.settings.set({ cell: save.settings.cell, hiddenSize: save.settings.hiddenSize, seqLen: save.settings.seqLen,
        optimizer: save.settings.optimizer, lr: save.settings.lr });
      this.note = `Loaded a ${save.settings.cell.toUpperCase()} with ${save.settings.hiddenSize} units trained for ${save.step.toLocaleString("en")} steps. Generate with it, or continue training on a corpus that uses its characters.`;
      this.problem = "";
      await this.generateNow();
    } catch (e) {
      this.problem = (e as Error).message;
    }
  }

  private async persist() {
    if (!this.snapshot) return;
    const corpus = this.settings.values.corpus;
    try {
      await storeLab({ save: this.snapshot, corpus, text: corpus === "custom" ? this.text : undefined, curve: this.curve, samples: this.samples, savedAt: Date.now() });
    } catch (e) { this.problem = `Could not keep the model in this browser: ${(e as Error).message}`; }
  }

  private async setRemember(on: boolean) {
    this.remember = on;
    if (on) { await this.persist(); this.note = this.snapshot ? "Your model is kept in this browser and comes back when you reload the page." : "Your next trained model will be kept in this browser."; }
    else { try { await forgetLab(); } catch { /* nothing stored */ } this.note = "Nothing is kept in this browser."; }
  }

  /** Brings back the model kept in IndexedDB, if the reader allowed it earlier. */
  private async restore() {
    let stored;
    try { stored = await loadLab(); } catch { return; }
    const refused = labStoreProblem(); // a damaged record was set aside: say so instead of failing silently
    if (refused) this.problem = refused;
    if (!stored || this.snapshot || this.task.running) return;
    try {
      const save = parseCharLabSave(stored.save);
      if (stored.corpus === "custom" && stored.text) { this.text = stored.text; this.corpusTitle = "your text"; this.floor = undefined; }
      else if (stored.corpus !== "custom") this.useBuiltin(stored.corpus as BuiltinCorpusId);
      this.settings.set({ corpus: stored.corpus });
      this.snapshot = save; this.curve = stored.curve ?? []; this.samples = stored.samples ?? []; this.remember = true;
      this.note = `Restored your model from ${new Date(stored.savedAt).toLocaleString()} (step ${save.step.toLocaleString("en")}).`;
      await this.generateNow();
    } catch { /* a record from an older version: ignore it */ }
  }

  // ---------------------------------------------------------------- render

  override render() {
    const v = this.settings.values;
    return html`
      <h2>Character lab: a language model that learns to write</h2>
      <p class="lead">A recurrent network reads text one character at a time and learns to predict the next one. Everything here trains in your browser.</p>
      ${this.settings.problems.length ? html`<rnn-message heading="Some settings were not used" .items=${this.settings.problems}></rnn-message>` : nothing}
      <rnn-tabs part="tabs" label="Character lab sections" .tabs=${[{ name: "train", label: "Train and generate" }, { name: "sweep", label: "Hidden-size sweep" }, { name: "recall", label: "Vanishing gradients" }]}
        .selected=${v.section} @rnn-tab-change=${(e: CustomEvent<{ name: string }>) => this.set("section", e.detail.name)}>
        <div slot="train">${this.renderTrain()}</div>
        <div slot="sweep"><rnn-char-sweep .text=${this.text} .corpusTitle=${this.corpusTitle} .settings=${this.modelSettings} .sizes=${v.sweepSizes}
          .steps=${v.sweepSteps} .temperature=${v.temperature} .units=${v.units} .engine=${v.engine}
          @rnn-sweep-settings=${(e: CustomEvent<{ sizes: number[]; steps: number }>) => this.settings.set({ sweepSizes: e.detail.sizes.join(","), sweepSteps: e.detail.steps })}></rnn-char-sweep></div>
        <div slot="recall"><rnn-char-recall .lengths=${v.recallLengths} .steps=${v.recallSteps} .seed=${v.seed} .seeds=${v.recallSeeds} .engine=${v.engine}
          @rnn-recall-settings=${(e: CustomEvent<{ lengths: number[]; steps: number; seeds: number }>) => this.settings.set({ recallLengths: e.detail.lengths.join(","), recallSteps: e.detail.steps, recallSeeds: e.detail.seeds })}></rnn-char-recall></div>
      </rnn-tabs>`;
  }

  private renderTrain() {
    const v = this.settings.values, t = this.task, busy = t.running;
    return html`
      <section class="card grid">
        <div class="buttons" role="group" aria-label="Training" data-primary="control">
          <rnn-button variant="primary" ?disabled=${busy} @click=${() => this.train(false)}>Train a new model</rnn-button>
          <rnn-button ?disabled=${busy || !this.snapshot} @click=${() => this.train(true)}>Continue training</rnn-button>
          ${t.status === "paused"
            ? html`<rnn-button @click=${() => t.resume()}>Resume</rnn-button><rnn-button @click=${() => t.step()}>Step</rnn-button>`
            : html`<rnn-button ?disabled=${t.status !== "running"} @click=${() => t.pause()}>Pause</rnn-button>`}
          <rnn-button ?disabled=${!busy} @click=${() => t.cancel()}>Stop</rnn-button>
        </div>
        ${t.renderProgress(`Training ${this.corpusTitle}`)}
        ${this.problem ? html`<rnn-message heading="Something needs your attention">${this.problem}</rnn-message>` : nothing}
        ${t.status === "error" ? html`<rnn-message heading="Training stopped">${t.error}</rnn-message>` : nothing}
        ${this.renderHealth()}
        ${this.renderStats()}
        ${this.milestone ? html`<p class="milestone">First sample with ${WORDS_MILESTONE} or more distinct words of the corpus: step ${this.milestone.step.toLocaleString("en")}, ${fmt(this.milestone.seconds, { unit: "s" })} after you pressed Train.</p>` : nothing}
        ${this.renderChart()}
        ${this.renderHeldOut()}
        <div>
          <h3>Samples during training</h3>
          <rnn-char-log .samples=${this.samples} .format=${this.show}></rnn-char-log>
        </div>
      </section>
      <div class="grid two">
        <section class="card">
          <h3>Corpus</h3>
          <rnn-char-corpus .corpus=${v.corpus} .text=${this.text} ?disabled=${busy} @rnn-corpus-change=${this.onCorpus}></rnn-char-corpus>
          ${this.renderCorpusFacts()}
        </section>
        <section class="card">
          <h3>Model and training</h3>
          ${this.renderSettings(busy)}
        </section>
      </div>
      <div class="grid two">
        <section class="card">${this.renderGenerate()}</section>
        <section class="card">
          <h3>Hidden state over the generated text</h3>
          <rnn-char-hidden .generation=${this.generation} .unit=${this.unit}
            @rnn-unit-change=${(e: CustomEvent<{ unit: number }>) => { this.unit = e.detail.unit; this.shade = "unit"; }}></rnn-char-hidden>
        </section>
      </div>
      <section class="card grid">
        <h3>Keep the model</h3>
        <div class="buttons">
          <rnn-button ?disabled=${!this.snapshot} @click=${this.save}>Save model (JSON)</rnn-button>
          <rnn-button ?disabled=${busy} @click=${this.load}>Load model…</rnn-button>
          <rnn-toggle label="Keep my last model in this browser" .checked=${this.remember}
            @rnn-change=${(e: CustomEvent<{ value: boolean }>) => this.setRemember(e.detail.value)}></rnn-toggle>
        </div>
        ${this.note ? html`<p class="note" role="status">${this.note}</p>` : nothing}
      </section>
      ${this.renderGuide()}`;
  }

  private renderGuide() {
    return html`<details class="guide">
      <summary>How to use the character lab</summary>
      <h4>Try this</h4>
      <ul>
        <li>Press <b>Train a new model</b> with the defaults and read the sample log: do the first samples look like random letters? When do spaces and short words appear, and does the model ever put a speaker's name at the start of a line?</li>
        <li>Watch held-out loss under the chart. Then <rnn-button data-testid="try-overfit" ?disabled=${this.task.running} @click=${() => this.tryOverfit()}>Train ${OVERFIT_RUN_STEPS.toLocaleString("en")} steps</rnn-button>: a model this size sees the same ${this.info ? this.info.trainChars.toLocaleString("en") : ""} training characters over and over. Does held-out loss keep falling with training loss, or turn up? The lab raises an <b>Overfitting</b> warning from the run's own numbers when it turns.</li>
        <li>Switch the corpus to <b>Template grammar</b>: the loss can approach the grammar's exact floor, which is drawn on the chart.</li>
        <li>Set the temperature to 0 and generate twice: greedy decoding is deterministic and soon repeats itself. Raise it to 1.5 and the text gets adventurous.</li>
        <li>Train on <b>Nested brackets</b>, generate, then pick the unit the probe lists for bracket depth and watch it rise and fall with the brackets.</li>
      </ul>
      <h4>What to look for</h4>
      <ul>
        <li>The training loss falls below the unigram entropy (the best a model can do ignoring context) within a few hundred steps; everything below that line is context the network learned to use.</li>
        <li>A widening gap between training and held-out loss means the model starts memorising the training text.</li>
        <li>In the shaded text, the first letters of words are pale (many continuations are possible) and the ends of words dark (only one spelling fits).</li>
      </ul>
      ${this.renderQuestions()}</details>`;
  }

  /** Questions to think about after a run, with this run's numbers where it has them. */
  private renderQuestions() {
    const first = this.samples[0], last = this.samples[this.samples.length - 1], i = this.info;
    const uniform = i ? Math.log(i.vocabSize) : NaN;
    return html`<h4>Questions to think about</h4>
      <ol data-testid="questions">
        <li>Why are the first samples noise? ${first?.validation !== undefined && i
          ? html`At step ${first.step.toLocaleString("en")} this run scored ${this.show(first.validation)} on held-out text; guessing all ${i.vocabSize} characters equally often scores ${this.show(uniform)}, and knowing only how common each character is, ${this.show(i.unigram)}. How far below those lines must the loss go before letters form words?`
          : "Train a model and compare the first sample's held-out loss with the uniform guess and the unigram entropy."}</li>
        <li>${last && i
          ? html`After ${fmt(epochOf(last.step, i.stepsPerEpoch), 3)} passes over the training text, ${last.words.real} of the ${last.words.words} words in the latest sample occur in the corpus.`
          : "Later samples are made of real words."} Yet they do not mean anything. What does predicting the next character never ask the network to learn?</li>
        <li>What would change if the same network read numbers (a sensor reading every second, a price every day) instead of characters: the input, the output layer, the loss? The engine's squared-error loss and the echo-state view's Mackey-Glass series are one place to try it.</li>
      </ol>`;
  }

  private renderCorpusFacts() {
    const i = this.info;
    return html`<dl class="stats facts" aria-label="About the corpus">
      <div><dt>characters</dt><dd>${this.text.length.toLocaleString("en")}</dd></div>
      ${i ? html`<div><dt>vocabulary</dt><dd>${i.vocabSize}</dd></div>
        <div><dt>training / held out</dt><dd>${i.trainChars.toLocaleString("en")} / ${i.validationChars.toLocaleString("en")}</dd></div>
        <div><dt>unigram entropy</dt><dd>${this.show(i.unigram)}</dd></div>` : nothing}
      ${this.floor ? html`<div><dt>floor (exact)</dt><dd>${this.show(this.floor.nats)}</dd></div>` : nothing}
    </dl>
    ${this.floor ? html`<p class="note">Floor: ${this.floor.about}.</p>` : nothing}`;
  }

  private renderSettings(busy: boolean) {
    const v = this.settings.values;
    const sel = (name: "cell" | "optimizer" | "clipMode" | "lossMode" | "units", label: string, options: { value: string; label: string }[]) =>
      html`<rnn-select label=${label} .value=${v[name]} .options=${options} ?disabled=${busy && name !== "units"}
        @rnn-change=${(e: CustomEvent<{ value: string }>) => this.set(name, e.detail.value)}></rnn-select>`;
    const slider = (name: keyof typeof CHAR_LAB_ATTRIBUTES, label: string, min: number, max: number, step: number, scale: "linear" | "log" = "linear", disabled = busy) =>
      html`<rnn-slider label=${label} .min=${min} .max=${max} .step=${step} .scale=${scale} .value=${v[name] as number} ?disabled=${disabled}
        @rnn-change=${(e: CustomEvent<{ value: number }>) => this.set(name, e.detail.value)}></rnn-slider>`;
    return html`<div class="controls">
      ${sel("cell", "Cell", CELLS.map((c) => ({ value: c, label: c === "rnn" ? `${CELL_NAME[c]} (tanh)` : CELL_NAME[c] })))}
      ${slider("hiddenSize", "Hidden units H", 8, 512, 8)}
      ${slider("seqLen", "Sequence length (BPTT)", 1, 200, 1)}
      ${sel("optimizer", "Optimizer", [{ value: "adam", label: "Adam" }, { value: "adagrad", label: "Adagrad" }, { value: "momentum", label: "SGD + momentum" }, { value: "sgd", label: "SGD" }])}
      ${slider("lr", "Learning rate", 1e-5, 1, 0.0001, "log")}
      ${sel("clipMode", "Gradient clipping", [{ value: "norm", label: "global norm" }, { value: "value", label: "each value" }, { value: "none", label: "none" }])}
      ${slider("clip", "Clip threshold", 0.01, 1000, 0.01, "log")}
      ${sel("lossMode", "Loss trained on", [{ value: "mean", label: "mean per character" }, { value: "sum", label: "sum over the chunk" }])}
      ${slider("seed", "Seed", 0, 9999, 1)}
      ${slider("steps", "Steps per run", 100, 200000, 100, "log")}
      ${slider("sampleEvery", "Sample every N steps", 20, 5000, 10, "log", false)}
      ${sel("units", "Show losses in", [{ value: "bits", label: "bits per character" }, { value: "nats", label: "nats per character" }])}
    </div>
    ${modelFormula(v.cell)}
    <p class="note">The clip threshold applies to the gradient of the ${v.lossMode === "mean" ? "mean loss per character" : "loss summed over a chunk of " + v.seqLen + " characters"}; the same number means a ${v.lossMode === "mean" ? "looser" : "tighter"} clip under the other convention.</p>`;
  }

  /** Divergence rolled back, or a loss the trainer calls unstable: said in words, while the lab keeps working. */
  private renderHealth() {
    const p = this.task.progress && !("info" in this.task.progress) ? this.task.progress : undefined;
    const says = p ? trainingHealthMessage({ divergences: p.divergences, steps: p.done, rolledBack: true, unstable: p.unstable }) : "";
    return says ? html`<rnn-message variant="warning" heading="Training was unstable" data-testid="training-health">${says}</rnn-message>` : nothing;
  }

  private renderStats() {
    const p = this.task.progress && !("info" in this.task.progress) ? this.task.progress : undefined;
    if (!p) return nothing;
    const last = this.samples[this.samples.length - 1];
    return html`<dl class="stats" aria-label="Training statistics">
      <div><dt>step</dt><dd>${p.step.toLocaleString("en")}</dd></div>
      ${this.info ? html`<div><dt>epochs (passes over the training text)</dt><dd data-testid="epochs">${fmt(epochOf(p.step, this.info.stepsPerEpoch), 3)}</dd></div>` : nothing}
      <div><dt>loss (last chunk)</dt><dd>${this.show(p.loss)}</dd></div>
      <div><dt>loss (moving average)</dt><dd>${this.show(p.smoothLoss)}</dd></div>
      <div><dt>held-out loss</dt><dd>${this.show(last?.validation ?? NaN)}</dd></div>
      <div><dt>steps per second</dt><dd>${fmt(p.stepsPerSec, { decimals: 0 })}</dd></div>
      <div><dt>characters per second</dt><dd>${fmt(p.stepsPerSec * this.settings.values.seqLen, { decimals: 0 })}</dd></div>
      <div><dt>gradient norm</dt><dd>${Number.isFinite(p.gradNorm) ? fmt(p.gradNorm) : "–"}</dd></div>
      <div><dt>steps clipped</dt><dd>${pct(p.clippedFraction)}</dd></div>
      ${p.divergences ? html`<div><dt>rolled back</dt><dd>${p.divergences}</dd></div>` : nothing}
    </dl>
    ${lossFormula(p.smoothLoss, this.info?.unigram, this.settings.values.seqLen)}`;
  }

  /** The lowest held-out loss, the overfitting flag and the best-checkpoint controls. */
  private renderHeldOut() {
    const r = heldOutReport(this.samples, this.curve), spe = this.info?.stepsPerEpoch, busy = this.task.running;
    const at = (step: number) => `step ${step.toLocaleString("en")}${spe ? ` (epoch ${fmt(epochOf(step, spe), 3)})` : ""}`;
    const o = r.overfitting, b = this.best;
    return html`<div class="heldout" data-testid="heldout">
      ${r.best ? html`<p class="note" data-testid="best-heldout">Lowest held-out loss so far: <strong>${this.show(r.best.loss)}</strong> at ${at(r.best.step)}${r.latest && r.latest.step !== r.best.step ? html`; latest ${this.show(r.latest.loss)} at ${at(r.latest.step)}` : nothing}.</p>` : nothing}
      ${o ? html`<rnn-message variant="warning" heading="Overfitting" data-testid="overfitting">Held-out loss (mean of ${OVERFIT_WINDOW} evaluations in a row) rose from ${this.show(o.heldOutFrom)} at ${at(o.fromStep)} to ${this.show(o.heldOutTo)} at ${at(o.toStep)}, while training loss fell from ${this.show(o.trainFrom)} to ${this.show(o.trainTo)}: the model is learning the training text itself rather than what carries over to new text. Keep the best checkpoint, or use a smaller model or more text.</rnn-message>` : nothing}
      <div class="buttons">
        <rnn-toggle label="End each run at its best checkpoint (lowest held-out loss)" .checked=${this.settings.values.keepBest === "on"}
          @rnn-change=${(e: CustomEvent<{ value: boolean }>) => this.set("keepBest", e.detail.value ? "on" : "off")}></rnn-toggle>
        ${b && this.snapshot && b.save !== this.snapshot && !busy ? html`<rnn-button data-testid="restore-best" @click=${() => this.restoreBest()}>Restore the best checkpoint (${at(b.step)})</rnn-button>` : nothing}
      </div></div>`;
  }

  private renderChart() {
    const k = this.settings.values.units === "bits" ? 1 / LN2 : 1, unit = this.settings.values.units;
    const x = this.curve.map((c) => c.step), train = this.curve.map((c) => c.loss * k);
    // held-out loss is measured at each sample; joined by straight lines between measurements
    const measured = this.samples.filter((s) => s.validation !== undefined).map((s) => [s.step, s.validation! * k] as const);
    const held = x.map((step) => {
      const j = measured.findIndex(([s]) => s >= step);
      if (j < 0) return NaN;
      if (measured[j][0] === step || j === 0) return j === 0 && measured[0][0] > step ? NaN : measured[j][1];
      const [s0, v0] = measured[j - 1], [s1, v1] = measured[j];
      return v0 + ((v1 - v0) * (step - s0)) / (s1 - s0);
    });
    const series = [{ label: `training loss (${unit}/char)`, values: train }, { label: "held-out loss", values: held }];
    if (this.info) series.push({ label: "unigram entropy", values: x.map(() => this.info!.unigram * k) });
    if (this.floor) series.push({ label: "floor", values: x.map(() => this.floor!.nats * k) });
    return html`<rnn-line-chart part="chart" data-primary="visual" label="Loss per character" y-label=${`${unit} per character`} x-label=${this.info ? `training step (1 epoch = ${this.info.stepsPerEpoch.toLocaleString("en")} steps)` : "training step"} .x=${x} .series=${series} .height=${220}
      .empty=${this.curve.length ? "" : "Press Train a new model: training and held-out loss are drawn here as the model learns."}></rnn-line-chart>`;
  }

  private renderGenerate() {
    const v = this.settings.values, g = this.generation;
    return html`<h3>Generate</h3>
      <div class="controls">
        <div class="field"><label for="prime">Prime (start of the text)</label>
          <input id="prime" .value=${v.prime} maxlength="200" placeholder="(a line break)" @change=${(e: Event) => this.set("prime", (e.target as HTMLInputElement).value)} /></div>
        ${html`<rnn-slider label="Length" .min=${20} .max=${1000} .step=${10} .value=${v.sampleLength}
          @rnn-change=${(e: CustomEvent<{ value: number }>) => this.set("sampleLength", e.detail.value)}></rnn-slider>`}
        ${html`<rnn-slider label="Temperature (0 = greedy)" .min=${0} .max=${2} .step=${0.05} .value=${v.temperature}
          @rnn-change=${(e: CustomEvent<{ value: number }>) => this.set("temperature", e.detail.value)}></rnn-slider>`}
      </div>
      <div class="buttons">
        <rnn-button variant="primary" ?disabled=${!this.snapshot} @click=${() => this.generateNow()}>Generate</rnn-button>
        <rnn-select label="Shade by" .value=${this.shade} .options=${[{ value: "probability", label: "probability" }, { value: "unit", label: `unit ${this.unit}` }]}
          @rnn-change=${(e: CustomEvent<{ value: string }>) => { this.shade = e.detail.value as "probability" | "unit"; }}></rnn-select>
      </div>
      ${this.snapshot ? html`<p class="note">Uses the model at step ${this.snapshot.step.toLocaleString("en")}${g ? html`; mean surprise of its own text ${this.show(g.meanSurprise)}` : nothing}.</p>` : html`<p class="note">Train or load a model first.</p>`}
      ${temperatureFormula(v.temperature)}
      <rnn-char-text .generation=${g} .shade=${this.shade} .unit=${this.unit} .selected=${this.selected}
        @rnn-select=${(e: CustomEvent<{ index: number }>) => { this.selected = e.detail.index; }}></rnn-char-text>`;
  }
}

define("rnn-char-lab", RnnCharLab);
registerView({
  name: "char-lab", title: "Character lab", tag: "rnn-char-lab", attributes: CHAR_LAB_ATTRIBUTES,
  description: "Train a character-level language model in the browser and watch it learn to write.",
});
declare global {
  interface HTMLElementTagNameMap { "rnn-char-lab": RnnCharLab }
  interface HTMLElementEventMap { "rnn-sample": CustomEvent<CharSampleDetail>; "rnn-char-done": CustomEvent<{ step: number; status: string }> }
}
