/**
 * The sequence lab's claim, on its default settings: following the gradient (BPTT) beats
 * guessing (random search) on the same budget of loss evaluations. Also: the two methods'
 * time per evaluation is measured alike and the sentence about it follows the numbers.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "../bindings/engine.js";
import type { Model } from "../bindings/model.js";
import {
  buildProblem, compareRuns, defaultParams, labModel, readSequence, SEQUENCE_LAB_DEFAULTS as D, trainBptt, type RunSummary,
} from "../lessons/sequence-lab.js";
import { searchRandom } from "../lessons/random-search.js";

const engine = createEngine("wasm");

async function defaultRuns(seed: number) {
  const e = await engine, settings = { activation: D.activation, hiddenSize: D.hiddenSize, seed };
  const p = buildProblem((readSequence(D.sequence, D.length) as { values: number[] }).values, D.scaling);
  const start = defaultParams(e, settings);
  const m1 = labModel(e, settings, p, start), m2 = labModel(e, settings, p, start);
  try {
    const b = await trainBptt(m1, p, D.bptt, D.budget);
    const r = await searchRandom(m2, p, { mode: D.search, scale: D.searchScale, seed }, D.budget);
    return { b, r };
  } finally { m1.dispose(); m2.dispose(); }
}

describe("sequence lab default: BPTT beats random search on the same budget", () => {
  it.each([1, 2, 3])("seed %i", async (seed) => {
    const { b, r } = await defaultRuns(seed);
    expect(b.finalLoss).toBeLessThan(b.startLoss / 10);
    const c = compareRuns(b, r);
    expect(c.winner).toBe("bptt");
    expect(c.sentence).toMatch(/BPTT ended .*× lower/);
    // both measured their evaluations' engine work, inside the run's wall time
    for (const s of [b, r]) { expect(s.workMs).toBeGreaterThan(0); expect(s.workMs).toBeLessThanOrEqual(s.ms); }
  });
});

describe("time per evaluation compares like with like", () => {
  it("times exactly one engine call per evaluation: a training step for BPTT, a forward pass for random search", async () => {
    const e = await engine, settings = { activation: D.activation, hiddenSize: D.hiddenSize, seed: 1 };
    const p = buildProblem((readSequence(D.sequence, D.length) as { values: number[] }).values, D.scaling);
    const counted = (m: Model) => {
      const n = { train: 0, forward: 0 };
      const train = m.trainChunk.bind(m), forward = m.evaluate.bind(m);
      m.trainChunk = (...a: Parameters<Model["trainChunk"]>) => { n.train++; return train(...a); };
      m.evaluate = (...a: Parameters<Model["evaluate"]>) => { n.forward++; return forward(...a); };
      return n;
    };
    const m1 = labModel(e, settings, p, defaultParams(e, settings)), m2 = labModel(e, settings, p, defaultParams(e, settings));
    const n1 = counted(m1), n2 = counted(m2);
    await trainBptt(m1, p, D.bptt, 40);
    await searchRandom(m2, p, { mode: "sample", scale: 2, seed: 1 }, 40);
    m1.dispose(); m2.dispose();
    // BPTT: 40 training steps (+ the start and final losses); random search: 40 forwards (+ the same two)
    expect(n1).toEqual({ train: 40, forward: 2 });
    expect(n2).toEqual({ train: 0, forward: 42 });
  });

  const run = (method: "bptt" | "random", workMs: number): RunSummary => ({
    method, curve: [1, 0.5], startLoss: 1, finalLoss: method === "bptt" ? 0.1 : 0.5, evaluations: 100, ms: 1000, workMs,
    params: { W_x: [[1]], W_h: [[0.5]], b: [0], W_y: [[1]], b_y: [0] },
  });

  it("writes the cost sentence from the measured numbers, whichever way they go", () => {
    const slow = compareRuns(run("bptt", 15), run("random", 6));
    expect(slow.bpttUs).toBeCloseTo(150, 9);
    expect(slow.randomUs).toBeCloseTo(60, 9);
    expect(slow.costSentence).toMatch(/150\sµs .* 60\sµs: the backward pass made BPTT 2\.5× as costly/);
    const odd = compareRuns(run("bptt", 6), run("random", 9));
    expect(odd.costSentence).toMatch(/random search was 1\.5× as costly per evaluation, although it skips the backward pass/);
    expect(compareRuns(run("bptt", 6), run("random", 6.2)).costSentence).toMatch(/about the same/);
  });
});
