/** Worker task runtime: run named tasks off the main thread with progress, pause, step and cancel. */
export { runTask, CANCEL_DEADLINE_MS, type TaskHandle, type RunTaskOptions } from "./client.js";
export { poolStats, configurePool, disposePool, type PoolStats } from "./pool.js";
export { PROGRESS_INTERVAL_MS } from "./run.js";
export { TaskCancelledError, type Task, type TaskContext, type TaskMap, type TaskName, type TaskState, type ParamsOf, type ProgressOf, type ResultOf } from "./types.js";
export { installTasks, taskSet, type TaskSet } from "./registry.js";
export { serveTasks } from "./serve.js";
