/**
 * Task "bench": training steps per second of the wasm core and the TS twin on the bench
 * workloads W1–W4 (bench/workloads.ts), measured in this worker, with the table so far in
 * every progress message; optionally the kernel micro-benchmarks. The same workloads as
 * `rnn-explorer bench`, so a reader compares their browser with the figures in the README.
 */
import { runBenchSession, type BenchParams, type BenchProgress, type BenchRunResult } from "../bench/session.js";
import type { Task } from "../bindings/worker/types.js";

declare module "../bindings/worker/types.js" {
  interface TaskMap { bench: { params: BenchParams; progress: BenchProgress; result: BenchRunResult } }
}

const bench: Task<BenchParams, BenchRunResult> = async (params, ctx) =>
  runBenchSession((kind) => ctx.engine(kind), params ?? {}, { progress: (p) => ctx.progress(p), checkpoint: () => ctx.checkpoint() });

export default bench;
