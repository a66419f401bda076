/**
 * The GRU cell, one unit at one step, with every number the view substitutes into
 *   z = σ(W_xz x + W_hz h_{t−1} + b_z),  r = σ(W_xr x + W_hr h_{t−1} + b_r)
 *   g = tanh(W_xg x + W_hg (r ⊙ h_{t−1}) + b_g),  h_t = (1 − z) ⊙ h_{t−1} + z ⊙ g
 * (the reset gate is applied before the recurrent product, as in the engine).
 * Gate values come from the engine; pre-activations are recomputed from its parameters.
 */
import type { Params } from "../bindings/model.js";
import { preActivation, type GateTerm, type Trace } from "./gated-cell.js";

export const GRU_GATES = [
  { name: "z", block: 0, activation: "σ", role: "update gate: how much of the state to replace by the candidate" },
  { name: "r", block: 1, activation: "σ", role: "reset gate: how much of the old state the candidate may see" },
  { name: "g", block: 2, activation: "tanh", role: "candidate: the new content, computed from x and r ⊙ h" },
] as const;
export type GruGate = (typeof GRU_GATES)[number]["name"];

export interface GruUnitStep {
  gates: Record<GruGate, GateTerm>;
  hPrev: number;
  /** r · h_{t−1} for this unit (what the candidate sees of it) */
  rh: number;
  /** (1 − z) · h_{t−1}: what the unit keeps */
  keep: number;
  /** z · g: what the unit writes */
  write: number;
  h: number;
}

/** Everything the equations show for `unit` at step `t`. */
export function gruUnitStep(trace: Trace, t: number, unit: number): GruUnitStep {
  if (trace.cell !== "gru") throw new Error("gruUnitStep needs a GRU trace");
  const s = trace.steps[t], H = trace.hiddenSize, rh = s.gates.rh;
  const gates = {} as Record<GruGate, GateTerm>;
  for (const g of GRU_GATES)
    gates[g.name] = { pre: preActivation(trace.params, H, g.block, unit, s.x, g.name === "g" ? rh : s.hPrev), value: s.gates[g.name][unit] };
  const z = gates.z.value, hPrev = s.hPrev[unit];
  return { gates, hPrev, rh: rh[unit], keep: (1 - z) * hPrev, write: z * gates.g.value, h: s.h[unit] };
}

const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

/** The GRU forward pass in float64 from the parameters alone. */
export function gruReference(p: Params, H: number, xs: readonly (readonly number[])[]): { h: number[][]; gates: Record<GruGate, number[]>[] } {
  let h = new Array<number>(H).fill(0);
  const out = { h: [] as number[][], gates: [] as Record<GruGate, number[]>[] };
  for (const x of xs) {
    const z = h.map((_, j) => sigmoid(preActivation(p, H, 0, j, x, h).total));
    const r = h.map((_, j) => sigmoid(preActivation(p, H, 1, j, x, h).total));
    const rh = h.map((hj, j) => r[j] * hj);
    const g = h.map((_, j) => Math.tanh(preActivation(p, H, 2, j, x, rh).total));
    h = h.map((hj, j) => (1 - z[j]) * hj + z[j] * g[j]);
    out.h.push(h); out.gates.push({ z, r, g });
  }
  return out;
}
