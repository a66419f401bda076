/**
 * The lab's corpus: sentences of the seeded template grammar, split into a training
 * stream and a held-out tail, with the grammar's entropy rate as the loss floor.
 */
import { grammarCorpus, grammarEntropyRate } from "../grammar.js";
import { CharTokenizer } from "../tokenizer.js";
import { unigramEntropy } from "../entropy.js";

/** Which grammar text to draw and how much of it to hold out. */
export interface CorpusConfig {
  /** sentences drawn from the template grammar */
  sentences: number;
  seed: number;
  /** the last fraction of the text is held out for validation */
  valFraction: number;
}

export interface LabCorpus {
  text: string;
  tokenizer: CharTokenizer;
  train: number[];
  val: number[];
  /** nats per character no model can beat in expectation */
  floor: number;
  unigram: number;
}

const cache = new Map<string, LabCorpus>();

export function labCorpus(c: CorpusConfig): LabCorpus {
  const key = `${c.sentences}/${c.seed}/${c.valFraction}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const text = grammarCorpus({ sentences: c.sentences, seed: c.seed });
  const tokenizer = CharTokenizer.fromText(text);
  const tokens = tokenizer.encode(text);
  const cut = Math.floor(tokens.length * (1 - c.valFraction));
  const corpus: LabCorpus = {
    text, tokenizer, train: tokens.slice(0, cut), val: tokens.slice(cut),
    floor: grammarEntropyRate().natsPerChar, unigram: unigramEntropy(text).nats,
  };
  cache.set(key, corpus);
  return corpus;
}
