/**
 * Synthetic supervised tasks for memory lessons. Each result is a valid
 * engine Sequence: targets are null where the loss must ignore a step, so
 * the only gradient signal is the long-range dependency being taught.
 */
import type { Rng } from "../prng.js";
import { checkInt, checkRng } from "./check.js";

const MAX_STEPS = 100_000;
const MAX_VOCAB = 4096;

export interface TokenTask {
  tokens: number[];
  targets: (number | null)[];
  /** number of input/output classes, blank included */
  vocabSize: number;
}

export interface CopyTask extends TokenTask {
  /** id of the blank token (= vocab) */
  blank: number;
}

export interface RealTask {
  inputs: number[][];
  targets: (number[] | null)[];
  inputSize: number;
  outputSize: number;
}

/**
 * n random symbols; only the last step has a target: the first symbol.
 * The network must carry one symbol across n - 1 distracting steps.
 */
export function recallFirst(n: number, vocab: number, rng: Rng): TokenTask {
  checkInt("n", n, 2, MAX_STEPS);
  checkInt("vocab", vocab, 2, MAX_VOCAB);
  checkRng("rng", rng);
  const tokens = Array.from({ length: n }, () => rng.int(vocab));
  const targets = new Array<number | null>(n).fill(null);
  targets[n - 1] = tokens[0];
  return { tokens, targets, vocabSize: vocab };
}

/**
 * Copy task: len symbols, then delay + len blanks. The targets are null until
 * the symbols are asked back, in order, during the last len steps. The blank
 * is the extra token id `vocab`, so vocabSize = vocab + 1.
 */
export function copyTask(len: number, delay: number, vocab: number, rng: Rng): CopyTask {
  checkInt("len", len, 1, MAX_STEPS);
  checkInt("delay", delay, 0, MAX_STEPS);
  checkInt("vocab", vocab, 2, MAX_VOCAB);
  checkRng("rng", rng);
  const blank = vocab;
  const symbols = Array.from({ length: len }, () => rng.int(vocab));
  const tokens = [...symbols, ...new Array<number>(delay + len).fill(blank)];
  const targets: (number | null)[] = [...new Array<null>(len + delay).fill(null), ...symbols];
  return { tokens, targets, vocabSize: vocab + 1, blank };
}

/**
 * Real-valued delay line: input u_t uniform in [-0.5, 0.5], target u_{t-delay}
 * as a 1-vector, null for the first `delay` steps (nothing to recall yet).
 */
export function delayedRecall(length: number, delay: number, rng: Rng): RealTask {
  checkInt("length", length, 1, MAX_STEPS);
  checkInt("delay", delay, 0, length - 1);
  checkRng("rng", rng);
  const u = Array.from({ length }, () => rng.next() - 0.5);
  return {
    inputs: u.map(v => [v]),
    targets: u.map((_, t) => (t >= delay ? [u[t - delay]] : null)),
    inputSize: 1,
    outputSize: 1,
  };
}
