/** Worker task runner: run named tasks off the main thread with progress, pause, step and cancel. */
export { runTask, CANCEL_DEADLINE_MS, type TaskHandle, type RunTaskOptions } from "./client.js";
export { poolStats, configurePool, disposePool, type PoolStats } from "./pool.js";
export { PROGRESS_INTERVAL_MS } from "./run.js";
export { TaskCancelledError, type Task, type TaskContext, type TaskMap, type TaskName, type TaskState, type ParamsOf, type ProgressOf, type ResultOf } from "./types.js";
export type { TrainParams, TrainProgress, TrainResult } from "./tasks/train.js";
export type { SequenceTrainParams } from "./tasks/sequence-train.js";
export type { RandomSearchParams } from "./tasks/random-search.js";
