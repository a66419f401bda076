/**
 * Echo state network against backpropagation through time. One task, one network size
 * N, two ways to train: a fixed random reservoir whose linear readout is solved in
 * closed form (ridge regression), and a tanh RNN of N units whose every weight is
 * trained by truncated BPTT on the engine. Both are scored on the same held-out part of
 * the series, and timed. A memory-capacity curve shows how the reservoir's memory
 * depends on the spectral radius ρ.
 */
import type { Engine } from "../bindings/engine.js";
import { EchoStateNetwork, memoryCapacity } from "../bindings/esn.js";
import { delayedRecall, mackeyGlass, sineWave } from "../bindings/data/index.js";
import { spectralRadius } from "../bindings/linalg.js";
import { Rng } from "../bindings/prng.js";
import { fmt } from "../bindings/format.js";
import { fail, intInRange, numInRange, oneOf } from "../bindings/validate.js";

export type EsnTask = "mackey-glass" | "sine" | "delay";
export const ESN_TASKS: readonly EsnTask[] = ["mackey-glass", "sine", "delay"];

export interface EsnLabConfig {
  task: EsnTask;
  /** reservoir size = RNN hidden size */
  size: number;
  spectralRadius: number;
  inputScaling: number;
  leakRate: number;
  /** ridge penalty λ of the readout */
  ridge: number;
  /** delay task: how many steps back to recall */
  delay: number;
  seed: number;
  /** BPTT training steps (one chunk each) */
  rnnSteps: number;
  rnnLr: number;
  /** spectral radii of the memory-capacity curve */
  capacityRhos: number[];
}

export const DEFAULT_ESN_LAB: EsnLabConfig = {
  task: "mackey-glass", size: 100, spectralRadius: 0.9, inputScaling: 1, leakRate: 1, ridge: 1e-6, delay: 5, seed: 1,
  rnnSteps: 1000, rnnLr: 0.003, capacityRhos: [0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1, 1.1, 1.25, 1.5],
};

/** Series split: first TRAIN steps to fit (after WASHOUT), next TEST steps to score. */
export const TRAIN = 1000, TEST = 400, WASHOUT = 100;
/** BPTT chunk length (truncation) and clipping threshold. */
export const CHUNK = 25, CLIP = 1;
/** Memory capacity: delays 1…MC_DELAYS, on a series of MC_LENGTH i.i.d. inputs. */
export const MC_DELAYS = 60, MC_LENGTH = 2000;

export function checkEsnLabConfig(input: Partial<EsnLabConfig>): EsnLabConfig {
  const c = { ...DEFAULT_ESN_LAB, ...input };
  if (!Array.isArray(c.capacityRhos) || c.capacityRhos.length < 1 || c.capacityRhos.length > 24) fail("capacityRhos must list 1 to 24 spectral radii");
  return {
    task: oneOf("task", c.task, ESN_TASKS),
    size: intInRange("size", c.size, 2, 500),
    spectralRadius: numInRange("spectralRadius", c.spectralRadius, 0, 2),
    inputScaling: numInRange("inputScaling", c.inputScaling, 0, 10, { lo: true }),
    leakRate: numInRange("leakRate", c.leakRate, 0, 1, { lo: true }),
    ridge: numInRange("ridge", c.ridge, 0, 10),
    delay: intInRange("delay", c.delay, 1, 50),
    seed: intInRange("seed", c.seed, 0, 0xffffffff),
    rnnSteps: intInRange("rnnSteps", c.rnnSteps, 0, 20_000),
    rnnLr: numInRange("rnnLr", c.rnnLr, 0, 1, { lo: true }),
    capacityRhos: c.capacityRhos.map((r, k) => numInRange(`capacityRhos[${k}]`, r, 0, 2)).sort((a, b) => a - b),
  };
}

export interface Series {
  /** TRAIN + TEST input vectors (1-d) */
  inputs: number[][];
  /** targets; null where there is nothing to predict yet (the delay task's first steps) */
  targets: (number[] | null)[];
  /** what is predicted, for the chart */
  about: string;
}

/**
 * The task's series. Mackey-Glass (τ = 17) is mapped linearly to [−1, 1] using the
 * training part's range; sine has period 20; delay: u_t uniform in [−0.5, 0.5], y_t = u_{t−d}.
 */
export function makeSeries(cfg: Pick<EsnLabConfig, "task" | "delay" | "seed">): Series {
  const L = TRAIN + TEST;
  if (cfg.task === "delay") {
    const r = delayedRecall(L, cfg.delay, new Rng(cfg.seed + 17));
    return { inputs: r.inputs, targets: r.targets, about: `u(t − ${cfg.delay})` };
  }
  let s: number[];
  if (cfg.task === "sine") s = sineWave(L + 1, 20);
  else {
    const raw = mackeyGlass(L + 1, { seed: cfg.seed });
    let lo = Infinity, hi = -Infinity;
    for (let t = 0; t < TRAIN; t++) { lo = Math.min(lo, raw[t]); hi = Math.max(hi, raw[t]); }
    s = raw.map((v) => (2 * (v - lo)) / (hi - lo) - 1);
  }
  return { inputs: s.slice(0, L).map((v) => [v]), targets: s.slice(1).map((v) => [v]), about: "x(t + 1)" };
}

/** Normalised root mean squared error: √(mean (ŷ − y)² / var y); 1 = no better than predicting the mean. */
export function nrmse(pred: ArrayLike<number>, target: ArrayLike<number>): number {
  const n = target.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += target[i];
  m /= n;
  let e = 0, v = 0;
  for (let i = 0; i < n; i++) { e += (pred[i] - target[i]) ** 2; v += (target[i] - m) ** 2; }
  return v > 0 ? Math.sqrt(e / v) : NaN;
}

/** Targets of steps from..to as numbers (every step there has one: the delay ≤ 50 < WASHOUT). */
const targetValues = (s: Series, from: number, to: number) => s.targets.slice(from, to).map((y) => (y ? y[0] : 0));

export interface MethodResult {
  /** predictions on the TEST part */
  test: number[];
  /** NRMSE on the training part (after the washout) and on the test part */
  trainNrmse: number;
  testNrmse: number;
  /** wall time of training (ms): reservoir run + readout solve, or all BPTT steps */
  trainMs: number;
  /** number of trained parameters */
  trained: number;
}

export interface EsnFit extends MethodResult {
  /** ρ of the reservoir matrix, computed from its eigenvalues (linalg.spectralRadius) */
  measuredRho: number;
  /** a few reservoir units over the first test steps, for the picture */
  sampleStates: number[][];
}

/** Builds the reservoir, fits the ridge readout on the training part and predicts the test part. */
export function fitEsn(cfg: EsnLabConfig, s: Series): EsnFit {
  const esn = new EchoStateNetwork({ inputSize: 1, outputSize: 1, size: cfg.size, spectralRadius: cfg.spectralRadius,
    inputScaling: cfg.inputScaling, leakRate: cfg.leakRate, density: Math.min(1, 10 / cfg.size), seed: cfg.seed });
  const trainTargets = s.targets.slice(0, TRAIN).map((y) => y ?? [0]); // steps before the washout are not fitted
  const t0 = performance.now();
  esn.fit(s.inputs.slice(0, TRAIN), trainTargets, { washout: WASHOUT, ridge: cfg.ridge });
  const trainMs = performance.now() - t0;
  // training-part predictions from a fresh run (the same states the readout was fitted on)
  esn.reset();
  const trainPred = esn.predict(s.inputs.slice(0, TRAIN));
  const test = Array.from(esn.predict(s.inputs.slice(TRAIN)));
  esn.reset();
  const states = esn.run(s.inputs.slice(0, 200));
  const sampleStates = [0, 1, 2, 3].filter((u) => u < cfg.size).map((u) => Array.from({ length: 200 }, (_, t) => states[t * cfg.size + u]));
  return {
    test, trainMs, trained: cfg.size + 2, sampleStates,
    trainNrmse: nrmse(Array.from(trainPred).slice(WASHOUT), targetValues(s, WASHOUT, TRAIN)),
    testNrmse: nrmse(test, targetValues(s, TRAIN, TRAIN + TEST)),
    measuredRho: spectralRadius(esn.W, cfg.size),
  };
}

export interface BpttResult extends MethodResult {
  /** mean loss per target of each step, ½(ŷ − y)² (the engine's mse) */
  losses: number[];
  diverged: number;
}

export interface LabHooks {
  progress(p: EsnLabProgress): void;
  checkpoint(): Promise<void>;
}

/** Trains a tanh RNN of the same size by truncated BPTT (chunks of CHUNK steps, state carried, Adam). */
export async function trainBptt(engine: Engine, cfg: EsnLabConfig, s: Series, hooks: LabHooks, report: (step: number) => void): Promise<BpttResult> {
  const model = engine.createModel({ cell: "rnn", activation: "tanh", loss: "mse", inputSize: 1, outputSize: 1, hiddenSize: cfg.size,
    maxSeqLen: CHUNK, init: "xavier", seed: cfg.seed });
  try {
    const losses: number[] = [];
    let diverged = 0, pos = 0, workMs = 0;
    model.resetState();
    for (let step = 1; step <= cfg.rnnSteps; step++) {
      if (pos + CHUNK > TRAIN) { pos = 0; model.resetState(); }
      const t0 = performance.now();
      const r = model.trainChunk({ inputs: s.inputs.slice(pos, pos + CHUNK), targets: s.targets.slice(pos, pos + CHUNK) },
        { optimizer: { kind: "adam", lr: cfg.rnnLr }, clip: { mode: "norm", threshold: CLIP }, meanLoss: true });
      workMs += performance.now() - t0;
      pos += CHUNK;
      if (r.diverged) { diverged++; model.resetState(); }
      losses.push(r.diverged || !r.count ? NaN : r.loss / r.count);
      if (step % 10 === 0 || step === cfg.rnnSteps) { report(step); await hooks.checkpoint(); }
    }
    // one pass over the whole series from a zero state: training part, then test part
    model.resetState();
    const pred: number[] = [];
    for (let t = 0; t < TRAIN + TEST; t += CHUNK) {
      const xs = s.inputs.slice(t, Math.min(t + CHUNK, TRAIN + TEST));
      const out = model.forward({ inputs: xs, targets: xs.map(() => null) }, { keepState: true }).outputs;
      for (const o of out) pred.push(o[0]);
    }
    const test = pred.slice(TRAIN);
    return {
      test, losses, diverged, trainMs: workMs, trained: model.parameterCount,
      trainNrmse: nrmse(pred.slice(WASHOUT, TRAIN), targetValues(s, WASHOUT, TRAIN)),
      testNrmse: nrmse(test, targetValues(s, TRAIN, TRAIN + TEST)),
    };
  } finally {
    model.dispose();
  }
}

export interface CapacityCurve {
  rhos: number[];
  /** total memory capacity Σ_k r²_k at each ρ */
  totals: number[];
  /** r² against delay k = 1…MC_DELAYS, at the configured ρ */
  perDelay: number[];
  ms: number;
}

export interface EsnLabProgress {
  phase: "esn" | "bptt" | "capacity";
  /** overall fraction done, weighted by the expected cost of each phase */
  fraction: number;
  step?: number;
  steps?: number;
  /** results finished so far */
  esn?: EsnFit;
  rnnLosses?: number[];
  capacity?: Partial<CapacityCurve>;
}

export interface EsnLabResult {
  config: EsnLabConfig;
  series: Series;
  esn: EsnFit;
  rnn: BpttResult;
  capacity: CapacityCurve;
  lossConvention: "mean per target of ½(ŷ − y)²";
}

/**
 * Relative costs of the phases in units of N² multiply-adds, measured once at N = 500:
 * the reservoir work of the ESN ≈ 5600, one BPTT chunk ≈ 5, one capacity point ≈ 4800.
 * They keep the progress bar (and its time remaining) moving evenly.
 */
function phaseWeights(cfg: EsnLabConfig) {
  const esn = 5600, bptt = 5 * cfg.rnnSteps, mc = 4800 * (cfg.capacityRhos.length + 1);
  const sum = esn + bptt + mc;
  return { esn: esn / sum, bptt: bptt / sum, mc: mc / sum };
}

export async function runEsnLab(engine: Engine, input: Partial<EsnLabConfig>, hooks: LabHooks): Promise<EsnLabResult> {
  const cfg = checkEsnLabConfig(input);
  const w = phaseWeights(cfg);
  const series = makeSeries(cfg);
  hooks.progress({ phase: "esn", fraction: 0 });
  await hooks.checkpoint();
  const esn = fitEsn(cfg, series);
  hooks.progress({ phase: "bptt", fraction: w.esn, esn, step: 0, steps: cfg.rnnSteps });
  await hooks.checkpoint();
  let losses: number[] = [];
  const rnn = await trainBptt(engine, cfg, series, hooks, (step) => {
    hooks.progress({ phase: "bptt", fraction: w.esn + (w.bptt * step) / Math.max(1, cfg.rnnSteps), esn, step, steps: cfg.rnnSteps, rnnLosses: losses });
  });
  losses = rnn.losses;
  const capacity: CapacityCurve = { rhos: [], totals: [], perDelay: [], ms: 0 };
  const t0 = performance.now();
  const reservoir = { size: cfg.size, inputScaling: cfg.inputScaling, leakRate: cfg.leakRate, density: Math.min(1, 10 / cfg.size), seed: cfg.seed };
  const rhos = [...new Set([...cfg.capacityRhos, cfg.spectralRadius])].sort((a, b) => a - b);
  for (const [k, rho] of rhos.entries()) {
    hooks.progress({ phase: "capacity", fraction: w.esn + w.bptt + (w.mc * k) / rhos.length, esn, rnnLosses: losses, capacity: { ...capacity } });
    await hooks.checkpoint();
    const mc = memoryCapacity({ ...reservoir, spectralRadius: rho }, { maxDelay: MC_DELAYS, length: MC_LENGTH, seed: cfg.seed + 7 });
    capacity.rhos.push(rho);
    capacity.totals.push(mc.total);
    if (rho === cfg.spectralRadius) capacity.perDelay = mc.perDelay;
  }
  capacity.ms = performance.now() - t0;
  return { config: cfg, series, esn, rnn, capacity, lossConvention: "mean per target of ½(ŷ − y)²" };
}

const sci = (v: number) => fmt(v);
const factor = (v: number) => fmt(v, 2);

/** Sentences read off a finished lab run (every number in them is measured). */
export function esnObservations(r: Pick<EsnLabResult, "config" | "esn" | "rnn" | "capacity">): string[] {
  const out: string[] = [], { esn, rnn, capacity: mc, config: cfg } = r;
  const ratio = rnn.testNrmse / esn.testNrmse;
  const better = ratio > 1 ? `the reservoir's error is ${factor(ratio)}× lower` : `the BPTT network's error is ${factor(1 / ratio)}× lower`;
  out.push(`On the test part, the ESN's NRMSE is ${sci(esn.testNrmse)} and the BPTT-trained RNN's is ${sci(rnn.testNrmse)}: ${better}.`);
  out.push(`Training took ${Math.round(esn.trainMs)} ms for the ESN (one reservoir run and one ${cfg.size + 2}-by-${cfg.size + 2} linear solve) and ${Math.round(rnn.trainMs)} ms for ${cfg.rnnSteps} BPTT steps, which update all ${rnn.trained} weights instead of ${esn.trained}.`);
  if (rnn.diverged) out.push(`${rnn.diverged} BPTT steps produced a non-finite loss or gradient and were skipped; a smaller learning rate would help.`);
  if (rnn.testNrmse >= 1) out.push(`The BPTT network does no better than predicting the mean (NRMSE ≥ 1) after ${cfg.rnnSteps} steps at learning rate ${cfg.rnnLr}${cfg.size >= 200 ? "; a network this large usually needs a smaller rate" : ""}.`);
  if (mc.totals.length > 1) {
    let k = 0;
    mc.totals.forEach((v, i) => { if (v > mc.totals[k]) k = i; });
    const here = mc.totals[mc.rhos.indexOf(cfg.spectralRadius)];
    out.push(`Memory capacity peaks at ρ = ${mc.rhos[k]} with ${fmt(mc.totals[k])} (of at most N = ${cfg.size}); at the chosen ρ = ${cfg.spectralRadius} it is ${fmt(here)}.`);
  }
  return out;
}

/** Sentences for the light first result (the reservoir alone, before BPTT has run); every number is measured. */
export function firstLookObservations(p: { config: EsnLabConfig; esn: EsnFit; capacity: { rho: number; total: number } }): string[] {
  const { esn, config: cfg } = p;
  return [
    `The reservoir alone, with only its ${cfg.size + 2} readout weights fitted (in ${fmt(esn.trainMs, { unit: "ms" })}): test NRMSE ${fmt(esn.testNrmse)}${esn.testNrmse < 0.1 ? ", already a close fit" : esn.testNrmse >= 1 ? ", no better than predicting the mean" : ""}.`,
    `Its memory capacity at ρ = ${fmt(p.capacity.rho)} is ${fmt(p.capacity.total)} (of at most N = ${cfg.size}). Run the full comparison to train an RNN of the same size by BPTT and to draw the capacity curve against ρ.`,
  ];
}
