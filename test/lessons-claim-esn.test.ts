/**
 * The ESN lesson's claim, on its defaults (Mackey-Glass one step ahead, N = 100) and seeds
 * 1–3: a fixed random reservoir whose linear readout alone is fitted predicts the held-out
 * series better than an RNN of the same size with every weight trained by BPTT, while
 * training N + 2 weights instead of about N². And the probe behind the view's first look:
 * it measures each part of the full run once, and the estimate is those measurements
 * times how often the full run repeats them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../bindings/engine.js";
import { checkEsnLabConfig, DEFAULT_ESN_LAB as D, fitEsn, makeSeries, trainBptt } from "../lessons/esn-lab.js";
import { CALIBRATION_SIZE, estimateFullRun, estimateSentence, probeEsnLab, PROBE_MAX_SIZE, type EsnProbe } from "../lessons/esn-probe.js";

let engine: Engine;
beforeAll(async () => { engine = await createEngine("wasm"); });
const hooks = { progress() {}, checkpoint: async () => {} };

describe("ESN default: the readout alone beats BPTT on held-out data", () => {
  it.each([1, 2, 3])("seed %i", async (seed) => {
    const cfg = checkEsnLabConfig({ seed }), series = makeSeries(cfg);
    const esn = fitEsn(cfg, series);
    const rnn = await trainBptt(engine, cfg, series, hooks, () => {});
    expect(rnn.diverged).toBe(0);
    expect(esn.testNrmse).toBeLessThan(0.1);
    expect(esn.testNrmse * 5).toBeLessThan(rnn.testNrmse);
    expect(esn.trained).toBe(D.size + 2);
    expect(rnn.trained).toBeGreaterThan(D.size * D.size);
  });
});

describe("ESN probe and the full run's estimate", () => {
  let probe: EsnProbe;
  it("probes at the reader's N when it is small, and only measures speed at a larger N", async () => {
    probe = await probeEsnLab(engine, { size: 60, rnnSteps: 500 }, hooks);
    expect(probe.config.size).toBe(60);
    expect(probe.esn.testNrmse).toBeLessThan(0.2);
    expect(probe.capacity.perDelay).toHaveLength(60);
    for (const v of Object.values(probe.ms)) expect(v).toBeGreaterThan(0);
    const big = await probeEsnLab(engine, { size: PROBE_MAX_SIZE + 50, rnnSteps: 10 }, hooks);
    expect(big.config.size).toBe(CALIBRATION_SIZE);
  });

  it("the estimate is each measured part times its count, scaled by N^2.5 (reservoir, capacity) and N² (BPTT) at another N", () => {
    const m = probe.ms, points = new Set([...D.capacityRhos, D.spectralRadius]).size;
    const same = estimateFullRun(probe, { size: 60, rnnSteps: 500 });
    expect(same.scaledFrom).toBeUndefined();
    expect(same.ms).toBeCloseTo(m.esn + m.bpttStep * 500 + m.bpttEval + m.capacityPoint * points, 6);
    const twice = estimateFullRun(probe, { size: 120, rnnSteps: 500 });
    expect(twice.scaledFrom).toBe(60);
    expect(twice.parts.esn).toBeCloseTo(2 ** 2.5 * same.parts.esn, 6);
    expect(twice.parts.capacity).toBeCloseTo(2 ** 2.5 * same.parts.capacity, 6);
    expect(twice.parts.bptt).toBeCloseTo(4 * same.parts.bptt, 6);
    expect(estimateFullRun(probe, { size: 60, rnnSteps: 1000 }).parts.bptt).toBeGreaterThan(same.parts.bptt);
    expect(estimateSentence(probe, { size: 60, rnnSteps: 500 })).toMatch(/500 BPTT steps, and 11 memory-capacity points\) will take about [\d.]+ (s|min) on this machine, from the speed just measured here at N = 60/);
    expect(estimateSentence(probe, { size: 500 })).toMatch(/scaled from the speed measured here at N = 60/);
  });
});
