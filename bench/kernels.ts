/**
 * Kernel micro-benchmarks: the core's dense kernels alone, on square n × n matrices, in
 * GFLOP/s (a multiply-add counts 2), beside the same loops in plain JavaScript.
 * Works in Node and in a worker (no Node imports).
 */
import type { WasmEngine } from "../bindings/engine.js";
import { Allocator } from "../bindings/wasm/allocator.js";
import { instantiateCore, type CoreExports } from "../bindings/wasm/core.js";
import { median } from "./workloads.js";

export type KernelId = "matVec" | "matTVec" | "outerAcc" | "outerSum";

export const KERNELS: ReadonlyArray<{ id: KernelId; label: string }> = [
  { id: "matVec", label: "matVec  y += W·x" },
  { id: "matTVec", label: "transposed matVec-accumulate  y += Wᵀ·d" },
  { id: "outerAcc", label: "outer-product-accumulate  G += d·aᵀ" },
  { id: "outerSum", label: "outer-product sum over T=25  G = Σₜ dₜ·aₜᵀ" },
];

export const KERNEL_SIZES = [64, 128, 256] as const;
const T_SUM = 25;

export interface KernelResult { kernel: KernelId; n: number; wasm: number; js: number }

type OuterSum = (g: number, rows: number, cols: number, D: number, ldd: number, A: number, lda: number, T: number) => void;

/** The same operations as plain loops over Float32Arrays (what a straightforward JS port does). */
const js = {
  matVec(w: Float32Array, x: Float32Array, n: number, y: Float32Array) {
    for (let r = 0; r < n; r++) { let s = y[r]; const o = r * n; for (let c = 0; c < n; c++) s += w[o + c] * x[c]; y[r] = s; }
  },
  matTVec(w: Float32Array, d: Float32Array, n: number, y: Float32Array) {
    for (let r = 0; r < n; r++) { const dr = d[r], o = r * n; for (let c = 0; c < n; c++) y[c] += w[o + c] * dr; }
  },
  outerAcc(g: Float32Array, d: Float32Array, a: Float32Array, n: number) {
    for (let r = 0; r < n; r++) { const dr = d[r], o = r * n; for (let c = 0; c < n; c++) g[o + c] += dr * a[c]; }
  },
  outerSum(g: Float32Array, D: Float32Array, A: Float32Array, n: number, T: number) {
    g.fill(0);
    for (let t = 0; t < T; t++) for (let r = 0; r < n; r++) { const dr = D[t * n + r], o = r * n, q = t * n; for (let c = 0; c < n; c++) g[o + c] += dr * A[q + c]; }
  },
};

/** GFLOP/s of `run` (which does `flops` operations): median of `reps` timed batches. */
function rate(run: () => void, flops: number, reps: number, seconds: number): number {
  let t0 = performance.now();
  let calls = 1;
  // warm up and size a batch to about `seconds`
  for (;;) {
    t0 = performance.now();
    for (let k = 0; k < calls; k++) run();
    const dt = (performance.now() - t0) / 1000;
    if (dt > seconds / 4) { calls = Math.max(1, Math.round((calls * seconds) / dt)); break; }
    calls *= 2;
  }
  const rates: number[] = [];
  for (let r = 0; r < reps; r++) {
    t0 = performance.now();
    for (let k = 0; k < calls; k++) run();
    rates.push((flops * calls) / ((performance.now() - t0) / 1000) / 1e9);
  }
  return median(rates);
}

export interface KernelBenchOptions {
  sizes?: readonly number[];
  reps?: number;
  /** seconds per timed batch */
  seconds?: number;
  onProgress?: (done: number, total: number) => void;
  /** awaited between measurements (a worker lets pause and cancel through) */
  checkpoint?: () => Promise<void>;
  /** run on this engine's core and heap (a worker has no wasm bytes of its own, only the module it was sent) */
  engine?: WasmEngine;
}

/** Runs every kernel at every size on a fresh core instance. */
export async function benchKernels(opts: KernelBenchOptions = {}): Promise<KernelResult[]> {
  const sizes = opts.sizes ?? KERNEL_SIZES, reps = opts.reps ?? 5, seconds = opts.seconds ?? 0.05;
  const core: CoreExports = opts.engine?.core ?? await instantiateCore();
  const heap = opts.engine?.heap ?? new Allocator(core.memory, core.heapBase());
  const outerSum = (core as unknown as { outerSum: OuterSum }).outerSum;
  const results: KernelResult[] = [];
  const total = sizes.length * KERNELS.length;
  for (const n of sizes) {
    const ptr = { w: heap.alloc(4 * n * n), g: heap.alloc(4 * n * n), x: heap.alloc(4 * n), y: heap.alloc(4 * n), D: heap.alloc(4 * T_SUM * n), A: heap.alloc(4 * T_SUM * n) };
    const view = (p: number, len: number) => new Float32Array(core.memory.buffer, p, len);
    // small values keep sums bounded over many calls; y is re-zeroed so it never grows large
    let seed = 7;
    const rnd = () => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return (seed / 4294967296 - 0.5) * 0.1; };
    for (const [p, len] of [[ptr.w, n * n], [ptr.x, n], [ptr.D, T_SUM * n], [ptr.A, T_SUM * n]] as const) view(p, len).forEach((_, k, a) => { a[k] = rnd(); });
    const jw = view(ptr.w, n * n).slice(), jx = view(ptr.x, n).slice(), jy = new Float32Array(n), jg = new Float32Array(n * n);
    const jD = view(ptr.D, T_SUM * n).slice(), jA = view(ptr.A, T_SUM * n).slice();
    const mv = 2 * n * n;
    const cases: Record<KernelId, { wasm: () => void; js: () => void; flops: number }> = {
      matVec: { wasm: () => core.matVecAcc(ptr.w, ptr.x, n, n, ptr.y), js: () => js.matVec(jw, jx, n, jy), flops: mv },
      matTVec: { wasm: () => core.matTVecAcc(ptr.w, ptr.x, n, n, ptr.y), js: () => js.matTVec(jw, jx, n, jy), flops: mv },
      outerAcc: { wasm: () => core.outerAcc(ptr.g, n, n, ptr.x, ptr.x), js: () => js.outerAcc(jg, jx, jx, n), flops: mv },
      outerSum: { wasm: () => outerSum(ptr.g, n, n, ptr.D, n, ptr.A, n, T_SUM), js: () => js.outerSum(jg, jD, jA, n, T_SUM), flops: mv * T_SUM },
    };
    try {
      for (const { id } of KERNELS) {
        await opts.checkpoint?.();
        const c = cases[id];
        view(ptr.y, n).fill(0); jy.fill(0);
        results.push({ kernel: id, n, wasm: rate(c.wasm, c.flops, reps, seconds), js: rate(c.js, c.flops, reps, seconds) });
        opts.onProgress?.(results.length, total);
      }
    } finally {
      for (const p of Object.values(ptr)) heap.release(p); // the engine's heap is shared with its models
    }
  }
  return results;
}
