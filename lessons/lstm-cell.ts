/**
 * The LSTM cell, one unit at one step, with every number the view substitutes into
 *   a = W_x x + W_h h_{t−1} + b;  i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o)
 *   c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)
 * Gate values come from the engine; pre-activations are recomputed from its parameters.
 * A float64 reference of the same step checks the engine (tests, and the view's check line).
 */
import type { Params } from "../bindings/model.js";
import { preActivation, type GateTerm, type Trace } from "./gated-cell.js";

export const LSTM_GATES = [
  { name: "i", block: 0, activation: "σ", role: "input gate: how much of the candidate to write" },
  { name: "f", block: 1, activation: "σ", role: "forget gate: how much of the old cell state to keep" },
  { name: "g", block: 2, activation: "tanh", role: "candidate: the new content that could be written" },
  { name: "o", block: 3, activation: "σ", role: "output gate: how much of tanh(c) to show as h" },
] as const;
export type LstmGate = (typeof LSTM_GATES)[number]["name"];

export interface LstmUnitStep {
  gates: Record<LstmGate, GateTerm>;
  cPrev: number;
  /** f · c_{t−1}: what the cell keeps */
  keep: number;
  /** i · g: what the cell writes */
  write: number;
  c: number;
  tanhC: number;
  hPrev: number;
  h: number;
}

/** Everything the equations show for `unit` at step `t`. */
export function lstmUnitStep(trace: Trace, t: number, unit: number): LstmUnitStep {
  if (trace.cell !== "lstm") throw new Error("lstmUnitStep needs an LSTM trace");
  const s = trace.steps[t], H = trace.hiddenSize;
  const gates = {} as Record<LstmGate, GateTerm>;
  for (const g of LSTM_GATES) gates[g.name] = { pre: preActivation(trace.params, H, g.block, unit, s.x, s.hPrev), value: s.gates[g.name][unit] };
  const cPrev = s.cPrev![unit], c = s.c![unit];
  return { gates, cPrev, keep: gates.f.value * cPrev, write: gates.i.value * gates.g.value, c, tanhC: Math.tanh(c), hPrev: s.hPrev[unit], h: s.h[unit] };
}

const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

/** The LSTM forward pass in float64 from the parameters alone: hidden and cell states per step. */
export function lstmReference(p: Params, H: number, xs: readonly (readonly number[])[]): { h: number[][]; c: number[][]; gates: Record<LstmGate, number[]>[] } {
  let h = new Array<number>(H).fill(0), c = new Array<number>(H).fill(0);
  const out = { h: [] as number[][], c: [] as number[][], gates: [] as Record<LstmGate, number[]>[] };
  for (const x of xs) {
    const a = (block: number) => Array.from({ length: H }, (_, j) => preActivation(p, H, block, j, x, h).total);
    const i = a(0).map(sigmoid), f = a(1).map(sigmoid), g = a(2).map(Math.tanh), o = a(3).map(sigmoid);
    c = c.map((cj, j) => f[j] * cj + i[j] * g[j]);
    h = c.map((cj, j) => o[j] * Math.tanh(cj));
    out.h.push(h); out.c.push(c); out.gates.push({ i, f, g, o });
  }
  return out;
}
