/** Corpus selection shared by the CLI commands: a file, or one of the built-in generators. */
import { readFileSync } from "node:fs";
import { bracketCorpus, copyCorpus, grammarCorpus } from "../bindings/data/index.js";
import { fail } from "../bindings/validate.js";

export const BUILTIN_CORPORA = ["grammar", "brackets", "copy"] as const;

export function loadCorpus(file: string | undefined, builtin: string | undefined, seed: number): { name: string; text: string } {
  if (file !== undefined) {
    const text = readFileSync(file, "utf8");
    if (text.length < 2) fail(`corpus ${file} is empty`);
    return { name: file, text };
  }
  const name = builtin ?? "grammar";
  if (name === "grammar") return { name, text: grammarCorpus({ sentences: 3000, seed }) };
  if (name === "brackets") return { name, text: bracketCorpus({ length: 100_000, seed }) };
  if (name === "copy") return { name, text: copyCorpus({ length: 100_000, seed }) };
  fail(`--data must be one of ${BUILTIN_CORPORA.join(", ")}, got "${name}"`);
}
