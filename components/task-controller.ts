/**
 * A Lit reactive controller that runs one worker task for a view and keeps what the
 * view renders current: state, last progress, fraction done, time remaining, result
 * or error. Leaving the page (disconnecting the host) cancels the task.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import { runTask, type TaskHandle } from "../tasks/index.js";
import type { ParamsOf, ProgressOf, ResultOf } from "../bindings/worker/types.js";
import { estimateRemaining } from "./ui/progress/format.js";
import "./ui/button/button.js";
import "./ui/progress/progress.js";

export type TaskStatus = "idle" | "running" | "paused" | "done" | "cancelled" | "error";

export interface TaskControllerOptions<K extends string> {
  task: K;
  /** Fraction done in [0, 1] from a progress payload (for the bar and time remaining). */
  fraction?: (p: ProgressOf<K>) => number;
  /** Called on each progress message, after the controller's own state is updated. */
  onProgress?: (p: ProgressOf<K>) => void;
  /** Re-render the host at most this often while running (ms); progress arrives up to 30/s. */
  renderEvery?: number;
}

export class TaskController<K extends string> implements ReactiveController {
  status: TaskStatus = "idle";
  progress?: ProgressOf<K>;
  result?: ResultOf<K>;
  error = "";
  fraction = NaN;
  /** Estimated milliseconds left, NaN when unknown. */
  remaining = NaN;
  private handle?: TaskHandle<ResultOf<K>>;
  private workMs = 0;
  private since = 0;
  private lastRender = 0;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: TaskControllerOptions<K>) {
    host.addController(this);
  }

  get running() { return this.status === "running" || this.status === "paused"; }
  /** Where the task runs: "worker", or "main" when workers are unavailable. */
  get mode() { return this.handle?.mode; }

  /** Starts the task (cancelling one still running); resolves with the result, or undefined if cancelled or failed. */
  async run(params: ParamsOf<K>): Promise<ResultOf<K> | undefined> {
    this.handle?.cancel();
    Object.assign(this, { status: "running", progress: undefined, result: undefined, error: "", fraction: NaN, remaining: NaN, workMs: 0 });
    this.since = performance.now();
    const h = runTask(this.options.task, params, { onProgress: (p) => this.onProgress(h, p) });
    this.handle = h;
    this.host.requestUpdate();
    try {
      const r = await h.done;
      if (this.handle === h) { this.result = r; this.status = "done"; this.fraction = 1; this.remaining = 0; }
      return r;
    } catch (e) {
      if (this.handle === h && this.status !== "cancelled") {
        this.status = (e as Error).name === "AbortError" ? "cancelled" : "error";
        this.error = (e as Error).message ?? String(e);
      }
      return undefined;
    } finally {
      if (this.handle === h) this.host.requestUpdate();
    }
  }

  private onProgress(h: TaskHandle<ResultOf<K>>, p: ProgressOf<K>) {
    if (this.handle !== h) return;
    this.progress = p;
    if (this.options.fraction) {
      this.fraction = this.options.fraction(p);
      this.remaining = estimateRemaining(this.fraction, this.elapsed());
    }
    this.options.onProgress?.(p);
    const now = performance.now();
    if (now - this.lastRender >= (this.options.renderEvery ?? 0)) { this.lastRender = now; this.host.requestUpdate(); }
  }

  private elapsed() { return this.workMs + (this.status === "running" ? performance.now() - this.since : 0); }

  pause() {
    if (this.status !== "running") return;
    this.workMs = this.elapsed(); this.status = "paused"; this.handle?.pause(); this.host.requestUpdate();
    this.showWhereItHolds();
  }
  resume() {
    if (this.status !== "paused") return;
    this.since = performance.now(); this.status = "running"; this.handle?.resume(); this.host.requestUpdate();
  }
  step() { if (this.status === "paused") { this.handle?.step(); this.showWhereItHolds(); } }
  /** Resolves when the paused task holds at a checkpoint with all its progress delivered (TaskHandle.held). */
  held(): Promise<void> { return this.handle?.held() ?? Promise.resolve(); }
  /** renderEvery may have skipped the last reports: once the task holds, the view shows exactly where. */
  private showWhereItHolds() { void this.held().then(() => this.host.requestUpdate()); }
  cancel() {
    if (!this.running) return;
    this.status = "cancelled"; this.handle?.cancel(); this.host.requestUpdate();
  }

  hostDisconnected() { this.cancel(); this.handle = undefined; }

  /** Pause (Resume while paused) and Cancel buttons while the task runs, nothing otherwise; `onCancel` runs before cancelling. */
  renderPauseCancel(onCancel?: () => void): TemplateResult | typeof nothing {
    if (!this.running) return nothing;
    const paused = this.status === "paused";
    return html`<rnn-button pressed=${paused ? "true" : "false"} @click=${() => (this.status === "paused" ? this.resume() : this.pause())}>${paused ? "Resume" : "Pause"}</rnn-button>
      <rnn-button @click=${() => { onCancel?.(); this.cancel(); }}>Cancel</rnn-button>`;
  }

  /** A progress bar with time remaining (or nothing when idle). */
  renderProgress(label = "Training"): TemplateResult | typeof nothing {
    if (this.status === "idle") return nothing;
    const status = this.status === "running" ? (this.mode === "main" ? "on the page (no worker)" : "") : this.status === "error" ? `failed: ${this.error}` : this.status;
    return html`<rnn-progress .label=${label} .value=${this.fraction} .remaining=${this.status === "running" ? this.remaining : NaN} .status=${status}></rnn-progress>`;
  }
}
