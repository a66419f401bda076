/**
 * Min/max decimation to the pixel width: each bucket of indices keeps the smallest and
 * the largest value of every series, so spikes survive while the point count stays at
 * about two per pixel however long the run.
 */
export interface Decimated { x: number[]; ys: (number | null)[][] }

const clean = (v: number, log: boolean) => (Number.isFinite(v) && (!log || v > 0) ? v : null);

export function decimate(x: ArrayLike<number>, ys: ArrayLike<number>[], pixels: number, log = false): Decimated {
  const n = x.length, buckets = Math.max(1, Math.floor(pixels));
  if (n <= 2 * buckets) return { x: Array.from(x), ys: ys.map((y) => Array.from({ length: n }, (_, i) => clean(y[i], log))) };
  const out: Decimated = { x: [], ys: ys.map(() => []) };
  for (let b = 0; b < buckets; b++) {
    const lo = Math.floor((b * n) / buckets), hi = Math.floor(((b + 1) * n) / buckets) - 1;
    out.x.push(x[lo], x[hi]);
    ys.forEach((y, s) => {
      let iMin = -1, iMax = -1;
      for (let i = lo; i <= hi; i++) {
        const v = clean(y[i], log);
        if (v === null) continue;
        if (iMin < 0 || v < y[iMin]) iMin = i;
        if (iMax < 0 || v > y[iMax]) iMax = i;
      }
      const first = iMin <= iMax ? iMin : iMax, second = iMin <= iMax ? iMax : iMin;
      out.ys[s].push(first < 0 ? null : y[first], second < 0 ? null : y[second]);
    });
  }
  return out;
}

/** Summary numbers of one series for text alternatives. */
export function summarize(y: ArrayLike<number>): { n: number; first: number; last: number; min: number; max: number } {
  let min = Infinity, max = -Infinity, first = NaN, last = NaN;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (!Number.isFinite(v)) continue;
    if (Number.isNaN(first)) first = v;
    last = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { n: y.length, first, last, min, max };
}
