/**
 * Curves to draw while a study runs and after: for each variant, the mean over its
 * seeds at every step any of them has reached (finished records and runs in flight).
 */
import { runKey } from "../../lab/cache.js";
import type { RunProgress } from "../../lab/execute.js";
import type { PlannedVariant } from "../../lab/run-study.js";
import type { Curve, RunRecord } from "../../lab/types.js";
import type { LineSeries } from "../charts/line-chart/line-chart.js";

export interface ChartData { x: number[]; series: LineSeries[] }

type Pick = (src: RunRecord | RunProgress) => Curve | undefined;
export const trainCurve: Pick = (s) => ("loss_curve" in s ? s.loss_curve : s.loss);
export const valCurve: Pick = (s) => ("val_curve" in s ? s.val_curve : s.val);

/** One series per variant on a shared step axis; NaN where no seed has reached a step yet. */
export function variantCurves(planned: readonly PlannedVariant[], records: ReadonlyMap<string, RunRecord>,
  live: ReadonlyMap<string, RunProgress>, pick: Pick, only?: (p: PlannedVariant) => boolean): ChartData {
  const steps = new Set<number>();
  const sources = planned.filter((p) => !only || only(p)).map((p) => ({
    label: p.label,
    curves: p.specs.map((s) => { const k = runKey(s), src = records.get(k) ?? live.get(k); return src ? pick(src) ?? [] : []; }),
  }));
  for (const s of sources) for (const c of s.curves) for (const [step] of c) steps.add(step);
  const x = [...steps].sort((a, b) => a - b), at = new Map(x.map((v, i) => [v, i]));
  const series = sources.filter((s) => s.curves.some((c) => c.length)).map((s) => {
    const sum = new Float64Array(x.length), n = new Float64Array(x.length);
    for (const c of s.curves) for (const [step, v] of c) if (Number.isFinite(v)) { const i = at.get(step)!; sum[i] += v; n[i]++; }
    return { label: s.label, values: Array.from(sum, (v, i) => (n[i] ? v / n[i] : NaN)) };
  });
  return { x, series };
}
