import { commonObservations, gapText, lossOf, lowerVerdict, num, ranked, runWith, verdictText } from "../observe.js";
import type { StudyDef } from "../study.js";
import type { RunSummary } from "../types.js";

/** Steps back over which gradient flow is measured (as in the tbptt study's longest default chunk). */
const DECAY_WINDOW = 50;

/** "12.3 steps" or "≥ 50 steps" when it never fell below a tenth inside the window. */
function reachText(r: RunSummary, key: string): string {
  const v = num(r.metrics[key]);
  return !Number.isFinite(v) ? "n/a" : v >= DECAY_WINDOW ? `≥ ${DECAY_WINDOW} steps` : `${v.toFixed(1)} steps`;
}

/** Steps until the bucketed training loss first falls below `target` (NaN if never). */
export function stepsTo(r: RunSummary, target: number): number {
  return r.loss_curve.find(([, l]) => l <= target)?.[0] ?? NaN;
}

export const init: StudyDef = {
  id: "init",
  title: "Initialisation of W_hh",
  description: "The recurrent matrix's starting spectrum decides whether early gradients shrink or grow on their way back through time. " +
    "Three starts, everything else equal: orthogonal (every eigenvalue on the unit circle), Xavier-uniform, and random Gaussian with σ = 0.2 " +
    "(for H = 64 its spectral radius is near 1.6). We follow the loss, ρ(W_hh) during training, gradient flow through time (how far back " +
    "the gradient of one step's loss keeps a tenth of its size) at the start and after training, and a sample from each model at the end.",
  hypothesis: "Orthogonal initialisation trains fastest and ends with the lowest loss; Xavier and random Gaussian starts end higher.",
  variables: [{
    key: "init", label: "Initialisations", kind: "choice", choices: ["orthogonal", "xavier", "random", "uniform"],
    defaults: ["orthogonal", "xavier", "random"], format: (v) => String(v),
  }],
  definitions: ["final_loss", "held_out", "spectral_radius", "gradient_reach", "spread"],
  measure: () => ({ spectral: true, sample: true, decay: { window: DECAY_WINDOW, atStart: true } }),
  apply: (c, v) => (v.init === "random" ? { ...c, init: "gaussian" } : { ...c, init: v.init as "orthogonal" }),
  observe(runs, ctx) {
    const out = commonObservations(runs, ctx);
    for (const r of runs) out.push(`${r.label}: ρ(W_hh) ${num(r.metrics.rho_start).toFixed(2)} at the start, ${num(r.metrics.rho_end).toFixed(2)} at the end; ` +
      `gradient reach ${reachText(r, "gradient_reach_init")} at the start and ${reachText(r, "gradient_reach")} after training.`);
    const flow = [...runs].filter((r) => Number.isFinite(num(r.metrics.gradient_reach_init))).sort((a, b) => num(b.metrics.gradient_reach_init) - num(a.metrics.gradient_reach_init));
    if (flow.length > 1) out.push(`At the start the gradient reached farthest back with ${flow[0].label} (${reachText(flow[0], "gradient_reach_init")}) ` +
      `and least far with ${flow[flow.length - 1].label} (${reachText(flow[flow.length - 1], "gradient_reach_init")}).`);
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
