/** The template grammar's words and their categories, for checking samples and labelling word states. */
import { GRAMMAR_WORDS } from "../../bindings/data/index.js";

function build(): Map<string, string> {
  const w = GRAMMAR_WORDS, m = new Map<string, string>();
  for (const [cat, nouns] of Object.entries(w.nouns)) for (const n of nouns) m.set(n, `noun: ${cat}`);
  const verbs = [...Object.values(w.verbs.intransitive).flat(), ...w.verbs.transitive.flatMap((f) => f.verbs)];
  for (const v of verbs) m.set(v, "verb");
  for (const a of w.adjectives) m.set(a, "adjective");
  for (const a of w.adverbs) m.set(a, "adverb");
  for (const a of w.articles) m.set(a, "article");
  for (const c of w.conjunctions) m.set(c, "conjunction");
  return m;
}

/** word → category ("noun: animals", "verb", "adjective", …) */
export const LEXICON: ReadonlyMap<string, string> = build();

/** The words of a text, in order ("." and line breaks separate words too). */
export function wordsOf(text: string): string[] {
  return text.split(/[\s.]+/).filter(Boolean);
}
