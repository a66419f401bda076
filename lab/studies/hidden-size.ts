import { combine, commonObservations, gapText, lossOf, lowerVerdict, num, verdictText } from "../observe.js";
import type { HypothesisVerdict, StudyDef } from "../study.js";

export const hiddenSize: StudyDef = {
  id: "hidden-size",
  title: "Hidden size",
  description: "How much state does this grammar need? The same network with 16 to 128 hidden units: loss, parameter count and training time " +
    "(measured on this machine; cost per step grows with H² + 2HV for a vocabulary of V characters).",
  hypothesis: "More hidden units lower the loss with shrinking returns: each doubling of H gains less than the one before, while the parameter count and the time per step keep growing.",
  variables: [{ key: "hiddenSize", label: "Hidden sizes", kind: "number", min: 2, max: 512, integer: true, defaults: [16, 32, 64, 128], format: (v) => `H=${v}` }],
  definitions: ["final_loss", "held_out", "spread"],
  measure: () => ({}),
  apply: (c, v) => ({ ...c, hiddenSize: v.hiddenSize as number }),
  observe(runs, ctx) {
    const out = commonObservations(runs, ctx);
    const bySize = [...runs].sort((a, b) => (a.value as number) - (b.value as number));
    out.push(`Parameters and training time: ${bySize.map((r) => `${r.label} ${num(r.metrics.params).toLocaleString("en-US")} params, ${num(r.metrics.seconds).toFixed(1)} s (${Math.round(num(r.metrics.steps_per_s)).toLocaleString("en-US")} steps/s)`).join("; ")}.`);
    if (bySize.length < 2) return { observations: out, verdict: "unclear" };
    const gains: number[] = [];
    const claims: HypothesisVerdict[] = [];
    for (let k = 1; k < bySize.length; k++) {
      const a = bySize[k - 1], b = bySize[k];
      gains.push(a.final_loss - b.final_loss);
      claims.push(lowerVerdict(lossOf(b), lossOf(a)));
      const same = Math.abs(b.final_loss - a.final_loss) < 5e-4, gap = gapText(lossOf(a), lossOf(b));
      out.push(`${a.label} → ${b.label}: the loss ${same ? `does not change measurably (${gap})` : `${b.final_loss < a.final_loss ? "falls" : "rises"} ${gap}`}.`);
    }
    const shrinking = gains.every((g, k) => k === 0 || g < gains[k - 1]);
    const v = combine(...claims, shrinking ? "supported" : "contradicted");
    out.push(verdictText(v, claims.every((c) => c === "supported")
      ? (shrinking ? "every larger size ended lower, and each gain was smaller than the previous one." : "every larger size ended lower, but the gains did not shrink step by step.")
      : claims.includes("contradicted") ? "at least one larger size ended higher than a smaller one by more than the seed spread."
        : "some steps up in size changed the loss by less than the seed spread."));
    return { observations: out, verdict: v };
  },
};
