/** Runs tasks on the page itself when workers are unavailable, in slices that leave each frame free. */
import { createEngine, type Engine } from "../engine.js";
import type { EngineKind } from "../types.js";
import { taskSet } from "./registry.js";
import { startRun, type RunControl } from "./run.js";

const engines = new Map<EngineKind, Promise<Engine>>();

function engine(kind: EngineKind): Promise<Engine> {
  let e = engines.get(kind);
  if (!e) { e = createEngine(kind); engines.set(kind, e); }
  return e;
}

const timerTick = () => new Promise<void>((r) => setTimeout(r, 0));

export function runOnMainThread(name: string, params: unknown, onProgress: (p: unknown) => void): RunControl {
  // 10 ms of work per slice leaves the rest of a 60 Hz frame for input and rendering. The
  // yield is a timer: scheduler.yield() and MessageChannel ticks outrank timers in Chromium,
  // so the page's own timers starved (gaps of 30-150 ms) while a task ran.
  return startRun(name, params, { engine, loadTask: taskSet().loadTask, sliceMs: 10, yieldNow: timerTick, onProgress });
}
