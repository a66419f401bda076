/**
 * Trains a model on one long token stream in chunks (truncated BPTT): each chunk's
 * targets are its inputs shifted by one, and the hidden state is carried from chunk
 * to chunk. Used by the CLI, the worker tasks and the lab.
 */
import type { Model } from "./model.js";
import type { StepResult, TrainOptions } from "./types.js";
import { fail, intInRange } from "./validate.js";
import { fmt } from "./format.js";

export interface CorpusTrainerOptions extends TrainOptions {
  seqLen: number;
  /** steps between snapshots to roll back to after a divergence */
  snapshotEvery?: number;
  /**
   * Rollbacks to one snapshot before the run gives up with a DivergenceError (default 5).
   * Infinity keeps rolling back, for callers that count divergences as a result.
   */
  maxRollbacks?: number;
}

/** Thrown by next() when training keeps diverging; the model is left at its last good snapshot. */
export class DivergenceError extends Error {
  constructor(message: string) { super(message); this.name = "DivergenceError"; }
}

/** A per-target loss this many times the uniform guess's ln(V) means the run has blown up. */
export const ABSURD_LOSS_FACTOR = 10;

export interface TrainProgress {
  step: number;
  /** mean per-character loss of the last chunk */
  loss: number;
  /** exponential moving average of the per-character loss */
  smoothLoss: number;
  gradNorm: number;
  clipped: boolean;
  stepsPerSec: number;
}

export class CorpusTrainer {
  step = 0;
  position = 0;
  smoothLoss = NaN;
  divergences = 0;
  /** steps at which clipping fired, as a count */
  clippedSteps = 0;
  /**
   * Set when a step's loss per target passed ABSURD_LOSS_FACTOR × ln(V) although it stayed
   * finite (a tanh RNN can reach 1e4 nats per character without an overflow): a sentence
   * that says so, for the caller to show.
   */
  unstable: string | null = null;
  private snapshot: Float64Array | null = null;
  private snapshotStep = 0;
  private rollbacks = 0;
  private readonly maxRollbacks: number;
  private readonly inputs: number[];
  private readonly targets: number[];

  constructor(readonly model: Model, readonly tokens: ArrayLike<number>, readonly opts: CorpusTrainerOptions) {
    intInRange("seqLen", opts.seqLen, 1, model.config.maxSeqLen);
    this.maxRollbacks = opts.maxRollbacks === Infinity ? Infinity : intInRange("maxRollbacks", opts.maxRollbacks ?? 5, 1, 1_000_000);
    if (tokens.length < 2) fail(`the corpus must have at least 2 tokens, got ${tokens.length}`);
    this.inputs = new Array(opts.seqLen);
    this.targets = new Array(opts.seqLen);
  }

  /** One training step on the next chunk. */
  next(): StepResult & { perChar: number } {
    const T = Math.min(this.opts.seqLen, this.tokens.length - 1);
    if (this.position + T + 1 > this.tokens.length) { this.position = 0; this.model.resetState(); }
    if (this.step === 0 && this.position === 0) this.model.resetState();
    for (let t = 0; t < T; t++) { this.inputs[t] = this.tokens[this.position + t]; this.targets[t] = this.tokens[this.position + t + 1]; }
    const seq = T === this.inputs.length ? { tokens: this.inputs, targets: this.targets } : { tokens: this.inputs.slice(0, T), targets: this.targets.slice(0, T) };
    if (this.snapshot === null || (this.step % (this.opts.snapshotEvery ?? 200) === 0 && this.step !== this.snapshotStep)) {
      this.snapshot = this.model.snapshot();
      this.snapshotStep = this.step;
      this.rollbacks = 0;
    }
    const r = this.model.trainChunk(seq, this.opts);
    this.position += T;
    if (r.diverged) {
      this.divergences++;
      this.model.restore(this.snapshot);
      this.model.resetState();
      if (++this.rollbacks >= this.maxRollbacks) {
        throw new DivergenceError(`training diverged: ${this.rollbacks} steps since step ${this.snapshotStep} had a non-finite loss or gradient ` +
          `and were rolled back; the model is kept as it was at step ${this.snapshotStep}. Lower the learning rate or clip the gradients`);
      }
      return { ...r, perChar: NaN };
    }
    this.step++;
    if (r.clipped) this.clippedSteps++;
    const perChar = r.loss / Math.max(1, r.count);
    const uniform = Math.log(this.model.config.outputSize);
    if (this.model.config.loss === "softmax-ce" && this.unstable === null && perChar > ABSURD_LOSS_FACTOR * Math.max(1, uniform)) {
      this.unstable = `unstable: step ${this.step} had a loss of ${fmt(perChar)} nats per target, more than ${ABSURD_LOSS_FACTOR}× ` +
        `the ${fmt(uniform)} of a uniform guess; lower the learning rate or clip the gradients`;
    }
    this.smoothLoss = Number.isNaN(this.smoothLoss) ? perChar : 0.99 * this.smoothLoss + 0.01 * perChar;
    return { ...r, perChar };
  }

  /** Runs n steps, calling onProgress at most every `every` steps (and after the last). */
  run(n: number, onProgress?: (p: TrainProgress) => void, every = 100): TrainProgress {
    const t0 = performance.now();
    let last: TrainProgress = { step: this.step, loss: NaN, smoothLoss: this.smoothLoss, gradNorm: NaN, clipped: false, stepsPerSec: 0 };
    for (let k = 0; k < n; k++) {
      const r = this.next();
      if ((k + 1) % every === 0 || k === n - 1) {
        const secs = (performance.now() - t0) / 1000;
        last = { step: this.step, loss: r.perChar, smoothLoss: this.smoothLoss, gradNorm: r.gradNorm, clipped: r.clipped, stepsPerSec: (k + 1) / Math.max(secs, 1e-9) };
        onProgress?.(last);
      }
    }
    return last;
  }
}
