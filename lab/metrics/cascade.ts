/**
 * Exposure bias, measured two ways on held-out text.
 *
 * Cascade after one mistake: at evenly spaced positions t the model reads, in place of
 * x_t, the character it rated most likely among the wrong ones, then the true text
 * again. extra_loss[k] is the mean of ℓ'_{t+k} − ℓ_{t+k}: how much worse it predicts
 * the true x_{t+k+1} than it does without the mistake. The cascade length is the
 * first k from which the extra loss stays below the threshold.
 *
 * Free-running: a long sample (temperature 1) fed back into the model; we count the
 * words that are not in the grammar's lexicon, the complete sentences the grammar
 * accepts, and P(word i+k is a non-word | word i is a non-word).
 */
import { sentenceLogProb } from "../../bindings/data/index.js";
import type { CharTokenizer } from "../../bindings/data/tokenizer.js";
import type { Model } from "../../bindings/model.js";
import type { CascadeSummary } from "../types.js";
import { LEXICON, wordsOf } from "./lexicon.js";
import type { StatePass } from "./states.js";

export const CASCADE_THRESHOLD = 0.05;

export function cascade(model: Model, pass: StatePass, tokens: ArrayLike<number>, tokenizer: CharTokenizer,
  o: { horizon?: number; positions?: number; sampleLength?: number; seed?: number } = {}): CascadeSummary {
  const K = Math.min(o.horizon ?? 30, model.config.maxSeqLen), H = pass.H, V = tokenizer.size;
  const { W_y, b_y } = model.getParams();
  const saved = model.getState();
  const extra = new Float64Array(K);
  const first = 30, last = tokens.length - K - 2, count = Math.max(1, Math.min(o.positions ?? 200, last - first));
  if (last <= first) throw new Error(`the cascade measure needs at least ${first + K + 3} held-out tokens, got ${tokens.length}`);
  const inputs = new Array<number>(K), targets = new Array<number>(K);
  for (let s = 0; s < count; s++) {
    const t = first + Math.floor(((last - first) * s) / count);
    const h = pass.states.subarray((t - 1) * H, t * H);
    let wrong = -1, best = -Infinity;
    for (let c = 0; c < V; c++) {
      if (c === tokens[t]) continue;
      let z = b_y[c];
      for (let i = 0; i < H; i++) z += W_y[c][i] * h[i];
      if (z > best) { best = z; wrong = c; }
    }
    for (let k = 0; k < K; k++) { inputs[k] = k === 0 ? wrong : tokens[t + k]; targets[k] = tokens[t + k + 1]; }
    model.setState({ h });
    const r = model.forward({ tokens: inputs, targets });
    for (let k = 0; k < K; k++) extra[k] += (r.stepLoss[k] - pass.stepLoss[t + k]) / count;
  }
  model.setState(saved);
  let length = K;
  while (length > 0 && extra[length - 1] < CASCADE_THRESHOLD) length--;
  return { extra_loss: Array.from(extra), cascade_length: length, threshold: CASCADE_THRESHOLD, ...freeRunning(model, tokenizer, o.sampleLength ?? 6000, o.seed ?? 1) };
}

function freeRunning(model: Model, tokenizer: CharTokenizer, length: number, seed: number) {
  const start = tokenizer.idOf("\n");
  const saved = model.getState();
  const out = model.sample({ prime: [start >= 0 ? start : 0], length, temperature: 1, seed });
  model.setState(saved);
  const text = tokenizer.decode(out.tokens);
  const lines = text.split("\n").slice(0, -1); // the text after the last line break is unfinished
  const grammatical = lines.filter((l) => sentenceLogProb(l + "\n") > -Infinity).length;
  const wrong = wordsOf(text.slice(0, text.lastIndexOf("\n") + 1)).map((w) => !LEXICON.has(w));
  const after: number[] = [];
  for (let k = 1; k <= 5; k++) {
    let cases = 0, hits = 0;
    for (let i = 0; i + k < wrong.length; i++) if (wrong[i]) { cases++; if (wrong[i + k]) hits++; }
    after.push(cases ? hits / cases : NaN);
  }
  return {
    word_error_rate: wrong.length ? wrong.filter(Boolean).length / wrong.length : NaN,
    grammatical_rate: lines.length ? grammatical / lines.length : NaN,
    error_after_error: after, sentences: lines.length, words: wrong.length,
  };
}
