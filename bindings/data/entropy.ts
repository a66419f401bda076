/** Empirical character statistics, to compare a model's loss with simple baselines. */
import { checkString } from "./check.js";

export interface PerChar { nats: number; bits: number }

/**
 * Entropy of the single-character frequencies of `text` (code points):
 * the loss of the best model that ignores context entirely.
 */
export function unigramEntropy(text: string): PerChar {
  checkString("text", text);
  const counts = new Map<string, number>();
  let n = 0;
  for (const c of text) { counts.set(c, (counts.get(c) ?? 0) + 1); n++; }
  if (n === 0) throw new Error("text is empty: unigram entropy needs at least one character");
  let nats = 0;
  for (const k of counts.values()) nats -= (k / n) * Math.log(k / n);
  // -0 and rounding dust would show as "-0.000 bits" in the UI
  nats = Math.max(0, nats);
  return { nats, bits: nats / Math.LN2 };
}
