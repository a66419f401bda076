/**
 * The corpora the character lab ships: one public-domain text and three generated
 * ones whose structure is known, so the lab can state what the model should learn
 * and, where it can be computed, the loss floor no model can beat.
 */
import { grammarCorpus, grammarEntropyRate } from "../grammar.js";
import { bracketCorpus, copyCorpus } from "./generated.js";
import { CORIOLANUS } from "./coriolanus.js";

export type BuiltinCorpusId = "shakespeare" | "grammar" | "brackets" | "copy";
export const BUILTIN_CORPORA: readonly BuiltinCorpusId[] = ["shakespeare", "grammar", "brackets", "copy"];

export interface LossFloor {
  nats: number;
  bits: number;
  /** How the floor is computed, in one sentence. */
  about: string;
}

export interface BuiltinCorpus {
  id: BuiltinCorpusId;
  title: string;
  /** What a model must learn to do well on it. */
  about: string;
  text: string;
  /** Exact entropy rate of the generating process, when it is known. */
  floor?: LossFloor;
}

/** Corpus sizes: a few tens of kB, so an epoch takes seconds. */
const GRAMMAR_SENTENCES = 1500;
const GENERATED_CHARS = 40_000;
/** copyCorpus's default string lengths (uniform in [1, 8]). */
const COPY_MIN = 1, COPY_MAX = 8;

export function builtinCorpus(id: BuiltinCorpusId, seed = 1): BuiltinCorpus {
  switch (id) {
    case "shakespeare":
      return { id, title: "Shakespeare: Coriolanus, Act I", text: CORIOLANUS,
        about: "32 kB of verse and prose with speaker names: spelling, punctuation, line breaks and a few hundred distinct words." };
    case "grammar": {
      const r = grammarEntropyRate();
      return { id, title: "Template grammar", text: grammarCorpus({ sentences: GRAMMAR_SENTENCES, seed }),
        about: "Short English sentences from a small probabilistic grammar: the model must learn the words and which may follow which.",
        floor: { nats: r.natsPerChar, bits: r.bitsPerChar,
          about: "entropy of a sentence divided by its expected length in characters, summed exactly over the grammar's rules" } };
    }
    case "brackets":
      return { id, title: "Nested brackets", text: bracketCorpus({ length: GENERATED_CHARS, seed }),
        about: "Lines of balanced (), [] and {} around letters: closing the right bracket needs a memory of what is open." };
    case "copy":
      return { id, title: "Copy lines", text: copyCorpus({ length: GENERATED_CHARS, seed, minLen: COPY_MIN, maxLen: COPY_MAX }),
        about: "Lines \"abc|abc\": random letters, a bar, then the same letters again. After the bar every character is predictable from memory.",
        floor: copyFloor(COPY_MIN, COPY_MAX) };
  }
}

/**
 * A copy line is its length L (uniform) and L uniform letters; everything else is
 * determined. Lines are independent and self-delimiting, so the rate of the stream is
 * H(line) / E[chars per line] = (ln(#lengths) + E[L] ln 26) / (2 E[L] + 2).
 */
export function copyFloor(minLen: number, maxLen: number): LossFloor {
  const lengths = maxLen - minLen + 1, meanLen = (minLen + maxLen) / 2;
  const nats = (Math.log(lengths) + meanLen * Math.log(26)) / (2 * meanLen + 2);
  return { nats, bits: nats / Math.LN2, about: "entropy of a line (its length and its first half) divided by its expected length" };
}

export { CORIOLANUS };
