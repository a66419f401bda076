/**
 * The worked example's claim, on its default (the two-unit example, η = 0.1): every number
 * of the forward and backward pass worked out by hand in float64 is what the engine
 * computes, and one step against those gradients lowers the loss. Seeds 1–3 draw further
 * sentences and targets for the default weights, so the claim is checked beyond one case.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../bindings/engine.js";
import { Rng } from "../bindings/prng.js";
import { agreement, example, MAX_STEPS, runOnEngine, traceExample, updateOnEngine, V, WORKED_DEFAULTS as D, type WorkedCase } from "../lessons/worked-example.js";

let engine: Engine;
beforeAll(async () => { engine = await createEngine("wasm"); });

function cases(seed: number): WorkedCase[] {
  const base = example(D.example), rng = new Rng(seed), T = 2 + rng.int(MAX_STEPS - 1);
  const words = Array.from({ length: T }, () => rng.int(V)), targets = Array.from({ length: T }, () => rng.int(V));
  return [base, { ...base, tokens: words, targets, h0: new Array(base.params.W_h.length).fill(0) }];
}

describe("worked example default: the hand-worked passes are the engine's, and one step downhill lowers the loss", () => {
  it.each([1, 2, 3])("seed %i", (seed) => {
    for (const c of cases(seed)) {
      const trace = traceExample(c), eng = runOnEngine(engine, c);
      expect(agreement(eng, trace).worst).toBeLessThanOrEqual(1);
      expect(eng.loss).toBeCloseTo(trace.loss, 4);
      const step = updateOnEngine(engine, c, D.lr);
      expect(step.loss).toBeLessThan(eng.loss);
    }
  });
});
