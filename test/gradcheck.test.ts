/**
 * Gradients against central finite differences, on the float64 twin: every cell,
 * activation and loss; with and without initial state; and truncated BPTT, where a
 * chunk's gradient treats the state carried into it as a constant.
 */
import { describe, expect, it } from "vitest";
import { TsEngine } from "../bindings/engine.js";
import { parseCase } from "../bindings/conformance.js";
import type { Gradients, Model } from "../bindings/model.js";
import { PARAM_GROUPS, type Sequence } from "../bindings/types.js";
import { CELL_VARIANTS, randomCase } from "./helpers.js";

const engine = new TsEngine("f64");
const EPS = 1e-6;

function lossAt(model: Model, seq: Sequence, state: { h: number[]; c?: number[] }) {
  model.setState(state);
  return model.forward(seq).loss;
}

/**
 * Compares an analytic gradient (the model's backward pass unless another is given) with
 * (L(θ+ε) − L(θ−ε)) / 2ε for every parameter and h0/c0; returns the worst relative error.
 */
function checkGradients(model: Model, seq: Sequence, state: { h: number[]; c?: number[] }, gradient = () => model.backward()) {
  lossAt(model, seq, state);
  const g = gradient();
  const flatGrad = [g.W_x.flat(), g.W_h.flat(), g.b, g.W_y.flat(), g.b_y].flat();
  const p = model.getFlatParams();
  let worst = 0;
  for (let k = 0; k < p.length; k++) {
    const q = Float64Array.from(p);
    q[k] = p[k] + EPS; model.setFlatParams(q); const up = lossAt(model, seq, state);
    q[k] = p[k] - EPS; model.setFlatParams(q); const down = lossAt(model, seq, state);
    const fd = (up - down) / (2 * EPS);
    worst = Math.max(worst, Math.abs(fd - flatGrad[k]) / Math.max(1, Math.abs(fd)));
  }
  model.setFlatParams(p);
  for (const key of ["h", "c"] as const) {
    const v = state[key];
    if (!v) continue;
    const analytic = key === "h" ? g.h0 : g.c0!;
    for (let k = 0; k < v.length; k++) {
      const s1 = structuredClone(state), s2 = structuredClone(state);
      s1[key]![k] += EPS; s2[key]![k] -= EPS;
      const fd = (lossAt(model, seq, s1) - lossAt(model, seq, s2)) / (2 * EPS);
      worst = Math.max(worst, Math.abs(fd - analytic[k]) / Math.max(1, Math.abs(fd)));
    }
  }
  return worst;
}

/** Element-wise a + b of two gradients; h0 (and c0) stay a's: only the first step sees the initial state. */
function addGradients(a: Gradients, b: Gradients): Gradients {
  const add = (x: number[], y: number[]) => x.map((v, k) => v + y[k]);
  const add2 = (x: number[][], y: number[][]) => x.map((r, k) => add(r, y[k]));
  return { ...a, W_x: add2(a.W_x, b.W_x), W_h: add2(a.W_h, b.W_h), b: add(a.b, b.b), W_y: add2(a.W_y, b.W_y), b_y: add(a.b_y, b.b_y) };
}

function setup(caseJson: Record<string, unknown>) {
  const k = parseCase(caseJson);
  const T = (k.sequence.tokens ?? k.sequence.inputs)!.length;
  const model = engine.createModel({ cell: k.cell, activation: k.activation, loss: k.loss, inputSize: k.inputSize, hiddenSize: k.hiddenSize, outputSize: k.outputSize, maxSeqLen: T });
  model.setParams(k.params);
  const H = k.hiddenSize;
  const state = { h: k.h0 ?? new Array(H).fill(0), ...(k.cell === "lstm" ? { c: k.c0 ?? new Array(H).fill(0) } : {}) };
  return { model, seq: k.sequence, state };
}

describe("finite differences (float64 twin)", () => {
  for (const v of CELL_VARIANTS) {
    for (const loss of ["softmax-ce", "mse"] as const) {
      for (const tokens of [true, false]) {
        it(`${v.cell}${v.activation ? "/" + v.activation : ""} ${loss} ${tokens ? "tokens" : "real inputs"}`, () => {
          const { model, seq, state } = setup(randomCase({ ...v, loss, tokens, withState: true, nullEvery: 3, seed: 11 }));
          expect(checkGradients(model, seq, state)).toBeLessThan(1e-6);
        });
      }
    }
  }

  it("catches a wrong gradient (the check can fail)", () => {
    const { model, seq, state } = setup(randomCase({ cell: "rnn", T: 6, withState: true, seed: 4 }));
    // a backward pass with the recurrent term dropped: each step is backpropagated alone from
    // the state it received, so no gradient flows from h_t back into h_{t−1}
    const withoutRecurrence = (): Gradients => {
      model.setState(state);
      const T = seq.targets.length;
      let sum: Gradients | undefined;
      for (let t = 0; t < T; t++) {
        const step: Sequence = { targets: [seq.targets[t]], ...(seq.tokens ? { tokens: [seq.tokens[t]] } : { inputs: [seq.inputs![t]] }) };
        model.forward(step, { keepState: true });
        const g = model.backward();
        sum = sum ? addGradients(sum, g) : g;
      }
      return sum!;
    };
    expect(checkGradients(model, seq, state)).toBeLessThan(1e-6);
    expect(checkGradients(model, seq, state, withoutRecurrence)).toBeGreaterThan(1e-3);
  });
});

describe("truncated BPTT (float64 twin)", () => {
  for (const cell of ["rnn", "lstm", "gru"] as const) {
    for (const k of [1, 3, 4]) {
      it(`${cell}, chunk length ${k}: each chunk's gradient holds the carried state constant`, () => {
        const T = 12;
        const c = randomCase({ cell, T, seed: 5 });
        const { model } = setup({ ...c, tokens: (c.tokens as number[]).slice(0, k), targets: (c.targets as number[]).slice(0, k) });
        const big = engine.createModel({ ...model.config, maxSeqLen: T });
        big.setParams(model.getParams());
        const tokens = c.tokens as number[], targets = c.targets as number[];
        // carry the state through the chunks before the last, as training would
        for (let s = 0; s + k < T; s += k) big.forward({ tokens: tokens.slice(s, s + k), targets: targets.slice(s, s + k) }, { keepState: true });
        const start = Math.floor((T - 1) / k) * k;
        const chunk = { tokens: tokens.slice(start, start + k), targets: targets.slice(start, start + k) };
        const L = chunk.tokens.length;
        const m = engine.createModel({ ...model.config, maxSeqLen: L });
        m.setParams(model.getParams());
        const state = big.getState() as { h: number[]; c?: number[] };
        expect(state.h.some((x) => x !== 0)).toBe(true);
        expect(checkGradients(m, chunk, state)).toBeLessThan(1e-6);
      });
    }
  }

  it("trainChunk carries the last hidden state into the next chunk", () => {
    const c = randomCase({ cell: "lstm", T: 6, seed: 9 });
    const { model } = setup(c);
    const seq = { tokens: c.tokens as number[], targets: c.targets as number[] };
    const before = model.forward(seq);
    model.trainChunk(seq, { optimizer: { lr: 0 } });
    expect(model.getState().h).toEqual(before.hidden[5]);
  });
});

describe("parameter groups", () => {
  it("exposes the docs/math.md names", () => {
    const { model } = setup(randomCase({ cell: "rnn" }));
    expect(Object.keys(model.getParams())).toEqual([...PARAM_GROUPS]);
  });
});
