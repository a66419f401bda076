/** Lessons 5–8: LSTM and GRU cells, gradient flow side by side, ESN vs BPTT. */
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, TsEngine, type Engine } from "../bindings/engine.js";
import { Rng } from "../bindings/prng.js";
import {
  accuracy, createGatedModel, directFactor, formatSequence, GatedTrainer, highwayGain, parseSequence, preActivation,
  randomSequence, targetsOf, traceSequence, TASKS, type Trace,
} from "../lessons/gated-cell.js";
import { lstmReference, lstmUnitStep } from "../lessons/lstm-cell.js";
import { gruReference, gruUnitStep } from "../lessons/gru-cell.js";
import {
  accuracyByLength, checkFlowConfig, createFlowModel, DEFAULT_FLOW, estimateFlowMs, FLOW_CELLS, FLOW_TWIST, measureFlowSpeed, gradientProfile, gradientReach, matchBudget, meanProfile,
  flowObservations, parameterCount, parseLengths, recallSequence, runFlowStudy, spread, type FlowProgress,
} from "../lessons/gradient-flow.js";
import { checkEsnLabConfig, esnObservations, fitEsn, makeSeries, nrmse, runEsnLab, TEST, TRAIN, type EsnLabProgress } from "../lessons/esn-lab.js";
import { expectClose } from "./helpers.js";

let engine: Engine;
beforeAll(async () => { engine = await createEngine("wasm"); });

describe("gated-cell tasks", () => {
  it("latch targets follow the most recent capital; parity targets the running parity", () => {
    expect(targetsOf("latch", parseSequence("latch", "bCadBa"))).toEqual([null, 2, 2, 2, 1, 1]);
    expect(targetsOf("parity", parseSequence("parity", "1 1 0 1,0"))).toEqual([1, 0, 0, 1, 1]);
    expect(formatSequence("latch", parseSequence("latch", "bC ad"))).toBe("bCad");
  });

  it("refuses bad text with a message naming the symbol", () => {
    expect(() => parseSequence("latch", "abxd")).toThrow(/symbol 3 is “x”/);
    expect(() => parseSequence("parity", "012")).toThrow(/0 and 1/);
    expect(() => parseSequence("parity", "   ")).toThrow(/empty/);
    expect(() => parseSequence("parity", "1".repeat(33))).toThrow(/most is 32/);
  });

  it("random sequences are valid engine input with consistent targets", () => {
    const rng = new Rng(4);
    for (const kind of ["latch", "parity"] as const) {
      const s = randomSequence(kind, 15, rng);
      expect(s.tokens.every((t) => t >= 0 && t < TASKS[kind].inputSize)).toBe(true);
      expect(s.targets).toEqual(targetsOf(kind, s.tokens));
    }
  });
});

/** Trains a small model the way the view does; returns it with its trace of the task's example. */
function trained(cell: "lstm" | "gru", task: "latch" | "parity", steps = 600) {
  const model = createGatedModel(engine, { cell, task, hiddenSize: 4, seed: 1 });
  const trainer = new GatedTrainer(model, task, 1);
  trainer.run(steps);
  return { model, trainer, trace: traceSequence(model, task, parseSequence(task, TASKS[task].example)) };
}

const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

/**
 * Worst gap between highwayGain and a finite difference of the carried state (c for the
 * LSTM, h for the GRU) over every pair of steps and unit. W_h is zeroed so the gates do
 * not depend on the state: the state path is then the only one, and the derivative is exact.
 */
function highwayGainByDifferences(cell: "lstm" | "gru"): number {
  const model = createGatedModel(new TsEngine("f64"), { cell, task: "latch", hiddenSize: 3, seed: 7 });
  const p = model.getParams();
  model.setParams({ ...p, W_h: p.W_h.map((r) => r.map(() => 0)) });
  const tokens = parseSequence("latch", TASKS.latch.example).slice(0, 8);
  const trace = traceSequence(model, "latch", tokens);
  const key = cell === "lstm" ? "c" : "h";
  const run = (from: number, to: number, unit: number, eps: number) => {
    model.resetState();
    if (from >= 0) model.forward({ tokens: tokens.slice(0, from + 1), targets: tokens.slice(0, from + 1).map(() => null) }, { keepState: true });
    const st = model.getState();
    st[key]![unit] += eps;
    model.setState(st);
    model.forward({ tokens: tokens.slice(from + 1, to + 1), targets: tokens.slice(from + 1, to + 1).map(() => null) }, { keepState: true });
    return model.getState()[key]![unit];
  };
  let worst = 0;
  for (let from = 0; from < tokens.length - 1; from++)
    for (let to = from + 1; to < tokens.length; to++)
      for (let unit = 0; unit < 3; unit++) {
        const eps = 1e-6, fd = (run(from, to, unit, eps) - run(from, to, unit, -eps)) / (2 * eps);
        worst = Math.max(worst, Math.abs(fd - highwayGain(trace, from, to, unit)));
      }
  model.dispose();
  return worst;
}

describe("LSTM cell lesson", () => {
  let trace: Trace;
  it("a few hundred steps teach the latch task (measured on fresh, longer sequences)", () => {
    const t = trained("lstm", "latch");
    trace = t.trace;
    const first = t.trainer.losses.slice(0, 50).reduce((a, b) => a + b) / 50, last = t.trainer.losses.slice(-50).reduce((a, b) => a + b) / 50;
    expect(last).toBeLessThan(first / 5);
    expect(accuracy(t.model, "latch", { count: 100, length: 24 })).toBeGreaterThan(0.95);
    t.model.dispose();
  });

  it("the engine's gates satisfy c = f⊙c_prev + i⊙g and h = o⊙tanh(c) at every step and unit", () => {
    for (const [t, s] of trace.steps.entries())
      for (let j = 0; j < trace.hiddenSize; j++) {
        const u = lstmUnitStep(trace, t, j);
        expect(u.c).toBeCloseTo(u.keep + u.write, 5);
        expect(u.h).toBeCloseTo(u.gates.o.value * Math.tanh(u.c), 5);
        expect(u.cPrev).toBe(t ? trace.steps[t - 1].c![j] : 0);
        expect(s.hPrev[j]).toBe(t ? trace.steps[t - 1].h[j] : 0);
      }
  });

  it("pre-activations recomputed from the parameters give the engine's gate values", () => {
    for (let t = 0; t < trace.steps.length; t++)
      for (let j = 0; j < trace.hiddenSize; j++) {
        const u = lstmUnitStep(trace, t, j);
        expect(u.gates.i.pre.total).toBeCloseTo(u.gates.i.pre.input + u.gates.i.pre.recurrent + u.gates.i.pre.bias, 12);
        for (const g of ["i", "f", "o"] as const) expect(sigmoid(u.gates[g].pre.total)).toBeCloseTo(u.gates[g].value, 4);
        expect(Math.tanh(u.gates.g.pre.total)).toBeCloseTo(u.gates.g.value, 4);
      }
  });

  it("a float64 forward from the parameters matches the engine's hidden and cell states", () => {
    const ref = lstmReference(trace.params, trace.hiddenSize, trace.steps.map((s) => s.x));
    expectClose(trace.steps.map((s) => s.h), ref.h, "h");
    expectClose(trace.steps.map((s) => s.c), ref.c, "c");
    expectClose(trace.steps.map((s) => s.gates.f), ref.gates.map((g) => g.f), "f");
  });

  it("the highway gain is ∂c_t/∂c_s along the cell state, measured by finite differences", () => {
    expect(highwayGainByDifferences("lstm")).toBeLessThan(1e-8);
    expect(highwayGain(trace, 4, 4, 0)).toBe(1);
  });
});

describe("GRU cell lesson", () => {
  let trace: Trace;
  it("learns the latch task too", () => {
    const t = trained("gru", "latch");
    trace = t.trace;
    expect(accuracy(t.model, "latch", { count: 100, length: 24 })).toBeGreaterThan(0.95);
    t.model.dispose();
  });

  it("the engine's gates satisfy h = (1 − z)⊙h_prev + z⊙g, with the reset applied before W_h", () => {
    for (let t = 0; t < trace.steps.length; t++)
      for (let j = 0; j < trace.hiddenSize; j++) {
        const u = gruUnitStep(trace, t, j);
        expect(u.h).toBeCloseTo(u.keep + u.write, 5);
        expect(u.rh).toBeCloseTo(u.gates.r.value * u.hPrev, 6);
        expect(sigmoid(u.gates.z.pre.total)).toBeCloseTo(u.gates.z.value, 4);
        expect(Math.tanh(u.gates.g.pre.total)).toBeCloseTo(u.gates.g.value, 4);
      }
  });

  it("a float64 forward from the parameters matches the engine", () => {
    const ref = gruReference(trace.params, trace.hiddenSize, trace.steps.map((s) => s.x));
    expectClose(trace.steps.map((s) => s.h), ref.h, "h");
    expectClose(trace.steps.map((s) => s.gates.z), ref.gates.map((g) => g.z), "z");
  });

  it("the direct factor 1 − z is ∂h_t/∂h_{t−1} along the state, measured by finite differences", () => {
    expect(highwayGainByDifferences("gru")).toBeLessThan(1e-8);
  });

  it("preActivation splits a = W_x x + W_h h + b: a hand-worked case", () => {
    // H = 2, block 1 (rows 2–3), unit 1 → row 3: W_x[3] = [0.5, −1], W_h[3] = [2, 0.25], b[3] = 0.1
    const zero = [0, 0];
    const p = { W_x: [zero, zero, zero, [0.5, -1]], W_h: [zero, zero, zero, [2, 0.25]], b: [0, 0, 0, 0.1], W_y: [zero], b_y: [0] };
    const a = preActivation(p, 2, 1, 1, [3, 1], [0.5, -2]);
    expect(a.input).toBeCloseTo(0.5 * 3 - 1 * 1, 12);          // 0.5
    expect(a.recurrent).toBeCloseTo(2 * 0.5 + 0.25 * -2, 12);  // 0.5
    expect(a.bias).toBe(0.1);
    expect(a.total).toBeCloseTo(1.1, 12);
  });
});

describe("gradient flow lesson", () => {
  it("counts parameters as the engine does and matches the budget within 3%", () => {
    const sizes = matchBudget(1700, 4);
    for (const cell of FLOW_CELLS) {
      const m = createFlowModel(engine, cell, sizes[cell].hiddenSize, { vocab: 4, gateBias: 1 }, 10, 1);
      expect(m.parameterCount).toBe(sizes[cell].params);
      expect(parameterCount(cell, sizes[cell].hiddenSize, 8, 4)).toBe(m.parameterCount);
      expect(Math.abs(sizes[cell].params - 1700) / 1700).toBeLessThan(0.03);
      m.dispose();
    }
    expect(sizes.rnn.hiddenSize).toBeGreaterThan(sizes.gru.hiddenSize);
    expect(sizes.gru.hiddenSize).toBeGreaterThan(sizes.lstm.hiddenSize);
  });

  it("the memory bias lands on the LSTM forget gate and the GRU update gate", () => {
    const l = createFlowModel(engine, "lstm", 3, { vocab: 2, gateBias: 2 }, 5, 1), g = createFlowModel(engine, "gru", 3, { vocab: 2, gateBias: 2 }, 5, 1);
    expect(l.getParams().b.slice(3, 6)).toEqual([2, 2, 2]);
    expect(g.getParams().b.slice(0, 3)).toEqual([-2, -2, -2]);
    l.dispose(); g.dispose();
  });

  it("recall sequences mark the first symbol and ask for it at the end only", () => {
    const s = recallSequence(7, 4, new Rng(3));
    expect(s.tokens[0]).toBeLessThan(4);
    expect(s.tokens.slice(1).every((t) => t >= 4 && t < 8)).toBe(true);
    expect(s.targets.slice(0, 6).every((t) => t === null)).toBe(true);
    expect(s.targets[6]).toBe(s.tokens[0]);
  });

  it("the gradient profile is indexed by distance from the loss step", () => {
    const m = createFlowModel(engine, "rnn", 8, { vocab: 3, gateBias: 0 }, 12, 2);
    const prof = gradientProfile(m, 12, 3, 1, new Rng(9));
    const again = new Rng(9), seq = recallSequence(12, 3, again);
    m.resetState(); m.forward(seq); m.backward();
    const g = m.stepGradNorms();
    expect(prof[0]).toBeCloseTo(g[11], 10);
    expect(prof[11]).toBeCloseTo(g[0], 10);
    m.dispose();
  });

  it("gradient reach is the farthest distance above ratio × the loss-step norm", () => {
    expect(gradientReach([1, 0.1, 0.01, 1e-3, 1e-4, 2e-3])).toBe(5);
    expect(gradientReach([1, 0.1, 1e-4, 1e-5])).toBe(1);
    expect(gradientReach([0, 0])).toBe(0);
  });

  it("validates the study and the reader's list of n", () => {
    expect(parseLengths("20, 5 10;5")).toEqual([5, 10, 20]);
    expect(() => parseLengths("5, x")).toThrow(/“x”/);
    expect(() => parseLengths("1")).toThrow(/2 to 100/);
    expect(() => checkFlowConfig({ steps: 0 })).toThrow(/steps/);
    expect(() => checkFlowConfig({ lengths: [] })).toThrow(/lengths/);
    expect(spread([1, 3, NaN])).toEqual({ mean: 2, min: 1, max: 3, count: 2 });
  });

  it("a short study trains all three cells, reports progress with every finished run, and can be stopped", async () => {
    const seen: FlowProgress[] = [];
    const r = await runFlowStudy(engine, { lengths: [4, 8], vocab: 4, steps: 400, seeds: 1, probes: 4, evalCount: 100, lr: 0.01 },
      { progress: (p) => seen.push(p), checkpoint: async () => {} });
    expect(r.runs).toHaveLength(6);
    expect(seen.at(-1)!.runs).toHaveLength(6);
    expect(seen.some((p) => p.runs.length === 3 && p.done === 3)).toBe(true);
    for (const cell of FLOW_CELLS) {
      const acc = accuracyByLength(r.runs, cell, [4, 8]);
      expect(acc[0].mean, `${cell} at n = 4`).toBeGreaterThan(0.9); // chance is 0.25
      const prof = meanProfile(r.runs, cell, 8, "gradTrained");
      expect(prof).toHaveLength(8);
      expect(prof.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    }
    let calls = 0;
    await expect(runFlowStudy(engine, { lengths: [6], steps: 500, seeds: 1 }, {
      progress: () => {}, checkpoint: async () => { if (++calls === 3) throw new Error("cancelled"); },
    })).rejects.toThrow("cancelled");
  });
});

describe("gradient flow: the default study teaches its claim", () => {
  const quiet = { progress: () => {}, checkpoint: async () => {} };
  const longest = DEFAULT_FLOW.lengths[DEFAULT_FLOW.lengths.length - 1];
  const meanAt = (runs: Parameters<typeof accuracyByLength>[0], cell: (typeof FLOW_CELLS)[number], n: number) => accuracyByLength(runs, cell, [n])[0];

  // exactly the view's default study (45 networks); about 5–10 s on a loaded 2-core machine
  it("at the longest default n the better gated cell recalls at least 15 points more than the vanilla RNN (seeds 1–3)", async () => {
    const r = await runFlowStudy(engine, DEFAULT_FLOW, quiet);
    expect(r.runs).toHaveLength(45);
    const rnn = meanAt(r.runs, "rnn", longest), gated = Math.max(meanAt(r.runs, "lstm", longest).mean, meanAt(r.runs, "gru", longest).mean);
    expect(rnn.count).toBe(3);
    expect(gated - rnn.mean, `gated ${gated}, vanilla ${rnn.mean}`).toBeGreaterThanOrEqual(0.15);
    // the sentence about the longest n says so in words, from the same numbers
    const line = flowObservations(r).find((o) => o.startsWith(`At n = ${longest},`))!;
    expect(line).toMatch(/^At n = 80, the (GRU|LSTM) recalls/);
    expect(line).toMatch(/clearly above the .*vanilla RNN/);
  }, 120_000);

  it("the twist preset turns it round: at the longest n the vanilla RNN recalls more than either gated cell (seeds 1–3)", async () => {
    const r = await runFlowStudy(engine, { ...DEFAULT_FLOW, ...FLOW_TWIST, lengths: [longest] }, quiet);
    const rnn = meanAt(r.runs, "rnn", longest).mean;
    for (const cell of ["lstm", "gru"] as const) expect(rnn, cell).toBeGreaterThan(meanAt(r.runs, cell, longest).mean + 0.15);
  }, 120_000);

  it("the time estimate comes from measured steps and grows with the work asked for", () => {
    const s = measureFlowSpeed(engine, { lengths: [10, 20] }, 4);
    for (const c of FLOW_CELLS) expect(s.msPerStep[c]).toBeGreaterThan(0);
    const cfg = checkFlowConfig({ lengths: [10, 20] });
    expect(s.estimateMs).toBeCloseTo(estimateFlowMs(cfg, s.msPerStep), 6);
    const twice = estimateFlowMs({ ...cfg, seeds: 2 * cfg.seeds }, s.msPerStep);
    expect(twice).toBeCloseTo(2 * s.estimateMs, 6);
    expect(estimateFlowMs({ ...cfg, steps: 2 * cfg.steps }, s.msPerStep)).toBeGreaterThan(1.9 * s.estimateMs);
    expect(() => checkFlowConfig({ init: "zeros" as never })).toThrow(/init must be one of uniform, xavier, orthogonal/);
  });
});

describe("ESN vs BPTT lesson", () => {
  it("series have the documented shapes and ranges", () => {
    const mg = makeSeries({ task: "mackey-glass", delay: 5, seed: 1 });
    expect(mg.inputs).toHaveLength(TRAIN + TEST);
    const train = mg.inputs.slice(0, TRAIN).map((v) => v[0]);
    expect(Math.min(...train)).toBeCloseTo(-1, 10);
    expect(Math.max(...train)).toBeCloseTo(1, 10);
    expect(mg.targets[10]![0]).toBe(mg.inputs[11][0]);
    const d = makeSeries({ task: "delay", delay: 7, seed: 1 });
    expect(d.targets[6]).toBeNull();
    expect(d.targets[50]![0]).toBe(d.inputs[43][0]);
  });

  it("NRMSE is 0 for a perfect prediction and 1 for predicting the mean", () => {
    expect(nrmse([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(nrmse([2, 2, 2], [1, 2, 3])).toBeCloseTo(1, 12);
  });

  it("the reservoir has the requested ρ and its readout predicts a sine almost exactly", () => {
    const cfg = checkEsnLabConfig({ task: "sine", size: 40, spectralRadius: 0.8 });
    const fit = fitEsn(cfg, makeSeries(cfg));
    expect(fit.measuredRho).toBeCloseTo(0.8, 8);
    expect(fit.testNrmse).toBeLessThan(1e-3);
    expect(fit.trained).toBe(42);
  });

  it("a small lab run scores both methods on the test part and the capacity curve stays within N", async () => {
    const phases = new Set<string>();
    const fractions: number[] = [];
    const r = await runEsnLab(engine, { size: 30, rnnSteps: 300, capacityRhos: [0.2, 0.9] },
      { progress: (p: EsnLabProgress) => { phases.add(p.phase); fractions.push(p.fraction); }, checkpoint: async () => {} });
    expect([...phases]).toEqual(["esn", "bptt", "capacity"]);
    expect(fractions.every((f, k) => k === 0 || f >= fractions[k - 1])).toBe(true);
    expect(r.esn.test).toHaveLength(TEST);
    expect(r.rnn.test).toHaveLength(TEST);
    expect(r.esn.testNrmse).toBeLessThan(0.1);
    expect(r.rnn.testNrmse).toBeLessThan(1); // better than predicting the mean after 300 steps
    const early = r.rnn.losses.slice(0, 20).reduce((a, b) => a + b) / 20, late = r.rnn.losses.slice(-20).reduce((a, b) => a + b) / 20;
    expect(late).toBeLessThan(early);
    expect(r.rnn.trained).toBe(30 * 30 + 30 + 30 + 30 + 1);
    expect(r.capacity.rhos).toEqual([0.2, 0.9]);
    expect(r.capacity.totals.every((v) => v > 0 && v <= 30)).toBe(true);
    expect(r.capacity.totals[1]).toBeGreaterThan(r.capacity.totals[0]);
    expect(r.capacity.perDelay).toHaveLength(60);
    expect(r.esn.measuredRho).toBeCloseTo(0.9, 8);
  });

  it("rejects out-of-range settings with the field's name", () => {
    expect(() => checkEsnLabConfig({ size: 501 })).toThrow(/size/);
    expect(() => checkEsnLabConfig({ leakRate: 0 })).toThrow(/leakRate/);
    expect(() => checkEsnLabConfig({ task: "nope" as never })).toThrow(/task/);
  });
});

describe("gradient flow observations", () => {
  const run = (cell: "rnn" | "lstm" | "gru", n: number, seed: number, accuracy: number): import("../lessons/gradient-flow.js").FlowRun =>
    ({ cell, n, seed, accuracy, finalLoss: 0, trainMs: 1, divergences: 0, gradInit: [1, 0.1], gradTrained: [1, cell === "rnn" ? 1e-9 : 0.5] });
  const cfg = checkFlowConfig({ lengths: [2], seeds: 2, vocab: 4 });

  it("calls a difference real only when the seed ranges do not overlap", () => {
    const obs = flowObservations({ config: cfg, runs: [run("rnn", 2, 1, 0.3), run("rnn", 2, 2, 0.4), run("lstm", 2, 1, 0.9), run("lstm", 2, 2, 1), run("gru", 2, 1, 0.5), run("gru", 2, 2, 0.95)] });
    expect(obs[0]).toMatch(/LSTM recalls 95% \(90%–100% over 2 seeds\), clearly above the vanilla RNN/);
    expect(obs[0]).toMatch(/level with the GRU \(73%\) within the seed spread/);
    expect(obs[1]).toMatch(/1×10⁻⁹ × the loss step's for the vanilla RNN \(reach 0 steps\)/);
  });

  it("says when every cell is at chance, and warns about a single seed", () => {
    const one = checkFlowConfig({ lengths: [2], seeds: 1, vocab: 4 });
    const obs = flowObservations({ config: one, runs: [run("rnn", 2, 1, 0.25), run("lstm", 2, 1, 0.3), run("gru", 2, 1, 0.2)] });
    expect(obs[0]).toMatch(/one seed/);
    expect(obs[1]).toMatch(/all three cells stay near chance \(25%\)/);
    const tie = flowObservations({ config: one, runs: [run("rnn", 2, 1, 1), run("lstm", 2, 1, 0.5), run("gru", 2, 1, 1)] });
    expect(tie[1]).toMatch(/no cell is clearly ahead: vanilla RNN 100%, GRU 100%, LSTM 50% \(one seed: run more seeds to tell them apart\)/);
  });
});

describe("ESN observations", () => {
  it("compare the measured errors and times and locate the capacity peak", () => {
    const cfg = checkEsnLabConfig({ size: 50, spectralRadius: 0.9, rnnSteps: 10 });
    const obs = esnObservations({
      config: cfg,
      esn: { test: [], trainNrmse: 0.001, testNrmse: 0.002, trainMs: 12, trained: 52, measuredRho: 0.9, sampleStates: [] },
      rnn: { test: [], trainNrmse: 0.1, testNrmse: 0.2, trainMs: 80, trained: 2651, losses: [], diverged: 0 },
      capacity: { rhos: [0.5, 0.9, 1.1], totals: [8, 12, 10], perDelay: [], ms: 1 },
    });
    expect(obs[0]).toMatch(/ESN's NRMSE is 0\.002 and the BPTT-trained RNN's is 0\.2: the reservoir's error is 100× lower/);
    expect(obs[1]).toMatch(/12 ms for the ESN .* 80 ms for 10 BPTT steps, which update all 2651 weights instead of 52/);
    expect(obs[2]).toMatch(/peaks at ρ = 0\.9 with 12 \(of at most N = 50\); at the chosen ρ = 0\.9 it is 12\./);
  });
});
