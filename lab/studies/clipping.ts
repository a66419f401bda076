import { combine, commonObservations, gapText, lossOf, lowerVerdict, num, ranked, verdictText } from "../observe.js";
import type { StudyDef } from "../study.js";

const early = (c: Array<[number, number]>) => c.slice(0, Math.max(1, Math.floor(c.length / 10)));
const late = (c: Array<[number, number]>) => c.slice(-Math.max(1, Math.floor(c.length / 10)));
const threshold = (r: { value: unknown }) => (r.value === null ? Infinity : (r.value as number));
const avg = (c: Array<[number, number]>) => c.reduce((s, [, x]) => s + x, 0) / Math.max(1, c.length);

export const clipping: StudyDef = {
  id: "clipping",
  title: "Gradient clipping threshold",
  description: "When the global gradient norm exceeds the threshold θ, the gradient is rescaled to norm θ: the direction is kept, the step is capped. " +
    "A tiny θ caps every step; a huge θ never acts. What counts as tiny depends on the loss convention: a summed loss has a gradient about as many " +
    "times larger as a chunk has characters. We measure the loss and how often clipping fired, over training and overall.",
  hypothesis: "Final loss is U-shaped in the threshold: a middle threshold ends lowest, the smallest threshold starves learning and the largest lets harmful gradient spikes through.",
  variables: [{ key: "clip", label: "Thresholds", kind: "number", min: 0, max: 1e6, allowNone: true, defaults: [0.5, 1, 5, 10, 50], format: (v) => (v === null ? "no clip" : `clip=${v}`) }],
  definitions: ["final_loss", "held_out", "clip_fraction", "grad_norm", "spread"],
  measure: () => ({}),
  apply: (c, v) => ({ ...c, clip: v.clip as number | null }),
  observe(runs, ctx) {
    const out = commonObservations(runs, ctx);
    const byT = [...runs].sort((a, b) => threshold(a) - threshold(b));
    out.push(`Share of steps clipped: ${byT.map((r) => `${r.label} ${(num(r.metrics.clip_fraction) * 100).toFixed(1)}%`).join(", ")}.`);
    for (const r of byT) {
      const c = r.metrics.clip_curve as Array<[number, number]>;
      if (c.length >= 10 && avg(early(c)) !== avg(late(c))) out.push(`${r.label} clipped ${(avg(early(c)) * 100).toFixed(0)}% of steps in the first tenth of training and ${(avg(late(c)) * 100).toFixed(0)}% in the last.`);
    }
    if (byT.length < 3) return { observations: out, verdict: "unclear" };
    const best = ranked(runs)[0], lo = byT[0], hi = byT[byT.length - 1];
    const interior = best !== lo && best !== hi;
    const v = interior ? combine(lowerVerdict(lossOf(best), lossOf(lo)), lowerVerdict(lossOf(best), lossOf(hi))) : (lowerVerdict(lossOf(best), lossOf(ranked(runs)[1])) === "supported" ? "contradicted" : "unclear");
    out.push(verdictText(v, interior
      ? `the lowest loss is at ${best.label}, inside the range; it beats the smallest threshold ${gapText(lossOf(best), lossOf(lo))}, and the largest ${gapText(lossOf(best), lossOf(hi))}.`
      : `the lowest loss is at the ${best === lo ? "smallest" : "largest"} threshold tried (${best.label}), not in the middle.`));
    return { observations: out, verdict: v };
  },
};
