import { LitElement, html, mathml, nothing } from "lit";
import { state } from "lit/decorators.js";
import { int, KeptAttributes, num as numRule, oneOf } from "../attributes.js";
import { define } from "../define.js";
import { emitMainAction, emitTrainDone, emitTrainProgress } from "../events.js";
import { registerView } from "../registry.js";
import { TaskController } from "../task-controller.js";
import { styles, themeRoot } from "../theme/tokens.js";
import {
  CHUNK, CLIP, DEFAULT_ESN_LAB, esnObservations, firstLookObservations, ESN_TASKS, MC_DELAYS, MC_LENGTH, TEST, TRAIN, WASHOUT,
  type EsnFit, type EsnLabConfig, type EsnLabResult, type CapacityCurve,
} from "../../lessons/esn-lab.js";
import { aligned, eq, fmt, n, plus, r, sub, times } from "../math/mathml.js";
import { cellLessonStyles, lessonStyles } from "../theme/lesson.styles.js";
import { anyBelowFloor, floored, LOG_FLOOR } from "../ui/log-floor.js";
import { esnStyles } from "./esn.styles.js";
import "../ui/button/button.js";
import "../ui/message/message.js";
import "../ui/select/select.js";
import "../ui/slider/slider.js";
import "../charts/line-chart/line-chart.js";
import { CALIBRATION_SIZE, estimateSentence, PROBE_MAX_SIZE, type EsnProbe } from "../../lessons/esn-probe.js";
import type {} from "../../tasks/esn.js";
import type {} from "../../tasks/esn-probe.js";

export const ESN_ATTRIBUTES = {
  task: oneOf(ESN_TASKS, DEFAULT_ESN_LAB.task),
  size: int(10, 500, DEFAULT_ESN_LAB.size),
  spectralRadius: numRule(0, 1.5, DEFAULT_ESN_LAB.spectralRadius),
  inputScaling: numRule(0.01, 10, DEFAULT_ESN_LAB.inputScaling),
  leakRate: numRule(0.05, 1, DEFAULT_ESN_LAB.leakRate),
  ridge: numRule(1e-10, 1, DEFAULT_ESN_LAB.ridge),
  delay: int(1, 30, DEFAULT_ESN_LAB.delay),
  rnnSteps: int(0, 5000, DEFAULT_ESN_LAB.rnnSteps),
  rnnLr: numRule(0.0001, 0.1, DEFAULT_ESN_LAB.rnnLr),
  seed: int(0, 99_999, DEFAULT_ESN_LAB.seed),
};

const TASK_LABEL: Record<string, string> = { "mackey-glass": "Mackey-Glass, one step ahead", sine: "sine, one step ahead", delay: "delayed recall" };
const SHOWN = 200; // test steps drawn in the fit chart

/**
 * Lesson 8: echo state network against BPTT. A fixed random reservoir of N units
 * (spectral radius ρ, input scaling, leak rate) with a ridge-regression readout, and a
 * tanh RNN of the same N units trained by backpropagation through time, on the same
 * task; both are scored on held-out data and timed. A memory-capacity curve shows the
 * reservoir's memory against ρ. Runs in a worker with progress.
 *
 * Attributes (reflected): `task` (mackey-glass | sine | delay), `size` (N), `spectral-radius`,
 * `input-scaling`, `leak-rate`, `ridge` (λ), `delay`, `rnn-steps`, `rnn-lr`, `seed`.
 *
 * @fires rnn-train-progress - while the lab runs; detail `{ fraction, phase }`, with `{ step, steps, loss }` of the BPTT network once it trains
 * @fires rnn-train-done - when it finishes; detail `{ status, esnTestNrmse, rnnTestNrmse, esnMs, rnnMs, rho }`
 * @csspart controls - the settings card
 * @csspart comparison - the results table, ρ read-out and observations
 * @cssproperty --rnn-series-1 - ESN color (--rnn-series-2 BPTT RNN, --rnn-series-6 target)
 * @cssproperty --rnn-surface - card background
 * @fires rnn-main-action - the full comparison has run; detail `{ view, action: "run" }`
 */
export class RnnEsn extends LitElement {
  static override styles = [styles, themeRoot, lessonStyles, cellLessonStyles, esnStyles];

  private readonly settings = new KeptAttributes(this, ESN_ATTRIBUTES, () => this.scheduleProbe());
  private readonly task = new TaskController(this, {
    task: "esn", renderEvery: 150, fraction: (p) => p.fraction,
    onProgress: (p) => {
      this.partial = { esn: p.esn, rnnLosses: p.rnnLosses, capacity: p.capacity };
      emitTrainProgress(this, { fraction: p.fraction, step: p.step, steps: p.steps, loss: p.rnnLosses?.[p.rnnLosses.length - 1], phase: p.phase });
    },
  });
  /** the light first result: the reservoir fitted, the recall curve at ρ, and the timings the estimate is made from */
  private readonly probeTask = new TaskController(this, { task: "esn-probe" });
  @state() private probe?: EsnProbe;
  private probeTimer?: ReturnType<typeof setTimeout>;
  @state() private result?: EsnLabResult;
  @state() private partial: { esn?: EsnFit; rnnLosses?: number[]; capacity?: Partial<CapacityCurve> } = {};
  private ranWith?: EsnLabConfig;

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.probeTimer);
  }

  /**
   * Nothing heavy starts on its own: after the settings change (and on the first reading)
   * the probe runs in a worker, under a second at N ≤ PROBE_MAX_SIZE; the full run waits
   * for Run. The delay lets a reader finish moving a slider first.
   */
  private scheduleProbe() {
    clearTimeout(this.probeTimer);
    if (!this.isConnected) return;
    this.probeTimer = setTimeout(() => void this.runProbe(), 250);
  }

  private async runProbe() {
    if (this.task.running) return;
    const cfg = this.config(), key = JSON.stringify({ ...cfg, size: cfg.size <= PROBE_MAX_SIZE ? cfg.size : CALIBRATION_SIZE });
    if (key === this.probedKey) return;
    this.probedKey = key;
    const p = await this.probeTask.run(cfg);
    if (p) this.probe = p;
    else this.probedKey = "";
  }
  private probedKey = "";

  /** The probe's results when it ran at the reader's own settings (not only to measure speed). */
  private get firstLook(): EsnProbe | undefined {
    const p = this.probe, cfg = this.config();
    return p && JSON.stringify(p.config) === JSON.stringify(cfg) ? p : undefined;
  }

  private config(): EsnLabConfig {
    return { ...DEFAULT_ESN_LAB, ...this.settings.values };
  }

  async start() {
    this.probeTask.cancel();
    const cfg = this.config();
    this.ranWith = cfg; this.partial = {}; this.result = undefined;
    const res = await this.task.run(cfg);
    if (res) {
      this.result = res;
      emitTrainDone(this, { status: "done", esnTestNrmse: res.esn.testNrmse, rnnTestNrmse: res.rnn.testNrmse, esnMs: res.esn.trainMs, rnnMs: res.rnn.trainMs, rho: res.esn.measuredRho });
      emitMainAction(this, "esn", "run");
    }
  }

  private get stale() { return !!this.ranWith && JSON.stringify(this.ranWith) !== JSON.stringify(this.config()); }

  override render() {
    const v = this.settings.values, running = this.task.running;
    return html`
      <h2>Echo state network vs backpropagation through time</h2>
      <p class="lead">Two ways to get a recurrent network of N units to do the same job. The echo state network never trains its
        recurrent weights: a random reservoir, scaled to a spectral radius ρ, is driven by the input, and only a linear readout is
        solved in closed form. The other network trains every weight by BPTT. Both are scored on data they never saw, and timed.</p>
      ${this.settings.problems.length ? html`<rnn-message variant="warning" heading="Some settings were not understood:" .items=${this.settings.problems}></rnn-message>` : nothing}
      <section class="card controls-card" part="controls" aria-label="Lab settings" data-primary="control">
        <div class="controls">
          <rnn-select class="wide" label="Task" .value=${v.task} .options=${ESN_TASKS.map((k) => ({ value: k, label: TASK_LABEL[k] }))}
            @rnn-change=${(e: CustomEvent<{ value: string }>) => this.settings.set({ task: e.detail.value })}></rnn-select>
          ${v.task === "delay" ? this.slider("Recall delay d", "delay", 1, 30, 1) : nothing}
          ${this.slider("Units N (both networks)", "size", 10, 500, 10)}
          ${this.slider("Spectral radius ρ", "spectralRadius", 0, 1.5, 0.05)}
          ${this.slider("Input scaling", "inputScaling", 0.01, 10, 0, "log")}
          ${this.slider("Leak rate a", "leakRate", 0.05, 1, 0.05)}
          ${this.slider(`Ridge λ = ${fmt(v.ridge)}`, "ridge", 1e-10, 1, 0, "log")}
          ${this.slider("BPTT steps", "rnnSteps", 0, 5000, 100)}
          ${this.slider("BPTT learning rate", "rnnLr", 0.0001, 0.1, 0, "log")}
          ${this.slider("Seed", "seed", 0, 999, 1)}
        </div>
        <div class="buttons">
          <rnn-button variant="primary" ?disabled=${running} @click=${() => this.start()}>Run the full comparison</rnn-button>
          ${this.task.renderPauseCancel()}
          ${this.stale && !running ? html`<span class="status">Settings changed: press Run to measure them.</span>` : nothing}
        </div>
        ${running || (this.task.status === "done" && !this.stale) ? nothing : html`<p class="status" data-testid="estimate" role="status">${this.probe
          ? estimateSentence(this.probe, this.config())
          : this.probeTask.running ? "Measuring this machine's speed to estimate the full run…" : ""}</p>`}
        ${this.task.renderProgress(this.progressLabel())}
      </section>
      ${this.renderResults()}
      <details class="guide card" open><summary>Guide</summary>${this.guide()}</details>`;
  }

  private progressLabel() {
    const p = this.task.progress;
    if (this.task.status === "done") return "Finished";
    if (!p) return "Starting the worker";
    return p.phase === "esn" ? "Running the reservoir and solving the readout"
      : p.phase === "bptt" ? `Training the RNN by BPTT: step ${p.step ?? 0} of ${p.steps ?? 0}`
      : `Memory capacity: ρ ${(p.capacity?.rhos?.length ?? 0) + 1} of ${(this.ranWith?.capacityRhos.length ?? 0) + 1}`;
  }

  private slider(label: string, key: keyof typeof ESN_ATTRIBUTES, min: number, max: number, step: number, scale: "linear" | "log" = "linear") {
    return html`<rnn-slider label=${label} min=${min} max=${max} step=${step || 0.01} scale=${scale}
      .value=${this.settings.values[key] as number}
      @rnn-change=${(e: CustomEvent<{ value: number }>) => this.settings.set({ [key]: e.detail.value })}></rnn-slider>`;
  }

  private renderResults() {
    const look = this.ranWith ? undefined : this.firstLook;
    const res = this.result, cfg = this.ranWith ?? this.config();
    const esn = res?.esn ?? this.partial.esn ?? look?.esn, losses = res?.rnn.losses ?? this.partial.rnnLosses;
    const capacity = res?.capacity ?? this.partial.capacity ?? (look && { rhos: [look.capacity.rho], totals: [look.capacity.total], perDelay: look.capacity.perDelay });
    return html`
      <section class="card" part="comparison" aria-label="Comparison" data-primary="visual">
        <h3>Same task, same N = ${cfg.size}: ${TASK_LABEL[cfg.task]}${cfg.task === "delay" ? ` (d = ${cfg.delay})` : ""}</h3>
        ${this.compareTable(cfg, res)}
        ${esn ? html`<p class="status" data-testid="rho">Spectral radius of the reservoir W, computed from its eigenvalues:
          ρ(W) = <strong class="mono" data-value=${esn.measuredRho}>${fmt(esn.measuredRho, 4)}</strong> (requested ${cfg.spectralRadius}).
          ${esn.measuredRho < 1 ? "Below 1, the state forgets its starting point and becomes a function of the recent input: the echo state property, in practice."
            : "At or above 1 the state can keep or amplify its own history instead of echoing the input; the readout then sees less of the input and more of the reservoir's own dynamics."}</p>` : nothing}
        ${res ? html`<ul class="observations" data-testid="observations">${esnObservations(res).map((o) => html`<li>${o}</li>`)}</ul>`
          : look ? html`<ul class="observations" data-testid="observations">${firstLookObservations(look).map((o) => html`<li>${o}</li>`)}</ul>` : nothing}
      </section>
      ${res ? this.fitCharts(res) : nothing}
      <div class="grid two">
        <section class="card" aria-label="BPTT training loss">
          <rnn-line-chart label="BPTT training loss (mean ½(ŷ − y)² per target, per chunk)" x-label="training step" y-label="loss (dimensionless)" log height="200"
            .series=${losses?.length ? [{ label: "RNN by BPTT", values: floored(losses), color: "series-2" }] : []}
            .empty=${losses?.length ? "" : "Press Run the full comparison: the BPTT-trained RNN's loss is drawn here."}></rnn-line-chart>
          <p class="eq-note">Truncated BPTT over chunks of ${CHUNK} steps with the state carried, Adam at learning rate ${cfg.rnnLr}, global-norm clip ${CLIP}.</p>
        </section>
        <section class="card" aria-label="Reservoir states">
          ${esn ? html`<rnn-line-chart label="Four reservoir units driven by the input (first 200 steps)" x-label="time step t" y-label="x_t (activation, −1 to 1)" height="200"
            .series=${esn.sampleStates.map((s, k) => ({ label: `unit ${k}`, values: s }))}></rnn-line-chart>` : html`<p class="starting">Running the reservoir…</p>`}
        </section>
      </div>
      ${this.capacityCharts(cfg, capacity)}
      ${this.equations(cfg, res)}`;
  }

  private compareTable(cfg: EsnLabConfig, res?: EsnLabResult) {
    const N = cfg.size, nz = Math.round(N * N * Math.min(1, 10 / N));
    const row = (name: string, trained: string, fixed: string, m?: { trainNrmse: number; testNrmse: number; trainMs: number }, testid = "") => html`
      <tr data-testid=${testid}><td>${name}</td><td>${trained}</td><td>${fixed}</td>
        <td>${m ? fmt(m.trainNrmse, 4) : "…"}</td><td>${m ? fmt(m.testNrmse, 4) : "…"}</td><td>${m ? `${Math.round(m.trainMs)} ms` : "…"}</td></tr>`;
    return html`<div class="scroll-x" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="results" data-testid="compare">
      <caption>NRMSE = √(mean (ŷ − y)² / var y): 0 is perfect, 1 is no better than predicting the mean. Train: steps ${WASHOUT}–${TRAIN - 1}; test: the next ${TEST} steps.</caption>
      <thead><tr><th scope="col">method</th><th scope="col">trained weights</th><th scope="col">fixed weights</th><th scope="col">train NRMSE</th>
        <th scope="col">test NRMSE</th><th scope="col">training time</th></tr></thead>
      <tbody>
        ${row("ESN: ridge readout", `${N + 2}`, `≈ ${nz + N} (W, W_in)`, res?.esn ?? this.partial.esn ?? (this.ranWith ? undefined : this.firstLook?.esn), "esn-row")}
        ${row("RNN: BPTT", `${res?.rnn.trained ?? N * N + 3 * N + 1}`, "0", res?.rnn, "rnn-row")}
      </tbody></table></div>`;
  }

  private fitCharts(res: EsnLabResult) {
    const target = res.series.targets.slice(TRAIN, TRAIN + SHOWN).map((y) => (y ? y[0] : NaN));
    const x = Array.from({ length: SHOWN }, (_, k) => TRAIN + k);
    const err = (p: number[]) => p.slice(0, SHOWN).map((v, k) => Math.abs(v - target[k]));
    const errs = [{ label: "|error| ESN", values: err(res.esn.test), color: "series-1" }, { label: "|error| RNN", values: err(res.rnn.test), color: "series-2" }];
    return html`<div class="grid two">
      <section class="card" aria-label="Fit on the test part">
        <rnn-line-chart label="Test part: target ${res.series.about} and both predictions" x-label="time step t" y-label="value (dimensionless)" height="220" .x=${x}
          .series=${[{ label: "target", values: target, color: "series-6" }, { label: "ESN", values: res.esn.test.slice(0, SHOWN), color: "series-1" },
            { label: "RNN (BPTT)", values: res.rnn.test.slice(0, SHOWN), color: "series-2" }]}></rnn-line-chart>
      </section>
      <section class="card" aria-label="Error on the test part">
        <rnn-line-chart label="Absolute error on the test part" x-label="time step t" y-label="|ŷ − y| (dimensionless)" log height="220" .x=${x}
          .series=${errs.map((e) => ({ ...e, values: floored(e.values) }))}></rnn-line-chart>
        ${errs.some((e) => anyBelowFloor(e.values)) ? html`<p class="eq-note">Errors below ${fmt(LOG_FLOOR)} are drawn at that floor.</p>` : nothing}
      </section>
    </div>`;
  }

  private capacityCharts(cfg: EsnLabConfig, mc?: Partial<CapacityCurve>) {
    const have = mc?.rhos?.length ?? 0;
    return html`<div class="grid two">
      <section class="card" aria-label="Memory capacity against rho">
        ${have > 1 ? html`<rnn-line-chart label="Memory capacity MC against ρ (N = ${cfg.size})" x-label="spectral radius ρ (dimensionless)" y-label="MC (steps of input, Σ r²)" height="200"
          .x=${mc!.rhos!} .series=${[{ label: "MC", values: mc!.totals!, color: "series-1" }]}></rnn-line-chart>`
          : html`<p class="starting">${have ? `At ρ = ${mc!.rhos![0]}: MC = ${fmt(mc!.totals![0])}. ` : ""}The capacity curve against ρ comes with the full run.</p>`}
        <p class="eq-note">Each point is a fresh reservoir (same seed, size, input scaling and leak rate) driven by ${MC_LENGTH} i.i.d. inputs; one
          readout per delay k = 1…${MC_DELAYS} is fitted to recall u<sub>t−k</sub> and scored by r² on held-out steps. MC ≤ N.</p>
      </section>
      <section class="card" aria-label="Recall against delay">
        ${mc?.perDelay?.length ? html`<rnn-line-chart label="How well the reservoir recalls u(t − k), at ρ = ${cfg.spectralRadius}" x-label="delay k (steps)" y-label="r² (fraction of variance)" height="200"
          .x=${mc.perDelay.map((_, k) => k + 1)} .series=${[{ label: "r²", values: mc.perDelay, color: "series-3" }]}></rnn-line-chart>`
          : html`<p class="starting">${have ? "Waiting for ρ = " + cfg.spectralRadius + "…" : ""}</p>`}
      </section>
    </div>`;
  }

  private equations(cfg: EsnLabConfig, res?: EsnLabResult) {
    const rho = res?.esn.measuredRho ?? cfg.spectralRadius, here = res ? res.capacity.totals[res.capacity.rhos.indexOf(cfg.spectralRadius)] : NaN;
    return html`<section class="card" aria-label="Equations">
      <h3>The two networks, with this run's numbers</h3>
      <math display="block">${aligned([
        [mathml`${sub("x", "t")}`, mathml`${eq}<mo>(</mo><mn>1</mn><mo>−</mo><mi>a</mi><mo>)</mo>${sub("x", "t−1")}`],
        [mathml``, mathml`${plus}<mi>a</mi><mi>tanh</mi><mo>(</mo>${sub("W", "in")}${sub("u", "t")}${plus}<mi>W</mi>${sub("x", "t−1")}<mo>)</mo>`],
        [mathml``, mathml`${eq}${n(1 - cfg.leakRate, 2)}${times}${sub("x", "t−1")}${plus}${n(cfg.leakRate, 2)}${times}<mi>tanh</mi><mo>(</mo><mo>…</mo><mo>)</mo>`],
        [mathml`<mi>ρ</mi><mo>(</mo><mi>W</mi><mo>)</mo>`, mathml`${eq}${r(rho, 3)}<mo>,</mo><mspace width="1em"></mspace>${sub("W", "in")}<mo>∼</mo><mi>U</mi><mo>(</mo><mo>±</mo>${r(cfg.inputScaling, 2)}<mo>)</mo>`],
        [mathml`${sub("ŷ", "t")}`, mathml`${eq}${sub("W", "out")}<mo>[</mo>${sub("x", "t")}<mo>;</mo>${sub("u", "t")}<mo>;</mo><mn>1</mn><mo>]</mo>`],
        [mathml`${sub("W", "out")}`, mathml`${eq}<mi>Y</mi><msup><mi>X</mi><mo>⊤</mo></msup><msup><mrow><mo>(</mo><mi>X</mi><msup><mi>X</mi><mo>⊤</mo></msup>${plus}<mi>λ</mi><mi>I</mi><mo>)</mo></mrow><mrow><mo>−</mo><mn>1</mn></mrow></msup>`],
        [mathml`<mi>λ</mi>`, mathml`${eq}<mn>${fmt(cfg.ridge)}</mn><mo>,</mo><mspace width="1em"></mspace><mi>X</mi><mo>:</mo><mn>${cfg.size + 2}</mn><mo>×</mo><mn>${TRAIN - WASHOUT}</mn>`],
        [mathml`<mtext>RNN</mtext><mspace width="0.5em"></mspace>${sub("h", "t")}`, mathml`${eq}<mi>tanh</mi><mo>(</mo>${sub("W", "x")}${sub("u", "t")}${plus}${sub("W", "h")}${sub("h", "t−1")}${plus}<mi>b</mi><mo>)</mo>`],
        [mathml`${sub("ŷ", "t")}`, mathml`${eq}${sub("W", "y")}${sub("h", "t")}${plus}${sub("b", "y")}`],
        [mathml``, mathml`<mtext>(all weights trained by BPTT)</mtext>`],
        [mathml`<mi>MC</mi>`, mathml`${eq}<munderover><mo>∑</mo><mrow><mi>k</mi><mo>=</mo><mn>1</mn></mrow><mn>${MC_DELAYS}</mn></munderover><msup><mi>r</mi><mn>2</mn></msup><mo>(</mo>${sub("u", "t−k")}<mo>,</mo>${sub("ŷ", "k")}<mo>(</mo><mi>t</mi><mo>)</mo><mo>)</mo>${Number.isFinite(here) ? mathml`${eq}${r(here, 2)}` : mathml``}`],
      ], 3)}</math>
      <p class="eq-note">MC is measured at the chosen ρ = ${cfg.spectralRadius}. The ESN's readout also sees the input u<sub>t</sub> directly; the RNN has no such shortcut. Both read the same inputs and
        are scored on the same test steps.</p>
    </section>`;
  }

  private guide() {
    return html`
      <p>Training a recurrent network by BPTT is slow and can be unstable, because the error must travel back through the recurrence.
        An echo state network skips that: its recurrent weights stay random. If the reservoir forgets its past at a suitable rate
        (ρ a little below 1 is the usual start), its state is a rich, fading record of the recent input, and a straight linear
        readout of that record — fitted by one least-squares solve — can already predict or recall.</p>
      <h3>Try this</h3>
      <ul>
        <li>Read the first look (the reservoir alone), then press <em>Run the full comparison</em>: an RNN of the same N is trained by BPTT.
          Compare the two test errors and the two training times.</li>
        <li>Switch to <b>delayed recall</b> and raise d from 5 to 20. The memory-capacity chart on the right predicts when the
          ESN will fail: look at r² at delay k = d.</li>
        <li>Move ρ to 0.2 and to 1.4 with the delay task. Where on the capacity curve is the ESN's error smallest?</li>
        <li>Set the leak rate to 0.2: each unit now averages its past, slowing the reservoir down. What happens to the sine and the
          memory curve?</li>
        <li>Give BPTT more steps (3000) or a larger learning rate, and watch its loss curve. At N = 500, try a smaller rate.</li>
      </ul>
      <h3>What to look for</h3>
      <ul>
        <li>The ESN trains N + 2 weights, the RNN about N². One is a linear solve, the other thousands of gradient steps.</li>
        <li>Where does the memory-capacity curve peak in your run (the observations name the ρ)? Past that point the reservoir
          is driven more by its own dynamics than by the input: how does that show in the recall curve r²(k)?</li>
        <li>The displayed ρ(W) is computed from the eigenvalues of the actual reservoir matrix, not copied from the slider.</li>
      </ul>
      ${this.spectrumGuide()}`;
  }

  /** Where BPTT, the ESN and the gated cells sit, with the sizes and times of the reader's own run where there is one. */
  private spectrumGuide() {
    const cfg = this.ranWith ?? this.config(), N = cfg.size, res = this.result;
    const rnnWeights = N * N + 3 * N + 1, lstmWeights = 4 * N * (1 + N + 1) + N + 1;
    return html`
      <h3>BPTT against reservoir training</h3>
      <p>BPTT trains every weight of the RNN — W<sub>x</sub>, W<sub>h</sub> and the readout, ${rnnWeights} numbers at N = ${N} — by sending
        the error back through the unrolled steps, where it can fade or blow up (clipping at ${CLIP} keeps it in check here). The
        echo state network leaves W and W<sub>in</sub> as they were drawn and fits only the readout's ${N + 2} weights by one linear
        least-squares solve: no gradients through time, nothing to diverge. It works when the random reservoir, run with ρ below
        about 1, already spreads different input histories to different states (the state-space view shows this in two
        dimensions), so that a straight line through the states can read off the answer.
        ${res ? html`In your run the readout took ${Math.round(res.esn.trainMs)} ms and BPTT ${Math.round(res.rnn.trainMs)} ms for
          ${res.config.rnnSteps} steps; their test errors are in the table.` : html`Run the full comparison to see what each costs on
          this task.`}
        The price of the shortcut: the reservoir cannot adapt to the task, so what it does not already hold, no readout can recover.</p>
      <h3>Two ends of a spectrum</h3>
      <p>How the recurrent weights are treated puts three designs on one line. At one end, the ESN: recurrent weights fixed at
        random, only a linear readout learned — fast and stable, limited by the reservoir it happened to get. In the middle, the
        vanilla RNN: everything learned by BPTT — flexible in principle, hard in practice because of the gradients. At the other
        end, the LSTM (and GRU): everything learned by the same BPTT, but through gates that give the gradient a path it can keep
        open, at four (three) times the recurrent weights: an LSTM of N = ${N} units reading one input would have ${lstmWeights}
        weights. When the context that matters spans long stretches, gated cells are the usual choice; when a well-scaled random
        reservoir already holds what the task needs, the ESN is quicker to train and easier to inspect.</p>`;
  }
}

define("rnn-esn", RnnEsn);
registerView({ name: "esn", title: "ESN vs BPTT", tag: "rnn-esn", attributes: ESN_ATTRIBUTES,
  description: "A random reservoir with a ridge readout against an RNN trained by BPTT: fit, error, wall time, and memory capacity against ρ." });

declare global { interface HTMLElementTagNameMap { "rnn-esn": RnnEsn } }
