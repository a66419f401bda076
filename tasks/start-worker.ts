/**
 * Starts a worker's task loop with the package's task set. Kept apart from the worker entry so a
 * bundle can carry this code without running it: the single-file bundle holds the engine and the
 * tasks once, runs them on the page, and calls startWorker only inside the worker it builds from them.
 */
import { serveTasks } from "../bindings/worker/serve.js";
import { loadTask } from "./load.js";

export function startWorker(): void {
  serveTasks(loadTask);
}
