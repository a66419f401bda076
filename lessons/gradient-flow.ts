/**
 * Gradient flow side by side: a vanilla RNN, an LSTM and a GRU with (nearly) the same
 * number of parameters learn to recall the first symbol of a sequence after n steps.
 * For each cell and n the study measures, on the engine, the accuracy after training
 * and the gradient profile ‖∂L/∂h_t‖ against the distance d = (n − 1) − t from the
 * only step that has a loss, both at initialisation and after training.
 */
import type { Engine } from "../bindings/engine.js";
import { recallFirst } from "../bindings/data/tasks.js";
import type { Model } from "../bindings/model.js";
import { Rng } from "../bindings/prng.js";
import { CELL_NAME, GATE_COUNT, type CellKind, type Sequence } from "../bindings/types.js";
import { fmt, pct } from "../bindings/format.js";
import { fail, intInRange, numInRange } from "../bindings/validate.js";

export const FLOW_CELLS = ["rnn", "lstm", "gru"] as const satisfies readonly CellKind[];
export type FlowCell = (typeof FLOW_CELLS)[number];

export interface FlowConfig {
  /** the recall distances n to try (sequence lengths) */
  lengths: number[];
  /** symbols to recall */
  vocab: number;
  /** target number of parameters per network */
  budget: number;
  /** training steps (one sequence each) per network, length and seed */
  steps: number;
  seeds: number;
  /** Adam learning rate */
  lr: number;
  /** global-norm clipping threshold (summed loss = the one target's loss) */
  clip: number;
  /** memory bias β: LSTM forget-gate bias +β, GRU update-gate bias −β (both mean "keep the state" at init) */
  gateBias: number;
  /** weight init of every cell: "uniform" ±1/√H (the usual framework default), "xavier", or "orthogonal" W_h (ρ = 1) */
  init: FlowInit;
  /** sequences averaged for each gradient profile */
  probes: number;
  /** fresh sequences for each accuracy */
  evalCount: number;
}

export const FLOW_INITS = ["uniform", "xavier", "orthogonal"] as const;
export type FlowInit = (typeof FLOW_INITS)[number];

/**
 * Defaults chosen by measurement so the default study shows the lesson's claim (gated
 * cells carry a symbol across long gaps where the vanilla RNN loses it): with V = 8 symbols
 * to hold, a memory bias β = 2 and 2000 steps, seeds 1–3 at n = 80 gave the GRU 91–100%
 * and the vanilla RNN 24–82% (a 45-point gap in the mean). V = 4 and β = 1 (FLOW_TWIST)
 * turn it round; the README records the measurements.
 */
export const DEFAULT_FLOW: FlowConfig = {
  lengths: [5, 10, 20, 40, 80], vocab: 8, budget: 1700, steps: 2000, seeds: 3, lr: 0.005, clip: 1, gateBias: 2, init: "xavier", probes: 16, evalCount: 200,
};

/**
 * The honest twist, one click away in the view: with only 4 symbols to hold and gates that
 * start half open (β = 1), the gated cells forget within 80 steps while the vanilla RNN,
 * whose random W_h has spectral radius near 1, keeps the first symbol like a reservoir.
 */
export const FLOW_TWIST: Partial<FlowConfig> = { vocab: 4, gateBias: 1 };

export const FLOW_LIMITS = { maxLength: 100, maxLengths: 8, maxSteps: 20_000, maxSeeds: 5, budget: [200, 20_000] } as const;

/** Checks every field; throws a message naming the field and its range. */
export function checkFlowConfig(input: Partial<FlowConfig>): FlowConfig {
  const c = { ...DEFAULT_FLOW, ...input };
  if (!Array.isArray(c.lengths) || c.lengths.length < 1 || c.lengths.length > FLOW_LIMITS.maxLengths)
    fail(`lengths must list 1 to ${FLOW_LIMITS.maxLengths} values of n`);
  const lengths = [...new Set(c.lengths.map((n, k) => intInRange(`lengths[${k}]`, n, 2, FLOW_LIMITS.maxLength)))].sort((a, b) => a - b);
  return {
    lengths,
    vocab: intInRange("vocab", c.vocab, 2, 16),
    budget: intInRange("budget", c.budget, FLOW_LIMITS.budget[0], FLOW_LIMITS.budget[1]),
    steps: intInRange("steps", c.steps, 1, FLOW_LIMITS.maxSteps),
    seeds: intInRange("seeds", c.seeds, 1, FLOW_LIMITS.maxSeeds),
    lr: numInRange("lr", c.lr, 0, 1, { lo: true }),
    clip: numInRange("clip", c.clip, 0, 1000, { lo: true }),
    gateBias: numInRange("gateBias", c.gateBias, -5, 5),
    init: FLOW_INITS.includes(c.init) ? c.init : fail(`init must be one of ${FLOW_INITS.join(", ")}, got ${String(c.init)}`),
    probes: intInRange("probes", c.probes, 1, 256),
    evalCount: intInRange("evalCount", c.evalCount, 10, 5000),
  };
}

/** Inputs: the V symbols at the first step, V distractor symbols after it (so "first" is visible in the input). */
export const inputSizeOf = (vocab: number) => 2 * vocab;

/** Parameters of a cell: m·H·(I + H + 1) for W_x, W_h, b, plus O·H + O for the readout. */
export function parameterCount(cell: CellKind, H: number, I: number, O: number): number {
  return GATE_COUNT[cell] * H * (I + H + 1) + O * H + O;
}

export interface CellSize { hiddenSize: number; params: number }

/** The hidden size of each cell whose parameter count is closest to the budget. */
export function matchBudget(budget: number, vocab: number): Record<FlowCell, CellSize> {
  const I = inputSizeOf(vocab), O = vocab;
  const out = {} as Record<FlowCell, CellSize>;
  for (const cell of FLOW_CELLS) {
    let best: CellSize = { hiddenSize: 1, params: parameterCount(cell, 1, I, O) };
    for (let H = 2; H <= 512; H++) {
      const p = parameterCount(cell, H, I, O);
      if (Math.abs(p - budget) < Math.abs(best.params - budget)) best = { hiddenSize: H, params: p };
      if (p > budget) break;
    }
    out[cell] = best;
  }
  return out;
}

/**
 * recallFirst(n) with the distractors moved to their own alphabet: step 0 shows symbol
 * s ∈ [0, V), steps 1…n−1 show V + (random symbol); the only target, at step n − 1, is s.
 */
export function recallSequence(n: number, vocab: number, rng: Rng): Sequence & { tokens: number[]; targets: (number | null)[] } {
  const t = recallFirst(n, vocab, rng);
  return { tokens: t.tokens.map((tok, k) => (k === 0 ? tok : tok + vocab)), targets: t.targets };
}

/** A network for the study; the memory bias is written into the gate biases after init. */
export function createFlowModel(engine: Engine, cell: FlowCell, H: number, cfg: Pick<FlowConfig, "vocab" | "gateBias"> & Partial<Pick<FlowConfig, "init">>, maxLen: number, seed: number): Model {
  const init = cfg.init ?? "xavier";
  const model = engine.createModel({
    cell, inputSize: inputSizeOf(cfg.vocab), outputSize: cfg.vocab, hiddenSize: H, maxSeqLen: maxLen,
    init, initScale: 1 / Math.sqrt(H), forgetBias: cell === "lstm" ? cfg.gateBias : 0, seed,
  });
  if (cell === "gru" && cfg.gateBias !== 0) {
    const b = model.getGroup("b");
    for (let j = 0; j < H; j++) b[j] -= cfg.gateBias; // z block first: σ(−β) keeps more of h at init
    model.setGroup("b", b);
  }
  return model;
}

/** Mean ‖∂L/∂h_t‖ over `probes` fresh sequences, indexed by distance d = n − 1 − t (d = 0 is the loss step). */
export function gradientProfile(model: Model, n: number, vocab: number, probes: number, rng: Rng): number[] {
  const sum = new Float64Array(n);
  for (let k = 0; k < probes; k++) {
    model.resetState();
    model.forward(recallSequence(n, vocab, rng));
    model.backward();
    const g = model.stepGradNorms();
    for (let t = 0; t < n; t++) sum[n - 1 - t] += g[t];
  }
  return Array.from(sum, (s) => s / probes);
}

/** Fraction of fresh sequences whose first symbol the model recalls (argmax at the last step). */
export function recallAccuracy(model: Model, n: number, vocab: number, count: number, rng: Rng): number {
  let right = 0;
  for (let k = 0; k < count; k++) {
    const seq = recallSequence(n, vocab, rng);
    model.resetState();
    const y = model.forward(seq).outputs[n - 1];
    let best = 0;
    for (let c = 1; c < y.length; c++) if (y[c] > y[best]) best = c;
    if (best === seq.targets[n - 1]) right++;
  }
  return right / count;
}

/**
 * Gradient reach: the largest distance d at which the profile is still at least
 * `ratio` times its value at the loss step, ‖∂L/∂h_{n−1−d}‖ ≥ ratio · ‖∂L/∂h_{n−1}‖.
 */
export function gradientReach(profile: ArrayLike<number>, ratio = 1e-3): number {
  const g0 = profile[0];
  if (!(g0 > 0)) return 0;
  let reach = 0;
  for (let d = 0; d < profile.length; d++) if (profile[d] >= ratio * g0) reach = d;
  return reach;
}

export interface FlowRun {
  cell: FlowCell;
  n: number;
  seed: number;
  accuracy: number;
  /** mean loss over the last 10% of training steps (nats; one target per sequence) */
  finalLoss: number;
  trainMs: number;
  /** training steps with a non-finite loss or gradient (the engine left the weights as they were) */
  divergences: number;
  gradInit: number[];
  gradTrained: number[];
}

export interface FlowProgress {
  /** runs finished, of `total` */
  done: number;
  total: number;
  /** the run in progress */
  cell: FlowCell;
  n: number;
  seed: number;
  step: number;
  steps: number;
  /** every finished run so far (progress messages may be dropped, so each carries all) */
  runs: FlowRun[];
}

export interface FlowResult {
  config: FlowConfig;
  sizes: Record<FlowCell, CellSize>;
  runs: FlowRun[];
  totalMs: number;
  lossConvention: "summed over the chunk (one target per sequence, so also the mean)";
}

export interface StudyHooks {
  progress(p: FlowProgress): void;
  /** awaited every few steps: yields, pauses, throws on cancel */
  checkpoint(): Promise<void>;
}

/** Runs the whole study: every cell × n × seed, in that order of seeds, n, cell (so a partial study already compares cells). */
export async function runFlowStudy(engine: Engine, input: Partial<FlowConfig>, hooks: StudyHooks): Promise<FlowResult> {
  const cfg = checkFlowConfig(input);
  const sizes = matchBudget(cfg.budget, cfg.vocab);
  const maxLen = cfg.lengths[cfg.lengths.length - 1];
  const runs: FlowRun[] = [];
  const total = FLOW_CELLS.length * cfg.lengths.length * cfg.seeds;
  const t0 = performance.now();
  for (let seed = 1; seed <= cfg.seeds; seed++)
    for (const n of cfg.lengths)
      for (const cell of FLOW_CELLS) {
        const model = createFlowModel(engine, cell, sizes[cell].hiddenSize, cfg, maxLen, seed);
        try {
          const rng = new Rng(1000 * seed + n);
          const probeSeed = 77 * seed + n; // same probe sequences before and after training
          const gradInit = gradientProfile(model, n, cfg.vocab, cfg.probes, new Rng(probeSeed));
          const start = performance.now(), tail: number[] = [];
          let divergences = 0;
          for (let step = 1; step <= cfg.steps; step++) {
            model.resetState();
            const r = model.trainChunk(recallSequence(n, cfg.vocab, rng), { optimizer: { kind: "adam", lr: cfg.lr }, clip: { mode: "norm", threshold: cfg.clip } });
            if (r.diverged) divergences++;
            if (step > cfg.steps * 0.9) tail.push(r.diverged ? NaN : r.loss);
            if (step % 25 === 0 || step === cfg.steps) {
              hooks.progress({ done: runs.length, total, cell, n, seed, step, steps: cfg.steps, runs });
              await hooks.checkpoint();
            }
          }
          const trainMs = performance.now() - start;
          runs.push({
            cell, n, seed, trainMs, divergences,
            accuracy: recallAccuracy(model, n, cfg.vocab, cfg.evalCount, new Rng(31 * seed + n + 5)),
            finalLoss: tail.reduce((a, b) => a + b, 0) / Math.max(1, tail.length),
            gradInit, gradTrained: gradientProfile(model, n, cfg.vocab, cfg.probes, new Rng(probeSeed)),
          });
        } finally {
          model.dispose();
        }
        hooks.progress({ done: runs.length, total, cell, n, seed, step: cfg.steps, steps: cfg.steps, runs: [...runs] });
        await hooks.checkpoint();
      }
  return { config: cfg, sizes, runs, totalMs: performance.now() - t0, lossConvention: "summed over the chunk (one target per sequence, so also the mean)" };
}

export interface FlowSpeed {
  /** measured training time per sequence step (ms), per cell, at the study's sizes */
  msPerStep: Record<FlowCell, number>;
  /** the whole study's predicted time (ms): training plus the accuracy and gradient measurements */
  estimateMs: number;
  /** training steps timed per cell */
  timedSteps: number;
}

/**
 * Times a few training steps of each cell at the longest n and extrapolates to the whole
 * study (cost grows with n): the view states the run's length before the reader starts it.
 * The accuracy pass is forward only (about a third of a training step); each gradient
 * probe is a forward and backward pass, counted as one step, twice (before and after training).
 */
export function measureFlowSpeed(engine: Engine, input: Partial<FlowConfig>, timedSteps = 24): FlowSpeed {
  const cfg = checkFlowConfig(input), sizes = matchBudget(cfg.budget, cfg.vocab);
  const n = cfg.lengths[cfg.lengths.length - 1];
  const msPerStep = {} as Record<FlowCell, number>;
  for (const cell of FLOW_CELLS) {
    const model = createFlowModel(engine, cell, sizes[cell].hiddenSize, cfg, n, 1);
    try {
      const rng = new Rng(9);
      const train = () => { model.resetState(); model.trainChunk(recallSequence(n, cfg.vocab, rng), { optimizer: { kind: "adam", lr: cfg.lr }, clip: { mode: "norm", threshold: cfg.clip } }); };
      for (let k = 0; k < 4; k++) train(); // warm-up: first calls pay for compilation
      const t0 = performance.now();
      for (let k = 0; k < timedSteps; k++) train();
      msPerStep[cell] = (performance.now() - t0) / (timedSteps * n);
    } finally {
      model.dispose();
    }
  }
  return { msPerStep, estimateMs: estimateFlowMs(cfg, msPerStep), timedSteps };
}

/** The study's predicted time from measured per-step costs (see measureFlowSpeed). */
export function estimateFlowMs(cfg: FlowConfig, msPerStep: Record<FlowCell, number>): number {
  const perNetwork = cfg.steps + cfg.evalCount / 3 + 2 * cfg.probes;
  const sumN = cfg.lengths.reduce((a, b) => a + b, 0);
  return FLOW_CELLS.reduce((a, c) => a + msPerStep[c], 0) * perNetwork * sumN * cfg.seeds;
}

export interface Spread { mean: number; min: number; max: number; count: number }

export function spread(values: readonly number[]): Spread {
  const v = values.filter(Number.isFinite);
  if (!v.length) return { mean: NaN, min: NaN, max: NaN, count: 0 };
  return { mean: v.reduce((a, b) => a + b, 0) / v.length, min: Math.min(...v), max: Math.max(...v), count: v.length };
}

/** Accuracy over seeds for one cell at each n of the study (NaN where no run finished yet). */
export function accuracyByLength(runs: readonly FlowRun[], cell: FlowCell, lengths: readonly number[]): Spread[] {
  return lengths.map((n) => spread(runs.filter((r) => r.cell === cell && r.n === n).map((r) => r.accuracy)));
}

/** The seed-mean gradient profile of one cell at one n, at init or after training (empty if no run yet). */
export function meanProfile(runs: readonly FlowRun[], cell: FlowCell, n: number, which: "gradInit" | "gradTrained"): number[] {
  const rs = runs.filter((r) => r.cell === cell && r.n === n);
  if (!rs.length) return [];
  return rs[0][which].map((_, d) => rs.reduce((s, r) => s + r[which][d], 0) / rs.length);
}

/** Parses "5, 10, 20" into lengths; throws a reader-facing message. */
export function parseLengths(text: string): number[] {
  const parts = String(text).split(/[\s,;]+/).filter(Boolean);
  if (!parts.length) throw new Error("give at least one n, e.g. 5, 10, 20");
  if (parts.length > FLOW_LIMITS.maxLengths) throw new Error(`give at most ${FLOW_LIMITS.maxLengths} values of n, got ${parts.length}`);
  const ns = parts.map((p) => {
    const v = Number(p);
    if (!Number.isInteger(v) || v < 2 || v > FLOW_LIMITS.maxLength) throw new Error(`“${p}” is not a whole number from 2 to ${FLOW_LIMITS.maxLength}`);
    return v;
  });
  return [...new Set(ns)].sort((a, b) => a - b);
}

const range = (s: Spread) => (s.count > 1 ? ` (${pct(s.min)}–${pct(s.max)} over ${s.count} seeds)` : "");

/**
 * One sentence comparing the cells' recall accuracy at one n. A cell is "clearly above"
 * another only when both have two or more seeds and the seed ranges do not overlap; "at
 * chance" means no seed came more than 10 points above 1/V.
 */
export function compareCells(n: number, accIn: readonly { cell: CellKind; s: Spread }[], chance: number, steps: number): string {
  const acc = [...accIn].sort((a, b) => b.s.mean - a.s.mean);
  const [best, ...rest] = acc;
  const atChance = acc.filter((a) => a.s.max <= chance + 0.1).map((a) => CELL_NAME[a.cell]);
  if (atChance.length === acc.length) return `At n = ${n}, all three cells stay near chance (${pct(chance)}): none learned to carry the symbol that far in ${steps} steps.`;
  const beaten = rest.filter((a) => best.s.count > 1 && a.s.count > 1 && best.s.min > a.s.max);
  const level = rest.filter((a) => !beaten.includes(a));
  const list = (xs: typeof acc) => xs.map((a) => `${CELL_NAME[a.cell]} ${pct(a.s.mean)}${range(a.s)}`).join(", ");
  let line: string;
  if (!beaten.length) line = `At n = ${n}, no cell is clearly ahead: ${list(acc)}${acc.some((a) => a.s.count < 2) ? " (one seed: run more seeds to tell them apart)" : "; the seed ranges overlap"}`;
  else {
    line = `At n = ${n}, the ${CELL_NAME[best.cell]} recalls ${pct(best.s.mean)}${range(best.s)}, clearly above the ${beaten.map((a) => `${CELL_NAME[a.cell]} (${pct(a.s.mean)}${range(a.s)})`).join(" and the ")}`;
    if (level.length) line += `; it is level with the ${level.map((a) => `${CELL_NAME[a.cell]} (${pct(a.s.mean)})`).join(" and the ")} within the seed spread`;
  }
  if (atChance.length) line += `. At chance (${pct(chance)}): ${atChance.join(", ")}`;
  return line + ".";
}

/**
 * Sentences read off the numbers. A difference in accuracy is called real only when the
 * seed ranges do not overlap (docs/design.md: differences smaller than the seed spread are noise).
 */
export function flowObservations(result: Pick<FlowResult, "config" | "runs">): string[] {
  const { config: cfg, runs } = result, chance = 1 / cfg.vocab, out: string[] = [];
  if (!runs.length) return out;
  if (cfg.seeds < 2) out.push("With one seed per setting, no difference below can be told apart from seed-to-seed noise; run 3 or more seeds.");
  for (const n of cfg.lengths) {
    const acc = FLOW_CELLS.map((cell) => ({ cell, s: accuracyByLength(runs, cell, [n])[0] })).filter((a) => a.s.count > 0);
    if (acc.length === FLOW_CELLS.length) out.push(compareCells(n, acc, chance, cfg.steps));
  }
  const n = cfg.lengths[cfg.lengths.length - 1];
  const reach = FLOW_CELLS.map((cell) => {
    const p = meanProfile(runs, cell, n, "gradTrained");
    return p.length ? { cell, reach: gradientReach(p), ratio: p[n - 1] / p[0] } : null;
  }).filter((r): r is { cell: FlowCell; reach: number; ratio: number } => r !== null);
  if (reach.length === FLOW_CELLS.length)
    out.push(`After training at n = ${n}, the gradient that reaches the first step is ${reach.map((r) => `${fmt(r.ratio, 1)} × the loss step's for the ${CELL_NAME[r.cell]} (reach ${r.reach} steps)`).join(", ")}.`);
  return out;
}
