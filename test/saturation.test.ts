// One definition of "saturated": the activation's slope below a tenth of its peak.
import { describe, expect, it } from "vitest";
import { createEngine } from "../bindings/engine.js";
import { hiddenStatistics, saturatedAt } from "../bindings/saturation.js";

/** The slope at the pre-activation that gives state h, by central differences (independent of the rule's algebra). */
const slopeAt = (f: (a: number) => number, inverse: (h: number) => number, h: number) => {
  const a = inverse(h), e = 1e-5;
  return (f(a + e) - f(a - e)) / (2 * e);
};
const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

describe("saturatedAt", () => {
  it("agrees with the measured slope of tanh and sigmoid on both sides of the threshold", () => {
    for (const h of [-0.99, -0.96, -0.94, 0, 0.5, 0.9, 0.94, 0.95, 0.999]) {
      expect(saturatedAt("tanh", h), `tanh h=${h}`).toBe(slopeAt(Math.tanh, Math.atanh, h) < 0.1 * 1);
    }
    for (const h of [0.001, 0.02, 0.03, 0.5, 0.96, 0.97, 0.98, 0.999]) {
      expect(saturatedAt("sigmoid", h), `sigmoid h=${h}`).toBe(slopeAt(sigmoid, (y) => Math.log(y / (1 - y)), h) < 0.1 * 0.25);
    }
  });

  it("never calls ReLU or identity units saturated; dead ReLU units are counted apart", () => {
    expect(hiddenStatistics([5, 0, 0, 1], "relu")).toMatchObject({ saturated: 0, dead: 0.5, max: 5 });
    expect(hiddenStatistics([100, -100], "linear").saturated).toBe(0);
  });

  it("Model.hiddenStats judges a sigmoid RNN by the sigmoid's slope", async () => {
    const m = (await createEngine("ts")).createModel({ cell: "rnn", activation: "sigmoid", inputSize: 2, hiddenSize: 3, outputSize: 2, maxSeqLen: 4, seed: 1 });
    const p = m.getParams();
    // a bias of −6 pins every unit near σ(−6) ≈ 0.0025: flat, though far from |h| = 1
    m.setParams({ ...p, W_x: p.W_x.map((r) => r.map(() => 0)), W_h: p.W_h.map((r) => r.map(() => 0)), b: p.b.map(() => -6) });
    m.forward({ tokens: [0, 1, 0], targets: [null, null, null] });
    expect(m.hiddenStats().saturated).toBe(1);
    m.dispose();
  });
});
