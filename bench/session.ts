/**
 * The bench inside one JavaScript context (a Web Worker for <rnn-bench>): every repetition
 * of every (workload, engine) with a fresh model, in slices so pause and cancel get through,
 * progress after each repetition with the table so far. A browser cannot start processes,
 * so a slow phase of the page shows up as a wider min–max rather than being averaged away.
 */
import { WasmEngine, type Engine } from "../bindings/engine.js";
import { fail, intInRange, numInRange } from "../bindings/validate.js";
import { benchKernels, type KernelResult } from "./kernels.js";
import { ratios, type BenchEngine, type BenchRatio, type BenchResult } from "./report.js";
import { OPTIMIZERS, type OptimizerKind } from "../bindings/types.js";
import { measureSliced, median, WORKLOAD_IDS, workload, workloadOptimizer, WorkloadRunner, type Measurement, type Workload, type WorkloadId } from "./workloads.js";

export interface BenchParams {
  workloads?: readonly string[];
  engines?: readonly string[];
  /** optimizers to run W1–W4 with, each in the same rounds (default SGD); CL keeps its own */
  optimizers?: readonly string[];
  /** repetitions per (workload, engine); default 3 */
  reps?: number;
  /** timed seconds per repetition; default 1 */
  seconds?: number;
  /** exact timed steps per repetition instead of seconds (quick checks) */
  steps?: number;
  /** also run the kernel micro-benchmarks */
  kernels?: boolean;
}

export interface BenchProgress {
  phase: "workloads" | "kernels";
  done: number;
  total: number;
  workload?: WorkloadId;
  engine?: BenchEngine;
  optimizer?: OptimizerKind;
  /** 1-based repetition just measured */
  rep?: number;
  reps: number;
  stepsPerSec?: number;
  /** medians of the repetitions so far */
  results: BenchResult[];
}

export interface BenchRunResult {
  machine: Record<string, unknown>;
  settings: { workloads: WorkloadId[]; engines: BenchEngine[]; optimizers: OptimizerKind[]; reps: number; seconds?: number; steps?: number };
  results: BenchResult[];
  ratios: BenchRatio[];
  kernels?: KernelResult[];
  totalMs: number;
}

export interface SessionHooks {
  progress(p: BenchProgress): void;
  /** awaited between slices of work: yields, waits while paused, throws when cancelled */
  checkpoint(): Promise<void>;
}

const ENGINES = ["wasm", "ts"] as const;

export function normalizeBenchParams(p: BenchParams = {}): BenchRunResult["settings"] & { kernels: boolean } {
  if (typeof p !== "object" || p === null) fail("bench params must be an object");
  const list = <T extends string>(name: string, v: readonly string[] | undefined, all: readonly T[]): T[] => {
    if (v === undefined) return [...all];
    if (!Array.isArray(v) || v.length === 0) fail(`${name} must be a non-empty list of ${all.join(", ")}`);
    for (const x of v) if (!all.includes(x as T)) fail(`${name} has "${String(x)}"; known: ${all.join(", ")}`);
    return all.filter((a) => v.includes(a));
  };
  const out: BenchRunResult["settings"] & { kernels: boolean } = {
    workloads: list("workloads", p.workloads, WORKLOAD_IDS),
    engines: list("engines", p.engines, ENGINES),
    optimizers: p.optimizers === undefined ? ["sgd"] : list("optimizers", p.optimizers, OPTIMIZERS),
    reps: intInRange("reps", p.reps ?? 3, 1, 50),
    kernels: !!p.kernels,
  };
  if (p.steps !== undefined) out.steps = intInRange("steps", p.steps, 1, 1_000_000);
  else out.seconds = numInRange("seconds", p.seconds ?? 1, 0.05, 60);
  return out;
}

/** The optimizers a workload runs with: the requested ones, or its own when it fixes one. */
export function optimizersOf(w: Workload, requested: readonly OptimizerKind[]): OptimizerKind[] {
  return [...new Set(requested.map((o) => workloadOptimizer(w, o)))];
}

/** The key of one (workload, optimizer, engine) series of measurements. */
export const sampleKey = (w: Workload, optimizer: OptimizerKind, e: BenchEngine) => `${w.id}:${optimizer}:${e}`;

/** Summary rows (median, min, max) of the measurements so far, in workload, optimizer, engine order. */
export function summarize(samples: ReadonlyMap<string, Measurement[]>, workloads: readonly Workload[], engines: readonly BenchEngine[],
  optimizers: readonly OptimizerKind[] = ["sgd"]): BenchResult[] {
  const rows: BenchResult[] = [];
  for (const w of workloads) for (const optimizer of optimizersOf(w, optimizers)) for (const e of engines) {
    const ms = samples.get(sampleKey(w, optimizer, e));
    if (!ms?.length) continue;
    const sps = ms.map((m) => m.stepsPerSec), med = median(sps);
    rows.push({ workload: w.id, engine: e, optimizer, steps_per_s: med, min: Math.min(...sps), max: Math.max(...sps), reps: ms.length,
      gflops: (med * ms[0].gflops) / ms[0].stepsPerSec, samples: sps });
  }
  return rows;
}

export async function runBenchSession(engineOf: (kind: BenchEngine) => Promise<Engine>, params: BenchParams, hooks: SessionHooks): Promise<BenchRunResult> {
  const t0 = performance.now();
  const cfg = normalizeBenchParams(params);
  const workloads = cfg.workloads.map(workload);
  const samples = new Map<string, Measurement[]>();
  const total = cfg.reps * cfg.engines.length * workloads.reduce((n, w) => n + optimizersOf(w, cfg.optimizers).length, 0);
  let done = 0;
  for (let rep = 1; rep <= cfg.reps; rep++) {
    for (const w of workloads) for (const optimizer of optimizersOf(w, cfg.optimizers)) {
      for (const e of cfg.engines) {
        await hooks.checkpoint();
        const engine = await engineOf(e);
        // a page that blocks WebAssembly gets the twin instead; its speed must not be reported as the core's
        if (engine.kind !== e) fail(`engine: the ${e} engine could not start here (got ${engine.kind})`);
        const runner = new WorkloadRunner(engine, w, optimizer);
        let m: Measurement;
        try {
          m = await measureSliced(runner, { seconds: cfg.seconds, steps: cfg.steps, warmupSeconds: cfg.steps !== undefined ? 0 : e === "ts" ? 0.5 : 0.3 },
            () => hooks.checkpoint());
        } finally { runner.dispose(); }
        if (!Number.isFinite(m.lastLoss)) fail(`${w.id} on ${e}: the loss is not finite (${m.lastLoss})`);
        const key = sampleKey(w, optimizer, e);
        samples.set(key, [...(samples.get(key) ?? []), m]);
        done++;
        hooks.progress({ phase: "workloads", done, total, workload: w.id, engine: e, optimizer, rep, reps: cfg.reps, stepsPerSec: m.stepsPerSec,
          results: summarize(samples, workloads, cfg.engines, cfg.optimizers) });
      }
    }
  }
  const results = summarize(samples, workloads, cfg.engines, cfg.optimizers);
  let kernels: KernelResult[] | undefined;
  if (cfg.kernels) {
    await hooks.checkpoint();
    const wasm = await engineOf("wasm");
    kernels = await benchKernels({
      engine: wasm instanceof WasmEngine ? wasm : undefined,
      onProgress: (d, t) => hooks.progress({ phase: "kernels", done: d, total: t, reps: cfg.reps, results }),
      checkpoint: () => hooks.checkpoint(),
    });
  }
  const nav = (globalThis as { navigator?: { userAgent?: string; hardwareConcurrency?: number } }).navigator;
  return {
    machine: { userAgent: nav?.userAgent ?? "unknown", cores: nav?.hardwareConcurrency ?? 0, date: new Date().toISOString() },
    settings: { workloads: cfg.workloads, engines: cfg.engines, optimizers: cfg.optimizers, reps: cfg.reps, seconds: cfg.seconds, steps: cfg.steps },
    results, ratios: ratios(results), kernels, totalMs: performance.now() - t0,
  };
}
