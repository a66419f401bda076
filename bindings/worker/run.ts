/**
 * Runs one task with its context: throttled progress, checkpoints that honour
 * pause/resume/step/cancel, and a bounded slice of work between yields. The worker
 * and the main-thread fallback both use it, so a task behaves the same in either.
 */
import type { Engine } from "../engine.js";
import type { EngineKind } from "../types.js";
import { TaskCancelledError, type Task, type TaskContext } from "./types.js";

/** At most 30 progress messages per second. */
export const PROGRESS_INTERVAL_MS = 34;

export interface RunOptions {
  onProgress(payload: unknown): void;
  engine(kind: EngineKind): Promise<Engine>;
  /** Finds the task to run by its name. */
  loadTask(name: string): Promise<Task>;
  /** Longest stretch of work before checkpoint() yields to the event loop. */
  sliceMs: number;
  /** How to yield: a macrotask in a worker, a frame-friendly yield on the main thread. */
  yieldNow(): Promise<void>;
}

export interface RunControl {
  pause(): void;
  resume(): void;
  step(): void;
  cancel(): void;
  readonly done: Promise<unknown>;
}

export function startRun(name: string, params: unknown, o: RunOptions): RunControl {
  const abort = new AbortController();
  let paused = false, stepBudget = 0, wake: (() => void) | null = null;
  let lastYield = now(), lastSent = -Infinity, pending: { payload: unknown } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined, finished = false;
  const wakeUp = () => { const w = wake; wake = null; w?.(); };

  const flush = () => {
    clearTimeout(timer); timer = undefined;
    if (!pending || finished) return;
    const p = pending.payload; pending = null; lastSent = now();
    o.onProgress(p);
  };
  const ctx: TaskContext = {
    signal: abort.signal,
    engine: (kind = "wasm") => o.engine(kind),
    progress(payload) {
      pending = { payload };
      const wait = lastSent + PROGRESS_INTERVAL_MS - now();
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    async checkpoint() {
      if (abort.signal.aborted) throw new TaskCancelledError();
      while (paused) {
        if (stepBudget > 0) { stepBudget--; break; }
        flush();
        await new Promise<void>((r) => { wake = r; });
        if (abort.signal.aborted) throw new TaskCancelledError();
      }
      if (now() - lastYield >= o.sliceMs) {
        await o.yieldNow();
        lastYield = now();
        if (abort.signal.aborted) throw new TaskCancelledError();
      }
    },
  };
  const done = (async () => {
    const task = await o.loadTask(name);
    try { return await task(params, ctx); } finally { flush(); finished = true; }
  })();
  return {
    done,
    pause() { paused = true; },
    resume() { paused = false; stepBudget = 0; wakeUp(); },
    step() { if (paused) { stepBudget = 1; wakeUp(); } },
    cancel() { abort.abort(); finished = true; clearTimeout(timer); wakeUp(); },
  };
}

function now() { return performance.now(); }

/** A macrotask yield that is not clamped like nested setTimeout(0). */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
    ch.port2.postMessage(0);
  });
}
