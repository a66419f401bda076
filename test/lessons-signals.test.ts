/** The signal lessons (shift register, feedback, 2-D state space, scalar BPTT) against hand computations. */
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../bindings/engine.js";
import { formatComplex, halvingSteps, regime, simulate, spectrum } from "../lessons/linear-systems.js";
import { parseSignal, parseTaps, registerSystem, runRegister, tapSources } from "../lessons/shift-register.js";
import { describeEcho, runFeedback } from "../lessons/feedback.js";
import {
  describeDynamics, displayValue, echoStateStatement, heldInput, histogram, PRESETS, presetByName, randomA, rotation, runStateSpace, separation, signal,
  type Mat2,
} from "../lessons/state-space.js";
import {
  band, chainRule, DEFAULT_NET, defaultInputs, finiteDifference, MAX_T, nodeRevealed, resizeInputs, ScalarRnn, scalarLoss,
  type ScalarNet,
} from "../lessons/bptt.js";

let engines: Engine[];
beforeAll(async () => { engines = [await createEngine("wasm"), await createEngine("ts")]; });

const close = (got: number, want: number, tol = 1e-5) => expect(Math.abs(got - want), `got ${got}, want ${want}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want)));

describe("shift register", () => {
  const x = [1, 2, -1, 0.5, 3, 0, -2];
  const w = [0.5, -0.25, 2];
  // y[k] = Σⱼ wⱼ x[k−j] with x[<0] = 0, written out by hand
  const fir = (xs: number[], ws: number[]) => xs.map((_, k) => ws.reduce((s, wj, j) => s + wj * (k - j >= 0 ? xs[k - j] : 0), 0));

  it("computes the FIR output and the register contents on both engines", () => {
    for (const e of engines) {
      const r = runRegister(e, x, w);
      const want = fir(x, w);
      r.y.forEach((v, k) => close(v, want[k]));
      expect(r.register[3]).toEqual([0.5, -1, 2]);
      expect(r.register[0]).toEqual([1, 0, 0]);
    }
  });

  it("names the samples each output reads", () => {
    expect(tapSources(0)).toEqual([{ index: 0, tap: 0 }]);
    expect(tapSources(5)).toEqual([{ index: 5, tap: 0 }, { index: 4, tap: 1 }, { index: 3, tap: 2 }]);
  });

  it("parses taps and signals, refusing bad text with a reason", () => {
    expect(parseTaps("1, 0.5 -2")).toEqual([1, 0.5, -2]);
    expect(() => parseTaps("1, 2")).toThrow(/exactly 3/);
    expect(() => parseTaps("1, 2, 30")).toThrow(/w₂ = 30 is outside/);
    expect(() => parseTaps("1, x, 2")).toThrow(/^taps number 2 "x" is not a number/);
    expect(parseSignal("0 1 0 0")).toEqual([0, 1, 0, 0]);
    expect(() => parseSignal("1, 1e9")).toThrow(/outside/);
    expect(() => parseSignal(Array(65).fill(1).join(","))).toThrow(/at most 64/);
  });
});

describe("feedback", () => {
  it("is the register with A = S + a·e₁wᵀ, and the impulse response follows λ = a for taps (1, 0, 0)", () => {
    for (const a of [0.5, 1, 1.2]) {
      const r = runFeedback(engines[0], [1, 0, 0, 0, 0, 0, 0, 0], [1, 0, 0], a);
      r.impulse.forEach((v, k) => close(v, a ** k));
      close(r.spectrum.rho, a, 1e-9);
      expect(r.regime).toBe(a < 1 ? "decays" : a > 1 ? "grows" : "marginal");
    }
  });

  it("matches the recursion y[k] = w·(x[k] + a·y[k−1], r₀[k−1], r₁[k−1]) written out", () => {
    const taps = [0.5, 0.3, 0.2], a = 0.9, x = [1, 0, 0, 1, 0, 0, 0, 0, 0, 0];
    const r = runFeedback(engines[1], x, taps, a);
    let reg = [0, 0, 0], prevY = 0;
    x.forEach((xk, k) => {
      reg = [xk + a * prevY, reg[0], reg[1]];
      prevY = taps[0] * reg[0] + taps[1] * reg[1] + taps[2] * reg[2];
      close(r.y[k], prevY);
    });
  });

  it("taps summing to 1 with a = 1 put an eigenvalue at 1: the echo never dies", () => {
    const r = runFeedback(engines[0], new Array(40).fill(0), [0.5, 0.3, 0.2], 1);
    close(r.spectrum.rho, 1, 1e-9);
    expect(r.regime).toBe("marginal");
    // the impulse settles to 1 / (w₀ + 2w₁ + 3w₂) = 1/1.7
    close(r.impulse[39], 1 / 1.7, 1e-4);
    expect(describeEcho(r)).toMatch(/echoes for ever/);
    const d = runFeedback(engines[0], new Array(40).fill(0), [0.5, 0.3, 0.2], 0.8);
    expect(describeEcho(d)).toMatch(/dies out/);
    expect(Math.abs(d.impulse[39])).toBeLessThan(0.01);
  });
});

describe("linear systems", () => {
  it("reads eigenvalues, ρ and ‖A‖₂", () => {
    const s = spectrum(rotation(0.9, Math.PI / 3));
    close(s.rho, 0.9, 1e-12);
    close(s.sigmaMax, 0.9, 1e-12);
    close(Math.abs(s.values[0].im), 0.9 * Math.sin(Math.PI / 3), 1e-12);
    const j = spectrum([[0.9, 1], [0, 0.9]]);
    close(j.rho, 0.9, 1e-6);
    expect(j.sigmaMax).toBeGreaterThan(1); // the Jordan block stretches although ρ < 1
  });

  it("simulates from a given initial state", () => {
    const s = simulate(engines[0], { A: [[0.5, 0], [0, -0.5]], B: [0, 0], C: [1, 1], activation: "linear" }, [0, 0, 0], [1, 1]);
    expect(s.h.map((v) => v.map((u) => Number(u.toFixed(6))))).toEqual([[1, 1], [0.5, -0.5], [0.25, 0.25], [0.125, -0.125]]);
    expect(s.out.map((v) => Number(v.toFixed(6)))).toEqual([0, 0.5, 0]);
  });

  it("formats read-outs and regimes", () => {
    expect(formatComplex({ re: 0.85, im: -0.3217 })).toBe("0.85 − 0.322i");
    expect(formatComplex({ re: -0.5, im: 1e-15 })).toBe("−0.5");
    expect(regime(0.999999999)).toBe("marginal");
    expect(regime(0.99)).toBe("decays");
    close(halvingSteps(0.5), 1, 1e-12);
    expect(halvingSteps(1)).toBe(Infinity);
  });
});

describe("state space", () => {
  it("runs h[k+1] = A h[k] + B x[k] and y[k] = Cᵀh[k] as written", () => {
    const A: Mat2 = [[0.6, -0.4], [0.3, 0.8]], B: [number, number] = [1, -0.5], C: [number, number] = [0.7, 0.2];
    const x = signal("square");
    const r = runStateSpace(engines[0], A, B, C, x, false);
    const xs = heldInput(x);
    let h = [0, 0];
    expect(r.h).toHaveLength(51);
    for (let k = 0; k < 50; k++) {
      close(r.y[k], C[0] * h[0] + C[1] * h[1], 1e-5);
      h = [A[0][0] * h[0] + A[0][1] * h[1] + B[0] * xs[k], A[1][0] * h[0] + A[1][1] * h[1] + B[1] * xs[k]];
      close(r.h[k + 1][0], h[0], 1e-5);
      close(r.h[k + 1][1], h[1], 1e-5);
    }
    expect(r.x).toHaveLength(51);
    expect(r.x[50]).toBe(x[20]); // held at the last value after k = 20
  });

  it("tanh bounds the state even when ρ > 1", () => {
    const r = runStateSpace(engines[0], rotation(1.5, 0.3), [1, 0], [1, 0], signal("step"), true);
    for (const v of r.h) expect(Math.max(Math.abs(v[0]), Math.abs(v[1]))).toBeLessThan(1);
    const lin = runStateSpace(engines[0], rotation(1.5, 0.3), [1, 0], [1, 0], signal("step"), false);
    expect(Math.hypot(...lin.h[50])).toBeGreaterThan(1e6);
  });

  it("measures forgetting: two starts converge when ρ < 1 and not when ρ > 1", () => {
    const d = runStateSpace(engines[0], rotation(0.8, 1), [1, 0], [1, 0], signal("step"), false);
    close(d.forgetting.distance, Math.SQRT2 * 0.8 ** 50, 1e-3);
    const u = runStateSpace(engines[0], rotation(1.05, 1), [1, 0], [1, 0], signal("step"), false);
    close(u.forgetting.distance, Math.SQRT2 * 1.05 ** 50, 1e-4);
  });

  it("presets have the eigenvalues their matrices imply", () => {
    const rho = (n: string) => spectrum(presetByName(n)!.A).rho;
    close(rho("oscillatory"), 0.95, 1e-9);
    close(rho("unstable"), 1.08, 1e-9);
    close(rho("jordan"), 0.9, 1e-6);
    close(rho("double-integrator"), 1, 1e-6);
    // decaying: trace 1.2, det 0.33 → λ = 0.6 ± √(0.36 − 0.33)
    close(rho("decaying"), 0.6 + Math.sqrt(0.03), 1e-9);
    expect(PRESETS.map((p) => p.name)).toEqual(["oscillatory", "decaying", "jordan", "shear", "double-integrator", "unstable"]);
  });

  it("describes the dynamics from the eigenvalues", () => {
    const d = (n: string) => { const A = presetByName(n)!.A; return describeDynamics(A, spectrum(A)); };
    expect(d("oscillatory")).toMatch(/complex pair.*full turn every 12 steps.*shrinks/);
    expect(d("jordan")).toMatch(/repeated real eigenvalue λ = 0\.9 with only one eigenvector/);
    expect(d("shear")).toMatch(/keeps growing linearly/);
    expect(d("decaying")).toMatch(/Two real eigenvalues/);
    expect(d("unstable")).toMatch(/doubles about every/);
    const I = [[0.5, 0], [0, 0.5]] as Mat2;
    expect(describeDynamics(I, spectrum(I))).toMatch(/same factor/);
    const N = [[0, 1], [0, 0]] as Mat2; // nilpotent: N² = 0
    expect(describeDynamics(N, spectrum(N))).toMatch(/only one eigenvector.*wipes out any starting state within two steps/);
  });

  it("states the echo state property from ρ and ‖A‖₂", () => {
    expect(echoStateStatement(spectrum(rotation(0.9, 1)), false)).toMatch(/has the echo state property/);
    expect(echoStateStatement(spectrum(rotation(1, 1)), false)).toMatch(/= 1: .*does not hold/);
    expect(echoStateStatement(spectrum(rotation(1.2, 1)), false)).toMatch(/is lost/);
    expect(echoStateStatement(spectrum(rotation(0.9, 1)), true)).toMatch(/guarantees/);
    expect(echoStateStatement(spectrum([[0.9, 1], [0, 0.9]]), true)).toMatch(/not guaranteed/);
  });

  it("rescales a random A to the chosen ρ, reproducibly by seed", () => {
    const a = randomA(0.9, 7);
    close(spectrum(a).rho, 0.9, 1e-9);
    expect(randomA(0.9, 7)).toEqual(a);
    expect(randomA(0.9, 8)).not.toEqual(a);
  });

  it("bins values for the marginal histograms and clamps only for display", () => {
    expect(histogram([-1, -0.9, 0, 0.1, 0.99, 5, NaN], -1, 1, 4).counts).toEqual([2, 0, 2, 2]);
    expect([displayValue(40), displayValue(-Infinity), displayValue(3)]).toEqual([15, -15, 3]);
  });

  it("measures how far apart the four inputs drive the state", () => {
    const A = rotation(0.5, 0), B: [number, number] = [1, 0], C: [number, number] = [1, 0];
    const s = separation(engines[1], A, B, C, false);
    // A = 0.5·I, B = e₁: h₂ stays 0; a step drives h₁ to 2(1 − 0.5ᵏ), an impulse gives h₁[k] = 0.5^(k−1)
    const step = s.signals.find((v) => v.kind === "step")!;
    const ks = Array.from({ length: 51 }, (_, k) => 2 * (1 - 0.5 ** k));
    const mean = ks.reduce((a, b) => a + b, 0) / 51;
    close(step.centroid[0], mean, 1e-5);
    expect(step.centroid[1]).toBe(0);
    close(step.spread, Math.sqrt(ks.reduce((a, v) => a + (v - mean) ** 2, 0) / 51), 1e-4);
    close(s.ratio, s.meanDistance / s.meanSpread, 1e-12);
  });

  it("builds the four input signals", () => {
    expect(signal("impulse", 4)).toEqual([1, 0, 0, 0]);
    expect(signal("alternating", 4)).toEqual([0, 1, 0, 1]);
    expect(signal("square", 10)).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 1, 1]);
    expect(signal("step", 3)).toEqual([1, 1, 1]);
  });
});

describe("scalar BPTT", () => {
  const nets: ScalarNet[] = [
    DEFAULT_NET,
    { wr: -1.3, wx: 0.9, wy: -0.7, h0: 0.3, x: defaultInputs(12), target: -0.4 },
    { wr: 0.5, wx: 1, wy: 2, h0: 0, x: defaultInputs(MAX_T), target: 1 },
  ];

  it("matches the engine's gradients and a float64 finite difference", () => {
    for (const e of engines) {
      const rnn = new ScalarRnn(e);
      for (const net of nets) {
        const p = rnn.pass(net);
        close(p.loss, scalarLoss(net), 1e-5);
        const sums = { wr: 0, wx: 0 };
        for (const c of p.contributions) { sums.wr += c.wr; sums.wx += c.wx; }
        for (const w of ["wr", "wx", "wy"] as const) {
          const fd = finiteDifference(net, w);
          const engineG = p.engine[w];
          expect(Math.abs(engineG - fd), `${e.kind} ${w}: engine ${engineG} fd ${fd}`).toBeLessThanOrEqual(1e-4 * Math.max(Math.abs(fd), 1e-3));
        }
        close(sums.wr, p.engine.wr, 1e-4);
        close(sums.wx, p.engine.wx, 1e-4);
        close(p.dh[0], p.engine.h0, 1e-4);
        expect(p.check.dh).toBeLessThan(1e-4);
        expect(p.check.sums).toBeLessThan(1e-4);
        expect(p.contributions.map((c) => c.k)).toEqual(Array.from({ length: net.x.length }, (_, i) => net.x.length - 1 - i));
      }
      rnn.dispose();
    }
  });

  it("shows the gradient vanishing for |w_r| < 1 over T = 50", () => {
    const rnn = new ScalarRnn(engines[0]);
    const p = rnn.pass(nets[2]);
    expect(p.engine.dhNorm).toHaveLength(51);
    expect(p.engine.dhNorm[0] / p.engine.dhNorm[50]).toBeLessThan(0.5 ** 40);
    rnn.dispose();
  });

  it("chain rule: ∂L/∂h[k−1] = e[k]·w_r, e[k] = ∂L/∂h[k](1 − h[k]²)", () => {
    const h = [0, 0.5, -0.2], net = { ...DEFAULT_NET, x: [1, 2] };
    const p = chainRule(net, h, 0.9);
    close(p.dh[2], (0.9 - net.target) * net.wy, 1e-15);
    close(p.e[2], p.dh[2] * (1 - 0.04), 1e-15);
    close(p.dh[1], p.e[2] * net.wr, 1e-15);
    close(p.sums.wy, (0.9 - net.target) * -0.2, 1e-15);
  });

  it("training lowers the loss and returns the weights the engine updated", () => {
    for (const e of engines) {
      const rnn = new ScalarRnn(e);
      const r = rnn.train(DEFAULT_NET, 0.2, 100);
      expect(r.losses).toHaveLength(100);
      expect(r.losses[99]).toBeLessThan(r.losses[0] * 0.01);
      // one SGD step by hand from the first pass
      const p = rnn.pass(DEFAULT_NET);
      const one = rnn.train(DEFAULT_NET, 0.2, 1).net;
      close(one.wr, DEFAULT_NET.wr - 0.2 * p.engine.wr, 1e-5);
      close(one.wy, DEFAULT_NET.wy - 0.2 * p.engine.wy, 1e-5);
      rnn.dispose();
    }
  });

  it("reveals nodes right to left, bands magnitudes, keeps typed inputs", () => {
    expect([6, 5, 0].map((k) => nodeRevealed(6, k, 1))).toEqual([true, false, false]);
    expect(nodeRevealed(6, 0, 7)).toBe(true);
    expect([0.01, 0.5, 50, NaN].map(band)).toEqual(["small", "unit", "large", "small"]);
    expect(resizeInputs([9, 9], 4)).toEqual([9, 9, ...defaultInputs(4).slice(2)]);
  });
});
