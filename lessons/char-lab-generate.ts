/**
 * Generation for the character lab: text with, for every character, the
 * probability the model gave it, its five likeliest alternatives and the hidden
 * state after reading it; and simple probes that look for units tracking a
 * feature of the text (line position, brackets, quotes, words).
 */
import type { Model } from "../bindings/model.js";
import { argmax, softmax } from "../bindings/model.js";
import { Rng } from "../bindings/prng.js";
import type { CharTokenizer } from "../bindings/data/tokenizer.js";

export interface Choice { char: string; p: number }

export interface GeneratedChar {
  char: string;
  /** probability the model gave this character (at temperature 1) */
  p: number;
  /** the five likeliest next characters at this position (temperature 1) */
  top: Choice[];
}

export interface Generation {
  prime: string;
  text: string;
  chars: GeneratedChar[];
  /** hidden state after reading each generated character (length × H) */
  hidden: number[][];
  temperature: number;
  seed: number;
  /** mean of −ln p over the generated characters: how surprised the model is by its own text */
  meanSurprise: number;
}

export interface GenerateOptions {
  prime: string;
  length: number;
  /** 0 = greedy (always the likeliest character) */
  temperature: number;
  seed: number;
}

export const MAX_GENERATE = 2000;

/** Top-k entries of a distribution, likeliest first. */
export function topK(p: ArrayLike<number>, chars: readonly string[], k = 5): Choice[] {
  const idx = Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
  return idx.slice(0, k).map((i) => ({ char: chars[i], p: p[i] }));
}

/** Token ids of a prime text; throws a message naming the first character the model does not know. */
export function encodePrime(prime: string, tok: CharTokenizer): number[] {
  if (prime === "") return [tok.idOf("\n") >= 0 ? tok.idOf("\n") : 0];
  const ids: number[] = [];
  for (const c of prime) {
    const id = tok.idOf(c);
    if (id < 0) throw new Error(`The prime contains ${JSON.stringify(c)}, which is not in this corpus's vocabulary.`);
    ids.push(id);
  }
  return ids;
}

/**
 * Samples `length` characters after `prime`, starting from a zero state, exactly as
 * Model.sample does (same seed → same text), and keeps what the lab shows about each
 * character. The model's own state is saved and restored, so training can go on.
 */
export function generate(model: Model, tok: CharTokenizer, o: GenerateOptions): Generation {
  if (!Number.isInteger(o.length) || o.length < 1 || o.length > MAX_GENERATE) throw new Error(`length must be a whole number from 1 to ${MAX_GENERATE}`);
  if (!(o.temperature >= 0 && o.temperature <= 10)) throw new Error("temperature must be a number from 0 to 10");
  const prime = encodePrime(o.prime, tok);
  const saved = model.getState();
  try {
    const rng = new Rng(o.seed);
    model.resetState();
    for (let k = 0; k < prime.length - 1; k++) model.step(prime[k]);
    let input = prime[prime.length - 1];
    const chars: GeneratedChar[] = [], hidden: number[][] = [];
    let text = "", surprise = 0;
    for (let n = 0; n < o.length; n++) {
      const logits = model.step(input);
      if (n > 0) hidden.push(model.getState().h);
      const p1 = softmax(logits, 1);
      const next = o.temperature === 0 ? argmax(logits) : rng.categorical(softmax(logits, o.temperature), 1);
      const char = tok.chars[next];
      chars.push({ char, p: p1[next], top: topK(p1, tok.chars) });
      text += char;
      surprise -= Math.log(Math.max(p1[next], 1e-300));
      input = next;
    }
    model.step(input); // read the last character too, so every character has its state
    hidden.push(model.getState().h);
    return { prime: o.prime, text, chars, hidden, temperature: o.temperature, seed: o.seed, meanSurprise: surprise / o.length };
  } finally {
    model.setState(saved);
  }
}

export type FeatureId = "line-position" | "bracket-depth" | "in-quotes" | "in-word";

export const FEATURES: Record<FeatureId, string> = {
  "line-position": "characters since the last line break",
  "bracket-depth": "how many ( [ { are open",
  "in-quotes": "inside quotation marks (1) or not (0)",
  "in-word": "inside a word (1) or not (0)",
};

const OPEN = "([{", CLOSE = ")]}";
const isLetter = (c: string) => /\p{L}/u.test(c);

/** Each feature's value after reading each character of `text`. */
export function textFeatures(text: string): Record<FeatureId, number[]> {
  const f: Record<FeatureId, number[]> = { "line-position": [], "bracket-depth": [], "in-quotes": [], "in-word": [] };
  const cs = Array.from(text);
  let col = 0, depth = 0, quoted = false;
  cs.forEach((c, i) => {
    col = c === "\n" ? 0 : col + 1;
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    // a quote opens after a space or line start and closes before a non-letter; apostrophes inside words do neither
    if (c === '"') quoted = !quoted;
    else if (c === "'") {
      const before = cs[i - 1] ?? "\n", after = cs[i + 1] ?? "\n";
      if (!quoted && /\s/.test(before) && isLetter(after)) quoted = true;
      else if (quoted && isLetter(before) && !isLetter(after)) quoted = false;
    }
    if (c === "\n") quoted = false;
    f["line-position"].push(col);
    f["bracket-depth"].push(depth);
    f["in-quotes"].push(quoted ? 1 : 0);
    f["in-word"].push(isLetter(c) ? 1 : 0);
  });
  return f;
}

/** Pearson correlation; NaN when either side is constant. */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
  ma /= n; mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { const x = a[i] - ma, y = b[i] - mb; sab += x * y; saa += x * x; sbb += y * y; }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

export interface UnitProbe {
  feature: FeatureId;
  /** false when the feature never changes in this text (e.g. no brackets) */
  present: boolean;
  /** units with the largest |r|, strongest first */
  best: { unit: number; r: number }[];
}

/** For each feature, the hidden units whose activation correlates most with it over the text. */
export function probeUnits(hidden: number[][], text: string, count = 3): UnitProbe[] {
  const feats = textFeatures(text), H = hidden[0]?.length ?? 0;
  return (Object.keys(FEATURES) as FeatureId[]).map((feature) => {
    const v = feats[feature];
    const rs: { unit: number; r: number }[] = [];
    for (let u = 0; u < H; u++) {
      const r = correlation(hidden.map((h) => h[u]), v);
      if (!Number.isNaN(r)) rs.push({ unit: u, r });
    }
    rs.sort((a, b) => Math.abs(b.r) - Math.abs(a.r));
    return { feature, present: new Set(v).size > 1, best: rs.slice(0, count) };
  });
}
