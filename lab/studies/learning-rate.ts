import { combine, commonObservations, gapText, lossOf, lowerVerdict, ranked, verdictText } from "../observe.js";
import type { StudyDef } from "../study.js";

export const learningRate: StudyDef = {
  id: "learning-rate",
  title: "Learning rate",
  description: "The learning rate scales every update. Too small and the budget runs out before the model converges; too large and updates overshoot, " +
    "which clipping can only partly contain. Five rates over two orders of magnitude: the loss, divergence detection, and the final loss against the rate.",
  hypothesis: "Final loss is U-shaped in the learning rate with its minimum at 0.01; the largest rate is unstable or diverges.",
  variables: [{ key: "lr", label: "Learning rates", kind: "number", min: 1e-6, max: 10, defaults: [0.001, 0.003, 0.01, 0.03, 0.1], format: (v) => `lr=${v}` }],
  definitions: ["final_loss", "held_out", "verdict", "spread"],
  measure: () => ({}),
  apply: (c, v) => ({ ...c, lr: v.lr as number }),
  observe(runs, ctx) {
    const out = commonObservations(runs, ctx);
    const byLr = [...runs].sort((a, b) => (a.value as number) - (b.value as number));
    out.push(`Final loss against the rate: ${byLr.map((r) => `${r.label} ${Number.isFinite(r.final_loss) ? r.final_loss.toFixed(3) : "not finite"} (${r.metrics.verdict})`).join(", ")}.`);
    const best = ranked(runs)[0], base = runs.find((r) => r.value === 0.01), top = byLr[byLr.length - 1];
    if (!base || runs.length < 3) return { observations: out, verdict: "unclear" };
    const minimum = best === base ? combine(lowerVerdict(lossOf(base), lossOf(byLr[0])), lowerVerdict(lossOf(base), lossOf(top)))
      : lowerVerdict(lossOf(best), lossOf(base)) === "supported" ? "contradicted" : "unclear";
    const wild = top.metrics.verdict !== "stable" ? "supported" : "contradicted";
    const v = combine(minimum, wild);
    out.push(verdictText(v, (best === base ? `lr=0.01 ends lowest` : `${best.label} ends below lr=0.01 ${gapText(lossOf(best), lossOf(base))}`) +
      `; the largest rate (${top.label}) was ${top.metrics.verdict}.`));
    return { observations: out, verdict: v };
  },
};
