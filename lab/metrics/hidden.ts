/**
 * Hidden-state statistics with saturation judged by the activation's own slope: a unit
 * is saturated where act'(a) < 10% of its largest slope (tanh: |h| > 0.949;
 * sigmoid: h < 0.026 or h > 0.974; ReLU and identity never saturate, but a ReLU unit
 * at exactly 0 is dead: it passes no gradient).
 */
import type { Activation } from "../../bindings/types.js";
import type { HiddenSummary } from "../types.js";

export function saturatedAt(act: Activation, h: number): boolean {
  if (act === "tanh") return 1 - h * h < 0.1;
  if (act === "sigmoid") return h * (1 - h) < 0.025;
  return false;
}

export function hiddenSummary(states: ArrayLike<number>, act: Activation): HiddenSummary {
  let s = 0, s2 = 0, min = Infinity, max = -Infinity, sat = 0, dead = 0;
  const n = states.length;
  for (let k = 0; k < n; k++) {
    const h = states[k];
    s += h; s2 += h * h;
    if (h < min) min = h;
    if (h > max) max = h;
    if (saturatedAt(act, h)) sat++;
    if (h === 0) dead++;
  }
  const mean = s / Math.max(1, n);
  return { mean, std: Math.sqrt(Math.max(0, s2 / Math.max(1, n) - mean * mean)), min, max, saturated: sat / Math.max(1, n), dead: dead / Math.max(1, n) };
}
