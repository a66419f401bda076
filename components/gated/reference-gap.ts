/** Largest |a − b| over two equally shaped T × H arrays (engine states vs a float64 re-run). */
export function maxGap(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let m = 0;
  a.forEach((row, t) => row.forEach((v, j) => { m = Math.max(m, Math.abs(v - b[t][j])); }));
  return m;
}
