/**
 * Small synthetic text corpora whose structure a character model must
 * learn: nesting (brackets) and verbatim copying (copy lines).
 */
import { Rng } from "../../prng.js";
import { checkInt, checkOptions, checkSeed, checkString } from "../check.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const PAIRS = ["()", "[]", "{}"] as const;
const MAX_CORPUS_CHARS = 10_000_000;

export interface BracketCorpusOptions {
  /** minimum number of characters; whole lines are produced, so the result may be up to one line longer */
  length: number;
  /** deepest nesting, in [1, 12] (default 3) */
  maxDepth?: number;
  /** uint32 seed (default 1) */
  seed?: number;
}

/**
 * Lines of balanced, nested (), [] and {} with short letter runs inside,
 * e.g. "ab(c[de]f){g}\n". Matching a closer to its opener needs a stack-like memory.
 */
export function bracketCorpus(options: BracketCorpusOptions): string {
  const o = checkOptions("options", options);
  const length = checkInt("length", o.length, 1, MAX_CORPUS_CHARS);
  const maxDepth = o.maxDepth === undefined ? 3 : checkInt("maxDepth", o.maxDepth, 1, 12);
  const rng = new Rng(o.seed === undefined ? 1 : checkSeed("seed", o.seed));

  const letters = (): string => {
    let s = "";
    for (let n = 1 + rng.int(3); n > 0; n--) s += LETTERS[rng.int(LETTERS.length)];
    return s;
  };
  // Inside brackets fewer items and a lower bracket probability keep lines short
  // (expected branching 0.75 < 1) even when maxDepth is large.
  const group = (depth: number): string => {
    const items = depth === 0 ? 1 + rng.int(3) : 1 + rng.int(2);
    const pBracket = depth === 0 ? 0.6 : 0.5;
    let s = "";
    for (let i = 0; i < items; i++) {
      if (depth < maxDepth && rng.next() < pBracket) {
        const pair = PAIRS[rng.int(PAIRS.length)];
        s += pair[0] + group(depth + 1) + pair[1];
      } else s += letters();
    }
    return s;
  };
  const lines: string[] = [];
  for (let total = 0; total < length; ) {
    const line = group(0) + "\n";
    lines.push(line);
    total += line.length;
  }
  return lines.join("");
}

/** True when every bracket in `text` is closed by its own kind, in order. */
export function bracketsBalanced(text: string): boolean {
  checkString("text", text);
  const stack: string[] = [];
  for (const c of text) {
    const open = PAIRS.find(p => p[0] === c);
    if (open) { stack.push(open[1]); continue; }
    if (PAIRS.some(p => p[1] === c) && stack.pop() !== c) return false;
  }
  return stack.length === 0;
}

/** Deepest bracket nesting in `text` (0 when there are no brackets). */
export function bracketDepth(text: string): number {
  checkString("text", text);
  let depth = 0, deepest = 0;
  for (const c of text) {
    if (PAIRS.some(p => p[0] === c)) deepest = Math.max(deepest, ++depth);
    else if (PAIRS.some(p => p[1] === c)) depth--;
  }
  return deepest;
}

export interface CopyCorpusOptions {
  /** minimum number of characters; whole lines are produced */
  length: number;
  /** uint32 seed (default 1) */
  seed?: number;
  /** shortest random string, in [1, 100] (default 1) */
  minLen?: number;
  /** longest random string, in [minLen, 100] (default 8) */
  maxLen?: number;
}

/**
 * Lines "abc|abc\n": a random string, "|", then the same string again. After
 * the separator every character is determined, so a model that copies gets
 * zero loss there and one that only learned letter statistics does not.
 */
export function copyCorpus(options: CopyCorpusOptions): string {
  const o = checkOptions("options", options);
  const length = checkInt("length", o.length, 1, MAX_CORPUS_CHARS);
  const minLen = o.minLen === undefined ? 1 : checkInt("minLen", o.minLen, 1, 100);
  const maxLen = o.maxLen === undefined ? Math.max(8, minLen) : checkInt("maxLen", o.maxLen, minLen, 100);
  const rng = new Rng(o.seed === undefined ? 1 : checkSeed("seed", o.seed));
  const lines: string[] = [];
  for (let total = 0; total < length; ) {
    let s = "";
    for (let n = minLen + rng.int(maxLen - minLen + 1); n > 0; n--) s += LETTERS[rng.int(LETTERS.length)];
    const line = `${s}|${s}\n`;
    lines.push(line);
    total += line.length;
  }
  return lines.join("");
}
