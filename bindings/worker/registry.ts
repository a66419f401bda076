/**
 * The task set the runtime runs. The runtime knows how to run, pause and cancel a task
 * but not which tasks exist: the package's task module (tasks/index.ts) installs its
 * loader and the worker source built from it, so this layer never imports lessons or the lab.
 */
import type { Task } from "./types.js";

export interface TaskSet {
  /** Classic-worker script that calls serveTasks() with the same loader. */
  workerSource: string;
  /** Loads a second source, tried once when workers from workerSource fail to start. */
  fallbackSource?: () => Promise<string>;
  loadTask(name: string): Promise<Task>;
}

let installed: TaskSet | undefined;

export function installTasks(set: TaskSet): void { installed = set; }

export function taskSet(): TaskSet {
  if (!installed) throw new Error("no task set installed: import the package's tasks module (tasks/index.ts) before runTask");
  return installed;
}
