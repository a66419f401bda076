/** The lab's measures: memory probe, clip fraction, stability verdict, gradient decay, stats, cached records. */
import { describe, expect, it } from "vitest";
import { createEngine } from "../bindings/engine.js";
import { baselineConfig, checkSettings } from "../lab/config.js";
import { labCorpus } from "../bindings/data/corpora/grammar-split.js";
import { executeRun } from "../lab/execute.js";
import { gradientDecay } from "../lab/metrics/decay.js";
import { hiddenStatistics as hiddenSummary } from "../bindings/saturation.js";
import { memoryProbe } from "../lab/metrics/probe.js";
import { statePass } from "../lab/metrics/states.js";
import { stabilityVerdict } from "../lab/metrics/verdict.js";
import { parseRecord, serializeRecord } from "../lab/serialize.js";
import { isReal, meanSd } from "../lab/stats.js";
import type { Curve, RunConfig, RunSpec } from "../lab/types.js";
import { CorpusTrainer } from "../bindings/trainer.js";

const engine = await createEngine("wasm");
const corpus = labCorpus({ sentences: 1500, seed: 42, valFraction: 0.1 });
const V = corpus.tokenizer.size, probeText = corpus.val.slice(0, 4000);
const model = (opts: Partial<Parameters<typeof engine.createModel>[0]> = {}) =>
  engine.createModel({ inputSize: V, outputSize: V, hiddenSize: 64, maxSeqLen: 50, init: "orthogonal", seed: 42, ...opts });

describe("memory probe", () => {
  it("recovers the previous character far above chance on a trained model", () => {
    const m = model();
    new CorpusTrainer(m, corpus.train, { seqLen: 25, optimizer: { kind: "sgd", lr: 0.01 }, clip: { mode: "norm", threshold: 5 } }).run(3000);
    const p = memoryProbe(statePass(m, probeText), probeText, V, { maxLag: 10 });
    expect(p.accuracy[0]).toBeGreaterThan(0.85);
    expect(p.accuracy[0]).toBeGreaterThan(p.chance[0] + 0.5);
    expect(p.accuracy[0]).toBeGreaterThan(p.baseline[0] + 0.3); // more than the current character alone tells
    expect(p.horizon).toBeGreaterThanOrEqual(3);
    m.dispose();
  });

  it("stays at chance on an untrained model whose state carries no information", () => {
    const m = model();
    m.setGroup("W_x", new Float64Array(64 * V)); // the input never reaches the state
    const p = memoryProbe(statePass(m, probeText), probeText, V, { maxLag: 10 });
    for (let d = 0; d < 10; d++) expect(p.accuracy[d]).toBeCloseTo(p.chance[d], 6);
    expect(p.horizon).toBe(0);
    m.dispose();
  });

  it("finds no memory in an untrained model without recurrence: it scores what the current character alone tells", () => {
    const m = model({ init: "xavier" });
    m.setGroup("W_h", new Float64Array(64 * 64));
    const p = memoryProbe(statePass(m, probeText), probeText, V, { maxLag: 10 });
    for (let d = 0; d < 10; d++) expect(Math.abs(p.accuracy[d] - p.baseline[d])).toBeLessThan(0.03);
    expect(p.horizon).toBe(0);
    m.dispose();
  });
});

describe("clip fraction", () => {
  const settings = checkSettings({ steps: 30, seeds: 1, corpusSentences: 300 });
  const run = (clip: number | null) => executeRun(engine, { study: "clipping", label: "", value: clip, measure: {},
    config: { ...baselineConfig(settings), clip } as RunConfig } satisfies RunSpec);

  it("is 1.0 with threshold 0 and 0.0 with threshold ∞", async () => {
    const zero = await run(0), never = await run(Infinity), none = await run(null);
    expect(zero.clip_fraction).toBe(1);
    expect(zero.clip_curve.every(([, f]) => f === 1)).toBe(true);
    expect(never.clip_fraction).toBe(0);
    expect(none.clip_fraction).toBe(0);
    // with a threshold of 0 every update is scaled to nothing: the model never moves
    expect(zero.loss_curve[0][1]).toBeCloseTo(zero.loss_curve.at(-1)![1], 0);
  });

  it("lies between for a threshold inside the range of gradient norms", async () => {
    const settingsMean = checkSettings({ steps: 200, seeds: 1, corpusSentences: 300, lossConvention: "mean" });
    const r = await executeRun(engine, { study: "clipping", label: "", value: 1, measure: {}, config: { ...baselineConfig(settingsMean), clip: 1.2 } });
    expect(r.clip_fraction).toBeGreaterThan(0);
    expect(r.clip_fraction).toBeLessThan(1);
  });
});

describe("stability verdict", () => {
  const curve = (ys: number[]): Curve => ys.map((y, i) => [(i + 1) * 10, y]);
  const falling = Array.from({ length: 40 }, (_, i) => 3 * Math.exp(-i / 10) + 0.5);
  it("is stable for a falling curve", () => expect(stabilityVerdict(curve(falling), 0, 0.52).verdict).toBe("stable"));
  it("is unstable when the loss climbs well above its best", () => {
    const spiky = falling.map((y, i) => (i >= 30 ? y * 1.5 : y));
    const v = stabilityVerdict(curve(spiky), 0, 0.9);
    expect(v.verdict).toBe("unstable");
    expect(v.reason).toMatch(/rose \d+% above its best/);
  });
  it("is diverged after a non-finite step or when training ends worse than it began", () => {
    expect(stabilityVerdict(curve(falling), 3, 0.52)).toMatchObject({ verdict: "diverged", reason: expect.stringMatching(/3 steps/) });
    expect(stabilityVerdict(curve([3, 2, 4, 5]), 0, 5).verdict).toBe("diverged");
    expect(stabilityVerdict(curve([NaN, NaN]), 0, NaN).verdict).toBe("diverged");
  });
});

describe("gradient decay", () => {
  it("stops after one step when W_hh is zero, and starts at ratio 1", () => {
    const m = model();
    m.setGroup("W_h", new Float64Array(64 * 64));
    const d = gradientDecay(m, statePass(m, probeText), probeText, 20);
    expect(d.ratio[0]).toBeCloseTo(1, 12);
    expect(d.ratio[1]).toBeLessThan(1e-12);
    expect(d.reach).toBe(1);
    m.dispose();
  });
  it("reaches further through an orthogonal W_hh than through a small one", () => {
    const orth = model(), small = model({ init: "gaussian", initScale: 0.02 });
    const reach = (m: typeof orth) => gradientDecay(m, statePass(m, probeText), probeText, 40).reach;
    expect(reach(orth)).toBeGreaterThan(reach(small));
    orth.dispose(); small.dispose();
  });
});

describe("hidden statistics", () => {
  it("judges saturation by the activation's own slope", () => {
    expect(hiddenSummary([0.96, -0.97, 0.1, 0], "tanh").saturated).toBe(0.5);
    expect(hiddenSummary([0.99, 0.01, 0.5, 0.6], "sigmoid").saturated).toBe(0.5);
    expect(hiddenSummary([5, 0, 0, 1], "relu")).toMatchObject({ saturated: 0, dead: 0.5, max: 5 });
  });
});

describe("seed statistics", () => {
  it("calls a difference real only beyond the summed spreads", () => {
    const a = meanSd([1.0, 1.02, 0.98]), b = meanSd([1.1, 1.12, 1.08]), c = meanSd([1.03, 1.05, 1.01]);
    expect(a.sd).toBeCloseTo(0.02, 12);
    expect(isReal(a, b)).toBe(true);
    expect(isReal(a, c)).toBe(false);
    expect(isReal(meanSd([1]), meanSd([2]))).toBe(false);
  });
});

describe("cached records", () => {
  it("survive the file format with NaN and Infinity intact", async () => {
    const settings = checkSettings({ steps: 10, seeds: 1, corpusSentences: 300 });
    const r = await executeRun(engine, { study: "clipping", label: "", value: null, measure: {}, config: { ...baselineConfig(settings), clip: Infinity } });
    (r.metrics as Record<string, unknown>).probe = { lags: [1], accuracy: [NaN], chance: [0.2], baseline: [-Infinity], horizon: 0, margin: 0.05 };
    const back = parseRecord(serializeRecord(r), r.key);
    expect(back.spec.config.clip).toBe(Infinity);
    expect(back.metrics.probe!.accuracy[0]).toBeNaN();
    expect(back.metrics.probe!.baseline[0]).toBe(-Infinity);
    expect(back.final_loss).toBe(r.final_loss);
    expect(() => parseRecord(serializeRecord(r), "other")).toThrow(/not a lab record/);
  });

  it("an edited or implausible record is refused, not reported as a result", async () => {
    const settings = checkSettings({ steps: 10, seeds: 1, corpusSentences: 300 });
    const r = await executeRun(engine, { study: "clipping", label: "", value: null, measure: {}, config: baselineConfig(settings) });
    // a hand edit of the file: the content hash no longer matches
    const edited = serializeRecord(r).replace(/"final_loss":[^,]+/, '"final_loss":-12345');
    expect(() => parseRecord(edited, r.key)).toThrow(/does not match its content hash/);
    // a record written with a matching hash but impossible values is still refused field by field
    for (const [field, value, message] of [
      ["final_loss", -12345, /final_loss must be a loss ≥ 0/],
      ["divergences", 11, /divergences must be a whole number in \[0, 10\]/],
      ["steps", 9, /steps must be 10/],
      ["loss_curve", "x", /loss_curve must be a list/],
    ] as const) {
      expect(() => parseRecord(serializeRecord({ ...r, [field]: value } as typeof r), r.key), field).toThrow(message);
    }
    const otherSpec = { ...r, spec: { ...r.spec, config: { ...r.spec.config, lr: 0.5 } } };
    expect(() => parseRecord(serializeRecord(otherSpec), r.key)).toThrow(/spec does not hash to the record's key/);
  });
});
