/**
 * The bench's workloads and command: a faster kernel must never become a wrong one, so both
 * engines must train the same loss trajectory on every workload; the kernels must agree with
 * plain loops on sizes that exercise every SIMD tail; `bench --json` must keep the contract's
 * shape. No timing assertions: speed is measured by `npm run bench`, not by tests.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createEngine } from "../bindings/engine.js";
import { Allocator } from "../bindings/wasm/allocator.js";
import { instantiateCore } from "../bindings/wasm/core.js";
import { flopsPerStep, measure, parameterCount, tokenStream, WORKLOADS, WorkloadRunner } from "../bench/workloads.js";
import { ratios, workloadTable } from "../bench/report.js";
import { nativeArgs, prepareNative } from "../bench/native.js";
import { builtinCorpus } from "../bindings/data/corpora/index.js";
import { DEFAULT_SETTINGS } from "../lessons/char-lab-train.js";

const STEPS = 200;

describe("bench workloads: wasm and the TS twin train the same trajectory", () => {
  it.each(WORKLOADS.map((w) => [w.id, w] as const))(`%s: per-step loss agrees for ${STEPS} steps`, async (_id, w) => {
    const wasm = new WorkloadRunner(await createEngine("wasm"), w);
    const ts = new WorkloadRunner(await createEngine("ts"), w);
    expect(wasm.model.parameterCount).toBe(parameterCount(w));
    const a = wasm.losses(STEPS), b = ts.losses(STEPS);
    let worst = 0;
    for (let k = 0; k < STEPS; k++) {
      expect(Number.isFinite(a[k]), `wasm loss at step ${k}`).toBe(true);
      worst = Math.max(worst, Math.abs(a[k] - b[k]) / Math.abs(b[k]));
    }
    // float32 rounding alone gives ~1e-7 here; 1e-4 leaves room for summation-order changes
    expect(worst, "largest relative difference of the per-step loss").toBeLessThan(1e-4);
    // and it learns (the stream has structure): the loss starts near T·log V and falls
    const first = a.slice(0, 10).reduce((s, x) => s + x, 0) / 10, last = a.slice(-10).reduce((s, x) => s + x, 0) / 10;
    console.log(w.id, "max rel diff", worst.toExponential(2), "loss", first.toFixed(2), "->", last.toFixed(2));
    expect(first).toBeGreaterThan(0.9 * w.seqLen * Math.log(w.vocab));
    expect(last).toBeLessThan(0.95 * first);
    wasm.dispose(); ts.dispose();
  });
});

describe("kernel exports agree with plain loops on sizes that exercise every tail", () => {
  const SIZES = [1, 3, 5, 17, 63, 65];
  const setup = async () => {
    const core = await instantiateCore();
    const heap = new Allocator(core.memory, core.heapBase());
    let seed = 99;
    const rnd = () => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed / 4294967296 - 0.5; };
    /** a block of wasm memory filled with random values, and a float64 copy of them */
    const block = (n: number) => {
      const p = heap.alloc(4 * n + 64); // slack past the end: a kernel must not touch it
      const v = new Float32Array(core.memory.buffer, p, n + 16);
      for (let k = 0; k < n + 16; k++) v[k] = rnd();
      return { p, v: () => new Float32Array(core.memory.buffer, p, n + 16), ref: Float64Array.from(v.subarray(0, n)), guard: Float32Array.from(v.subarray(n)) };
    };
    return { core, block };
  };
  /** float32 sums of n products: error grows ~ sqrt(n)·eps·|terms| */
  const close = (got: ArrayLike<number>, want: ArrayLike<number>, n: number, what: string) => {
    for (let k = 0; k < want.length; k++) {
      if (!(Math.abs(got[k] - want[k]) <= 1e-6 * (n + 1))) expect.fail(`${what}[${k}]: got ${got[k]}, want ${want[k]}`);
    }
  };
  const guardIntact = (b: { v: () => Float32Array; guard: Float32Array }, n: number, what: string) =>
    expect(Array.from(b.v().subarray(n)), `${what}: memory past the end`).toEqual(Array.from(b.guard));

  it("matVecAcc: out[r] += Σ_c W[r,c]·x[c]", async () => {
    const { core, block } = await setup();
    for (const rows of SIZES) for (const cols of SIZES) {
      const w = block(rows * cols), x = block(cols), out = block(rows);
      core.matVecAcc(w.p, x.p, rows, cols, out.p);
      const want = out.ref.map((o, r) => { let s = o; for (let c = 0; c < cols; c++) s += w.ref[r * cols + c] * x.ref[c]; return s; });
      close(out.v(), want, cols, `matVecAcc ${rows}x${cols}`);
      guardIntact(out, rows, `matVecAcc ${rows}x${cols}`);
    }
  });

  it("matTVecAcc: out[c] += Σ_r W[r,c]·d[r]", async () => {
    const { core, block } = await setup();
    // plus shapes that take the row-chunked path (chunks of 16 to 64 rows, by the row length)
    const shapes = [...SIZES.flatMap((rows) => SIZES.map((cols) => [rows, cols])), [129, 128], [65, 256], [130, 600], [33, 1030]];
    for (const [rows, cols] of shapes) {
      const w = block(rows * cols), d = block(rows), out = block(cols);
      core.matTVecAcc(w.p, d.p, rows, cols, out.p);
      const want = out.ref.map((o, c) => { let s = o; for (let r = 0; r < rows; r++) s += w.ref[r * cols + c] * d.ref[r]; return s; });
      close(out.v(), want, rows, `matTVecAcc ${rows}x${cols}`);
      guardIntact(out, cols, `matTVecAcc ${rows}x${cols}`);
    }
  });

  it("outerAcc: G[r,c] += d[r]·a[c]", async () => {
    const { core, block } = await setup();
    for (const rows of SIZES) for (const cols of SIZES) {
      const g = block(rows * cols), d = block(rows), a = block(cols);
      core.outerAcc(g.p, rows, cols, d.p, a.p);
      const want = g.ref.map((v, k) => v + d.ref[Math.floor(k / cols)] * a.ref[k % cols]);
      close(g.v(), want, 1, `outerAcc ${rows}x${cols}`);
      guardIntact(g, rows * cols, `outerAcc ${rows}x${cols}`);
    }
  });

  it("outerSum: G[r,c] = Σ_t D[t,r]·A[t,c] with row strides", async () => {
    const { core, block } = await setup();
    const outerSum = (core as unknown as { outerSum: (g: number, rows: number, cols: number, D: number, ldd: number, A: number, lda: number, T: number) => void }).outerSum;
    for (const rows of SIZES) for (const cols of SIZES) for (const T of [1, 4, 25]) {
      const ldd = rows + 3, lda = cols + 1; // strides wider than the rows, as for gate blocks
      const g = block(rows * cols), D = block(T * ldd), A = block(T * lda);
      outerSum(g.p, rows, cols, D.p, ldd, A.p, lda, T);
      const want = g.ref.map((_, k) => { const r = Math.floor(k / cols), c = k % cols; let s = 0; for (let t = 0; t < T; t++) s += D.ref[t * ldd + r] * A.ref[t * lda + c]; return s; });
      close(g.v(), want, T, `outerSum ${rows}x${cols} T=${T}`);
      guardIntact(g, rows * cols, `outerSum ${rows}x${cols}`);
    }
  });
});

describe("bench helpers", () => {
  it("the token stream is fixed and in range", () => {
    const a = tokenStream(1000, 32), b = tokenStream(1000, 32);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a)).toBeLessThan(32);
    expect(new Set(a).size).toBeGreaterThan(16);
  });

  it("flop counts follow rnnbench.c's formula", () => {
    const w1 = WORKLOADS[0];
    expect(parameterCount(w1)).toBe(64 * 32 + 64 * 64 + 64 + 32 * 64 + 32);
    expect(flopsPerStep(w1)).toBe(25 * (6 * 64 * 64 + 6 * 32 * 64) + 4 * parameterCount(w1));
  });

  it("measure runs a fixed number of steps when asked", async () => {
    const r = new WorkloadRunner(await createEngine("wasm"), WORKLOADS[0]);
    const m = measure(r, { steps: 7, warmupSeconds: 0 });
    expect(m.steps).toBe(7);
    expect(m.stepsPerSec).toBeGreaterThan(0);
    expect(Number.isFinite(m.lastLoss)).toBe(true);
    r.dispose();
  });

  it("ratios and the table show what was measured", () => {
    const res = (engine: "wasm" | "ts", sps: number, optimizer: "sgd" | "adam" = "sgd") =>
      ({ workload: "W1" as const, engine, optimizer, steps_per_s: sps, min: sps, max: sps, reps: 1, gflops: 1, samples: [sps] });
    const results = [res("wasm", 20000), res("ts", 2000)];
    const native = [{ workload: "W1", steps_per_s: 40000, min: 39000, max: 41000, gflops: 40, reps: 7 }];
    expect(ratios(results, native)).toEqual([{ workload: "W1", optimizer: "sgd", wasm_over_ts: 10, wasm_over_native: 0.5 }]);
    const table = workloadTable({ machine: {}, settings: {}, results, native });
    expect(table).toContain("| W1 RNN tanh H64 | 20,000 (20,000–20,000) | 2,000 (2,000–2,000) | 40,000 (39,000–41,000) |");
    expect(table).toContain("10.0× | 0.50× |");
  });

  it("another optimizer is compared with SGD from the same run, and never with the SGD-only native reference", () => {
    const res = (engine: "wasm" | "ts", sps: number, optimizer: "sgd" | "adam") =>
      ({ workload: "W3" as const, engine, optimizer, steps_per_s: sps, min: sps, max: sps, reps: 1, gflops: 1, samples: [sps] });
    const results = [res("wasm", 3000, "sgd"), res("ts", 200, "sgd"), res("wasm", 2700, "adam"), res("ts", 150, "adam")];
    const native = [{ workload: "W3", steps_per_s: 4000, min: 4000, max: 4000, gflops: 40, reps: 7 }];
    expect(ratios(results, native)).toEqual([
      { workload: "W3", optimizer: "sgd", wasm_over_ts: 15, wasm_over_native: 0.75 },
      { workload: "W3", optimizer: "adam", wasm_over_ts: 18, wasm_over_sgd: 0.9 },
    ]);
    const table = workloadTable({ machine: {}, settings: {}, results, native });
    expect(table).toMatch(/\| W3 LSTM H128, adam \| 2,700 .* \| — \| .* \| 18\.0× \| — \| 0\.90× \|/);
  });

  it("CL is the character lab's default model on its default corpus", () => {
    const cl = WORKLOADS.find((w) => w.id === "CL")!;
    const corpus = builtinCorpus("shakespeare");
    expect(cl.vocab).toBe(new Set(corpus.text).size);
    expect({ cell: cl.cell, hiddenSize: cl.hiddenSize, seqLen: cl.seqLen, optimizer: cl.train?.optimizer?.kind, lr: cl.train?.optimizer?.lr,
      clipMode: cl.train?.clip?.mode, clipThreshold: cl.train?.clip?.threshold, meanLoss: cl.train?.meanLoss })
      .toEqual({ cell: DEFAULT_SETTINGS.cell, hiddenSize: DEFAULT_SETTINGS.hiddenSize, seqLen: DEFAULT_SETTINGS.seqLen, optimizer: DEFAULT_SETTINGS.optimizer,
        lr: DEFAULT_SETTINGS.lr, clipMode: DEFAULT_SETTINGS.clipMode, clipThreshold: DEFAULT_SETTINGS.clipThreshold, meanLoss: DEFAULT_SETTINGS.meanLoss });
  });
});

describe("the native reference is optional", () => {
  it("a missing source is skipped with a reason, never an error", () => {
    const r = prepareNative("/no/such/dir/rnnbench.c", [], path.join(import.meta.dirname, "../node_modules/.cache/rnn-explorer-test"));
    expect(r).toEqual({ skipped: expect.stringMatching(/native reference not found \(looked at \/no\/such\/dir\/rnnbench.c/) });
  });

  it("is called with the workload's cell, H, V and T", () => {
    expect(WORKLOADS.filter((w) => w.native).map(nativeArgs)).toEqual([
      ["bench", "rnn", "64", "32", "25"], ["bench", "rnn", "256", "32", "25"], ["bench", "lstm", "128", "32", "25"], ["bench", "gru", "128", "32", "25"],
    ]);
  });
});

describe("rnn-explorer bench --json", () => {
  const cli = path.resolve(import.meta.dirname, "../dist/cli.js");
  it.skipIf(!existsSync(cli))("prints one JSON object with the contract's shape", () => {
    const r = spawnSync(process.execPath, [cli, "bench", "--json", "--engine", "all", "--workload", "W1", "--reps", "1", "--steps", "5"],
      { encoding: "utf8", timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/W1/); // progress goes to stderr
    const out = JSON.parse(r.stdout);
    expect(out).toHaveProperty("machine");
    expect(typeof out.machine).toBe("object");
    expect(out.results).toHaveLength(2);
    for (const [k, engine] of ["wasm", "ts"].entries()) {
      const row = out.results[k];
      expect(row).toMatchObject({ workload: "W1", engine, reps: 1 });
      for (const f of ["steps_per_s", "min", "max"]) {
        expect(typeof row[f]).toBe("number");
        expect(row[f]).toBeGreaterThan(0);
      }
      expect(row.min).toBeLessThanOrEqual(row.steps_per_s);
      expect(row.max).toBeGreaterThanOrEqual(row.steps_per_s);
    }
  });

  it.skipIf(!existsSync(cli))("--optimizer runs each asked-for optimizer in the same run; CL keeps its Adam", () => {
    const r = spawnSync(process.execPath, [cli, "bench", "--json", "--engine", "wasm", "--workload", "W1,CL", "--optimizer", "sgd,adam", "--reps", "1", "--steps", "3", "--in-process"],
      { encoding: "utf8", timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results.map((x: { workload: string; optimizer: string }) => `${x.workload}:${x.optimizer}`)).toEqual(["W1:sgd", "W1:adam", "CL:adam"]);
    expect(out.ratios.find((x: { workload: string; optimizer: string }) => x.workload === "W1" && x.optimizer === "adam").wasm_over_sgd).toBeGreaterThan(0);
    const bad = spawnSync(process.execPath, [cli, "bench", "--json", "--optimizer", "rmsprop"], { encoding: "utf8", timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--optimizer must be one of/);
  });

  it.skipIf(!existsSync(cli))("rejects an unknown workload with one line and exit 2", () => {
    const r = spawnSync(process.execPath, [cli, "bench", "--json", "--workload", "W9"], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--workload must be one of/);
    expect(r.stdout).toBe("");
  });
});
