/**
 * Distributional similarity: every occurrence of a known word is replaced by a word the
 * model never saw, the text is run through the trained model without training, and
 * each word is represented by its mean hidden state at its last letter. States are
 * centred by the mean over all word ends (otherwise every pair looks alike), then
 * compared by cosine similarity; a 2-D PCA places all words on a map.
 */
import type { CharTokenizer } from "../../bindings/data/tokenizer.js";
import { pca } from "../../bindings/linalg.js";
import type { Model } from "../../bindings/model.js";
import { fail } from "../../bindings/validate.js";
import type { SimilaritySummary } from "../types.js";
import { LEXICON } from "./lexicon.js";

const LETTER = /^[a-z]$/;
/** Characters of the corpus read (twice: original and substituted); enough for hundreds of occurrences. */
export const SIMILARITY_CHARS = 40_000;

/** Throws a ValidationError when the pair cannot be used with this vocabulary. */
export function checkSubstitution(replace: string, nonce: string, tokenizer: CharTokenizer): void {
  if (!LEXICON.has(replace)) fail(`replace must be a word of the grammar (e.g. "man", "cat", "bread"), got "${replace}"`);
  if (!/^[a-z]{2,12}$/.test(nonce)) fail(`nonce must be 2 to 12 lowercase letters, got "${nonce}"`);
  if (LEXICON.has(nonce)) fail(`nonce must be a word the grammar never uses, but "${nonce}" is one of its words`);
  const missing = [...nonce].filter((c) => tokenizer.idOf(c) < 0);
  if (missing.length) {
    const letters = tokenizer.chars.filter((c) => LETTER.test(c)).sort();
    fail(`nonce may only use letters that occur in the corpus; "${[...new Set(missing)].join("")}" never occurs, so the model has no input `
      + `for it (a one-hot input needs a column that training has shaped). The corpus's letters are ${letters.join("")}; `
      + `try "${nearestSpelling(nonce, letters)}" instead`);
  }
}

/**
 * The nonce with every letter the corpus lacks replaced by the nearest letter it has (in
 * alphabet order), so a made-up word from elsewhere ("zog") still gets a close stand-in.
 */
export function nearestSpelling(nonce: string, letters: readonly string[]): string {
  const code = (c: string) => c.charCodeAt(0);
  return [...nonce].map((c) => (letters.includes(c) || !letters.length ? c
    : letters.reduce((best, l) => (Math.abs(code(l) - code(c)) < Math.abs(code(best) - code(c)) ? l : best)))).join("");
}

/** Sum of the hidden state at the last letter of every word, per word. */
export function wordStates(model: Model, text: string, tokenizer: CharTokenizer): { sums: Map<string, Float64Array>; counts: Map<string, number>; total: Float64Array; n: number } {
  const H = model.config.hiddenSize, T = model.config.maxSeqLen, chars = [...text], tokens = tokenizer.encode(text);
  const sums = new Map<string, Float64Array>(), counts = new Map<string, number>(), total = new Float64Array(H);
  const saved = model.getState();
  model.resetState();
  let word = "", n = 0;
  for (let start = 0; start < tokens.length; start += T) {
    const len = Math.min(T, tokens.length - start);
    const r = model.forward({ tokens: tokens.slice(start, start + len), targets: new Array(len).fill(null) }, { keepState: true });
    for (let t = 0; t < len; t++) {
      const c = chars[start + t];
      if (!LETTER.test(c)) { word = ""; continue; }
      word += c;
      const next = chars[start + t + 1];
      if (next !== undefined && LETTER.test(next)) continue;
      let s = sums.get(word);
      if (!s) { s = new Float64Array(H); sums.set(word, s); counts.set(word, 0); }
      const h = r.hidden[t];
      for (let i = 0; i < H; i++) { s[i] += h[i]; total[i] += h[i]; }
      counts.set(word, counts.get(word)! + 1);
      n++;
    }
  }
  model.setState(saved);
  return { sums, counts, total, n };
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < a.length; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

export function similarity(model: Model, corpusText: string, tokenizer: CharTokenizer, replace: string, nonce: string): SimilaritySummary {
  checkSubstitution(replace, nonce, tokenizer);
  const text = corpusText.slice(0, corpusText.lastIndexOf("\n", SIMILARITY_CHARS) + 1) || corpusText;
  const pattern = new RegExp(`\\b${replace}\\b`, "g");
  const substituted = text.replace(pattern, nonce);
  const sub = wordStates(model, substituted, tokenizer);
  const occurrences = sub.counts.get(nonce) ?? 0;
  if (occurrences === 0) fail(`"${replace}" does not occur in the corpus, so there is nothing to replace`);
  const H = model.config.hiddenSize;
  const meanOf = (s: Float64Array, k: number, all: typeof sub) => s.map((v, i) => v / k - all.total[i] / all.n);
  const words = [...sub.sums.keys()].filter((w) => w === nonce || (LEXICON.has(w) && sub.counts.get(w)! >= 3)).sort();
  const means = new Map(words.map((w) => [w, meanOf(sub.sums.get(w)!, sub.counts.get(w)!, sub)]));
  const target = means.get(nonce)!;
  const neighbours = words.filter((w) => w !== nonce)
    .map((w) => ({ word: w, category: LEXICON.get(w)!, cosine: cosine(target, means.get(w)!) }))
    .sort((a, b) => b.cosine - a.cosine);
  const orig = wordStates(model, text, tokenizer);
  const replacedMean = meanOf(orig.sums.get(replace)!, orig.counts.get(replace)!, orig);
  const category = LEXICON.get(replace)!;
  const X = new Float64Array(words.length * H);
  words.forEach((w, r) => X.set(means.get(w)!, r * H));
  const p = pca(X, words.length, H, 2);
  return {
    replace, nonce, occurrences, neighbours, category,
    cosine_to_replaced: cosine(target, replacedMean),
    same_category_share: neighbours.slice(0, 5).filter((n) => n.category === category).length / 5,
    pca: {
      words, categories: words.map((w) => (w === nonce ? "nonce" : LEXICON.get(w)!)),
      x: words.map((_, r) => p.projected[2 * r]), y: words.map((_, r) => p.projected[2 * r + 1]),
      explained: [p.explained[0], p.explained[1]],
    },
  };
}
