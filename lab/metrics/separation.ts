/**
 * Category separation: do the word categories of the grammar (animal nouns, verbs,
 * adjectives, …) occupy different regions of the hidden-state space? Each word is
 * represented by its mean state at its last letter (as in the similarity study), centred
 * by the mean over all word ends. Two numbers:
 *  - ratio = mean distance between category centroids / RMS distance of a word from its
 *    own category's centroid (above 1: categories lie farther apart than their words spread);
 *  - nearest share = share of words whose nearest category centroid, computed without the
 *    word itself, is their own category (chance is about 1 / number of categories).
 */
import type { CharTokenizer } from "../../bindings/data/tokenizer.js";
import type { Model } from "../../bindings/model.js";
import type { SeparationSummary } from "../types.js";
import { LEXICON } from "./lexicon.js";
import { SIMILARITY_CHARS, wordStates } from "./similarity.js";

/** Words seen fewer times than this have too noisy a mean state to place. */
const MIN_OCCURRENCES = 3;

const dist = (a: ArrayLike<number>, b: ArrayLike<number>) => { let s = 0; for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2; return Math.sqrt(s); };

export function categorySeparation(model: Model, corpusText: string, tokenizer: CharTokenizer): SeparationSummary {
  const text = corpusText.slice(0, corpusText.lastIndexOf("\n", SIMILARITY_CHARS) + 1) || corpusText;
  const st = wordStates(model, text, tokenizer), H = model.config.hiddenSize;
  const words = [...st.sums.keys()].filter((w) => LEXICON.has(w) && st.counts.get(w)! >= MIN_OCCURRENCES).sort();
  const mean = new Map(words.map((w) => [w, st.sums.get(w)!.map((v, i) => v / st.counts.get(w)! - st.total[i] / st.n)]));
  const byCat = new Map<string, string[]>();
  for (const w of words) { const c = LEXICON.get(w)!; byCat.set(c, [...(byCat.get(c) ?? []), w]); }
  const cats = [...byCat.keys()].sort();
  const centroidOf = (ws: string[]) => { const c = new Float64Array(H); for (const w of ws) mean.get(w)!.forEach((v, i) => { c[i] += v / ws.length; }); return c; };
  const centroids = new Map(cats.map((c) => [c, centroidOf(byCat.get(c)!)]));
  let within = 0;
  for (const w of words) within += dist(mean.get(w)!, centroids.get(LEXICON.get(w)!)!) ** 2;
  within = Math.sqrt(within / Math.max(1, words.length));
  let between = 0, pairs = 0;
  for (let i = 0; i < cats.length; i++) for (let j = i + 1; j < cats.length; j++) { between += dist(centroids.get(cats[i])!, centroids.get(cats[j])!); pairs++; }
  between /= Math.max(1, pairs);
  // leave-one-out nearest centroid: a word's own category is re-centred without it (a category of one word cannot be judged)
  let judged = 0, right = 0;
  for (const w of words) {
    const own = LEXICON.get(w)!, mates = byCat.get(own)!.filter((x) => x !== w);
    if (!mates.length) continue;
    judged++;
    let best = "", bestD = Infinity;
    for (const c of cats) {
      const ref = c === own ? centroidOf(mates) : centroids.get(c)!;
      const d = dist(mean.get(w)!, ref);
      if (d < bestD) { bestD = d; best = c; }
    }
    if (best === own) right++;
  }
  return { ratio: within > 0 ? between / within : NaN, between, within, nearest_share: judged ? right / judged : NaN, words: words.length, categories: cats.length };
}
