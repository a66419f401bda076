/**
 * The bench in Node: every repetition of every (workload, engine) runs in a fresh process
 * (V8 sometimes runs a whole process 25–30% slower than usual, so a median over processes
 * is the honest figure), then the native reference, then the kernel micro-benchmarks.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import { createEngine } from "../bindings/engine.js";
import { benchKernels } from "./kernels.js";
import { prepareNative, runNative, type NativeResult } from "./native.js";
import { ratios, type BenchEngine, type BenchReport } from "./report.js";
import type { OptimizerKind } from "../bindings/types.js";
import { optimizersOf, sampleKey, summarize } from "./session.js";
import { measure, WorkloadRunner, type Measurement, type Workload } from "./workloads.js";

export interface NodeBenchOptions {
  engines: BenchEngine[];
  workloads: Workload[];
  /** optimizers W1–W4 run with, interleaved in each round (CL keeps its own) */
  optimizers: OptimizerKind[];
  reps: number;
  /** timed seconds per repetition */
  seconds: number;
  /** exact timed steps per repetition instead of seconds (quick runs, tests) */
  steps?: number;
  /** run every repetition in this process instead of a fresh one */
  inProcess: boolean;
  /** false: skip; true: look for ../shared/perf/rnnbench.c; string: a .c file or a binary */
  native: boolean | string;
  kernels: boolean;
  /** directories whose ../shared/perf may hold the reference (the package root) */
  roots: string[];
  cacheDir: string;
  /** the CLI script, to start child processes with */
  script: string;
  log: (s: string) => void;
}

/** Warm-up before timing: the TS twin's JIT needs a little longer than the wasm core. */
const warmup = (engine: BenchEngine, steps?: number) => (steps !== undefined ? 0 : engine === "ts" ? 0.5 : 0.3);

export function machineInfo(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown", cores: cpus.length, arch: process.arch, platform: process.platform,
    os: `${os.type()} ${os.release()}`, memory_gb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version, v8: process.versions.v8, runtime: `Node ${process.version}`,
    date: new Date().toISOString(), loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** One repetition in this process: a fresh engine and model, warm-up, timed steps. */
export async function measureOnce(w: Workload, engine: BenchEngine, optimizer: OptimizerKind, seconds: number, steps?: number): Promise<Measurement> {
  const runner = new WorkloadRunner(await createEngine(engine), w, optimizer);
  try { return measure(runner, { seconds, steps, warmupSeconds: warmup(engine, steps) }); }
  finally { runner.dispose(); }
}

/** One repetition in a child process (`rnn-explorer bench --child W1:wasm:sgd ...`). */
function measureInChild(o: NodeBenchOptions, w: Workload, engine: BenchEngine, optimizer: OptimizerKind): Promise<Measurement> {
  const args = [...process.execArgv, o.script, "bench", "--child", `${w.id}:${engine}:${optimizer}`, "--seconds", String(o.seconds)];
  if (o.steps !== undefined) args.push("--steps", String(o.steps));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { err += d; });
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        if (code !== 0) throw new Error(`exit ${code}: ${err.trim().split("\n").pop()}`);
        resolve(JSON.parse(out) as Measurement);
      } catch (e) { reject(new Error(`bench child ${w.id} ${engine}: ${(e as Error).message}`)); }
    });
  });
}

export async function runNodeBench(o: NodeBenchOptions): Promise<BenchReport> {
  const machine = machineInfo();
  const samples = new Map<string, Measurement[]>();
  const total = o.reps * o.engines.length * o.workloads.reduce((n, w) => n + optimizersOf(w, o.optimizers).length, 0);
  let done = 0;

  let binary: string | undefined, nativeNote: string | undefined;
  if (o.native !== false) {
    const prep = prepareNative(typeof o.native === "string" ? o.native : undefined, o.roots, o.cacheDir, o.log);
    if ("skipped" in prep) o.log(`${prep.skipped}\n`);
    else binary = prep.binary;
    nativeNote = "skipped" in prep ? prep.skipped : prep.note;
  }
  const native: NativeResult[] = [];
  const runNativeFor = async (w: Workload) => {
    if (!binary || !w.native) return;
    o.log(`native ${w.id} ${w.label} (about 12 s)...\n`);
    try {
      const r = await runNative(binary, w);
      native.push(r);
      o.log(`native ${w.id}: ${Math.round(r.steps_per_s).toLocaleString("en-US")} steps/s\n`);
    } catch (e) { o.log(`${(e as Error).message}\n`); }
  };

  // Workload by workload, with the native run in the middle of that workload's repetitions:
  // on a shared machine a busy phase then slows the engines and the reference alike, and the
  // ratio measured "in the same run" compares like with like. Engines alternate within a round.
  for (const w of o.workloads) {
    for (let rep = 0; rep < o.reps; rep++) {
      if (rep === Math.ceil(o.reps / 2)) await runNativeFor(w);
      // optimizers and engines alternate within a round, so a busy phase hits them alike
      for (const opt of optimizersOf(w, o.optimizers)) for (const e of o.engines) {
        const m = o.inProcess ? await measureOnce(w, e, opt, o.seconds, o.steps) : await measureInChild(o, w, e, opt);
        if (!Number.isFinite(m.lastLoss)) throw new Error(`${w.id} on ${e} with ${opt}: the loss is not finite (${m.lastLoss})`);
        const key = sampleKey(w, opt, e);
        samples.set(key, [...(samples.get(key) ?? []), m]);
        done++;
        o.log(`[${done}/${total}] ${w.id} ${w.label} ${opt} on ${e}, rep ${rep + 1}/${o.reps}: ${Math.round(m.stepsPerSec).toLocaleString("en-US")} steps/s\n`);
      }
    }
    if (o.reps === 1) await runNativeFor(w);
  }
  const results = summarize(samples, o.workloads, o.engines, o.optimizers);
  const report: BenchReport = {
    machine,
    settings: { reps: o.reps, seconds_per_rep: o.steps === undefined ? o.seconds : undefined, steps_per_rep: o.steps,
      processes: o.inProcess ? "one" : "separate", optimizers: o.optimizers,
      workload: "V 32, T 25, one-hot, softmax-CE every step, full BPTT, clip norm 5, then the optimizer (SGD lr 0.01 by default), float32, batch 1; CL: V 58, Adam lr 0.005, mean loss" },
    results,
  };
  if (nativeNote !== undefined) report.native_note = nativeNote;
  if (binary) report.native = native;
  report.ratios = ratios(results, report.native);

  if (o.kernels) {
    o.log("kernel micro-benchmarks...\n");
    report.kernels = await benchKernels({ onProgress: (d, t) => { if (d === t) o.log(`kernels: ${t} measured\n`); } });
  }
  return report;
}
