/**
 * Seeded corpus of short English sentences from a small explicit
 * probabilistic grammar. Because the grammar is explicit, the lesson can
 * show the exact entropy rate: the floor no model's loss can go below.
 *
 * Grammar (weights in parentheses, alternatives otherwise uniform):
 *   S        -> C (3) | C "and" C (1)                         then ".\n"
 *   C        -> NP(animals) VP(animals) | NP(people) VP(people)
 *   NP(x)    -> ART N(x) (3) | ART ADJ N(x) (2)
 *   ART      -> "the" (3) | "a" (2)
 *   VP(s)    -> V_intr(s) ADVP (2) | V(s,o) NP(o) ADVP (3, shared by the frames of s)
 *   ADVP     -> nothing (3) | ADV (1)
 * Nouns, adjectives, adverbs and verbs are disjoint word lists (a verb may
 * repeat across frames whose noun categories differ), every word starts with a
 * consonant (so "a" never needs "an"), and "and" appears in no list: each
 * sentence has exactly one derivation, so derivation entropy = sentence entropy.
 */
import { Rng } from "../prng.js";
import { checkInt, checkOptions, checkRng, checkSeed, checkString } from "./check.js";
import { Pcfg, type GrammarSymbol, type Rule } from "./pcfg.js";

export type NounCategory = "animals" | "people" | "objects" | "foods";
export type SubjectCategory = "animals" | "people";

export interface TransitiveFrame { subject: SubjectCategory; object: NounCategory; verbs: readonly string[] }

export interface GrammarWords {
  nouns: Readonly<Record<NounCategory, readonly string[]>>;
  verbs: {
    intransitive: Readonly<Record<SubjectCategory, readonly string[]>>;
    transitive: readonly TransitiveFrame[];
  };
  adjectives: readonly string[];
  adverbs: readonly string[];
  articles: readonly string[];
  conjunctions: readonly string[];
}

export const GRAMMAR_WORDS: GrammarWords = deepFreeze({
  nouns: {
    animals: ["cat", "dog", "bird", "horse", "fox", "mouse"],
    people: ["boy", "girl", "man", "woman", "teacher", "farmer"],
    objects: ["book", "letter", "map", "note", "card", "paper"],
    foods: ["bread", "cake", "soup", "corn", "rice", "pie"],
  },
  verbs: {
    intransitive: {
      animals: ["sleeps", "runs", "eats", "jumps", "hides"],
      people: ["sleeps", "walks", "sings", "laughs", "waits"],
    },
    transitive: [
      { subject: "people", object: "objects", verbs: ["reads", "writes", "holds", "finds"] },
      { subject: "people", object: "animals", verbs: ["feeds", "sees", "follows", "calls"] },
      { subject: "people", object: "foods", verbs: ["eats", "cooks", "buys"] },
      { subject: "animals", object: "foods", verbs: ["eats", "smells", "wants"] },
      { subject: "animals", object: "people", verbs: ["follows", "sees", "watches"] },
    ],
  },
  adjectives: ["small", "big", "little", "good", "bad", "new", "dark", "red"],
  adverbs: ["quickly", "slowly", "quietly", "happily", "today", "again"],
  articles: ["the", "a"],
  conjunctions: ["and"],
});

const SENTENCE_END = ".\n";

const nt = (name: string): GrammarSymbol => ({ nt: name });
const uniform = (words: readonly string[]): Rule[] => words.map(w => ({ weight: 1, rhs: [w] }));

function buildGrammar(w: GrammarWords): Pcfg {
  const rules: Record<string, Rule[]> = {
    S: [{ weight: 3, rhs: [nt("C")] }, { weight: 1, rhs: [nt("C"), "and", nt("C")] }],
    C: [{ weight: 1, rhs: [nt("NP_animals"), nt("VP_animals")] }, { weight: 1, rhs: [nt("NP_people"), nt("VP_people")] }],
    ART: [{ weight: 3, rhs: ["the"] }, { weight: 2, rhs: ["a"] }],
    ADJ: uniform(w.adjectives),
    ADV: uniform(w.adverbs),
    ADVP: [{ weight: 3, rhs: [] }, { weight: 1, rhs: [nt("ADV")] }],
  };
  for (const [cat, nouns] of Object.entries(w.nouns)) {
    rules[`N_${cat}`] = uniform(nouns);
    rules[`NP_${cat}`] = [{ weight: 3, rhs: [nt("ART"), nt(`N_${cat}`)] }, { weight: 2, rhs: [nt("ART"), nt("ADJ"), nt(`N_${cat}`)] }];
  }
  for (const [subject, verbs] of Object.entries(w.verbs.intransitive)) {
    rules[`VI_${subject}`] = uniform(verbs);
    const frames = w.verbs.transitive.filter(f => f.subject === subject);
    rules[`VP_${subject}`] = [
      { weight: 2, rhs: [nt(`VI_${subject}`), nt("ADVP")] },
      // The transitive share (3) is split evenly between this subject's frames.
      ...frames.map(f => {
        rules[`VT_${subject}_${f.object}`] = uniform(f.verbs);
        return { weight: 3 / frames.length, rhs: [nt(`VT_${subject}_${f.object}`), nt(`NP_${f.object}`), nt("ADVP")] };
      }),
    ];
  }
  return new Pcfg("S", rules);
}

const GRAMMAR = buildGrammar(GRAMMAR_WORDS);

export interface SampledSentence {
  /** words joined by single spaces, followed by ".\n" */
  text: string;
  /** natural log of the sentence's probability */
  logProb: number;
}

/** One sentence and its exact log-probability. */
export function sampleSentence(rng: Rng): SampledSentence {
  checkRng("rng", rng);
  const { words, logProb } = GRAMMAR.sample(rng);
  return { text: words.join(" ") + SENTENCE_END, logProb };
}

/** Natural log-probability of one whole sentence (ending in ".\n"); -Infinity if the grammar cannot produce it. */
export function sentenceLogProb(sentence: string): number {
  checkString("sentence", sentence);
  if (!sentence.endsWith(SENTENCE_END)) return -Infinity;
  return GRAMMAR.logProb(sentence.slice(0, -SENTENCE_END.length).split(" "));
}

export interface GrammarCorpusOptions {
  /** number of sentences, in [1, 1000000] (default 200) */
  sentences?: number;
  /** uint32 seed (default 1) */
  seed?: number;
}

/** Independent sentences concatenated; each ends with ".\n". */
export function grammarCorpus(options?: GrammarCorpusOptions): string {
  const o = checkOptions("options", options);
  const sentences = o.sentences === undefined ? 200 : checkInt("sentences", o.sentences, 1, 1_000_000);
  const rng = new Rng(o.seed === undefined ? 1 : checkSeed("seed", o.seed));
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(GRAMMAR.sample(rng).words.join(" ") + SENTENCE_END);
  return parts.join("");
}

export interface EntropyRate {
  natsPerChar: number;
  bitsPerChar: number;
  /** H(sentence), nats */
  sentenceEntropyNats: number;
  sentenceEntropyBits: number;
  /** E[characters per sentence], ".\n" included */
  expectedSentenceChars: number;
}

let cachedRate: EntropyRate | undefined;

/**
 * Exact entropy rate of the character stream grammarCorpus produces.
 * Sentences are i.i.d. and self-delimiting (each ends with the only "\n"), so
 * by the renewal argument the rate of the concatenated stream is
 *   h = H(S) / E[L]
 * where H(S) = -sum_s p(s) ln p(s) is the sentence entropy and
 *   E[L] = E[letters] + (E[words] - 1) spaces + 2 for ".\n".
 * H(S) equals the derivation entropy because the grammar is unambiguous, and
 * both H and the expectations are exact finite sums over the rules (Pcfg).
 */
export function grammarEntropyRate(): EntropyRate {
  if (cachedRate) return cachedRate;
  const h = GRAMMAR.entropy();
  const chars = GRAMMAR.expectedWordChars() + GRAMMAR.expectedWords() - 1 + SENTENCE_END.length;
  cachedRate = Object.freeze({
    natsPerChar: h / chars,
    bitsPerChar: h / chars / Math.LN2,
    sentenceEntropyNats: h,
    sentenceEntropyBits: h / Math.LN2,
    expectedSentenceChars: chars,
  });
  return cachedRate;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
