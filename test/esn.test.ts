import { describe, expect, it } from "vitest";
import { EchoStateNetwork, memoryCapacity, meanSquaredError } from "../bindings/esn.js";
import { spectralRadius } from "../bindings/linalg.js";
import { sineWave } from "../bindings/data/index.js";

describe("echo state network", () => {
  it("the reservoir has the requested spectral radius", () => {
    const esn = new EchoStateNetwork({ inputSize: 1, outputSize: 1, size: 80, spectralRadius: 0.8, seed: 3 });
    expect(spectralRadius(esn.W, 80)).toBeCloseTo(0.8, 6);
  });

  it("a ridge readout predicts a sine one step ahead far better than repeating the last value", () => {
    const s = sineWave(600, 25);
    const inputs = s.slice(0, -1).map((v) => [v]), targets = s.slice(1).map((v) => [v]);
    const esn = new EchoStateNetwork({ inputSize: 1, outputSize: 1, size: 50, spectralRadius: 0.9, seed: 1 });
    const trainMse = esn.fit(inputs.slice(0, 400), targets.slice(0, 400), { washout: 50 });
    const pred = esn.predict(inputs.slice(400));
    const testMse = meanSquaredError(pred, targets.slice(400).flat());
    const naive = meanSquaredError(inputs.slice(400).flat(), targets.slice(400).flat());
    expect(trainMse).toBeLessThan(1e-6);
    expect(testMse).toBeLessThan(naive / 100);
  });

  it("memory capacity is bounded by the reservoir size and grows with ρ from near 0", () => {
    const small = memoryCapacity({ size: 30, spectralRadius: 0.1, seed: 2 }, { maxDelay: 40 });
    const large = memoryCapacity({ size: 30, spectralRadius: 0.95, seed: 2 }, { maxDelay: 40 });
    expect(large.total).toBeLessThanOrEqual(30 + 1e-6);
    expect(large.total).toBeGreaterThan(small.total);
    expect(large.perDelay[0]).toBeGreaterThan(0.9);
  });
});
