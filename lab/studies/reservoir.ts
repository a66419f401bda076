import { combine, commonObservations, gapText, lossOf, lowerVerdict, num, verdictText } from "../observe.js";
import type { StudyDef } from "../study.js";

export const reservoir: StudyDef = {
  id: "reservoir",
  title: "Frozen reservoir",
  description: "Freeze W_hh at its orthogonal initialisation and train only the input weights, the biases and the read-out: the recurrent dynamics are a fixed " +
    "random system, as in an echo state network. Compared with training every weight, how much does learning W_hh add? Beside the loss: " +
    "how far apart the grammar's word categories lie in the hidden states (category separation), and the memory horizon.",
  hypothesis: "A frozen orthogonal W_hh still learns far more than character frequencies (its loss ends below 80% of the unigram entropy), but full training ends lower.",
  variables: [{ key: "training", label: "Training", kind: "choice", choices: ["full", "reservoir"], defaults: ["full", "reservoir"],
    format: (v) => (v === "reservoir" ? "reservoir (W_hh frozen)" : "full training") }],
  definitions: ["final_loss", "held_out", "spectral_radius", "memory_horizon", "category_separation", "spread"],
  measure: () => ({ spectral: true, probe: { maxLag: 30 }, categories: true }),
  apply: (c, v) => ({ ...c, freeze: v.training === "reservoir" ? ["W_h"] : [] }),
  observe(runs, ctx) {
    const out = commonObservations(runs, ctx);
    for (const r of runs) out.push(`${r.label}: ρ(W_hh) ${num(r.metrics.rho_start).toFixed(2)} → ${num(r.metrics.rho_end).toFixed(2)}, memory horizon ${num(r.metrics.memory_horizon).toFixed(1)} characters; ` +
      `word categories ${num(r.metrics.category_separation).toFixed(2)}× farther apart than their words spread, ${(num(r.metrics.category_nearest) * 100).toFixed(0)}% of words nearest their own category.`);
    const full = runs.find((r) => r.value === "full"), res = runs.find((r) => r.value === "reservoir");
    if (!full || !res) return { observations: out, verdict: "unclear" };
    const sep = (r: typeof full) => ({ mean: num(r.metrics.category_separation), sd: num(r.metrics.category_separation_sd) });
    const a = sep(full), b = sep(res);
    if (Number.isFinite(a.mean) && Number.isFinite(b.mean)) {
      const real = !(ctx.seeds > 1) ? "" : Math.abs(a.mean - b.mean) > (a.sd || 0) + (b.sd || 0) ? ", more than the seed spread" : ", within the seed spread";
      out.push(`Category separation: ${a.mean.toFixed(2)} with full training against ${b.mean.toFixed(2)} with W_hh frozen — ` +
        `${a.mean > b.mean ? "learning W_hh pulled the categories further apart" : "the frozen reservoir separated them at least as well"}${real}.`);
    }
    const learned = res.final_loss < 0.8 * ctx.unigram ? "supported" : "contradicted";
    out.push(`The reservoir ends at ${(res.final_loss / ctx.unigram * 100).toFixed(0)}% of the unigram entropy (${ctx.unigram.toFixed(3)} nats/char).`);
    const v = combine(learned, lowerVerdict(lossOf(full), lossOf(res)));
    out.push(verdictText(v, `the reservoir ${learned === "supported" ? "learned well beyond character frequencies" : "did not get well below the unigram entropy"}; ` +
      `full training ends ${full.final_loss < res.final_loss ? "below" : "above"} it ${gapText(lossOf(full), lossOf(res))}.`));
    return { observations: out, verdict: v };
  },
};
