/**
 * The claim of the LSTM and GRU views, on their defaults (latch task, H = 4, 600 steps)
 * and seeds 1–3: after a few hundred steps the gated cell stores a capital letter when it
 * arrives and holds it through a long run of distractors. The gate that writes (the
 * LSTM's input gate i, the GRU's update gate z) opens wider on capitals than on the
 * lowercase letters it must ignore.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../bindings/engine.js";
import { accuracy, createGatedModel, GatedTrainer, GATED_DEFAULTS as D, parseSequence, traceSequence } from "../lessons/gated-cell.js";

let engine: Engine;
beforeAll(async () => { engine = await createEngine("wasm"); });

/** A capital at t = 1, then a hold of 24 lowercase letters, then a second capital and a few more. */
const HOLD = "aBcadbacdbadcabdcabdacbdcaDbcda";

describe.each(["lstm", "gru"] as const)("%s default: stores a capital and holds it across a long gap", (cell) => {
  it.each([1, 2, 3])("seed %i", (seed) => {
    const model = createGatedModel(engine, { cell, task: D.task, hiddenSize: D.hiddenSize, seed });
    try {
      new GatedTrainer(model, D.task, seed).run(D.trainSteps);
      // fresh sequences of the longest length the view steps through
      expect(accuracy(model, D.task, { count: 200, length: 32, seed: 100 + seed })).toBeGreaterThan(0.95);
      const tokens = parseSequence(D.task, HOLD), trace = traceSequence(model, D.task, tokens);
      const second = HOLD.indexOf("D");
      // B held through the 24 distractors, then D replaces it
      trace.steps.forEach((s, t) => { if (t >= 1) expect(s.prediction, `step ${t}`).toBe(t < second ? 1 : 3); });
      // the writing gate opens wider on capitals than on lowercase letters (mean over units)
      const write = cell === "lstm" ? "i" : "z", isCapital = (t: number) => tokens[t] >= 4;
      const mean = (pick: (t: number) => boolean) => {
        const v = trace.steps.flatMap((s, t) => (pick(t) ? s.gates[write] : []));
        return v.reduce((a, b) => a + b, 0) / v.length;
      };
      expect(mean(isCapital)).toBeGreaterThan(mean((t) => !isCapital(t)));
    } finally { model.dispose(); }
  });
});
