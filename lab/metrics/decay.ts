/**
 * Gradient decay through time: how strongly the loss at one step reaches back to the
 * hidden states before it. For a held-out position t, ℓ_t is the loss of predicting
 * x_{t+1}; the ratio ‖∂ℓ_t/∂h_{t−k}‖ / ‖∂ℓ_t/∂h_t‖ is averaged (geometric mean) over
 * positions. The gradient reach is the first k where that ratio falls below 1/10.
 */
import type { Model } from "../../bindings/model.js";
import type { StatePass } from "./states.js";

export const REACH_RATIO = 0.1;

export interface DecayResult {
  /** k = 0 (the step itself) .. window − 1 */
  positions: number[];
  ratio: number[];
  /** first k with ratio < 1/10; equals window when the ratio never falls that low */
  reach: number;
  window: number;
}

export function gradientDecay(model: Model, pass: StatePass, tokens: ArrayLike<number>, window: number, samples = 40): DecayResult {
  if (window > model.config.maxSeqLen) throw new Error(`decay window ${window} exceeds the model's maxSeqLen ${model.config.maxSeqLen}`);
  const H = pass.H, first = window + 10, last = tokens.length - 2;
  if (last - first < samples) throw new Error(`gradient decay needs at least ${first + samples + 2} held-out tokens, got ${tokens.length}`);
  const saved = model.getState();
  const logSum = new Float64Array(window);
  const inputs = new Array<number>(window), targets = new Array<number | null>(window).fill(null);
  let used = 0;
  for (let s = 0; s < samples; s++) {
    const end = first + Math.floor(((last - first) * s) / samples);
    const start = end - window + 1;
    model.setState({ h: pass.states.subarray((start - 1) * H, start * H) });
    for (let t = 0; t < window; t++) inputs[t] = tokens[start + t];
    targets[window - 1] = tokens[end + 1];
    model.forward({ tokens: inputs, targets });
    model.backward();
    const norms = model.stepGradNorms(), top = norms[window - 1];
    if (!(top > 0) || !Number.isFinite(top)) continue;
    for (let k = 0; k < window; k++) logSum[k] += Math.log(Math.max(norms[window - 1 - k], 1e-300) / top);
    used++;
  }
  model.setState(saved);
  const ratio = Array.from(logSum, (v) => (used ? Math.exp(v / used) : NaN));
  let reach = ratio.findIndex((r) => r < REACH_RATIO);
  if (reach < 0) reach = window;
  return { positions: ratio.map((_, k) => k), ratio, reach, window };
}
