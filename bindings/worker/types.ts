/** Types shared by the worker, the main-thread fallback and the client. */
import type { Engine } from "../engine.js";
import type { EngineKind } from "../types.js";

/** What a task gets besides its params. */
export interface TaskContext {
  /**
   * Reports progress; throttled to at most 30 messages per second, the latest payload always
   * arrives, and a payload's `snapshot` field is carried onto the next one sent, never dropped.
   */
  progress(payload: unknown): void;
  /**
   * Await between chunks of work: yields so control messages get through, waits while
   * paused, lets one chunk through per step(), and throws TaskCancelledError after cancel().
   */
  checkpoint(): Promise<void>;
  /** A cached engine (wasm by default); its models outlive the task, so dispose them. */
  engine(kind?: EngineKind): Promise<Engine>;
  /** Aborted on cancel, for work that can stop early without a checkpoint. */
  readonly signal: AbortSignal;
}

/** A task: a function the worker runtime runs by name (the package's own are in tasks/). */
export type Task<P = any, R = any> = (params: P, ctx: TaskContext) => Promise<R>;

/**
 * Types of each task's params, progress and result, keyed by name. A task file adds its
 * own entry with `declare module "../types.js" { interface TaskMap { name: {...} } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface TaskMap {}

export type TaskName = keyof TaskMap & string;
type Field<K, F extends string, D> = K extends keyof TaskMap ? (F extends keyof TaskMap[K] ? TaskMap[K][F] : D) : D;
export type ParamsOf<K> = Field<K, "params", unknown>;
export type ProgressOf<K> = Field<K, "progress", unknown>;
export type ResultOf<K> = Field<K, "result", unknown>;

/** Slices of work a run did between yields: how many, and the longest in milliseconds. */
export interface SliceStats { count: number; longestMs: number }

export type TaskState = "queued" | "running" | "paused" | "done" | "cancelled" | "failed";

/** Messages from page to worker. */
export type ToWorker =
  | { type: "init"; module?: WebAssembly.Module }
  | { type: "run"; id: number; name: string; params: unknown }
  | { type: "pause" | "resume" | "step" | "cancel"; id: number }
  /** heartbeat: a live worker answers "pong" between slices of work */
  | { type: "ping" };

/** Messages from worker to page. */
export type FromWorker =
  | { type: "ready" }
  | { type: "pong" }
  | { type: "progress"; id: number; payload: unknown }
  | { type: "done"; id: number; result: unknown; slices: SliceStats }
  | { type: "cancelled"; id: number }
  | { type: "held"; id: number }
  | { type: "error"; id: number; message: string };

/** Thrown by checkpoint() after cancel(); done rejects with it. */
export class TaskCancelledError extends Error {
  constructor() { super("task was cancelled"); this.name = "AbortError"; }
}
