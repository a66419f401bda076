/**
 * The vanishing-gradient experiment: name the first symbol of a sequence of
 * length n at its last step. The loss sits at the last step only, so the
 * gradient that could teach "remember the first symbol" must travel back n − 1
 * steps. ‖∂L/∂h_t‖ against that distance shows whether it arrives.
 */
import type { Engine } from "../bindings/engine.js";
import type { Model } from "../bindings/model.js";
import { argmax } from "../bindings/model.js";
import { Rng } from "../bindings/prng.js";
import type { TokenTask } from "../bindings/data/tasks.js";
import { CELL_NAME, CELLS as CELL_KINDS, OPTIMIZERS, type CellKind, type OptimizerKind } from "../bindings/types.js";
import { fmt } from "../bindings/format.js";
import { compareCells, spread } from "./gradient-flow.js";

export interface RecallSettings {
  cell: CellKind;
  /** sequence length: the first symbol is asked for after n − 1 distracting ones */
  n: number;
  hiddenSize: number;
  /** number of distinct symbols; chance accuracy is 1 / vocab */
  vocab: number;
  /** training sequences, one per step */
  steps: number;
  optimizer: OptimizerKind;
  lr: number;
  seed: number;
}

export const RECALL_DEFAULTS: Omit<RecallSettings, "cell" | "n"> = { hiddenSize: 32, vocab: 4, steps: 6000, optimizer: "adam", lr: 0.001, seed: 1 };
/** Held-out sequences for accuracy, and how many of them average the gradient curve. */
export const RECALL_TEST_SIZE = 200;
export const RECALL_GRAD_SEQUENCES = 20;
/**
 * Gate bias at initialisation that makes a gated cell keep its state: +3 on the LSTM
 * forget gate (σ(3) ≈ 0.95), −3 on the GRU update gate. Without it the gradient through
 * 100 steps starts as small as the plain RNN's, and neither learns within the budget.
 */
export const RECALL_KEEP_BIAS = 3;
/** Global-norm clip on the (single-target) loss: keeps an exploding RNN from jumping away. */
export const RECALL_CLIP = 1;

export function checkRecallSettings(s: RecallSettings): string[] {
  const p: string[] = [];
  const int = (k: keyof RecallSettings, lo: number, hi: number) => {
    const v = s[k] as number;
    if (!Number.isInteger(v) || v < lo || v > hi) p.push(`${k} must be a whole number from ${lo} to ${hi}, got ${String(v)}`);
  };
  if (!["rnn", "lstm", "gru"].includes(s.cell)) p.push(`cell must be rnn, lstm or gru, got ${String(s.cell)}`);
  int("n", 2, 1000); int("hiddenSize", 2, 256); int("vocab", 2, 32); int("steps", 1, 1_000_000); int("seed", 0, 0xffffffff);
  if (!OPTIMIZERS.includes(s.optimizer)) p.push(`optimizer must be one of ${OPTIMIZERS.join(", ")}, got ${String(s.optimizer)}`);
  if (!(s.lr > 0 && s.lr <= 1)) p.push(`lr must be a number in (0, 1], got ${String(s.lr)}`);
  return p;
}

/** Distractor symbols, disjoint from the symbols to recall (ids vocab … vocab + DISTRACTORS − 1). */
export const RECALL_DISTRACTORS = 4;

/**
 * One sequence: a symbol to remember, then n − 1 distractors from a separate set, and
 * the first symbol as the only target, at the last step. With disjoint sets the network
 * can tell what to store from the input alone, so the only difficulty left is the time lag
 * (Hochreiter and Schmidhuber's long-lag experiments are built the same way).
 */
export function recallSequence(n: number, vocab: number, rng: Rng): TokenTask {
  const tokens = [rng.int(vocab)];
  for (let t = 1; t < n; t++) tokens.push(vocab + rng.int(RECALL_DISTRACTORS));
  const targets = new Array<number | null>(n).fill(null);
  targets[n - 1] = tokens[0];
  return { tokens, targets, vocabSize: vocab + RECALL_DISTRACTORS };
}

export class RecallExperiment {
  readonly model: Model;
  private readonly rng: Rng;
  /** fixed held-out sequences, the same for every cell with the same seed and n */
  readonly test: TokenTask[];
  step = 0;
  /** training steps with a non-finite loss or gradient (the engine left the weights as they were) */
  divergences = 0;

  constructor(engine: Engine, readonly settings: RecallSettings) {
    const problems = checkRecallSettings(settings);
    if (problems.length) throw new Error(problems.join("; "));
    const { cell, n, hiddenSize, vocab, seed } = settings;
    this.model = engine.createModel({ cell, hiddenSize, inputSize: vocab + RECALL_DISTRACTORS, outputSize: vocab, maxSeqLen: n,
      init: "xavier", forgetBias: cell === "lstm" ? RECALL_KEEP_BIAS : 0, seed });
    if (cell === "gru") {
      // z is the first gate block: z near 0 keeps h, the GRU's counterpart of an open forget gate
      const b = this.model.getGroup("b");
      b.fill(-RECALL_KEEP_BIAS, 0, hiddenSize);
      this.model.setGroup("b", b);
    }
    this.rng = new Rng(seed ^ 0x5eed);
    const testRng = new Rng(seed ^ 0x7e57);
    this.test = Array.from({ length: RECALL_TEST_SIZE }, () => recallSequence(n, vocab, testRng));
  }

  /** One step on a fresh random sequence from a zero state; returns its loss. */
  trainStep(): number {
    const seq = recallSequence(this.settings.n, this.settings.vocab, this.rng);
    this.model.resetState();
    const r = this.model.trainChunk(seq, { optimizer: { kind: this.settings.optimizer, lr: this.settings.lr }, clip: { mode: "norm", threshold: RECALL_CLIP } });
    this.step++;
    if (r.diverged) this.divergences++;
    return r.diverged ? NaN : r.loss;
  }

  /** Fraction of held-out sequences whose first symbol the model names at the last step. */
  accuracy(): { accuracy: number; loss: number } {
    let right = 0, loss = 0;
    for (const seq of this.test) {
      this.model.resetState();
      const r = this.model.forward(seq);
      if (argmax(r.outputs[r.outputs.length - 1]) === seq.tokens[0]) right++;
      loss += r.loss;
    }
    return { accuracy: right / this.test.length, loss: loss / this.test.length };
  }

  /**
   * Mean ‖∂L/∂h_t‖ over held-out sequences, indexed by distance d = n − 1 − t from
   * the step that has the loss: entry d is how much gradient reaches d steps back.
   */
  gradientByDistance(sequences = RECALL_GRAD_SEQUENCES): number[] {
    const n = this.settings.n, sum = new Array<number>(n).fill(0);
    const count = Math.min(sequences, this.test.length);
    for (let k = 0; k < count; k++) {
      this.model.resetState();
      this.model.forward(this.test[k]);
      this.model.backward();
      const g = this.model.stepGradNorms();
      for (let t = 0; t < n; t++) sum[n - 1 - t] += g[t];
    }
    return sum.map((s) => s / count);
  }

  dispose(): void { this.model.dispose(); }
}

/** One finished run of the recall experiment, as the observations need it. */
export interface RecallOutcome {
  cell: CellKind;
  n: number;
  seed: number;
  accuracy: number;
  /** g(n − 1) / g(0) after training: the share of the loss step's gradient that reaches the first step */
  reach: number;
}

/**
 * The recall tab's sentences, written from the runs: for each n a comparison of the cells
 * over the seeds (a difference is called clear only when the seed ranges do not overlap),
 * then how much gradient reached the first step at the longest n.
 */
export function recallObservations(outcomes: readonly RecallOutcome[], vocab: number, steps: number): string[] {
  const out: string[] = [];
  const ns = [...new Set(outcomes.map((o) => o.n))].sort((a, b) => a - b);
  const seeds = new Set(outcomes.map((o) => o.seed)).size;
  if (seeds < 2 && outcomes.length) out.push("With one seed, no difference below can be told apart from seed-to-seed noise; run 3 or more seeds.");
  for (const n of ns) {
    const acc = CELL_KINDS.map((cell) => ({ cell, s: spread(outcomes.filter((o) => o.cell === cell && o.n === n).map((o) => o.accuracy)) })).filter((a) => a.s.count > 0);
    if (acc.length > 1) out.push(compareCells(n, acc, 1 / vocab, steps));
  }
  const n = ns[ns.length - 1];
  const reach = CELL_KINDS.map((cell) => ({ cell, s: spread(outcomes.filter((o) => o.cell === cell && o.n === n).map((o) => o.reach)) })).filter((r) => r.s.count > 0);
  if (n !== undefined && reach.length)
    out.push(`After training at n = ${n}, the gradient that reaches the first step is ${reach.map((r) => `${fmt(r.s.mean, 2)} × the loss step's for the ${CELL_NAME[r.cell]}`).join(", ")} (mean over seeds).`);
  return out;
}
