/**
 * What "saturated" means, once for every view, the lab and the model's statistics: a
 * unit is saturated where its activation's slope has fallen below a tenth of the
 * largest slope, because a gradient through it then shrinks at least tenfold per step.
 * From the state h alone: tanh 1 − h² < 0.1 (|h| > 0.949); sigmoid h(1 − h) < 0.025
 * (h < 0.026 or h > 0.974). ReLU and identity never saturate; a ReLU unit at exactly 0
 * is "dead" instead (it passes no gradient). The hidden state of an LSTM or GRU is
 * bounded like tanh and judged like it.
 */
import type { Activation, HiddenStats } from "./types.js";

/** The fraction of the largest slope below which a unit counts as saturated. */
export const SATURATION_SLOPE = 0.1;

export function saturatedAt(act: Activation, h: number): boolean {
  if (act === "tanh") return 1 - h * h < SATURATION_SLOPE;
  if (act === "sigmoid") return h * (1 - h) < SATURATION_SLOPE * 0.25;
  return false;
}

/** Mean, spread, range, and the saturated and dead fractions of a set of hidden values. */
export function hiddenStatistics(h: ArrayLike<number>, act: Activation): HiddenStats {
  let s = 0, s2 = 0, min = Infinity, max = -Infinity, sat = 0, dead = 0;
  for (let k = 0; k < h.length; k++) {
    const x = h[k];
    s += x; s2 += x * x;
    if (x < min) min = x;
    if (x > max) max = x;
    if (saturatedAt(act, x)) sat++;
    if (x === 0) dead++;
  }
  const n = Math.max(1, h.length), mean = s / n;
  return { mean, std: Math.sqrt(Math.max(0, s2 / n - mean * mean)), min, max, saturated: sat / n, dead: dead / n };
}
