/**
 * The sequence lab: a small real-valued RNN (mse loss, one input, one output)
 * predicts the next number of a sequence. This module builds the training
 * pairs, runs the engine forward with every number of each step written out,
 * trains by BPTT one step at a time, and says in words whether the hidden state
 * explodes, vanishes or saturates, from numbers measured on the run.
 */
import type { Engine, ModelOptions } from "../bindings/engine.js";
import type { Model, Params } from "../bindings/model.js";
import { generateSequence, normalize, parseUserSequence, SEQUENCE_KINDS, type SequenceKind } from "../bindings/data/sequences.js";
import { spectralRadius } from "../bindings/linalg.js";
import { saturatedAt } from "../bindings/saturation.js";
import { fmt as fmtNumber } from "../bindings/format.js";
import type { Activation, EngineKind } from "../bindings/types.js";
import { fmt } from "../bindings/format.js";

export type LabSource = SequenceKind | "custom";
export const LAB_SOURCES: readonly LabSource[] = [...SEQUENCE_KINDS, "custom"];
export type Scaling = "raw" | "normalised";
export const SCALINGS: readonly Scaling[] = ["raw", "normalised"];

export const MIN_LENGTH = 3;
/** Longer sequences make the history table and the step-by-step view unreadable. */
export const MAX_LENGTH = 200;
export const MAX_HIDDEN = 16;
/** (10¹⁵)² stays far below float32's largest value, so the squared error cannot overflow. */
export const MAX_ABS = 1e15;

/** The sequence a source gives, or a sentence saying why there is none. */
export function readSequence(source: LabSource, length: number, customText = ""): { values: number[] } | { error: string } {
  let values: number[];
  if (source === "custom") {
    const count = customText.split(/[\s,]+/).filter(Boolean).length;
    if (count === 0) return { error: `Type at least ${MIN_LENGTH} numbers, separated by commas or spaces.` };
    if (count > MAX_LENGTH) return { error: `Type at most ${MAX_LENGTH} numbers, got ${count}.` };
    try { values = parseUserSequence(customText); } catch (e) { return { error: capital((e as Error).message) + "." }; }
    if (values.length < MIN_LENGTH) return { error: `Type at least ${MIN_LENGTH} numbers: the network needs a few steps to learn from, got ${values.length}.` };
  } else {
    if (!LAB_SOURCES.includes(source)) return { error: `Sequence must be one of ${LAB_SOURCES.join(", ")}.` };
    if (!Number.isInteger(length) || length < MIN_LENGTH || length > MAX_LENGTH) return { error: `Length must be a whole number from ${MIN_LENGTH} to ${MAX_LENGTH}.` };
    // sin(kπ) comes out as ±1e-16; show the reader the 0 it is
    values = generateSequence(source, length).map((v) => (Math.abs(v) < 1e-12 ? 0 : v));
  }
  const big = values.find((v) => Math.abs(v) > MAX_ABS);
  if (big !== undefined) return { error: `Numbers must stay within ±10¹⁵ so the squared error stays finite in float32, got ${fmt(big)}${source === "custom" ? "" : "; choose a shorter length"}.` };
  return { values };
}

/** Training pairs: x_t = s_t, target_t = s_{t+1}, in model units (raw, or mapped to [−1, 1]). */
export interface Problem {
  values: number[];
  scaling: Scaling;
  /** the sequence in model units */
  scaled: number[];
  /** set when normalised: model unit v ↔ sequence unit min + (v + 1)/2 · (max − min) */
  range: { min: number; max: number } | null;
  inputs: number[][];
  targets: number[][];
}

export function buildProblem(values: number[], scaling: Scaling): Problem {
  const n = scaling === "normalised" ? normalize(values) : null;
  const scaled = n ? n.values : [...values];
  return {
    values, scaling, scaled, range: n ? { min: n.min, max: n.max } : null,
    inputs: scaled.slice(0, -1).map((v) => [v]),
    targets: scaled.slice(1).map((v) => [v]),
  };
}

/** A model-unit value in the sequence's own units. */
export function toUnits(p: Problem, v: number): number {
  return p.range ? p.range.min + ((v + 1) / 2) * (p.range.max - p.range.min) : v;
}

export interface LabSettings { activation: Activation; hiddenSize: number; seed: number }

export function modelOptions(s: LabSettings, T: number): ModelOptions {
  return { cell: "rnn", activation: s.activation, loss: "mse", inputSize: 1, outputSize: 1, hiddenSize: s.hiddenSize,
    maxSeqLen: Math.max(1, T), init: "xavier", seed: s.seed };
}

/**
 * What the view starts with (its attributes' defaults). The lesson's claim is tested on
 * exactly these: on the same budget of loss evaluations, BPTT ends lower than random search.
 */
export const SEQUENCE_LAB_DEFAULTS = {
  sequence: "fibonacci" as LabSource, length: 12, scaling: "normalised" as Scaling, activation: "tanh" as Activation, hiddenSize: 1,
  bptt: { optimizer: "sgd", lr: 0.1, clip: 5 } as BpttSettings, budget: 500, search: "sample" as const, searchScale: 2, seed: 1,
};

/** The classic single-unit starting point: input and output weights 1, recurrent weight ½, no biases. */
export function defaultParams(engine: Engine, s: LabSettings): Params {
  if (s.hiddenSize === 1) return { W_x: [[1]], W_h: [[0.5]], b: [0], W_y: [[1]], b_y: [0] };
  const m = engine.createModel(modelOptions(s, 1));
  try { return m.getParams(); } finally { m.dispose(); }
}

/** A model of the lab's shape holding `params`; the caller disposes it. */
export function labModel(engine: Engine, s: LabSettings, p: Problem, params: Params): Model {
  const model = engine.createModel(modelOptions(s, p.inputs.length));
  try { model.setParams(params); } catch (e) { model.dispose(); throw e; }
  return model;
}

// ------------------------------------------------------------------ forward

export interface StepTrace {
  t: number;
  /** input and target in model units */
  x: number;
  target: number;
  hPrev: number[];
  /** W_x x_t, W_h h_{t−1}, b and their sum a_t */
  inputTerm: number[];
  recurrentTerm: number[];
  bias: number[];
  a: number[];
  /** h_t and y_t from the engine */
  h: number[];
  y: number;
  /** ½ (y_t − target_t)² from the engine */
  loss: number;
  /** the same in the sequence's units */
  xUnits: number;
  expected: number;
  actual: number;
  /** actual − expected */
  error: number;
  /** expected next − input: how much the sequence moves at this step */
  expectedDelta: number;
  /** output − input: how much the network says it moves */
  actualDelta: number;
}

export interface ForwardReport {
  steps: StepTrace[];
  /** mean over the steps of ½ (y_t − target_t)² in model units */
  meanLoss: number;
  health: Health;
}

/** Runs the whole sequence from h₀ = 0 on the engine and writes out every number of every step. */
export function traceForward(model: Model, p: Problem): ForwardReport {
  model.resetState();
  const f = model.forward({ inputs: p.inputs, targets: p.targets });
  const { W_x, W_h, b } = model.getParams(), H = W_h.length;
  const steps: StepTrace[] = [];
  let hPrev = new Array<number>(H).fill(0);
  for (let t = 0; t < p.inputs.length; t++) {
    const x = p.inputs[t][0], target = p.targets[t][0], y = f.outputs[t][0];
    const inputTerm = W_x.map((r) => r[0] * x), recurrentTerm = W_h.map((r) => r.reduce((s, w, j) => s + w * hPrev[j], 0));
    const a = inputTerm.map((v, i) => v + recurrentTerm[i] + b[i]);
    const xUnits = p.values[t], expected = p.values[t + 1], actual = toUnits(p, y);
    steps.push({ t: t + 1, x, target, hPrev, inputTerm, recurrentTerm, bias: [...b], a, h: f.hidden[t], y, loss: f.stepLoss[t],
      xUnits, expected, actual, error: actual - expected, expectedDelta: expected - xUnits, actualDelta: actual - xUnits });
    hPrev = f.hidden[t];
  }
  return { steps, meanLoss: f.loss / Math.max(1, f.count), health: diagnose(model.config.activation, W_h, steps) };
}

// ------------------------------------------------------------------- health

export type HealthKind = "exploding" | "vanishing" | "saturated" | "dead" | "stable";

export interface Health {
  kind: HealthKind;
  /** log10 ‖∂h_T/∂h_1‖ = log10 ‖J_T ⋯ J_2‖ with J_t = diag(f′(a_t)) W_h (Frobenius norm) */
  log10Reach: number;
  /** the same per step: the typical factor by which a change in the state grows or shrinks */
  perStep: number;
  /** ρ(W_h), which is |W_hidden| for one unit */
  rho: number;
  maxAbsH: number;
  /** fraction of unit-steps where the activation is saturated (bindings/saturation.ts) */
  saturated: number;
  /** fraction of unit-steps where a ReLU unit is 0 */
  dead: number;
  message: string;
}

const fPrime: Record<Activation, (a: number, h: number) => number> = {
  tanh: (_a, h) => 1 - h * h,
  sigmoid: (_a, h) => h * (1 - h),
  relu: (a) => (a > 0 ? 1 : 0),
  linear: () => 1,
};

const sci = (x: number) => fmt(x);

/**
 * Reads the run: how strongly the first state still affects the last one (the product of
 * step Jacobians, kept in log form so it cannot overflow), how large the states got, and
 * how many units sat where the activation is flat. Exploding: a change in h₁ grows more than
 * 10× by the last step (or |h| passes 10⁶); vanishing: it shrinks below 1%.
 */
export function diagnose(activation: Activation, W_h: number[][], steps: Pick<StepTrace, "a" | "h">[]): Health {
  const H = W_h.length, T = steps.length;
  const rho = H === 1 ? Math.abs(W_h[0][0]) : spectralRadius(Float64Array.from(W_h.flat()), H);
  let maxAbsH = 0, sat = 0, dead = 0, finite = true;
  for (const s of steps) for (let i = 0; i < H; i++) {
    const h = s.h[i];
    if (!Number.isFinite(h)) finite = false;
    maxAbsH = Math.max(maxAbsH, Math.abs(h));
    if (saturatedAt(activation, h)) sat++;
    if (activation === "relu" && h === 0) dead++;
  }
  // M = J_t ⋯ J_2, renormalised each step; log10Reach collects the norms taken out
  let M = identity(H), log10Reach = 0;
  for (let t = 1; t < T && finite; t++) {
    const d = steps[t].a.map((a, i) => fPrime[activation](a, steps[t].h[i]));
    M = W_h.map((row, i) => M[0].map((_, j) => d[i] * row.reduce((s, w, k) => s + w * M[k][j], 0)));
    const n = Math.sqrt(M.flat().reduce((s, v) => s + v * v, 0));
    if (n === 0) { log10Reach = -Infinity; break; }
    log10Reach += Math.log10(n);
    M = M.map((r) => r.map((v) => v / n));
  }
  const cells = Math.max(1, T * H), perStep = T > 1 ? 10 ** (log10Reach / (T - 1)) : 1;
  const h: Health = { kind: "stable", log10Reach, perStep, rho, maxAbsH, saturated: sat / cells, dead: dead / cells, message: "" };
  const wh = H === 1 ? `|W_hidden| = ${fmt(rho, 2)}` : `The spectral radius of W_hidden is ${fmt(rho, 2)}`;
  const span = `over ${T - 1} step${T === 2 ? "" : "s"}`;
  if (!finite || maxAbsH > 1e6 || log10Reach > 1) {
    h.kind = "exploding";
    h.message = !finite ? `The hidden state overflowed to a non-finite value (${wh}).`
      : `A change in h₁ is amplified ${times(log10Reach)} ${span} (×${sci(perStep)} per step), and |h| reached ${sci(maxAbsH)}. ${wh}${activation === "linear" || activation === "relu" ? `, and a ${activation} unit never saturates, so nothing stops the growth` : ""}.`;
  } else if (h.saturated >= 0.5) {
    h.kind = "saturated";
    h.message = `${Math.round(h.saturated * 100)}% of the hidden values sit on the flat part of ${activation}, where its slope is nearly 0; a change in h₁ is scaled ${times(log10Reach)} ${span}, so gradients through these states fade.`;
  } else if (activation === "relu" && h.dead >= 0.5) {
    h.kind = "dead";
    h.message = `${Math.round(h.dead * 100)}% of the hidden values are exactly 0, where ReLU passes no gradient.`;
  } else if (T > 2 && log10Reach < -2) {
    h.kind = "vanishing";
    h.message = `A change in h₁ shrinks ${times(log10Reach)} ${span} (×${sci(perStep)} per step), so early inputs barely reach the last prediction. ${wh}.`;
  } else {
    h.message = `A change in h₁ is scaled ${times(log10Reach)} ${span} (×${sci(perStep)} per step); |h| stays below ${sci(maxAbsH || 0)}. ${wh}.`;
  }
  return h;
}

/** "by ×3.2 × 10⁵", "by ×0.42", "to exactly 0" from a base-10 logarithm. */
function times(log10: number): string {
  if (log10 === -Infinity) return "to exactly 0";
  if (Math.abs(log10) < 300) return `by ×${fmt(10 ** log10, 2)}`;
  const e = Math.floor(log10), m = 10 ** (log10 - e);
  return `by ×${fmt(m, 2)} × 10${String(e).split("").map((c) => SUPER[c]).join("")}`;
}
const SUPER: Record<string, string> = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

const identity = (n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ------------------------------------------------------------------ training

export type LabOptimizer = "sgd" | "adam";
export const LAB_OPTIMIZERS: readonly LabOptimizer[] = ["sgd", "adam"];

export interface BpttSettings {
  optimizer: LabOptimizer;
  lr: number;
  /** element-wise clip bound; null for no clipping */
  clip: number | null;
}

export interface BpttStep {
  /** mean per-step loss before this update */
  loss: number;
  /** time of the engine call: forward, backward, clip and update (ms) */
  ms: number;
  /** global gradient norm before clipping */
  gradNorm: number;
  clipped: boolean;
  diverged: boolean;
}

/**
 * One BPTT step on the whole sequence from h₀ = 0: forward, backward through every
 * step, element-wise clip, update. Counted as one loss evaluation.
 */
export function bpttStep(model: Model, p: Problem, s: BpttSettings): BpttStep {
  const t0 = now();
  model.resetState();
  const r = model.trainChunk({ inputs: p.inputs, targets: p.targets }, {
    optimizer: { kind: s.optimizer, lr: s.lr }, meanLoss: true,
    clip: s.clip === null ? { mode: "none" } : { mode: "value", threshold: s.clip },
  });
  const ms = now() - t0;
  return { loss: r.diverged ? NaN : r.loss / Math.max(1, r.count), ms, gradNorm: r.gradNorm, clipped: r.clipped, diverged: r.diverged };
}

/** Mean per-step loss of the model's current weights on the sequence (one loss evaluation). */
export function evaluate(model: Model, p: Problem): number {
  return timedEvaluate(model, p).loss;
}

/**
 * `evaluate` with the time of its engine call, measured exactly as `bpttStep` measures
 * its own (reset, then the engine's work on the whole sequence), so the two compare
 * like with like: one forward pass against forward + backward + update.
 */
export function timedEvaluate(model: Model, p: Problem): { loss: number; ms: number } {
  const t0 = now();
  model.resetState();
  // evaluate, not forward: forward also copies every hidden state and output out of the
  // engine, work a training step does not do, which made one forward cost more than a step
  const f = model.evaluate({ inputs: p.inputs, targets: p.targets });
  const ms = now() - t0;
  return { loss: f.loss / Math.max(1, f.count), ms };
}

export type Method = "bptt" | "random";

/** What a training or search run reports, at the end and (partly) while it runs. */
export interface RunSummary {
  method: Method;
  /** BPTT: the loss at each evaluation (before its update); random search: the best loss so far */
  curve: number[];
  startLoss: number;
  /** loss of the final weights, measured once more after the last evaluation */
  finalLoss: number;
  evaluations: number;
  /** wall time of the whole run, proposals, reports and pauses included */
  ms: number;
  /**
   * time inside the engine calls that are the evaluations (BPTT: forward + backward +
   * update per step; random search: one forward per proposal), measured the same way
   */
  workMs: number;
  params: Params;
  /** BPTT only: gradient norm (before clipping) at each step, and how many steps were clipped or diverged */
  gradNorms?: number[];
  clippedSteps?: number;
  divergences?: number;
  /** random search only: proposals kept */
  accepted?: number;
}

/** Progress while a run is under way: the curve so far and the latest read-outs. */
export interface RunProgress {
  method: Method;
  evaluation: number;
  budget: number;
  curve: number[];
  gradNorm?: number;
  clippedSteps?: number;
  accepted?: number;
  ms: number;
}

export interface RunHooks {
  /** awaited between evaluations (a worker task's checkpoint: pause, step, cancel) */
  checkpoint?: () => Promise<void>;
  /** called at most every `reportMs` and once at the end */
  report?: (p: RunProgress) => void;
  reportMs?: number;
}

/** What both of the lab's runs (BPTT and random search) start from; each worker task adds its own settings. */
export interface LabRun {
  settings: LabSettings;
  /** the starting weights */
  params: Params;
  problem: Problem;
  /** loss evaluations */
  budget: number;
  engine?: EngineKind;
}

/** Runs `run` on a model of the lab's shape holding the run's starting weights, and disposes the model after. */
export async function onLabModel<R>(engine: Engine, r: LabRun, run: (model: Model) => Promise<R>): Promise<R> {
  const model = labModel(engine, r.settings, r.problem, r.params);
  try { return await run(model); } finally { model.dispose(); }
}

export const MAX_BUDGET = 10_000;

export function checkBudget(budget: number): number {
  if (!Number.isInteger(budget) || budget < 1 || budget > MAX_BUDGET) throw new RangeError(`budget must be a whole number of evaluations from 1 to ${MAX_BUDGET}, got ${budget}`);
  return budget;
}

/** Trains by BPTT for `budget` steps, one loss evaluation each. */
export async function trainBptt(model: Model, p: Problem, s: BpttSettings, budget: number, hooks: RunHooks = {}): Promise<RunSummary> {
  checkBudget(budget);
  const curve: number[] = [], gradNorms: number[] = [];
  const startLoss = evaluate(model, p), t0 = now();
  let clippedSteps = 0, divergences = 0, lastReport = -Infinity, workMs = 0;
  for (let k = 1; k <= budget; k++) {
    const r = bpttStep(model, p, s);
    workMs += r.ms;
    curve.push(r.loss); gradNorms.push(r.gradNorm);
    if (r.clipped) clippedSteps++;
    if (r.diverged) divergences++;
    if (hooks.report && (k === budget || now() - lastReport >= (hooks.reportMs ?? 50))) {
      lastReport = now();
      hooks.report({ method: "bptt", evaluation: k, budget, curve: curve.slice(), gradNorm: r.gradNorm, clippedSteps, ms: lastReport - t0 });
    }
    await hooks.checkpoint?.();
  }
  const ms = now() - t0;
  return { method: "bptt", curve, startLoss, finalLoss: evaluate(model, p), evaluations: budget, ms, workMs, params: model.getParams(), gradNorms, clippedSteps, divergences };
}

export interface Comparison {
  evaluations: number;
  bptt: number;
  random: number;
  /** random search's final loss over BPTT's (> 1: BPTT ended lower) */
  ratio: number;
  winner: Method | "tie";
  /** the first evaluation at which BPTT's loss was at or below random search's final loss */
  bpttMatchedAt: number | null;
  /** and the same the other way round */
  randomMatchedAt: number | null;
  /** engine time per evaluation (µs) of each method, and BPTT's over random search's */
  bpttUs: number;
  randomUs: number;
  costRatio: number;
  sentence: string;
  /** what one evaluation cost each method, from the measured engine time */
  costSentence: string;
}

/** Engine time per evaluation of a run, in µs. */
export const usPerEvaluation = (r: Pick<RunSummary, "workMs" | "evaluations">) => (r.workMs / Math.max(1, r.evaluations)) * 1000;

/** Compares two runs with the same budget, in words and numbers. */
export function compareRuns(bptt: RunSummary, random: RunSummary): Comparison {
  const b = bptt.finalLoss, r = random.finalLoss;
  const firstAtOrBelow = (curve: number[], v: number) => { const k = curve.findIndex((x) => x <= v); return k < 0 ? null : k + 1; };
  const ratio = r / b;
  const winner: Comparison["winner"] = !Number.isFinite(b) && !Number.isFinite(r) ? "tie"
    : !Number.isFinite(b) ? "random" : !Number.isFinite(r) ? "bptt" : Math.abs(Math.log(ratio)) < Math.log(1.05) ? "tie" : b < r ? "bptt" : "random";
  const bpttMatchedAt = firstAtOrBelow(bptt.curve, r), randomMatchedAt = firstAtOrBelow(random.curve, b);
  const n = Math.min(bptt.evaluations, random.evaluations);
  const num = (x: number) => (Number.isFinite(x) ? fmt(x) : "not finite");
  let sentence = `After ${n} loss evaluations each, BPTT reached ${num(b)} and random search ${num(r)}. `;
  if (winner === "tie") sentence += "The two ended within 5% of each other.";
  else if (winner === "bptt") sentence += `BPTT ended ${Number.isFinite(ratio) ? `${num(ratio)}× lower` : "lower"}${bpttMatchedAt ? `, and it matched random search's final loss after ${bpttMatchedAt} evaluations` : ""}.`;
  else sentence += `Random search ended ${Number.isFinite(ratio) ? `${num(1 / ratio)}× lower` : "lower"}${randomMatchedAt ? `, and it matched BPTT's final loss after ${randomMatchedAt} evaluations` : ""}.`;
  const bpttUs = usPerEvaluation(bptt), randomUs = usPerEvaluation(random), costRatio = bpttUs / randomUs;
  const us = (x: number) => fmtNumber(x, { unit: "µs" });
  let costSentence = `Per evaluation of the same sequence, a BPTT step (forward, backward and update) took ${us(bpttUs)} of engine time and a random-search proposal (one forward pass) ${us(randomUs)}`;
  if (!Number.isFinite(costRatio)) costSentence += ".";
  else if (Math.abs(Math.log(costRatio)) < Math.log(1.1)) costSentence += ": about the same, so at this size the fixed cost of a call outweighs the backward pass.";
  else if (costRatio > 1) costSentence += `: the backward pass made BPTT ${fmtNumber(costRatio, 2)}× as costly per evaluation.`;
  else costSentence += `: here random search was ${fmtNumber(1 / costRatio, 2)}× as costly per evaluation, although it skips the backward pass.`;
  return { evaluations: n, bptt: b, random: r, ratio, winner, bpttMatchedAt, randomMatchedAt, sentence, bpttUs, randomUs, costRatio, costSentence };
}

const now = () => performance.now();
