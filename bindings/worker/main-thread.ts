/**
 * Runs tasks on the page itself when workers are unavailable, in slices of SLICE_MS
 * with a yield between them (bindings/worker/yield.ts), on the page's shared engines.
 */
import { taskSet } from "./registry.js";
import { startRun, type RunControl } from "./run.js";

export function runOnMainThread(name: string, params: unknown, onProgress: (p: unknown) => void, onHold?: () => void): RunControl {
  return startRun(name, params, { loadTask: taskSet().loadTask, onProgress, onHold });
}
