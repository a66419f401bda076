/**
 * The bench's report: its JSON shape (docs/math.md, "Outputs other programs read"; extra fields follow)
 * and its markdown tables. No Node or DOM imports.
 */
import type { KernelResult } from "./kernels.js";
import { KERNELS } from "./kernels.js";
import type { NativeResult } from "./native.js";
import { OPTIMIZERS, type OptimizerKind } from "../bindings/types.js";
import { WORKLOADS, type WorkloadId } from "./workloads.js";

export type BenchEngine = "wasm" | "ts";

/** One row of `results`: the contract's fields first, then extras. */
export interface BenchResult {
  workload: WorkloadId;
  engine: BenchEngine;
  /** the optimizer of the step (SGD unless the bench was asked for others) */
  optimizer: OptimizerKind;
  /** median over the repetitions */
  steps_per_s: number;
  min: number;
  max: number;
  reps: number;
  /** nominal GFLOP/s at the median (formula of rnnbench.c, see flopsPerStep) */
  gflops: number;
  /** steps/s of every repetition, in run order */
  samples: number[];
}

export interface BenchRatio {
  workload: WorkloadId;
  optimizer: OptimizerKind;
  /** median wasm with this optimizer ÷ median wasm with SGD on the same workload, same run */
  wasm_over_sgd?: number;
  /** median wasm ÷ median ts */
  wasm_over_ts?: number;
  /** median wasm ÷ native C median */
  wasm_over_native?: number;
}

export interface BenchReport {
  machine: Record<string, unknown>;
  settings: Record<string, unknown>;
  results: BenchResult[];
  native?: NativeResult[];
  /** why the native reference was not run, or where it came from */
  native_note?: string;
  ratios?: BenchRatio[];
  kernels?: KernelResult[];
}

/** The (workload, optimizer) pairs measured, in table order. */
export function measuredRows(results: readonly BenchResult[]): Array<{ workload: WorkloadId; optimizer: OptimizerKind }> {
  const rows: Array<{ workload: WorkloadId; optimizer: OptimizerKind }> = [];
  for (const w of WORKLOADS) for (const optimizer of OPTIMIZERS)
    if (results.some((r) => r.workload === w.id && r.optimizer === optimizer)) rows.push({ workload: w.id, optimizer });
  return rows;
}

/** A row's name: the workload, and its optimizer when the run compared optimizers (a workload that fixes its own says so in its label). */
export function rowLabel(id: WorkloadId, optimizer: OptimizerKind, results: readonly BenchResult[]): string {
  const w = WORKLOADS.find((x) => x.id === id)!;
  const compared = results.some((r) => r.optimizer !== "sgd" && !WORKLOADS.find((x) => x.id === r.workload)?.train);
  return `${w.id} ${w.label}${compared && !w.train ? `, ${optimizer}` : ""}`;
}

/**
 * Ratios of medians measured in the same run: wasm ÷ TS twin, wasm ÷ native C (the C
 * reference runs SGD, so only SGD rows get it), and wasm with this optimizer ÷ wasm with SGD.
 */
export function ratios(results: readonly BenchResult[], native: readonly NativeResult[] = []): BenchRatio[] {
  const out: BenchRatio[] = [];
  for (const { workload, optimizer } of measuredRows(results)) {
    const get = (e: BenchEngine, opt = optimizer) => results.find((r) => r.workload === workload && r.engine === e && r.optimizer === opt)?.steps_per_s;
    const wasm = get("wasm"), ts = get("ts"), sgd = get("wasm", "sgd");
    const nat = optimizer === "sgd" ? native.find((n) => n.workload === workload)?.steps_per_s : undefined;
    const r: BenchRatio = { workload, optimizer };
    if (wasm !== undefined && ts !== undefined) r.wasm_over_ts = wasm / ts;
    if (wasm !== undefined && nat !== undefined) r.wasm_over_native = wasm / nat;
    if (wasm !== undefined && sgd !== undefined && optimizer !== "sgd") r.wasm_over_sgd = wasm / sgd;
    if (r.wasm_over_ts !== undefined || r.wasm_over_native !== undefined || r.wasm_over_sgd !== undefined) out.push(r);
  }
  return out;
}

const int = (x: number) => Math.round(x).toLocaleString("en-US");
const sig = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Markdown table of the workloads: one row each, one column group per engine measured. */
export function workloadTable(report: BenchReport): string {
  const engines = (["wasm", "ts"] as const).filter((e) => report.results.some((r) => r.engine === e));
  const hasNative = (report.native?.length ?? 0) > 0;
  const rs = report.ratios ?? ratios(report.results, report.native);
  const head = ["workload", ...engines.map((e) => `${e} steps/s (min–max)`)];
  if (hasNative) head.push("native C steps/s");
  head.push(...engines.map((e) => `${e} GFLOP/s`));
  if (engines.length === 2) head.push("wasm ÷ ts");
  if (hasNative && engines.includes("wasm")) head.push("wasm ÷ native");
  const bySgd = rs.some((x) => x.wasm_over_sgd !== undefined);
  if (bySgd) head.push("wasm ÷ wasm SGD");
  const lines = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
  for (const { workload, optimizer } of measuredRows(report.results)) {
    const w = WORKLOADS.find((x) => x.id === workload)!;
    const row = (e: BenchEngine) => report.results.find((r) => r.workload === workload && r.engine === e && r.optimizer === optimizer);
    const cells = [rowLabel(workload, optimizer, report.results)];
    for (const e of engines) { const r = row(e); cells.push(r ? `${int(r.steps_per_s)} (${int(r.min)}–${int(r.max)})` : "—"); }
    const nat = optimizer === "sgd" ? report.native?.find((n) => n.workload === w.id) : undefined;
    if (hasNative) cells.push(nat ? `${int(nat.steps_per_s)} (${int(nat.min)}–${int(nat.max)})` : "—");
    for (const e of engines) { const r = row(e); cells.push(r ? sig(r.gflops) : "—"); }
    const ratio = rs.find((x) => x.workload === w.id && x.optimizer === optimizer);
    if (engines.length === 2) cells.push(ratio?.wasm_over_ts !== undefined ? `${ratio.wasm_over_ts.toFixed(1)}×` : "—");
    if (hasNative && engines.includes("wasm")) cells.push(ratio?.wasm_over_native !== undefined ? `${ratio.wasm_over_native.toFixed(2)}×` : "—");
    if (bySgd) cells.push(ratio?.wasm_over_sgd !== undefined ? `${ratio.wasm_over_sgd.toFixed(2)}×` : "—");
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/** Markdown table of the kernel micro-benchmarks. */
export function kernelTable(kernels: readonly KernelResult[]): string {
  const sizes = [...new Set(kernels.map((k) => k.n))];
  const head = ["kernel (GFLOP/s, wasm / plain JS)", ...sizes.map((n) => `n = ${n}`)];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
  for (const k of KERNELS) {
    const cells = [k.label];
    for (const n of sizes) {
      const r = kernels.find((x) => x.kernel === k.id && x.n === n);
      cells.push(r ? `${sig(r.wasm)} / ${sig(r.js)}` : "—");
    }
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/** The whole human-readable report. */
export function markdownReport(report: BenchReport): string {
  const m = report.machine as Record<string, string | number>;
  const s = report.settings as Record<string, string | number>;
  const parts = [
    `rnn-explorer bench — ${m.cpu} (${m.cores} cores), ${m.runtime ?? ""}, ${m.date}`,
    `median of ${s.reps} repetition${s.reps === 1 ? "" : "s"}${s.processes === "separate" ? ", each in its own process" : ""}; ` +
      `one step = trainChunk on 25 one-hot tokens (V 32): forward, softmax-CE at every step, full BPTT, global-norm clip 5, ` +
      `then the optimizer (SGD 0.01 unless named); CL = the character lab's default (V 58, Adam 0.005, mean loss); the native C reference runs SGD`,
    "",
    workloadTable(report),
  ];
  if (report.native_note) parts.push("", report.native_note);
  if (report.kernels?.length) parts.push("", kernelTable(report.kernels));
  return parts.join("\n") + "\n";
}
