import { LitElement, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../define.js";
import { emit } from "../events.js";
import { styles } from "../theme/tokens.js";
import { poolStats } from "../../tasks/index.js";
import type { CharModelSettings } from "../../lessons/char-lab-train.js";
import type {} from "../../tasks/char-sweep.js";
import type { EngineKind } from "../../bindings/types.js";
import { lessonStyles } from "../theme/lesson.styles.js";
import { charLabStyles } from "./char-lab.styles.js";
import { intList } from "./char-lab-attributes.js";
import { TaskBatch, type BatchRun } from "./task-batch.js";
import "../charts/line-chart/line-chart.js";
import "../ui/button/button.js";
import "../ui/message/message.js";
import "../ui/progress/progress.js";
import "../ui/slider/slider.js";
import { fmt } from "../../bindings/format.js";
import { trainingHealthMessage } from "../../lessons/training-health.js";

type Run = { H: number; started: number } & BatchRun<"char-sweep">;

const sizesRule = intList(8, 512, 6, []);

/**
 * Hidden-size sweep: trains one model per hidden size for the same number of steps
 * on the current corpus, in parallel workers where the browser has them, and compares
 * final loss, held-out loss, a sample and the measured time per epoch.
 *
 * @fires rnn-sweep-settings - when the reader edits the sizes or the budget; detail `{ sizes, steps }`
 * @csspart table - the results table
 * @csspart chart - the overlaid loss curves
 */
export class RnnCharSweep extends LitElement {
  static override styles = [styles, lessonStyles, charLabStyles];

  @property({ attribute: false }) text = "";
  @property({ attribute: false }) corpusTitle = "";
  @property({ attribute: false }) settings?: CharModelSettings;
  @property({ attribute: false }) sizes: number[] = [8, 64, 256];
  @property({ type: Number }) steps = 2000;
  @property({ type: Number }) temperature = 0.8;
  @property() units: "bits" | "nats" = "bits";
  @property() engine: EngineKind = "wasm";
  @state() private sizesError = "";
  private readonly batch = new TaskBatch(this, "char-sweep",
    (run: { H: number; started: number }) => ({ text: this.text, settings: { ...this.settings!, hiddenSize: run.H }, steps: this.steps,
      sampleLength: 160, temperature: this.temperature, engine: this.engine }),
    (p) => ({ ...p, curve: p.curve.slice() }));

  private get runs(): Run[] { return this.batch.runs; }
  private get busy() { return this.batch.busy; }
  private cancel() { this.batch.cancel(); }

  private start() {
    if (!this.settings) return;
    this.batch.start(this.sizes.map((H) => ({ H, started: performance.now() })));
  }

  private editSizes(raw: string) {
    const r = sizesRule.parse(raw);
    if ("error" in r) { this.sizesError = `Hidden sizes ${r.error}.`; return; }
    this.sizesError = "";
    emit(this, "rnn-sweep-settings", { sizes: r.value, steps: this.steps });
  }

  private show(nats: number) {
    if (!Number.isFinite(nats)) return "–";
    return fmt(this.units === "bits" ? nats / Math.LN2 : nats, { decimals: 3 });
  }

  override render() {
    const workers = poolStats();
    return html`
      <p class="lead">Does a bigger memory write better text? Each hidden size H trains for the same number of steps on ${this.corpusTitle || "the corpus"},
        with the other settings from the training panel (${this.settings?.cell.toUpperCase()}, ${this.settings?.optimizer}, learning rate ${this.settings?.lr}).</p>
      <section class="card">
        <div class="controls">
          <div class="field"><label for="sizes">Hidden sizes (comma separated, 8–512)</label>
            <input id="sizes" .value=${this.sizes.join(", ")} aria-invalid=${this.sizesError ? "true" : "false"} aria-describedby="sizes-error"
              @change=${(e: Event) => this.editSizes((e.target as HTMLInputElement).value)} ?disabled=${this.busy} />
            <div class="error" id="sizes-error">${this.sizesError}</div></div>
          <rnn-slider label="Steps for each size" .min=${100} .max=${100000} .step=${100} scale="log" .value=${this.steps} ?disabled=${this.busy}
            @rnn-change=${(e: CustomEvent<{ value: number }>) => emit(this, "rnn-sweep-settings", { sizes: this.sizes, steps: e.detail.value })}></rnn-slider>
        </div>
        <div class="buttons">
          <rnn-button variant="primary" ?disabled=${this.busy || !this.settings} @click=${this.start}>Run the sweep</rnn-button>
          <rnn-button ?disabled=${!this.busy} @click=${this.cancel}>Cancel</rnn-button>
          <span class="note">${workers.mode === "worker" ? `Runs ${Math.min(workers.size, this.sizes.length)} at a time (this browser offers ${workers.size} worker${workers.size > 1 ? "s" : ""}); the others wait their turn.` : "Workers are unavailable here: runs go one after another on the page."}</span>
        </div>
        ${this.runs.map((r) => this.renderProgress(r))}
      </section>
      ${this.runs.length ? html`${this.renderChart()}${this.renderTable()}${this.renderHealth()}` : nothing}
      <p class="note">Time per epoch = measured seconds per training step × steps per pass over the training text. Loss is the mean per character over the last 5% of steps (${this.units}).</p>`;
  }

  private renderProgress(r: Run) {
    const p = r.progress, status = r.error ?? (r.result ? "done" : p ? "" : "waiting for a worker");
    const frac = r.result ? 1 : p ? p.done / p.steps : NaN;
    const elapsed = performance.now() - r.started;
    return html`<rnn-progress label="H = ${r.H}" .value=${frac} .status=${status}
      .remaining=${p && !r.result && frac > 0.02 ? (elapsed * (1 - frac)) / frac : NaN}></rnn-progress>`;
  }

  private renderChart() {
    const k = this.units === "bits" ? 1 / Math.LN2 : 1;
    const curves = this.runs.map((r) => r.result?.curve ?? r.progress?.curve ?? []);
    const longest = curves.reduce((a, c) => (c.length > a.length ? c : a), [] as { step: number }[]);
    return html`<rnn-line-chart part="chart" label="Training loss by hidden size" x-label="training step" y-label="${this.units} per character"
      .x=${longest.map((c) => c.step)} .series=${this.runs.map((r, i) => ({ label: `H = ${r.H}`, values: curves[i].map((c) => c.loss * k) }))}></rnn-line-chart>`;
  }

  /** Sizes whose run diverged or grew unstable, said in words beside the table. */
  private renderHealth() {
    const items = this.runs.flatMap((r) => {
      const x = r.result, says = x ? trainingHealthMessage({ divergences: x.divergences, steps: this.steps, rolledBack: true, unstable: x.unstable }) : "";
      return says ? [`H = ${r.H}: ${says}`] : [];
    });
    return items.length ? html`<rnn-message variant="warning" heading="Some runs were unstable" data-testid="training-health" .items=${items}></rnn-message>` : nothing;
  }

  private renderTable() {
    return html`<div class="scroll"><table part="table">
      <caption class="note">Results for ${this.steps.toLocaleString("en")} steps each</caption>
      <thead><tr><th scope="col">H</th><th scope="col" class="num">parameters</th><th scope="col" class="num">final loss</th>
        <th scope="col" class="num">held-out loss</th><th scope="col" class="num">s per epoch</th><th scope="col">sample at the end</th></tr></thead>
      <tbody>${this.runs.map((r) => {
        const x = r.result;
        return html`<tr><th scope="row">${r.H}</th>
          <td class="num">${x ? x.parameters.toLocaleString("en") : "–"}</td>
          <td class="num">${x ? this.show(x.finalLoss) : "–"}</td>
          <td class="num">${x ? this.show(x.validation) : "–"}</td>
          <td class="num">${x ? fmt(x.secondsPerEpoch) : "–"}</td>
          <td>${x ? html`<pre class="sample">${x.sample}</pre>` : r.error ?? "running…"}</td></tr>`;
      })}</tbody></table></div>`;
  }
}

define("rnn-char-sweep", RnnCharSweep);
declare global {
  interface HTMLElementTagNameMap { "rnn-char-sweep": RnnCharSweep }
  interface HTMLElementEventMap { "rnn-sweep-settings": CustomEvent<{ sizes: number[]; steps: number }> }
}
