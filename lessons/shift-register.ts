/**
 * A 3-cell shift register with a fan-in to one output: the register holds the last
 * three inputs r[k] = (x[k], x[k−1], x[k−2]) and y[k] = w₀x[k] + w₁x[k−1] + w₂x[k−2]
 * (a finite impulse response filter). It is run on the engine as a linear RNN whose
 * recurrent matrix is the shift S, which is the point of the lesson: a register is a
 * recurrent network with fixed weights.
 */
import type { Engine } from "../bindings/engine.js";
import { parseUserSequence } from "../bindings/data/parse-sequence.js";
import { simulate, type LinearSystem } from "./linear-systems.js";

export const TAPS = 3;
export const MAX_SIGNAL = 64;
export const MAX_VALUE = 100;

/** What the view starts with: a lone 1, a block of 2s and an alternating tail, through decreasing taps. */
export const DEFAULT_REGISTER = { inputs: [1, 0, 0, 0, 0, 2, 2, 2, 2, 2, 0, 0, 1, -1, 1, -1, 0, 0], taps: [1, 0.5, 0.25] };

/**
 * The register as a linear system. With `feedback` a ≠ 0 the output is added back into
 * the first cell: r₀[k] = x[k] + a·y[k−1], so A = S + a·e₁wᵀ.
 */
export function registerSystem(taps: readonly number[], feedback = 0): LinearSystem {
  const [w0, w1, w2] = taps;
  return {
    A: [[feedback * w0, feedback * w1, feedback * w2], [1, 0, 0], [0, 1, 0]],
    B: [1, 0, 0],
    C: [w0, w1, w2],
    activation: "linear",
  };
}

export interface RegisterRun {
  x: number[];
  /** register contents after input x[k] enters: (r₀, r₁, r₂) */
  register: number[][];
  /** y[k] = Σⱼ wⱼ rⱼ[k] */
  y: number[];
}

/** Runs the register over the inputs on the engine. */
export function runRegister(engine: Engine, x: readonly number[], taps: readonly number[], feedback = 0): RegisterRun {
  const sim = simulate(engine, registerSystem(taps, feedback), x);
  return { x: [...x], register: sim.h.slice(1), y: sim.out };
}

/** The input samples feeding y[k] through the taps without feedback: (input index, tap index), oldest last. */
export function tapSources(k: number): Array<{ index: number; tap: number }> {
  const out: Array<{ index: number; tap: number }> = [];
  for (let j = 0; j < TAPS; j++) if (k - j >= 0) out.push({ index: k - j, tap: j });
  return out;
}

/** Parses exactly three tap weights, each in [−10, 10]. Throws a message for the reader. */
export function parseTaps(text: string): number[] {
  const v = parseNumbers(text, "taps");
  if (v.length !== TAPS) throw new Error(`taps needs exactly ${TAPS} numbers (w₀, w₁, w₂), got ${v.length}`);
  const bad = v.findIndex((w) => Math.abs(w) > 10);
  if (bad >= 0) throw new Error(`tap w${"₀₁₂"[bad]} = ${v[bad]} is outside [−10, 10]`);
  return v;
}

/** Parses an input signal of 2 to MAX_SIGNAL samples, each in [−MAX_VALUE, MAX_VALUE]. */
export function parseSignal(text: string, max = MAX_SIGNAL): number[] {
  const v = parseNumbers(text, "input");
  if (v.length > max) throw new Error(`input has ${v.length} samples; at most ${max} fit the plot`);
  const bad = v.findIndex((x) => Math.abs(x) > MAX_VALUE);
  if (bad >= 0) throw new Error(`input sample ${bad + 1} (${v[bad]}) is outside [−${MAX_VALUE}, ${MAX_VALUE}]`);
  return v;
}

function parseNumbers(text: string, what: string): number[] {
  try {
    return parseUserSequence(text);
  } catch (e) {
    // the data module speaks of "sequence"; say which field the reader typed into
    throw new Error(String((e as Error).message).replace(/^sequence/, what));
  }
}
