/**
 * runTask: starts a named task on a pooled worker (or on the main thread when workers
 * are unavailable) and returns a handle to pause, resume, step or cancel it.
 */
import { acquire, discard, release, startFailed, type Slot } from "./pool.js";
import { runOnMainThread } from "./main-thread.js";
import type { RunControl } from "./run.js";
import { TaskCancelledError, type FromWorker, type ParamsOf, type ProgressOf, type ResultOf, type SliceStats, type TaskState, type ToWorker } from "./types.js";

/** A cancelled worker task that has not reached a checkpoint after this long is terminated. */
export const CANCEL_DEADLINE_MS = 60;

export interface RunTaskOptions<P> {
  onProgress?: (payload: P) => void;
  /** Aborting it cancels the task. */
  signal?: AbortSignal;
}

export interface TaskHandle<R> {
  pause(): void;
  resume(): void;
  /** While paused: run until the next checkpoint, then pause again. */
  step(): void;
  /**
   * Resolves the next time the paused task holds at a checkpoint, when every progress report it
   * sent before holding has been delivered (or when the task stops): after pause() and after step().
   */
  held(): Promise<void>;
  /** Stops the task: done rejects with an AbortError at once; the work stops at its next checkpoint, or loses its worker after CANCEL_DEADLINE_MS. */
  cancel(): void;
  /** Settles with the task's result; rejects with the task's error or an AbortError. */
  readonly done: Promise<R>;
  /** Resolves when the task no longer runs anywhere (finished, failed, or cancelled and stopped). */
  readonly stopped: Promise<void>;
  readonly state: TaskState;
  /** Where the task runs, once it has started. */
  readonly mode: "worker" | "main" | undefined;
  /**
   * The slices of work between yields, as the run measured them: live on the main
   * thread, once the task is done in a worker.
   */
  readonly slices: SliceStats | undefined;
}

let nextId = 1;

export function runTask<K extends string>(name: K, params: ParamsOf<K>, options: RunTaskOptions<ProgressOf<K>> = {}): TaskHandle<ResultOf<K>> {
  return new TaskRun(name, params, options as RunTaskOptions<unknown>) as unknown as TaskHandle<ResultOf<K>>;
}

class TaskRun implements TaskHandle<unknown> {
  state: TaskState = "queued";
  mode: "worker" | "main" | undefined;
  slices: SliceStats | undefined;
  readonly done: Promise<unknown>;
  readonly stopped: Promise<void>;
  private settle!: { resolve(v: unknown): void; reject(e: unknown): void };
  private markStopped!: () => void;
  private control: Pick<RunControl, "pause" | "resume" | "step" | "cancel"> | null = null;
  private wantPause = false;
  private holdWaiters: (() => void)[] = [];
  private leaveQueue = () => {};

  constructor(readonly name: string, readonly params: unknown, readonly options: RunTaskOptions<unknown>) {
    this.done = new Promise((resolve, reject) => { this.settle = { resolve, reject }; });
    this.done.catch(() => {}); // a caller that only cancels must not see an unhandled rejection
    this.stopped = new Promise((r) => { this.markStopped = r; });
    const signal = options.signal;
    if (signal?.aborted) { this.cancel(); return; }
    signal?.addEventListener("abort", () => this.cancel(), { once: true });
    void this.start();
  }

  private get finished() { return this.state === "done" || this.state === "failed" || this.state === "cancelled"; }

  private async start(): Promise<void> {
    const ticket = acquire();
    this.leaveQueue = ticket.leave;
    const slot = await ticket.slot;
    if (this.state === "cancelled") { if (slot) release(slot); this.markStopped(); return; }
    if (slot) {
      try { await slot.ready; } catch {
        discard(slot, "failed to start");
        return (await startFailed(slot)) ? this.start() : this.startMain();
      }
      if ((this.state as TaskState) === "cancelled") { release(slot); this.markStopped(); return; }
      this.startWorker(slot);
    } else this.startMain();
  }

  private begin() {
    this.state = this.wantPause ? "paused" : "running";
    if (this.wantPause) this.control!.pause();
  }

  private startWorker(slot: Slot) {
    this.mode = "worker";
    const id = nextId++;
    const post = (m: ToWorker) => slot.worker.postMessage(m);
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => { clearTimeout(killTimer); release(slot); this.markStopped(); };
    slot.listener = (m: FromWorker) => {
      if (!("id" in m) || m.id !== id) return;
      if (m.type === "progress") { if (!this.finished) this.options.onProgress?.(m.payload); return; }
      if (m.type === "held") { this.releaseHolders(); return; }
      if (m.type === "done") { this.slices = m.slices; this.finish("done", m.result); }
      else if (m.type === "error") this.finish("failed", new Error(m.message));
      stop();
    };
    slot.onDeath = (reason) => { clearTimeout(killTimer); this.finish("failed", new Error(reason)); this.markStopped(); };
    this.control = {
      pause: () => post({ type: "pause", id }),
      resume: () => post({ type: "resume", id }),
      step: () => post({ type: "step", id }),
      cancel: () => {
        post({ type: "cancel", id });
        // a task stuck between checkpoints loses its worker; the pool makes a new one
        killTimer = setTimeout(() => { slot.onDeath = null; discard(slot, "cancelled"); this.markStopped(); }, CANCEL_DEADLINE_MS);
      },
    };
    post({ type: "run", id, name: this.name, params: this.params });
    this.begin();
  }

  private startMain() {
    this.mode = "main";
    const run = runOnMainThread(this.name, this.params, (p) => { if (!this.finished) this.options.onProgress?.(p); }, () => this.releaseHolders());
    this.control = run;
    this.slices = run.slices;
    this.begin();
    run.done.then((r) => this.finish("done", r), (e) => { if (!(e instanceof TaskCancelledError)) this.finish("failed", e); })
      .finally(() => this.markStopped());
  }

  private finish(state: "done" | "failed" | "cancelled", value: unknown) {
    if (this.finished) return;
    this.state = state;
    if (state === "done") this.settle.resolve(value);
    else this.settle.reject(value);
  }

  pause() {
    if (this.finished) return;
    this.wantPause = true;
    if (this.control) { this.state = "paused"; this.control.pause(); }
  }
  resume() {
    if (this.finished) return;
    this.wantPause = false;
    if (this.control) { this.state = "running"; this.control.resume(); }
  }
  step() { if (this.state === "paused") this.control?.step(); }
  held(): Promise<void> {
    // a task that stops holds nowhere again: stopping settles every wait
    return Promise.race([new Promise<void>((r) => this.holdWaiters.push(r)), this.stopped]);
  }
  private releaseHolders() {
    const w = this.holdWaiters; this.holdWaiters = [];
    for (const r of w) r();
  }
  cancel() {
    if (this.finished) return;
    const started = this.control !== null;
    this.finish("cancelled", new TaskCancelledError());
    if (started) this.control!.cancel();
    else { this.leaveQueue(); this.markStopped(); }
  }
}
