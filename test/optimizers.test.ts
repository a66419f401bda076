/**
 * The fused clip-and-update of trainChunk against the reference path (clip, then update per
 * range) on random parameters, gradients and moments: bit for bit on the wasm core, within
 * float32 rounding against the float64 TS twin. Odd parameter counts exercise the SIMD tails;
 * sentinel blocks around the model's arena catch a kernel writing past its buffers.
 */
import { describe, expect, it } from "vitest";
import { createEngine, type WasmEngine } from "../bindings/engine.js";
import { updateRanges, type Backend, type ChunkArgs } from "../bindings/backend.js";
import { CLIP_CODE, computeLayout, OPTIMIZER_CODE, type Layout } from "../bindings/layout.js";
import { Rng } from "../bindings/prng.js";
import { TwinBackend } from "../bindings/twin/backend.js";
import { WasmBackend } from "../bindings/wasm/backend.js";
import type { CellKind } from "../bindings/types.js";
import { expectClose } from "./helpers.js";

const wasm = (await createEngine("wasm")) as WasmEngine;
const SENTINEL = 1234.5;

type Opt = keyof typeof OPTIMIZER_CODE;
type Clip = { mode: keyof typeof CLIP_CODE; threshold: number };

const SHAPES: Array<{ cell: CellKind; I: number; H: number; O: number }> = [
  { cell: "rnn", I: 3, H: 5, O: 3 },      // P = 63
  { cell: "lstm", I: 5, H: 7, O: 5 },     // P = 379
  { cell: "gru", I: 6, H: 9, O: 7 },      // P = 475
];
const CLIPS: Clip[] = [
  { mode: "norm", threshold: 0.05 },      // clips
  { mode: "norm", threshold: 1e6 },       // does not
  { mode: "none", threshold: 0 },
  { mode: "value", threshold: 0.01 },
];
const T = 6;

/** Random parameters and moments (each as its optimizer keeps them: Σg² and v ≥ 0), a token chunk. */
function fill(be: Backend, L: Layout, seed: number, opt: Opt = "adam"): void {
  const f = be.floats(), i = be.ints(), rng = new Rng(seed), o = L.floatOffset;
  f.fill(0); i.fill(0); // a reused wasm block holds the last model's numbers
  for (let k = 0; k < L.P; k++) {
    f[o.params + k] = rng.next() - 0.5;
    f[o.m1 + k] = opt === "adagrad" ? rng.next() * 0.01 : (rng.next() - 0.5) * 0.1; // Adagrad's m1 is Σg² ≥ 0
    f[o.m2 + k] = rng.next() * 0.01;
  }
  for (let t = 0; t < T; t++) {
    i[L.intOffset.tokens + t] = rng.int(L.dims.inputSize);
    i[L.intOffset.targets + t] = rng.int(L.dims.outputSize);
  }
}

const snapshot = (be: Backend, L: Layout) => {
  const f = be.floats(), o = L.floatOffset;
  const part = (name: "params" | "grads" | "m1" | "m2") => Array.from(f.subarray(o[name], o[name] + L.P));
  return { params: part("params"), grads: part("grads"), m1: part("m1"), m2: part("m2"), stats: Array.from(f.subarray(o.stats, o.stats + 4)) };
};

function args(opt: Opt, clip: Clip): ChunkArgs {
  return { T, inputMode: 0, samplingProb: 0, meanLoss: false, clipMode: CLIP_CODE[clip.mode], clipThreshold: clip.threshold,
    optimizer: OPTIMIZER_CODE[opt], lr: opt === "adagrad" ? 0.05 : 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: 7, freezeMask: 0, stepGradNorms: false };
}

/** The unfused path: forward, backward, clip, then one update per parameter range. */
function reference(be: Backend, L: Layout, a: ChunkArgs): void {
  be.forward(a.T, a.inputMode, 0);
  be.backward(a.T, a.inputMode, 1);
  be.clip(a.clipMode, a.clipThreshold);
  for (const [start, len] of updateRanges(L, a.freezeMask)) be.update(a.optimizer, a.lr, a.beta1, a.beta2, a.eps, a.step, start, len);
}

describe("fused clip and optimizer update", () => {
  for (const s of SHAPES) {
    const dims = { cell: s.cell, inputSize: s.I, hiddenSize: s.H, outputSize: s.O, maxSeqLen: T };
    const L = computeLayout(dims);
    for (const opt of Object.keys(OPTIMIZER_CODE) as Opt[]) {
      it(`${s.cell} P=${L.P} ${opt}: wasm fused = wasm reference, ≈ TS twin, nothing outside the arena touched`, () => {
        for (const [c, clip] of CLIPS.entries()) {
          const a = args(opt, clip);
          const mem = () => new Float32Array(wasm.core.memory.buffer);
          // sentinel blocks allocated either side of the model under test
          const before = wasm.heap.alloc(256);
          const fused = new WasmBackend(wasm.core, wasm.heap, L, s.cell, "tanh", "softmax-ce");
          const after = wasm.heap.alloc(256);
          mem().fill(SENTINEL, before / 4, before / 4 + 64);
          mem().fill(SENTINEL, after / 4, after / 4 + 64);
          const ref = new WasmBackend(wasm.core, wasm.heap, L, s.cell, "tanh", "softmax-ce");
          const twin = new TwinBackend(L, s.cell, "tanh", "softmax-ce", "f64");
          for (const be of [fused, ref, twin]) fill(be, L, 100 + c, opt);

          fused.trainChunk(a);
          reference(ref, L, a);
          reference(twin, L, a);

          const got = snapshot(fused, L), want = snapshot(ref, L), oracle = snapshot(twin, L);
          expect(got, `${clip.mode} ${clip.threshold}`).toEqual(want);
          for (const k of ["params", "grads", "m1", "m2"] as const) expectClose(got[k], oracle[k], `${clip.mode}: ${k}`);
          expect(got.stats[3], "clipped flag").toBe(oracle.stats[3]);
          if (clip.mode !== "value") expect(got.stats[3]).toBe(clip.threshold === 0.05 ? 1 : 0);
          for (const p of [before, after]) expect(mem().subarray(p / 4, p / 4 + 64).every((v) => v === SENTINEL), "sentinel").toBe(true);
          for (const be of [fused, ref]) be.dispose();
          wasm.heap.release(before); wasm.heap.release(after);
        }
      });
    }
  }

  it("a non-finite gradient leaves parameters and moments alone in the fused path", () => {
    const L = computeLayout({ cell: "lstm", inputSize: 5, hiddenSize: 7, outputSize: 5, maxSeqLen: T });
    const be = new WasmBackend(wasm.core, wasm.heap, L, "lstm", "tanh", "softmax-ce");
    fill(be, L, 9);
    const f = be.floats(), o = L.floatOffset;
    f[o.params + L.blocks.W_y.offset] = Infinity; // the output layer's gradient becomes non-finite
    const before = snapshot(be, L);
    f[o.stats + 4] = 1;
    be.trainChunk(args("adam", { mode: "norm", threshold: 1 }));
    const after = snapshot(be, L);
    expect(after.params).toEqual(before.params);
    expect(after.m1).toEqual(before.m1);
    expect(after.m2).toEqual(before.m2);
    expect(f[o.stats + 4], "finite flag").toBe(0);
    be.dispose();
  });
});
