/**
 * The message loop of a classic worker: runs tasks by name with the loader it is
 * given; the page sends the compiled wasm module so the core is compiled once.
 * The package's worker entry (tasks/worker.ts) calls serveTasks with its task set.
 */
import { useCompiledCore } from "../engine-provider.js";
import { startRun, type RunControl } from "./run.js";
import { TaskCancelledError, type FromWorker, type Task, type ToWorker } from "./types.js";

declare const self: { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };

const runs = new Map<number, RunControl>();

export function serveTasks(loadTask: (name: string) => Promise<Task>): void {
  self.onmessage = (e) => {
    const m = e.data;
    if (m.type === "init") { useCompiledCore(m.module); self.postMessage({ type: "ready" }); return; }
    if (m.type === "run") { void run(m.id, m.name, m.params, loadTask); return; }
    if (m.type === "ping") { self.postMessage({ type: "pong" }); return; }
    runs.get(m.id)?.[m.type]();
  };
}

async function run(id: number, name: string, params: unknown, loadTask: (name: string) => Promise<Task>) {
  const control = startRun(name, params, {
    loadTask,
    onProgress: (payload) => self.postMessage({ type: "progress", id, payload }),
    onHold: () => self.postMessage({ type: "held", id }),
  });
  runs.set(id, control);
  try {
    const result = await control.done;
    self.postMessage({ type: "done", id, result, slices: control.slices });
  } catch (err) {
    if (err instanceof TaskCancelledError) self.postMessage({ type: "cancelled", id });
    else self.postMessage({ type: "error", id, message: err instanceof Error ? err.message : String(err) });
  } finally {
    runs.delete(id);
  }
}
