/** Whole-decade ranges and ticks for log-scale axes, however many decades the data spans. */

/**
 * 10^e exactly as the literal "1e<e>" (10 ** -5 is 0.000009999…, which a label would print
 * as 9.99…×10⁻⁶).
 */
export const decade = (e: number) => Number(`1e${e}`);
/** The smallest span of whole decades holding [min, max] (for positive data). */
export function decadeRange(min: number | null, max: number | null): [number, number] {
  if (min == null || max == null || !(min > 0) || !(max > 0)) return [0.1, 10];
  const lo = Math.floor(Math.log10(min)), hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
  return [decade(lo), decade(hi)];
}

/** Powers of ten from min to max, every k-th decade so that at most `most` remain. */
export function decadeTicks(min: number, max: number, most: number): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const lo = Math.floor(Math.log10(min) + 1e-9), hi = Math.ceil(Math.log10(max) - 1e-9);
  const step = Math.max(1, Math.ceil((hi - lo + 1) / most));
  const out: number[] = [];
  for (let e = lo; e <= hi; e += step) out.push(decade(e));
  return out;
}
