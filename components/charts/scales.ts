/**
 * Axis scales shared by the canvas line chart (line-chart/plot.ts) and its SVG export: data
 * extents, 1-2-5 steps on linear axes, whole decades on log ones (log-ticks.ts).
 */
import { decadeRange, decadeTicks } from "./log-ticks.js";

export interface Scale { lo: number; hi: number; ticks: number[] }

/** Smallest and largest finite value (positive only on a log axis), or null when there is none. */
export function extent(values: Iterable<number | null>, log = false): [number, number] | null {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (v !== null && Number.isFinite(v) && (!log || v > 0)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  return lo <= hi ? [lo, hi] : null;
}

/** A 1-2-5 step that cuts `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count), p = 10 ** Math.floor(Math.log10(raw)), m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** Multiples of `step` from lo to hi, rounded so 0.1 + 0.2 prints as 0.3. */
export function stepTicks(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) out.push(+(k * step).toPrecision(12));
  return out;
}

/** The x axis: exactly the data's range (a single value is widened by 1 each way), ticks at a 1-2-5 step. */
export function xScale(x: Iterable<number>, count: number): Scale | null {
  const e = extent(x);
  if (!e) return null;
  const [lo, hi] = e[1] > e[0] ? e : [e[0] - 1, e[0] + 1];
  return { lo, hi, ticks: stepTicks(lo, hi, niceStep(hi - lo, count)) };
}

/**
 * The y axis, null without data: whole decades on a log axis; on a linear one nice steps, the range widened
 * to them. `include` holds values the axis always spans besides the data (0 and 100 for a percentage).
 */
export function yScale(ys: (number | null)[][], log: boolean, count: number, include: number[] = []): Scale | null {
  if (!extent(ys.flat(), log)) return null;
  const e = extent([...ys.flat(), ...include], log)!;
  if (log) {
    const [lo, hi] = decadeRange(e[0], e[1]);
    return { lo, hi, ticks: decadeTicks(lo, hi, count) };
  }
  let [lo, hi] = e;
  if (hi === lo) { const d = Math.abs(lo) / 10 || 1; lo -= d; hi += d; }
  const step = niceStep(hi - lo, count);
  lo = Math.floor(lo / step + 1e-9) * step; hi = Math.ceil(hi / step - 1e-9) * step;
  return { lo, hi, ticks: stepTicks(lo, hi, step) };
}
