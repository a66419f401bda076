/**
 * Character-level tokenizer for the text lessons. A "character" is a whole
 * Unicode code point (Array.from splits surrogate pairs correctly), so an
 * emoji is one token, not two halves that decode to garbage.
 */
import { checkBoolean, checkInt, checkOneOf, checkOptions, checkString, show } from "./check.js";

/** Reserved entry that "replace" maps unknown characters to. */
export const UNKNOWN_CHAR = "\uFFFD";
/** Number of Unicode code points: the largest possible vocabulary. */
const MAX_CODE_POINTS = 0x110000;

export type UnknownPolicy = "error" | "skip" | "replace";
const POLICIES: readonly UnknownPolicy[] = ["error", "skip", "replace"];

export interface CharTokenizerOptions {
  /** Keep only the most frequent characters (ties: lower code point), the unknown entry included. */
  maxVocab?: number;
  /** Reserve a '\uFFFD' entry so encode(text, "replace") can map unseen characters to it. */
  withUnknown?: boolean;
}

export interface CharTokenizerJSON {
  type: "char-tokenizer";
  version: 1;
  /** vocabulary, sorted by code point; the id of a character is its index */
  chars: string[];
  withUnknown: boolean;
}

const byCodePoint = (a: string, b: string): number => a.codePointAt(0)! - b.codePointAt(0)!;

export class CharTokenizer {
  /** Vocabulary sorted by code point; index = token id. Frozen so ids cannot drift. */
  readonly chars: readonly string[];
  readonly withUnknown: boolean;
  /** Id of the '\uFFFD' entry, or -1 when the tokenizer has none. */
  readonly unknownId: number;
  private readonly ids: ReadonlyMap<string, number>;

  private constructor(chars: string[], withUnknown: boolean) {
    this.chars = Object.freeze(chars);
    this.withUnknown = withUnknown;
    this.ids = new Map(chars.map((c, i) => [c, i]));
    this.unknownId = withUnknown ? this.ids.get(UNKNOWN_CHAR)! : -1;
  }

  get size(): number { return this.chars.length; }

  /** Build the vocabulary from a corpus. */
  static fromText(text: string, options?: CharTokenizerOptions): CharTokenizer {
    checkString("text", text);
    if (text.length === 0) throw new Error("corpus is empty: text must contain at least one character");
    const opts = checkOptions("options", options);
    const withUnknown = opts.withUnknown === undefined ? false : checkBoolean("withUnknown", opts.withUnknown);
    const maxVocab = opts.maxVocab === undefined ? MAX_CODE_POINTS
      : checkInt("maxVocab", opts.maxVocab, withUnknown ? 2 : 1, MAX_CODE_POINTS);

    const counts = new Map<string, number>();
    for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
    // The reserved entry is added below; a literal U+FFFD in the corpus shares it.
    if (withUnknown) counts.delete(UNKNOWN_CHAR);
    let kept = [...counts.keys()];
    const budget = withUnknown ? maxVocab - 1 : maxVocab;
    if (kept.length > budget) {
      kept.sort((a, b) => counts.get(b)! - counts.get(a)! || byCodePoint(a, b));
      kept = kept.slice(0, budget);
    }
    if (withUnknown) kept.push(UNKNOWN_CHAR);
    return new CharTokenizer(kept.sort(byCodePoint), withUnknown);
  }

  /** Restore a tokenizer saved with toJSON, checking that ids are unambiguous. */
  static fromJSON(obj: unknown): CharTokenizer {
    if (typeof obj !== "object" || obj === null || Array.isArray(obj))
      throw new Error(`tokenizer JSON must be an object, got ${show(obj)}`);
    const o = obj as Partial<Record<keyof CharTokenizerJSON, unknown>>;
    if (o.type !== "char-tokenizer") throw new Error(`tokenizer JSON type must be "char-tokenizer", got ${show(o.type)}`);
    if (o.version !== 1) throw new Error(`tokenizer JSON version must be 1, got ${show(o.version)}`);
    const withUnknown = checkBoolean("tokenizer JSON withUnknown", o.withUnknown);
    if (!Array.isArray(o.chars) || o.chars.length < 1 || o.chars.length > MAX_CODE_POINTS)
      throw new Error(`tokenizer JSON chars must be an array of 1 to ${MAX_CODE_POINTS} characters, got ${show(o.chars)}`);
    const chars: string[] = [];
    for (let i = 0; i < o.chars.length; i++) {
      const c: unknown = o.chars[i];
      if (typeof c !== "string" || Array.from(c).length !== 1)
        throw new Error(`tokenizer JSON chars[${i}] must be a single character, got ${show(c)}`);
      if (i > 0 && byCodePoint(chars[i - 1], c) >= 0)
        throw new Error(`tokenizer JSON chars must be unique and sorted by code point, but chars[${i}] ${show(c)} follows ${show(chars[i - 1])}`);
      chars.push(c);
    }
    if (withUnknown && !chars.includes(UNKNOWN_CHAR))
      throw new Error(`tokenizer JSON chars must contain "\\uFFFD" when withUnknown is true`);
    return new CharTokenizer(chars, withUnknown);
  }

  toJSON(): CharTokenizerJSON {
    return { type: "char-tokenizer", version: 1, chars: [...this.chars], withUnknown: this.withUnknown };
  }

  /** Id of a single character, or -1 when it is not in the vocabulary. */
  idOf(char: string): number { return this.ids.get(char) ?? -1; }

  /**
   * Text to ids. unknown: "error" throws on the first unseen character, "skip"
   * drops it, "replace" maps it to the '\uFFFD' entry (needs withUnknown).
   */
  encode(text: string, unknown: UnknownPolicy = "error"): number[] {
    checkString("text", text);
    checkOneOf("unknown", unknown, POLICIES);
    if (unknown === "replace" && !this.withUnknown)
      throw new Error(`unknown must be "error" or "skip" for a tokenizer built without { withUnknown: true }, got "replace"`);
    const out: number[] = [];
    let position = 0;
    for (const c of text) {
      const id = this.ids.get(c);
      if (id !== undefined) out.push(id);
      else if (unknown === "replace") out.push(this.unknownId);
      else if (unknown === "error") {
        const code = "U+" + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
        throw new Error(`text contains character ${JSON.stringify(c)} (${code}) at position ${position} that is not in the vocabulary; use unknown "skip" or "replace"`);
      }
      position++;
    }
    return out;
  }

  /** Ids to text; every id must be an integer in [0, size - 1]. */
  decode(ids: ArrayLike<number>): string {
    if (typeof ids !== "object" || ids === null || typeof ids.length !== "number")
      throw new Error(`ids must be an array of token ids, got ${show(ids)}`);
    let out = "";
    for (let i = 0; i < ids.length; i++) out += this.chars[checkInt(`ids[${i}]`, ids[i], 0, this.size - 1)];
    return out;
  }
}
