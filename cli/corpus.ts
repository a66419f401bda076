/** Corpus selection shared by the CLI commands: a file, or one of the built-in generators. */
import { bracketCorpus, copyCorpus, grammarCorpus } from "../bindings/data/index.js";
import { fail } from "../bindings/validate.js";
import { decodeText, MAX_CORPUS_BYTES, readLimited } from "./files.js";

export const BUILTIN_CORPORA = ["grammar", "brackets", "copy"] as const;
export type BuiltinCorpus = (typeof BUILTIN_CORPORA)[number];

export async function loadCorpus(file: string | undefined, builtin: BuiltinCorpus | undefined, seed: number): Promise<{ name: string; text: string }> {
  if (file !== undefined) {
    const text = decodeText(await readLimited(file, MAX_CORPUS_BYTES, "corpus"), `corpus ${file}`);
    // characters are whole code points: an emoji counts once
    let count = 0;
    for (const _ of text) if (++count >= 2) break;
    if (count < 2) fail(`corpus ${file} must contain at least 2 characters`);
    return { name: file, text };
  }
  const name = builtin ?? "grammar";
  if (name === "brackets") return { name, text: bracketCorpus({ length: 100_000, seed }) };
  if (name === "copy") return { name, text: copyCorpus({ length: 100_000, seed }) };
  return { name, text: grammarCorpus({ sentences: 3000, seed }) };
}
