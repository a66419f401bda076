/**
 * Number sequences for the "predict the next number" lesson, plus the
 * continuous series used by the echo-state lesson. Parsing of learner input
 * and the Mackey-Glass integrator live in their own files; they are
 * re-exported here so the lesson imports one module.
 */
import { checkFinite, checkInt, checkNumber, checkOneOf, checkOptions, show } from "./check.js";

export { parseUserSequence, MAX_USER_NUMBERS } from "./parse-sequence.js";
export { mackeyGlass, type MackeyGlassOptions } from "./mackey-glass.js";

export type SequenceKind = "fibonacci" | "linear" | "alternating" | "exponential" | "sine";
export const SEQUENCE_KINDS: readonly SequenceKind[] = ["fibonacci", "linear", "alternating", "exponential", "sine"];

export const MAX_SEQUENCE_LENGTH = 100_000;
/** Longest runs that stay finite in float64: F(1477) and 2^1024 overflow to Infinity. */
const MAX_LENGTH_OF: Record<SequenceKind, number> = {
  fibonacci: 1476, exponential: 1024, linear: MAX_SEQUENCE_LENGTH, alternating: MAX_SEQUENCE_LENGTH, sine: MAX_SEQUENCE_LENGTH,
};

export interface SequenceOptions {
  /** alternating: first value (default 0) */
  a?: number;
  /** alternating: second value (default 1) */
  b?: number;
  /** linear: first value (default 1) */
  start?: number;
  /** linear: increment (default 1) */
  step?: number;
  /** sine: samples per cycle (default 8) */
  period?: number;
}

/**
 * fibonacci 1,1,2,3,5...; linear start, start+step... (1,2,3...);
 * alternating a,b,a,b... (0,1,0,1...); exponential 1,2,4,8...;
 * sine sin(2πk/period) for k = 0, 1, ...
 */
export function generateSequence(kind: SequenceKind, length: number, opts?: SequenceOptions): number[] {
  checkOneOf("kind", kind, SEQUENCE_KINDS);
  checkInt("length", length, 2, MAX_LENGTH_OF[kind]);
  const o = checkOptions("opts", opts);
  const out = new Array<number>(length);
  switch (kind) {
    case "fibonacci": {
      let [prev, cur] = [0, 1];
      for (let k = 0; k < length; k++) { out[k] = cur; [prev, cur] = [cur, prev + cur]; }
      break;
    }
    case "linear": {
      const start = o.start === undefined ? 1 : checkFinite("opts.start", o.start);
      const step = o.step === undefined ? 1 : checkFinite("opts.step", o.step);
      for (let k = 0; k < length; k++) out[k] = start + k * step;
      if (!Number.isFinite(out[length - 1]))
        throw new Error(`opts.start and opts.step must keep the sequence finite, got start ${start}, step ${step}`);
      break;
    }
    case "alternating": {
      const a = o.a === undefined ? 0 : checkFinite("opts.a", o.a);
      const b = o.b === undefined ? 1 : checkFinite("opts.b", o.b);
      for (let k = 0; k < length; k++) out[k] = k % 2 === 0 ? a : b;
      break;
    }
    case "exponential":
      for (let k = 0; k < length; k++) out[k] = 2 ** k;
      break;
    case "sine":
      return sineWave(length, o.period === undefined ? 8 : o.period);
  }
  return out;
}

/** sin(2πk/period) for k = 0 .. length-1: the echo-state lesson's driving signal. */
export function sineWave(length: number, period: number): number[] {
  checkInt("length", length, 2, MAX_SEQUENCE_LENGTH);
  checkNumber("period", period, 2, MAX_SEQUENCE_LENGTH);
  const out = new Array<number>(length);
  for (let k = 0; k < length; k++) out[k] = Math.sin((2 * Math.PI * k) / period);
  return out;
}

export interface Normalized {
  /** the sequence mapped linearly to [-1, 1] */
  values: number[];
  min: number;
  max: number;
}

/**
 * Map linearly to [-1, 1] so tanh units are not saturated by large inputs
 * (fibonacci, exponential). A constant sequence maps to all zeros.
 */
export function normalize(seq: ArrayLike<number>): Normalized {
  checkNumbers("seq", seq);
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < seq.length; i++) { min = Math.min(min, seq[i]); max = Math.max(max, seq[i]); }
  const span = max - min;
  const values = new Array<number>(seq.length);
  for (let i = 0; i < seq.length; i++) values[i] = span === 0 ? 0 : (2 * (seq[i] - min)) / span - 1;
  return { values, min, max };
}

/** Inverse of normalize, for showing predictions in the learner's units. */
export function denormalize(values: number, range: { min: number; max: number }): number;
export function denormalize(values: ArrayLike<number>, range: { min: number; max: number }): number[];
export function denormalize(values: number | ArrayLike<number>, range: { min: number; max: number }): number | number[] {
  if (typeof range !== "object" || range === null) throw new Error(`range must be { min, max }, got ${show(range)}`);
  const min = checkFinite("range.min", range.min);
  const max = checkFinite("range.max", range.max);
  if (min > max) throw new Error(`range.min must be <= range.max, got min ${min}, max ${max}`);
  const back = (v: number) => min + ((v + 1) / 2) * (max - min);
  if (typeof values === "number") return back(checkFinite("values", values));
  checkNumbers("values", values);
  return Array.from(values, back);
}

function checkNumbers(name: string, seq: ArrayLike<number>): void {
  if (typeof seq !== "object" || seq === null || typeof seq.length !== "number" || seq.length < 1)
    throw new Error(`${name} must be a non-empty array of numbers, got ${show(seq)}`);
  for (let i = 0; i < seq.length; i++) checkFinite(`${name}[${i}]`, seq[i]);
}
