/**
 * One pass of a model over a token stream without training: the hidden state after
 * every token and the loss of predicting the token that follows. The lab's held-out
 * loss, memory probe, hidden statistics and word representations all read from it.
 */
import type { Model } from "../../bindings/model.js";

export interface StatePass {
  /** n × H, row t = the state after reading tokens[t] */
  states: Float64Array;
  /** −log p(tokens[t + 1]) for t < n − 1; the last entry has no target (NaN) */
  stepLoss: Float64Array;
  n: number;
  H: number;
}

/** Runs `tokens` from a zero state (the model's state is left as it was). */
export function statePass(model: Model, tokens: ArrayLike<number>): StatePass {
  const H = model.config.hiddenSize, n = tokens.length, T = model.config.maxSeqLen;
  const saved = model.getState();
  const states = new Float64Array(n * H), stepLoss = new Float64Array(n).fill(NaN);
  model.resetState();
  for (let start = 0; start < n; start += T) {
    const len = Math.min(T, n - start);
    const inputs = new Array<number>(len), targets = new Array<number | null>(len);
    for (let t = 0; t < len; t++) {
      inputs[t] = tokens[start + t];
      targets[t] = start + t + 1 < n ? tokens[start + t + 1] : null;
    }
    const r = model.evaluate({ tokens: inputs, targets }, { keepState: true });
    states.set(r.hidden, start * H);
    for (let t = 0; t < len; t++) if (targets[t] !== null) stepLoss[start + t] = r.stepLoss[t];
  }
  model.setState(saved);
  return { states, stepLoss, n, H };
}

/** Mean per-character loss of a pass (the held-out loss when the tokens are the validation split). */
export function meanLoss(pass: StatePass): number {
  let s = 0, k = 0;
  for (let t = 0; t < pass.n; t++) if (!Number.isNaN(pass.stepLoss[t])) { s += pass.stepLoss[t]; k++; }
  return k ? s / k : NaN;
}
