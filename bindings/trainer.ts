/**
 * Trains a model on one long token stream in chunks (truncated BPTT): each chunk's
 * targets are its inputs shifted by one, and the hidden state is carried from chunk
 * to chunk. Used by the CLI, the worker tasks and the lab.
 */
import type { Model } from "./model.js";
import type { StepResult, TrainOptions } from "./types.js";
import { fail, intInRange } from "./validate.js";

export interface CorpusTrainerOptions extends TrainOptions {
  seqLen: number;
  /** steps between snapshots to roll back to after a divergence */
  snapshotEvery?: number;
}

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
  private snapshot: Float64Array | null = null;
  private readonly inputs: number[];
  private readonly targets: number[];

  constructor(readonly model: Model, readonly tokens: ArrayLike<number>, readonly opts: CorpusTrainerOptions) {
    intInRange("seqLen", opts.seqLen, 1, model.config.maxSeqLen);
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
    if (this.snapshot === null || this.step % (this.opts.snapshotEvery ?? 200) === 0) this.snapshot = this.model.snapshot();
    const r = this.model.trainChunk(seq, this.opts);
    this.position += T;
    if (r.diverged) {
      this.divergences++;
      this.model.restore(this.snapshot);
      this.model.resetState();
      return { ...r, perChar: NaN };
    }
    this.step++;
    if (r.clipped) this.clippedSteps++;
    const perChar = r.loss / Math.max(1, r.count);
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
