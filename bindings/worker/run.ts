/**
 * Runs one task with its context: throttled progress, checkpoints that honour
 * pause/resume/step/cancel, and a bounded slice of work between yields. The worker
 * and the main-thread fallback both use it, so a task behaves the same in either.
 */
import type { Engine } from "../engine.js";
import { sharedEngine } from "../engine-provider.js";
import type { EngineKind } from "../types.js";
import { TaskCancelledError, type SliceStats, type Task, type TaskContext } from "./types.js";
import { SLICE_MS, yieldToEventLoop } from "./yield.js";

/** At most 30 progress messages per second. */
export const PROGRESS_INTERVAL_MS = 34;

export interface RunOptions {
  onProgress(payload: unknown): void;
  /** Finds the task to run by its name. */
  loadTask(name: string): Promise<Task>;
  /** The task's engines; by default the context's shared ones (bindings/engine-provider.ts). */
  engine?(kind: EngineKind): Promise<Engine>;
  /** Called each time a paused run holds at a checkpoint, after its last progress went out. */
  onHold?(): void;
  /** Longest stretch of work before checkpoint() yields to the event loop; SLICE_MS by default. */
  sliceMs?: number;
}

export interface RunControl {
  pause(): void;
  resume(): void;
  step(): void;
  cancel(): void;
  readonly done: Promise<unknown>;
  /** The run's own record of its slices of work, so a test can check the slicing under any load. */
  readonly slices: SliceStats;
}

export function startRun(name: string, params: unknown, o: RunOptions): RunControl {
  const abort = new AbortController();
  const sliceMs = o.sliceMs ?? SLICE_MS, engine = o.engine ?? sharedEngine;
  const slices: SliceStats = { count: 0, longestMs: 0 };
  let paused = false, stepBudget = 0, wake: (() => void) | null = null;
  let lastYield = now(), lastSent = -Infinity, pending: { payload: unknown } | null = null;
  /** Closes the slice that started at lastYield (time spent paused is not work). */
  const endSlice = () => { slices.count++; slices.longestMs = Math.max(slices.longestMs, now() - lastYield); };
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
    // the engine may still be compiling: the thread was free while the task waited, so the slice starts afresh
    engine: async (kind = "wasm") => { const e = await engine(kind); lastYield = now(); return e; },
    progress(payload) {
      pending = { payload: carrySnapshot(pending?.payload, payload) };
      const wait = lastSent + PROGRESS_INTERVAL_MS - now();
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    async checkpoint() {
      if (abort.signal.aborted) throw new TaskCancelledError();
      while (paused) {
        if (stepBudget > 0) { stepBudget--; break; }
        flush();
        endSlice();
        o.onHold?.();
        // whoever heard of the hold may already have resumed, stepped or cancelled
        if (paused && stepBudget === 0 && !abort.signal.aborted) await new Promise<void>((r) => { wake = r; });
        lastYield = now();
        if (abort.signal.aborted) throw new TaskCancelledError();
      }
      if (now() - lastYield >= sliceMs) {
        endSlice();
        await yieldToEventLoop();
        lastYield = now();
        if (abort.signal.aborted) throw new TaskCancelledError();
      }
    },
  };
  const done = (async () => {
    const task = await o.loadTask(name);
    lastYield = now();
    try { return await task(params, ctx); } finally { endSlice(); flush(); finished = true; }
  })();
  return {
    done,
    slices,
    pause() { paused = true; },
    resume() { paused = false; stepBudget = 0; wakeUp(); },
    step() { if (paused) { stepBudget = 1; wakeUp(); } },
    cancel() { abort.abort(); finished = true; clearTimeout(timer); wakeUp(); },
  };
}

function now() { return performance.now(); }

/**
 * A payload with a `snapshot` (model parameters) is never lost to throttling: when a newer
 * payload without one replaces it before it was sent, the snapshot rides along on the newer.
 */
export function carrySnapshot(older: unknown, newer: unknown): unknown {
  const snap = (p: unknown) => (typeof p === "object" && p !== null ? (p as { snapshot?: unknown }).snapshot : undefined);
  const kept = snap(older);
  if (kept === undefined || snap(newer) !== undefined || typeof newer !== "object" || newer === null) return newer;
  return { ...newer, snapshot: kept };
}
