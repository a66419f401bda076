import { commonObservations, gapText, lossOf, lowerVerdict, num, ranked, runWith, verdictText } from "../observe.js";
import type { StudyDef } from "../study.js";
import type { RunSummary } from "../types.js";

/** Steps until the bucketed training loss first falls below `target` (NaN if never). */
export function stepsTo(r: RunSummary, target: number): number {
  return r.loss_curve.find(([, l]) => l <= target)?.[0] ?? NaN;
}

export const init: StudyDef = {
  id: "init",
  title: "Initialisation of W_hh",
  description: "The recurrent matrix's starting spectrum decides whether early gradients shrink or grow on their way back through time. " +
    "Three starts, everything else equal: orthogonal (every eigenvalue on the unit circle), Xavier-uniform, and random Gaussian with σ = 0.2 " +
    "(for H = 64 its spectral radius is near 1.6). We follow the loss, ρ(W_hh) during training, and a sample from each model at the end.",
  hypothesis: "Orthogonal initialisation trains fastest and ends with the lowest loss; Xavier and random Gaussian starts end higher.",
  variables: [{
    key: "init", label: "Initialisations", kind: "choice", choices: ["orthogonal", "xavier", "random", "uniform"],
    defaults: ["orthogonal", "xavier", "random"], format: (v) => String(v),
  }],
  definitions: ["final_loss", "held_out", "spectral_radius", "spread"],
  measure: () => ({ spectral: true, sample: true }),
  apply: (c, v) => (v.init === "random" ? { ...c, init: "gaussian" } : { ...c, init: v.init as "orthogonal" }),
  observe(runs, ctx) {
    const out = commonObservations(runs, ctx);
    for (const r of runs) out.push(`${r.label}: ρ(W_hh) ${num(r.metrics.rho_start).toFixed(2)} at the start, ${num(r.metrics.rho_end).toFixed(2)} at the end.`);
    const best = ranked(runs)[0], target = 1.1 * best.final_loss;
    const speed = runs.map((r) => ({ r, s: stepsTo(r, target) })).filter((x) => Number.isFinite(x.s)).sort((a, b) => a.s - b.s);
    if (speed.length) out.push(`First to reach a loss of ${target.toFixed(3)} (10% above the best final loss): ${speed.map((x) => `${x.r.label} at step ${x.s}`).join(", ")}${speed.length < runs.length ? "; the others never did" : ""}.`);
    const orth = runWith(runs, "orthogonal");
    if (!orth) return { observations: out, verdict: "unclear" };
    const others = ranked(runs.filter((r) => r !== orth));
    if (!others.length) return { observations: out, verdict: "unclear" };
    const rival = others[0];
    const v = lowerVerdict(lossOf(orth), lossOf(rival));
    out.push(verdictText(v, orth.final_loss < rival.final_loss
      ? `orthogonal ends below the best other start (${rival.label}) ${gapText(lossOf(orth), lossOf(rival))}.`
      : `${rival.label} ends below orthogonal ${gapText(lossOf(orth), lossOf(rival))}.`));
    return { observations: out, verdict: v };
  },
};
