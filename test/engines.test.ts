/** The wasm core against the float64 twin on random cases, and against the float32 twin in training. */
import { describe, expect, it } from "vitest";
import { createEngine, TsEngine, WasmEngine } from "../bindings/engine.js";
import { parseCase, runCase } from "../bindings/conformance.js";
import { Rng } from "../bindings/prng.js";
import { CELL_VARIANTS, expectClose, randomCase } from "./helpers.js";

const wasm = (await createEngine("wasm")) as WasmEngine;
const oracle = new TsEngine("f64");

describe("wasm core vs TS twin on random cases", () => {
  for (const v of CELL_VARIANTS) {
    for (const loss of ["softmax-ce", "mse"] as const) {
      it(`${v.cell}${v.activation ? "/" + v.activation : ""} ${loss}`, () => {
        for (let seed = 1; seed <= 4; seed++) {
          // sizes that exercise the SIMD bodies and their scalar tails
          const H = [5, 8, 17, 33][seed - 1], I = [3, 16, 7, 12][seed - 1];
          const c = parseCase(randomCase({ ...v, loss, H, I, O: 6, T: 9, tokens: seed % 2 === 1, withState: true, nullEvery: 4, seed }));
          const got = runCase(wasm, c), want = runCase(oracle, c);
          expectClose(got.loss, want.loss, "loss");
          expectClose(got.hidden, want.hidden, "hidden");
          expectClose(got.outputs, want.outputs, "outputs");
          for (const k of Object.keys(want.grads) as Array<keyof typeof want.grads>) expectClose(got.grads[k], want.grads[k], `grads.${k}`);
        }
      });
    }
  }
});

describe("training agrees across engines", () => {
  for (const cell of ["rnn", "lstm", "gru"] as const) {
    for (const optimizer of ["sgd", "momentum", "adagrad", "adam"] as const) {
      it(`${cell} with ${optimizer}: 30 steps, same losses`, async () => {
        const cfg = { cell, inputSize: 11, hiddenSize: 12, outputSize: 11, maxSeqLen: 10, seed: 3, init: "orthogonal" as const };
        const a = wasm.createModel(cfg), b = new TsEngine("f32").createModel(cfg);
        const rng = new Rng(4);
        const stream = Array.from({ length: 400 }, () => rng.int(11));
        for (let s = 0; s < 30; s++) {
          const tokens = stream.slice(s * 10, s * 10 + 10), targets = stream.slice(s * 10 + 1, s * 10 + 11);
          const opts = { optimizer: { kind: optimizer, lr: optimizer === "adagrad" ? 0.05 : 0.01 }, clip: { mode: "norm" as const, threshold: 1 } };
          const ra = a.trainChunk({ tokens, targets }, opts), rb = b.trainChunk({ tokens, targets }, opts);
          expect(Math.abs(ra.loss - rb.loss)).toBeLessThan(1e-3 * Math.abs(rb.loss));
          expect(ra.clipped).toBe(rb.clipped);
        }
        expectClose(a.getParams(), b.getParams(), "params after training", 1e-3);
        a.dispose();
      });
    }
  }
});
