/**
 * Parse the numbers a learner types into the "predict the next number"
 * lesson. Errors are written for the learner: they quote the first bad token.
 */
import { checkString } from "./check.js";

export const MAX_USER_NUMBERS = 10_000;

/** Plain decimal notation only: "0x10" or "1_000" would surprise a learner. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(infinity|inf|nan|∞)$/i;

/** "1, 2, 3", "1 2 3" or one number per line; commas and whitespace both separate. */
export function parseUserSequence(text: string): number[] {
  checkString("text", text);
  const tokens = text.split(/[\s,]+/).filter(t => t.length > 0);
  if (tokens.length === 0) throw new Error("sequence is empty: type at least 2 numbers separated by commas or spaces");
  if (tokens.length > MAX_USER_NUMBERS)
    throw new Error(`sequence has ${tokens.length} numbers, at most ${MAX_USER_NUMBERS} are allowed`);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const where = `number ${i + 1} ${JSON.stringify(t)}`;
    if (NON_FINITE.test(t)) throw new Error(`sequence ${where} is not a finite number`);
    if (!DECIMAL.test(t)) throw new Error(`sequence ${where} is not a number`);
    const v = Number(t);
    if (!Number.isFinite(v)) throw new Error(`sequence ${where} is not a finite number (too large)`);
    out.push(v);
  }
  if (out.length < 2) throw new Error(`sequence needs at least 2 numbers, got ${out.length}`);
  return out;
}
