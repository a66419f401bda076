/**
 * The package's worker tasks, installed into the engine's worker runtime: importing this
 * module is what lets runTask("char-train", …) start a worker that knows the task.
 */
import workerSource, { fallbackSource } from "inline-worker:./worker.ts";
import { installTasks } from "../bindings/worker/registry.js";
import { loadTask } from "./load.js";

installTasks({ workerSource, fallbackSource, loadTask });

export * from "../bindings/worker/index.js";
export type { TrainParams, TrainProgress, TrainResult } from "./train.js";
export type { SequenceTrainParams } from "./sequence-train.js";
export type { RandomSearchParams } from "./random-search.js";
