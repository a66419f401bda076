/**
 * A stability verdict computed from a run's own numbers (its training loss curve, or its
 * held-out curve when the training inputs change by design, as in scheduled sampling):
 *   diverged — some step's loss or gradient was not finite (the step was rolled back),
 *              or training ended worse than the first stretch of steps;
 *   unstable — after the first tenth of training, the loss of a stretch of 5% of the
 *              steps rose more than 10% above the best such stretch so far;
 *   stable   — neither.
 */
import type { Curve, Verdict } from "../types.js";

export const RISE_TOLERANCE = 0.1;
/** The curve is judged in this many stretches, so bucket-to-bucket noise does not count as a rise. */
export const STRETCHES = 20;

/** Merges consecutive points into at most `n` stretches (mean loss, last step). */
function stretches(curve: Curve, n: number): Curve {
  const size = Math.max(1, Math.ceil(curve.length / n)), out: Curve = [];
  for (let i = 0; i < curve.length; i += size) {
    const part = curve.slice(i, i + size).filter(([, l]) => Number.isFinite(l));
    if (part.length) out.push([part[part.length - 1][0], part.reduce((s, [, l]) => s + l, 0) / part.length]);
  }
  return out;
}

/** `what` names the curve in the reason ("loss", or "held-out loss" when training inputs change by design). */
export function stabilityVerdict(curve: Curve, divergences: number, finalLoss: number, what = "loss"): { verdict: Verdict; reason: string } {
  if (divergences > 0) return { verdict: "diverged", reason: `${divergences} step${divergences > 1 ? "s" : ""} had a non-finite loss or gradient and were rolled back` };
  const finite = stretches(curve, STRETCHES);
  if (!Number.isFinite(finalLoss) || finite.length === 0) return { verdict: "diverged", reason: "the loss is not finite" };
  const last = what === "loss" ? finalLoss : finite[finite.length - 1][1];
  if (last > finite[0][1]) return { verdict: "diverged", reason: `the final ${what} ${last.toFixed(3)} is above the first stretch's ${finite[0][1].toFixed(3)}` };
  let best = Infinity, worstRise = 0, at = 0;
  const skip = Math.ceil(finite.length / 10);
  finite.forEach(([step, l], i) => {
    if (i >= skip && best < Infinity && l / best - 1 > worstRise) { worstRise = l / best - 1; at = step; }
    best = Math.min(best, l);
  });
  if (worstRise > RISE_TOLERANCE) return { verdict: "unstable", reason: `the ${what} rose ${(worstRise * 100).toFixed(0)}% above its best so far at step ${at}` };
  return { verdict: "stable", reason: worstRise > 0 ? `the ${what} never rose more than ${(worstRise * 100).toFixed(1)}% above its best so far` : `the ${what} never rose above its best so far` };
}
