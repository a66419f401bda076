import { LitElement, html, nothing } from "lit";
import { int, listOf, num, oneOf } from "../attributes.js";
import { define } from "../define.js";
import { emit, emitMainAction } from "../events.js";
import { registerView } from "../registry.js";
import { TaskController } from "../task-controller.js";
import { styles, themeRoot } from "../theme/tokens.js";
import { KeptAttributes as KeptSettings } from "../attributes.js";
import { cellLessonStyles, lessonStyles as sharedLessonStyles } from "../theme/lesson.styles.js";
import { benchStyles } from "./bench.styles.js";
import { KERNELS, type KernelResult } from "../../bench/kernels.js";
import { measuredRows, ratios, rowLabel, type BenchEngine, type BenchResult } from "../../bench/report.js";
import { optimizersOf, type BenchRunResult } from "../../bench/session.js";
import { OPTIMIZERS, type OptimizerKind } from "../../bindings/types.js";
import { flopsPerStep, parameterCount, WORKLOADS, type WorkloadId } from "../../bench/workloads.js";
import "../ui/button/button.js";
import "../ui/message/message.js";
import "../ui/slider/slider.js";
import "../ui/toggle/toggle.js";
import "../charts/bar-chart/bar-chart.js";
import type {} from "../../tasks/bench.js";
import { fmt } from "../../bindings/format.js";

const WORKLOAD_IDS = WORKLOADS.map((w) => w.id);
const ENGINES = ["wasm", "ts"] as const;

export const BENCH_ATTRIBUTES = {
  // CL (the character lab's model) is there to pick; the default run stays the four reference workloads
  workloads: listOf(WORKLOAD_IDS, WORKLOAD_IDS.filter((id) => id !== "CL")),
  engines: listOf(ENGINES, ENGINES),
  optimizers: listOf(OPTIMIZERS, ["sgd"]),
  reps: int(1, 20, 3),
  seconds: num(0.1, 10, 1),
  /** exact timed steps per repetition; 0 = time each repetition by `seconds` */
  steps: int(0, 100_000, 0),
  kernels: oneOf(["off", "on"] as const, "off"),
};

const ENGINE_LABEL: Record<BenchEngine, string> = { wasm: "WebAssembly core", ts: "plain-TS twin" };
const OPTIMIZER_LABEL: Record<OptimizerKind, string> = { sgd: "SGD", momentum: "momentum", adagrad: "Adagrad", adam: "Adam" };
const ENGINE_COLOR: Record<BenchEngine, string> = { wasm: "series-1", ts: "series-2" };
const int0 = (x: number) => Math.round(x).toLocaleString("en-US");
const sig = (x: number) => fmt(x);

/**
 * The speed bench in the reader's browser: training steps per second of the WebAssembly core
 * and the plain-TypeScript twin on workloads W1–W4 (RNN H64, RNN H256, LSTM H128, GRU H128;
 * 25 one-hot tokens per step, full BPTT, clipping, SGD), measured in a Web Worker so the page
 * stays responsive. Shows the table (median, min–max, GFLOP/s, wasm ÷ ts) and a bar chart per
 * workload, and optionally the kernel micro-benchmarks.
 *
 * Attributes (reflected): `workloads` (e.g. "W1,W3"; CL is the character lab's LSTM with Adam), `engines` ("wasm,ts"),
 * `optimizers` ("sgd,adam": W1–W4 with each, in the same rounds, with wasm ÷ wasm SGD), `reps` (1–20),
 * `seconds` (per repetition), `steps` (exact steps per repetition; 0 = by time), `kernels` (on | off).
 *
 * @fires rnn-bench-progress - after each repetition; detail `{ done, total, workload, engine, stepsPerSec }`
 * @fires rnn-bench-done - when the bench finishes; detail `{ results, kernels }`
 * @cssproperty --rnn-series-1 - wasm bars (--rnn-series-2 the TS twin)
 * @cssproperty --rnn-surface - card background
 * @fires rnn-main-action - a bench run has finished; detail `{ view, action: "run" }`
 */
export class RnnBench extends LitElement {
  static override styles = [styles, themeRoot, sharedLessonStyles, cellLessonStyles, benchStyles];

  private readonly settings = new KeptSettings(this, BENCH_ATTRIBUTES);
  private readonly task = new TaskController(this, {
    task: "bench", renderEvery: 100,
    fraction: (p) => (p.phase === "kernels" ? 0.99 : p.done / p.total),
    onProgress: (p) => {
      if (p.phase === "workloads") {
        this.results = p.results;
        emit(this, "rnn-bench-progress", { done: p.done, total: p.total, workload: p.workload, engine: p.engine, stepsPerSec: p.stepsPerSec });
      }
    },
  });
  private results: BenchResult[] = [];
  private kernels?: KernelResult[];
  private machine?: Record<string, unknown>;

  /** Runs the bench with the current settings; resolves with the result (undefined if cancelled). */
  async run(): Promise<BenchRunResult | undefined> {
    const v = this.settings.values;
    this.results = []; this.kernels = undefined; this.machine = undefined;
    const r = await this.task.run({
      workloads: v.workloads, engines: v.engines, optimizers: v.optimizers, reps: v.reps, kernels: v.kernels === "on",
      ...(v.steps > 0 ? { steps: v.steps } : { seconds: v.seconds }),
    });
    if (r) {
      this.results = r.results; this.kernels = r.kernels; this.machine = r.machine;
      emit(this, "rnn-bench-done", { results: r.results, kernels: r.kernels });
      emitMainAction(this, "bench", "run");
      this.requestUpdate();
    }
    return r;
  }

  override render() {
    const v = this.settings.values, running = this.task.running;
    return html`
      <h2>Speed: training steps per second in this browser</h2>
      <p class="lead">How fast does a recurrent network train here? One training step is a forward pass over 25 characters
        (one-hot, 32 symbols) with a softmax loss at every step, backpropagation through all 25 steps, gradient clipping and an SGD
        update. The WebAssembly core and the plain-TypeScript twin run the same math; this measures both, in a worker, on your machine.</p>
      ${this.settings.problems.length ? html`<rnn-message variant="warning" heading="Some settings were not understood:" .items=${this.settings.problems}></rnn-message>` : nothing}
      <details class="guide card"><summary>Guide</summary>${this.guide()}</details>
      <section class="card controls-card" aria-label="Bench settings">
        <div class="controls">
          ${this.checks("Workloads", "workloads", WORKLOADS.map((w) => ({ value: w.id, label: `${w.id} ${w.label}` })), v.workloads)}
          ${this.checks("Engines", "engines", ENGINES.map((e) => ({ value: e, label: ENGINE_LABEL[e] })), v.engines)}
          ${this.checks("Optimizers", "optimizers", OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABEL[o] })), v.optimizers)}
          <rnn-slider label="Repetitions" min="1" max="20" step="1" .value=${v.reps} ?disabled=${running}
            @rnn-change=${(e: CustomEvent<{ value: number }>) => this.settings.set({ reps: e.detail.value })}></rnn-slider>
          <rnn-slider label="Seconds per repetition" min="0.1" max="10" step="0.1" unit="s" .value=${v.seconds} ?disabled=${running || v.steps > 0}
            @rnn-change=${(e: CustomEvent<{ value: number }>) => this.settings.set({ seconds: e.detail.value })}></rnn-slider>
          <rnn-toggle label="Kernel micro-benchmarks" ?checked=${v.kernels === "on"} ?disabled=${running}
            @rnn-change=${(e: CustomEvent<{ value: boolean }>) => this.settings.set({ kernels: e.detail.value ? "on" : null })}></rnn-toggle>
        </div>
        <div class="buttons">
          <rnn-button variant="primary" ?disabled=${running} @click=${() => this.run()}>Run the bench</rnn-button>
          ${running ? html`
            <rnn-button pressed=${this.task.status === "paused" ? "true" : "false"}
              @click=${() => (this.task.status === "paused" ? this.task.resume() : this.task.pause())}>${this.task.status === "paused" ? "Resume" : "Pause"}</rnn-button>
            <rnn-button @click=${() => this.task.cancel()}>Cancel</rnn-button>` : nothing}
          <span class="status">${this.estimate()}</span>
        </div>
        ${this.task.renderProgress(this.progressLabel())}
      </section>
      ${this.results.length ? this.resultsView() : nothing}
      ${this.kernels?.length ? this.kernelView(this.kernels) : nothing}`;
  }

  private estimate() {
    const v = this.settings.values;
    const runs = v.reps * v.engines.length * v.workloads.reduce((n, id) => n + optimizersOf(WORKLOADS.find((w) => w.id === id)!, v.optimizers).length, 0);
    if (v.steps > 0) return `${runs} runs of ${v.steps} steps each.`;
    const s = runs * (v.seconds + 0.5) + (v.kernels === "on" ? 10 : 0);
    return `${runs} runs; about ${s < 90 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`}.`;
  }

  private checks(legend: string, key: "workloads" | "engines" | "optimizers", options: { value: string; label: string }[], selected: readonly string[]) {
    const toggle = (value: string, on: boolean) => {
      const next = options.map((o) => o.value).filter((x) => (x === value ? on : selected.includes(x)));
      if (next.length) this.settings.set({ [key]: next.join(",") });
      else this.requestUpdate(); // keep at least one: redraw the box as checked
    };
    return html`<fieldset><legend>${legend}</legend><div class="checks">${options.map((o) => html`
      <label><input type="checkbox" .checked=${selected.includes(o.value)} ?disabled=${this.task.running}
        @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)} />${o.label}</label>`)}</div></fieldset>`;
  }

  private progressLabel() {
    const p = this.task.progress;
    if (!p) return "Starting the worker";
    if (p.phase === "kernels") return `Kernel micro-benchmarks (${p.done} of ${p.total})`;
    return `${p.workload} on ${p.engine === "wasm" ? "wasm" : "TS"}, repetition ${p.rep} of ${p.reps}: ${int0(p.stepsPerSec ?? 0)} steps/s (${p.done} of ${p.total} runs)`;
  }

  private resultsView() {
    const rows = this.results, rs = ratios(rows);
    const engines = ENGINES.filter((e) => rows.some((r) => r.engine === e));
    const shown = WORKLOADS.filter((w) => rows.some((r) => r.workload === w.id));
    const lines = measuredRows(rows).map((m) => ({ ...m, w: WORKLOADS.find((w) => w.id === m.workload)! }));
    const row = (id: WorkloadId, opt: OptimizerKind, e: BenchEngine) => rows.find((r) => r.workload === id && r.optimizer === opt && r.engine === e);
    const ratio = (id: WorkloadId, opt: OptimizerKind) => rs.find((q) => q.workload === id && q.optimizer === opt);
    const bySgd = rs.some((q) => q.wasm_over_sgd !== undefined);
    const name = (w: (typeof WORKLOADS)[number], opt: OptimizerKind) => rowLabel(w.id, opt, rows);
    const reps = Math.max(...rows.map((r) => r.reps));
    return html`
      <section class="card" aria-label="Results">
        <div class="scroll-x"><table class="results" data-testid="bench-table">
          <caption>Training steps per second: median of ${reps} repetition${reps > 1 ? "s" : ""} (min–max); GFLOP/s by the formula
            T·(6·G·H² + 6·V·H) + 4·P per step</caption>
          <thead><tr><th scope="col">workload</th><th scope="col">parameters</th>
            ${engines.map((e) => html`<th scope="col">${e} steps/s</th><th scope="col">${e} GFLOP/s</th>`)}
            ${engines.length === 2 ? html`<th scope="col">wasm ÷ ts</th>` : nothing}
            ${bySgd ? html`<th scope="col">÷ SGD</th>` : nothing}</tr></thead>
          <tbody>${lines.map(({ w, optimizer: opt }) => html`<tr><td>${name(w, opt)}</td><td>${int0(parameterCount(w))}</td>
            ${engines.map((e) => { const r = row(w.id, opt, e); return r ? html`<td>${int0(r.steps_per_s)} (${int0(r.min)}–${int0(r.max)})</td><td>${sig(r.gflops)}</td>` : html`<td>–</td><td>–</td>`; })}
            ${engines.length === 2 ? html`<td class="ratio">${(() => { const x = ratio(w.id, opt)?.wasm_over_ts; return x === undefined ? "–" : `${fmt(x, 2)}×`; })()}</td>` : nothing}
            ${bySgd ? html`<td class="ratio">${(() => { const x = ratio(w.id, opt)?.wasm_over_sgd; return x === undefined ? "–" : `${fmt(x, { decimals: 2 })}×`; })()}</td>` : nothing}
          </tr>`)}</tbody>
        </table></div>
        <div class="charts">${lines.map(({ w, optimizer: opt }) => html`
          <rnn-bar-chart height="200" label="${name(w, opt)}: steps/s" y-label="steps/s"
            .bars=${engines.filter((e) => row(w.id, opt, e)).map((e) => ({ label: e === "wasm" ? "wasm" : "TS twin", value: row(w.id, opt, e)!.steps_per_s, color: ENGINE_COLOR[e] }))}></rnn-bar-chart>`)}
        </div>
        ${this.machine ? html`<p class="machine">Measured ${String(this.machine.date)} on ${String(this.machine.userAgent)}
          (${String(this.machine.cores)} logical cores). Flops per step: ${shown.map((w) => `${w.id} ${fmt(flopsPerStep(w) / 1e6)} M`).join(", ")}.</p>` : nothing}
      </section>`;
  }

  private kernelView(kernels: KernelResult[]) {
    const sizes = [...new Set(kernels.map((k) => k.n))];
    return html`<section class="card" aria-label="Kernel micro-benchmarks">
      <div class="scroll-x"><table class="results" data-testid="kernel-table">
        <caption>Kernels alone on n × n matrices, GFLOP/s: wasm / the same loops in plain JavaScript</caption>
        <thead><tr><th scope="col">kernel</th>${sizes.map((n) => html`<th scope="col">n = ${n}</th>`)}</tr></thead>
        <tbody>${KERNELS.map((k) => html`<tr><td>${k.label}</td>${sizes.map((n) => {
          const r = kernels.find((x) => x.kernel === k.id && x.n === n);
          return html`<td>${r ? `${sig(r.wasm)} / ${sig(r.js)}` : "–"}</td>`;
        })}</tr>`)}</tbody>
      </table></div></section>`;
  }

  private guide() {
    return html`
      <p>The four workloads are those of the project's speed issue: W1 a tanh RNN with 64 hidden units, W2 the same with 256,
        W3 an LSTM with 128 and W4 a GRU with 128. Every step trains on the next 25 tokens of one fixed pseudo-random stream, so
        every run does the same arithmetic. Each repetition builds a fresh model, warms up, then counts steps for the set time;
        the table shows the median and the spread.</p>
      <h3>Try this</h3>
      <ul>
        <li>Run the default bench and read the last column: how many times faster is the WebAssembly core than the same math in
          plain TypeScript?</li>
        <li>Compare W1 and W2: W2 has 16 times the recurrent weights. Does it take 16 times as long per step?</li>
        <li>Turn on the kernel micro-benchmarks: the matrix kernels alone reach more GFLOP/s than a whole training step, which
          also spends time in activations, softmax and the update.</li>
        <li>Open the page in another browser, or on a phone, and compare.</li>
      </ul>
      <h3>Compare with native code</h3>
      <p>In a checkout of the project, the command line runs the same workloads in Node, each repetition in its own process,
        beside a C reference compiled with gcc -O3 -march=native when gcc is available:</p>
      <pre class="cli">npm run bench
npx rnn-explorer bench --json --engine wasm --workload W1,W3 --reps 5</pre>
      <p>A busy machine makes every figure lower and wider: close other tabs, and prefer the median.</p>`;
  }
}

define("rnn-bench", RnnBench);
registerView({ name: "bench", title: "Speed", tag: "rnn-bench", attributes: BENCH_ATTRIBUTES,
  description: "Training steps per second of the WebAssembly core and the plain-TS twin on four RNN/LSTM/GRU workloads, measured in your browser." });

declare global { interface HTMLElementTagNameMap { "rnn-bench": RnnBench } }
