/**
 * The package's tasks by name. A new task is a file in this folder whose default export
 * is a Task, plus its line here; the map keeps the worker bundle to exactly these files.
 */
import type { Task } from "../bindings/worker/types.js";

const TASKS: Record<string, () => Promise<{ default?: unknown }>> = {
  "bench": () => import("./bench.js"),
  "char-sweep": () => import("./char-sweep.js"),
  "char-train": () => import("./char-train.js"),
  "esn": () => import("./esn.js"),
  "esn-probe": () => import("./esn-probe.js"),
  "gradient-flow": () => import("./gradient-flow.js"),
  "gradient-flow-speed": () => import("./gradient-flow-speed.js"),
  "lab-run": () => import("./lab-run.js"),
  "random-search": () => import("./random-search.js"),
  "recall-task": () => import("./recall-task.js"),
  "sequence-train": () => import("./sequence-train.js"),
  "train": () => import("./train.js"),
};

export async function loadTask(name: string): Promise<Task> {
  const load = typeof name === "string" && Object.hasOwn(TASKS, name) ? TASKS[name] : undefined;
  if (!load) throw new Error(`unknown task ${JSON.stringify(name)}; tasks: ${Object.keys(TASKS).join(", ")}`);
  const mod = await load();
  if (typeof mod.default !== "function") throw new Error(`task "${name}" has no default export function`);
  return mod.default as Task;
}
