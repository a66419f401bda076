/** Runs tasks on the page itself when workers are unavailable, in slices that leave each frame free. */
import { createEngine, type Engine } from "../engine.js";
import type { EngineKind } from "../types.js";
import { macrotask, startRun, type RunControl } from "./run.js";

const engines = new Map<EngineKind, Promise<Engine>>();

function engine(kind: EngineKind): Promise<Engine> {
  let e = engines.get(kind);
  if (!e) { e = createEngine(kind); engines.set(kind, e); }
  return e;
}

type Scheduler = { yield?: () => Promise<void> };

/** scheduler.yield keeps the task's priority; a MessageChannel tick is the portable fallback. */
function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: Scheduler }).scheduler;
  return s?.yield ? s.yield() : macrotask();
}

export function runOnMainThread(name: string, params: unknown, onProgress: (p: unknown) => void): RunControl {
  // 8 ms of work per slice leaves the rest of a 60 Hz frame for input and rendering
  return startRun(name, params, { engine, sliceMs: 8, yieldNow: yieldToPage, onProgress });
}
