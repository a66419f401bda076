/**
 * Memory probe: how much of the past a hidden state still holds. For each lag d a
 * linear read-out (ridge regression on one-hot targets, argmax decoding) is fitted on
 * states h_t to name the character x_{t−d}, on the first part of a held-out pass, and
 * scored on the rest. Two references make the accuracy readable: chance (always
 * guess the most common character) and the current-character baseline (the best guess
 * of x_{t−d} from x_t alone, which is all a network without memory could use).
 */
import { choleskySolve } from "../../bindings/linalg.js";
import type { StatePass } from "./states.js";

export interface ProbeOptions {
  /** largest lag d probed (default 30) */
  maxLag?: number;
  /** fraction of positions used to fit the read-out (default 0.7); the rest score it */
  fitFraction?: number;
  /** states skipped at the start so the state has history (default 50) */
  warmup?: number;
  /** ridge penalty per fitted sample, on standardised states (default 1e-3) */
  lambda?: number;
  /** accuracy above the current-character baseline that still counts as memory (default 0.05) */
  margin?: number;
}

export interface ProbeResult {
  /** lags 1..maxLag */
  lags: number[];
  /** probe accuracy on held-out positions, per lag */
  accuracy: number[];
  /** accuracy of always guessing the most common character, per lag */
  chance: number[];
  /** accuracy of guessing x_{t−d} from x_t alone, per lag */
  baseline: number[];
  /** largest d such that accuracy − baseline ≥ margin at every lag 1..d (0 when not even at d = 1) */
  horizon: number;
  margin: number;
  fitted: number;
  scored: number;
}

export function memoryProbe(pass: StatePass, tokens: ArrayLike<number>, vocab: number, o: ProbeOptions = {}): ProbeResult {
  const D = o.maxLag ?? 30, margin = o.margin ?? 0.05, H = pass.H;
  const first = Math.max(o.warmup ?? 50, D);
  const positions = pass.n - first;
  if (positions < 20) throw new Error(`the memory probe needs at least ${first + 20} tokens, got ${pass.n}`);
  const nFit = Math.floor(positions * (o.fitFraction ?? 0.7)), fit0 = first, test0 = first + nFit, end = pass.n;
  const X = standardise(pass.states, H, fit0, test0, end);
  // (XᵀX + λI) is shared by every lag; the right-hand sides XᵀY_d are sums of states per class
  const xtx = new Float64Array(H * H);
  for (let t = fit0; t < test0; t++) {
    const row = t * H;
    for (let i = 0; i < H; i++) { const xi = X[row + i]; if (xi === 0) continue; for (let j = 0; j <= i; j++) xtx[i * H + j] += xi * X[row + j]; }
  }
  for (let i = 0; i < H; i++) { for (let j = 0; j < i; j++) xtx[j * H + i] = xtx[i * H + j]; xtx[i * H + i] += (o.lambda ?? 1e-3) * nFit; }
  const m = vocab * D, xty = new Float64Array(H * m);
  for (let t = fit0; t < test0; t++) {
    const row = t * H;
    for (let d = 1; d <= D; d++) {
      const col = (d - 1) * vocab + tokens[t - d];
      for (let i = 0; i < H; i++) xty[i * m + col] += X[row + i];
    }
  }
  const W = choleskySolve(xtx, H, xty, m);
  const classMean = new Float64Array(m); // intercepts: the read-out predicts centred one-hots
  for (let t = fit0; t < test0; t++) for (let d = 1; d <= D; d++) classMean[(d - 1) * vocab + tokens[t - d]] += 1 / nFit;

  const correct = new Float64Array(D), scores = new Float64Array(m);
  for (let t = test0; t < end; t++) {
    scores.set(classMean);
    const row = t * H;
    for (let i = 0; i < H; i++) {
      const xi = X[row + i];
      if (xi === 0) continue;
      const w = i * m;
      for (let c = 0; c < m; c++) scores[c] += xi * W[w + c];
    }
    for (let d = 1; d <= D; d++) {
      const off = (d - 1) * vocab;
      let best = 0;
      for (let c = 1; c < vocab; c++) if (scores[off + c] > scores[off + best]) best = c;
      if (best === tokens[t - d]) correct[d - 1]++;
    }
  }
  const scored = end - test0;
  const lags = Array.from({ length: D }, (_, k) => k + 1);
  const accuracy = Array.from(correct, (c) => c / scored);
  const { chance, baseline } = references(tokens, vocab, D, fit0, test0, end);
  let horizon = 0;
  while (horizon < D && accuracy[horizon] - baseline[horizon] >= margin) horizon++;
  return { lags, accuracy, chance, baseline, horizon, margin, fitted: nFit, scored };
}

/** z-scores each unit with the fitting part's mean and spread; constant units become 0. */
function standardise(states: Float64Array, H: number, fit0: number, test0: number, end: number): Float64Array {
  const mean = new Float64Array(H), sd = new Float64Array(H), n = test0 - fit0;
  for (let t = fit0; t < test0; t++) for (let i = 0; i < H; i++) mean[i] += states[t * H + i] / n;
  for (let t = fit0; t < test0; t++) for (let i = 0; i < H; i++) sd[i] += (states[t * H + i] - mean[i]) ** 2 / n;
  for (let i = 0; i < H; i++) sd[i] = Math.sqrt(sd[i]);
  const X = new Float64Array(end * H);
  for (let t = fit0; t < end; t++) for (let i = 0; i < H; i++) X[t * H + i] = sd[i] > 1e-9 ? (states[t * H + i] - mean[i]) / sd[i] : 0;
  return X;
}

/** Chance and current-character baseline accuracies, fitted and scored on the same split as the probe. */
function references(tokens: ArrayLike<number>, V: number, D: number, fit0: number, test0: number, end: number) {
  const chance: number[] = [], baseline: number[] = [];
  for (let d = 1; d <= D; d++) {
    const freq = new Float64Array(V), joint = new Float64Array(V * V);
    for (let t = fit0; t < test0; t++) { freq[tokens[t - d]]++; joint[tokens[t] * V + tokens[t - d]]++; }
    const majority = argmaxOf(freq, 0, V);
    const guess = Array.from({ length: V }, (_, c) => {
      let seen = 0; for (let k = 0; k < V; k++) seen += joint[c * V + k];
      return seen ? argmaxOf(joint, c * V, V) : majority;
    });
    let hitChance = 0, hitBase = 0;
    for (let t = test0; t < end; t++) {
      if (tokens[t - d] === majority) hitChance++;
      if (tokens[t - d] === guess[tokens[t]]) hitBase++;
    }
    chance.push(hitChance / (end - test0));
    baseline.push(hitBase / (end - test0));
  }
  return { chance, baseline };
}

function argmaxOf(a: ArrayLike<number>, off: number, n: number): number {
  let best = 0;
  for (let k = 1; k < n; k++) if (a[off + k] > a[off + best]) best = k;
  return best;
}
