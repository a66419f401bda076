/**
 * Text the reader brings to the character lab: size and content checks with
 * messages a reader can act on, the vocabulary it implies, and how many
 * generated "words" are real words of the corpus.
 */
import { fmt } from "../bindings/format.js";

/** Largest corpus the lab accepts, in UTF-16 code units (about 2 MB of text). */
export const MAX_TEXT_CHARS = 2_000_000;
/** Largest file, in bytes, checked before it is read or decoded. */
export const MAX_FILE_BYTES = 2_000_000;
export const MIN_TEXT_CHARS = 100;
/** Distinct characters a corpus may use: each one is an input and an output of the model. */
export const MAX_VOCAB = 256;

export type TextCheck = { ok: true; text: string } | { ok: false; error: string };

const mb = (n: number) => fmt(n / 1e6, { decimals: n < 1e7 ? 1 : 0, unit: "MB" });

/** Control characters other than tab and newline mean binary data, not prose. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Checks pasted or decoded text; line endings become "\n". */
export function checkUserText(raw: unknown): TextCheck {
  if (typeof raw !== "string") return { ok: false, error: "The corpus must be text." };
  if (raw.length > MAX_TEXT_CHARS)
    return { ok: false, error: `This text is ${mb(raw.length)} long; the lab takes at most ${mb(MAX_TEXT_CHARS)}. Paste a shorter excerpt.` };
  const text = raw.replace(/\r\n?/g, "\n");
  if (text.length < MIN_TEXT_CHARS)
    return { ok: false, error: `This text has ${text.length} characters; the model needs at least ${MIN_TEXT_CHARS} to learn from.` };
  const bad = CONTROL.exec(text);
  if (bad) {
    const code = "U+" + bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return { ok: false, error: `This looks like binary data, not text: it contains the control character ${code} at position ${bad.index}.` };
  }
  if (text.includes("\uFFFD"))
    return { ok: false, error: "This text contains U+FFFD replacement characters, left where a file was not valid UTF-8. Save it as UTF-8 text and try again." };
  const vocab = new Set(text).size;
  if (vocab > MAX_VOCAB)
    return { ok: false, error: `This text uses ${vocab} distinct characters; the lab supports at most ${MAX_VOCAB} (each one is a model input and output).` };
  return { ok: true, text };
}

/** The message for a file over the size limit, or "" when its size is fine (checked before reading it). */
export function fileSizeProblem(bytes: number, name = "file"): string {
  return bytes > MAX_FILE_BYTES ? `${name} is ${mb(bytes)}; the lab reads files of at most ${mb(MAX_FILE_BYTES)}.` : "";
}

/** Checks a dropped or chosen file's bytes: size first, then strict UTF-8, then the text checks. */
export function checkUserFile(bytes: Uint8Array, name = "file"): TextCheck {
  const tooLarge = fileSizeProblem(bytes.length, name);
  if (tooLarge) return { ok: false, error: tooLarge };
  if (bytes.includes(0)) return { ok: false, error: `${name} is a binary file (it contains zero bytes). Choose a plain-text file.` };
  let text: string;
  try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); }
  catch { return { ok: false, error: `${name} is not UTF-8 text. Choose a plain-text file saved as UTF-8.` }; }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const r = checkUserText(text);
  return r.ok ? r : { ok: false, error: `${name}: ${r.error}` };
}

export interface VocabEntry {
  char: string;
  /** How to show it: whitespace and control characters get a visible name. */
  label: string;
  count: number;
}

const NAMES: Record<string, string> = { "\n": "↵", " ": "␣", "\t": "⇥" };
export const visibleChar = (c: string) => NAMES[c] ?? c;

/** Distinct characters, most frequent first. */
export function vocabulary(text: string): VocabEntry[] {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([char, count]) => ({ char, label: visibleChar(char), count }))
    .sort((a, b) => b.count - a.count || (a.char < b.char ? -1 : 1));
}

const WORD = /\p{L}+(?:'\p{L}+)*/gu;

/** Words of the corpus, lower-cased. */
export function corpusWords(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(WORD), (m) => m[0].toLowerCase()));
}

export interface WordStats {
  /** words of at least minLength letters in the sample */
  words: number;
  /** of those, how many occur in the corpus */
  real: number;
  /** distinct real words, in order of appearance */
  distinctReal: string[];
}

/**
 * Counts the sample's words (runs of letters, at least minLength long) that are
 * words of the corpus: a plain measure of "does it write real words yet".
 */
export function wordStats(sample: string, vocabulary: Set<string>, minLength = 3): WordStats {
  let words = 0, real = 0;
  const seen = new Set<string>();
  for (const m of sample.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    if (w.replace(/'/g, "").length < minLength) continue;
    words++;
    if (vocabulary.has(w)) { real++; seen.add(w); }
  }
  return { words, real, distinctReal: [...seen] };
}

/** A sample "writes words" once this many distinct corpus words of 3+ letters appear in it. */
export const WORDS_MILESTONE = 5;
