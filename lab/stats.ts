/** Means and spreads over seeds, and the rule for calling a difference real. */
import type { Curve } from "./types.js";
import { fmt } from "../bindings/format.js";

export interface MeanSd { mean: number; sd: number; n: number }

/** Mean and sample standard deviation (n − 1) of the finite values; sd is NaN for one value. */
export function meanSd(xs: readonly number[]): MeanSd {
  const v = xs.filter(Number.isFinite), n = v.length;
  if (n === 0) return { mean: NaN, sd: NaN, n: 0 };
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : NaN;
  return { mean, sd, n };
}

/**
 * A difference between two means counts as real only when it exceeds the sum of their
 * seed spreads (their mean ± sd intervals do not overlap). With one seed per side there
 * is no spread, so nothing can be called real.
 */
export function isReal(a: MeanSd, b: MeanSd): boolean {
  if (a.n < 2 || b.n < 2) return false;
  return Math.abs(a.mean - b.mean) > a.sd + b.sd;
}

/** Pointwise mean of curves sampled at the same steps (finite values only). */
export function meanCurve(curves: readonly Curve[]): Curve {
  if (curves.length === 0) return [];
  return curves[0].map(([step], i) => [step, meanSd(curves.map((c) => c[i]?.[1] ?? NaN)).mean]);
}

/** Element-wise mean of equally long number arrays. */
export function meanArray(arrays: readonly number[][]): number[] {
  if (arrays.length === 0) return [];
  return arrays[0].map((_, i) => meanSd(arrays.map((a) => a[i])).mean);
}

/** "0.532 ± 0.004" (or just the mean when there is no spread). */
export function fmtMeanSd(m: MeanSd, digits = 3): string {
  if (!Number.isFinite(m.mean)) return "not finite";
  const f = (v: number) => fmt(v, { decimals: digits });
  return Number.isFinite(m.sd) ? `${f(m.mean)} ± ${f(m.sd)}` : f(m.mean);
}
