/**
 * The message loop of a classic worker: runs tasks by name with the loader it is
 * given; the page sends the compiled wasm module so the core is compiled once.
 * The package's worker entry (tasks/worker.ts) calls serveTasks with its task set.
 */
import { createEngine, type Engine } from "../engine.js";
import type { EngineKind } from "../types.js";
import { macrotask, startRun, type RunControl } from "./run.js";
import { TaskCancelledError, type FromWorker, type Task, type ToWorker } from "./types.js";

declare const self: { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };

let wasmModule: WebAssembly.Module | undefined;
const engines = new Map<EngineKind, Promise<Engine>>();
const runs = new Map<number, RunControl>();

function engine(kind: EngineKind): Promise<Engine> {
  let e = engines.get(kind);
  if (!e) { e = createEngine(kind, { module: kind === "wasm" ? wasmModule : undefined }); engines.set(kind, e); }
  return e;
}

export function serveTasks(loadTask: (name: string) => Promise<Task>): void {
  self.onmessage = (e) => {
    const m = e.data;
    if (m.type === "init") { wasmModule = m.module; self.postMessage({ type: "ready" }); return; }
    if (m.type === "run") { void run(m.id, m.name, m.params, loadTask); return; }
    runs.get(m.id)?.[m.type]();
  };
}

async function run(id: number, name: string, params: unknown, loadTask: (name: string) => Promise<Task>) {
  const control = startRun(name, params, {
    engine, loadTask, sliceMs: 10, yieldNow: macrotask,
    onProgress: (payload) => self.postMessage({ type: "progress", id, payload }),
  });
  runs.set(id, control);
  try {
    const result = await control.done;
    self.postMessage({ type: "done", id, result });
  } catch (err) {
    if (err instanceof TaskCancelledError) self.postMessage({ type: "cancelled", id });
    else self.postMessage({ type: "error", id, message: err instanceof Error ? err.message : String(err) });
  } finally {
    runs.delete(id);
  }
}
