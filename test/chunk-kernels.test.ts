/**
 * The chunk-level matrix-matrix kernels (assembly/chunk-kernels.ts) against float64 loops,
 * on sizes that exercise every SIMD body and scalar tail, odd and even step counts, row
 * strides wider than the rows and guard values around every output; then the engine that
 * uses them against the float64 twin on the same odd sizes, for every way a chunk is fed.
 */
import { describe, expect, it } from "vitest";
import { createEngine, TsEngine, WasmEngine } from "../bindings/engine.js";
import { Allocator } from "../bindings/wasm/allocator.js";
import { instantiateCore } from "../bindings/wasm/core.js";
import { parseCase, runCase } from "../bindings/conformance.js";
import { Rng } from "../bindings/prng.js";
import { expectClose, randomCase } from "./helpers.js";

const SIZES = [1, 3, 17, 33, 65];
const STEPS = [1, 2, 3, 25];
const GUARD = 16;

const core = await instantiateCore();
const heap = new Allocator(core.memory, core.heapBase());
const rng = new Rng(7);

/** A block of n floats with GUARD random floats on either side; ref is a float64 copy of the n. */
function block(n: number) {
  const p = heap.alloc(4 * (n + 2 * GUARD)), inner = p + 4 * GUARD;
  const all = () => new Float32Array(core.memory.buffer, p, n + 2 * GUARD);
  all().forEach((_, k, a) => { a[k] = rng.next() - 0.5; });
  const before = Array.from(all());
  return {
    p: inner, ref: Float64Array.from(all().subarray(GUARD, GUARD + n)),
    get: () => all().subarray(GUARD, GUARD + n),
    /** every float outside the given written indices is as it was */
    untouchedExcept(written: (k: number) => boolean, what: string) {
      const now = all();
      for (let k = 0; k < now.length; k++) {
        const inside = k >= GUARD && k < GUARD + n && written(k - GUARD);
        if (!inside && now[k] !== before[k]) expect.fail(`${what}: float ${k - GUARD} (outside the output) was changed`);
      }
    },
  };
}

/** float32 sums of n products of values in [-0.5, 0.5]: the error grows like n·eps at worst. */
function close(got: ArrayLike<number>, want: ArrayLike<number>, n: number, what: string, at: (k: number) => boolean = () => true) {
  for (let k = 0; k < want.length; k++) {
    if (at(k) && !(Math.abs(got[k] - want[k]) <= 1e-6 * (n + 1))) expect.fail(`${what}[${k}]: got ${got[k]}, want ${want[k]}`);
  }
}

describe("matMatT: out[t,r] = src[r] + Σ_c W[r,c]·X[t,c] for every step at once", () => {
  const shapes = [...SIZES.flatMap((rows) => SIZES.map((cols) => [rows, cols])), [6, 1030], [5, 513]]; // the last two cross column panels
  it("agrees with a float64 loop and writes only its T rows of `rows` floats", () => {
    for (const [rows, cols] of shapes) for (const T of STEPS) {
      const ldx = cols + 1, ldo = rows + 3; // strides wider than the rows: the gaps must stay untouched
      const w = block(rows * cols), X = block(T * ldx), src = block(rows), out = block(T * ldo);
      core.matMatT(w.p, rows, cols, X.p, ldx, T, src.p, out.p, ldo);
      const want = new Float64Array(T * ldo);
      for (let t = 0; t < T; t++) for (let r = 0; r < rows; r++) {
        let s = src.ref[r];
        for (let c = 0; c < cols; c++) s += w.ref[r * cols + c] * X.ref[t * ldx + c];
        want[t * ldo + r] = s;
      }
      const what = `matMatT ${rows}x${cols} T=${T}`, inRow = (k: number) => k % ldo < rows;
      close(out.get(), want, cols, what, inRow);
      out.untouchedExcept(inRow, what);
      for (const [b, name] of [[w, "W"], [X, "X"], [src, "src"]] as const) b.untouchedExcept(() => false, `${what} input ${name}`);
    }
  });
});

describe("matTMat: out[t,c] = Σ_r D[t,r]·W[r,c] for every step at once", () => {
  // plus shapes whose rows span several 32 KB chunks of W
  const shapes = [...SIZES.flatMap((rows) => SIZES.map((cols) => [rows, cols])), [129, 128], [130, 65], [33, 1030]];
  it("agrees with a float64 loop and writes only its T rows of `cols` floats", () => {
    for (const [rows, cols] of shapes) for (const T of STEPS) {
      const ldd = rows + 2, ldo = cols + 5;
      const w = block(rows * cols), D = block(T * ldd), out = block(T * ldo);
      core.matTMat(w.p, rows, cols, D.p, ldd, T, out.p, ldo);
      const want = new Float64Array(T * ldo);
      for (let t = 0; t < T; t++) for (let c = 0; c < cols; c++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += D.ref[t * ldd + r] * w.ref[r * cols + c];
        want[t * ldo + c] = s;
      }
      const what = `matTMat ${rows}x${cols} T=${T}`, inRow = (k: number) => k % ldo < cols;
      close(out.get(), want, rows, what, inRow);
      out.untouchedExcept(inRow, what);
      for (const [b, name] of [[w, "W"], [D, "D"]] as const) b.untouchedExcept(() => false, `${what} input ${name}`);
    }
  });
});

const wasm = (await createEngine("wasm")) as WasmEngine;
const oracle = new TsEngine("f64");

describe("the engine built on them agrees with the float64 twin", () => {
  for (const cell of ["rnn", "lstm", "gru"] as const) {
    it(`${cell}: loss, outputs and every gradient at odd sizes, token and real inputs, odd and even T`, () => {
      let seed = 1;
      for (const H of SIZES) for (const O of [1, 3, 17, 33, 65]) {
        if (H * O > 65 * 17) continue; // the large corner adds time, not coverage
        for (const tokens of [true, false]) for (const T of [1, 4, 7]) {
          const I = [3, 17, 1, 33][seed % 4];
          const c = parseCase(randomCase({ cell, H, O, I, T, tokens, loss: O === 1 ? "mse" : "softmax-ce", withState: true, nullEvery: 3, seed: seed++ }));
          const got = runCase(wasm, c), want = runCase(oracle, c), what = `${cell} H${H} O${O} I${I} T${T} ${tokens ? "tokens" : "inputs"}`;
          expectClose(got.loss, want.loss, `${what} loss`);
          expectClose(got.outputs, want.outputs, `${what} outputs`);
          for (const k of Object.keys(want.grads) as Array<keyof typeof want.grads>) expectClose(got.grads[k], want.grads[k], `${what} grads.${k}`);
        }
      }
    });
  }

  it("scheduled sampling (the output taken step by step) trains the same losses on both engines", () => {
    const cfg = { cell: "lstm" as const, inputSize: 17, hiddenSize: 33, outputSize: 17, maxSeqLen: 9, seed: 5 };
    const a = wasm.createModel(cfg), b = new TsEngine("f32").createModel(cfg);
    const r = new Rng(11), stream = Array.from({ length: 200 }, () => r.int(17));
    for (let s = 0; s < 20; s++) {
      const seq = { tokens: stream.slice(s * 9, s * 9 + 9), targets: stream.slice(s * 9 + 1, s * 9 + 10) };
      const opts = { samplingProb: 0.5, optimizer: { kind: "adam" as const, lr: 0.01 }, clip: { mode: "norm" as const, threshold: 1 } };
      const ra = a.trainChunk(seq, opts), rb = b.trainChunk(seq, opts);
      expect(Math.abs(ra.loss - rb.loss), `step ${s}`).toBeLessThan(1e-3 * Math.abs(rb.loss));
    }
    a.dispose();
  });
});
