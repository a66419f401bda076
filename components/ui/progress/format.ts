/** "about 12 s left", "about 3 min left"; empty when unknown. */
export function formatRemaining(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "";
  const s = Math.round(ms / 1000);
  if (s < 1) return "less than a second left";
  if (s < 90) return `about ${s} s left`;
  const m = Math.round(s / 60);
  return m < 90 ? `about ${m} min left` : `about ${Math.round(m / 60)} h left`;
}

/** Remaining time from the fraction done and the time spent working so far. */
export function estimateRemaining(fraction: number, elapsedMs: number): number {
  if (!(fraction > 0.01) || fraction >= 1 || elapsedMs < 250) return fraction >= 1 ? 0 : NaN;
  return (elapsedMs * (1 - fraction)) / fraction;
}
