import { combine, commonObservations, gapText, lossOf, lowerVerdict, num, ranked, runWith, verdictText } from "../observe.js";
import type { StudyDef } from "../study.js";
import type { Activation } from "../../bindings/types.js";

export const activation: StudyDef = {
  id: "activation",
  title: "Activation function",
  description: "The activation is applied to the state at every step, so it decides whether the state stays bounded and how much each step " +
    "shrinks the gradient (tanh′ ≤ 1, sigmoid′ ≤ 1/4, ReLU′ ∈ {0, 1}, identity′ = 1). Four activations, everything else equal: loss, the gradient " +
    "norm before clipping over training, statistics of the final hidden states, and a stability verdict read from each run.",
  hypothesis: "tanh ends with the lowest loss of the four and trains stably; without a nonlinearity (identity) training is the least stable.",
  variables: [{ key: "activation", label: "Activations", kind: "choice", choices: ["tanh", "relu", "sigmoid", "identity"], defaults: ["tanh", "relu", "sigmoid", "identity"], format: (v) => String(v) }],
  definitions: ["final_loss", "held_out", "grad_norm", "saturation", "verdict", "spread"],
  measure: () => ({ hidden: true }),
  apply: (c, v) => ({ ...c, activation: (v.activation === "identity" ? "linear" : v.activation) as Activation }),
  observe(runs, ctx) {
    const out = commonObservations(runs, ctx);
    for (const r of runs) {
      const g = r.metrics.grad_norm_curve as Array<[number, number]>, half = g.slice(Math.floor(g.length / 2)).map(([, x]) => x).filter(Number.isFinite);
      out.push(`${r.label}: ${r.metrics.verdict}; hidden states mean ${num(r.metrics.hidden_mean).toFixed(2)}, sd ${num(r.metrics.hidden_std).toFixed(2)}, ` +
        `range [${num(r.metrics.hidden_min).toFixed(2)}, ${num(r.metrics.hidden_max).toFixed(2)}], ${(num(r.metrics.hidden_saturated) * 100).toFixed(1)}% saturated` +
        `${num(r.metrics.hidden_dead) > 0 ? `, ${(num(r.metrics.hidden_dead) * 100).toFixed(1)}% exactly 0` : ""}; ` +
        `gradient norm before clipping ${half.length ? (half.reduce((a, b) => a + b, 0) / half.length).toFixed(1) : "n/a"} on average over the second half.`);
    }
    const tanh = runWith(runs, "tanh");
    if (!tanh || runs.length < 2) return { observations: out, verdict: "unclear" };
    const rival = ranked(runs.filter((r) => r !== tanh))[0];
    const lowest = lowerVerdict(lossOf(tanh), lossOf(rival));
    const stable = tanh.metrics.verdict === "stable" ? "supported" : "contradicted";
    const rank = { stable: 0, unstable: 1, diverged: 2 } as Record<string, number>;
    const id = runWith(runs, "identity");
    const worstRank = Math.max(...runs.map((r) => rank[r.metrics.verdict as string]));
    const idClaim = !id ? "unclear" : rank[id.metrics.verdict as string] === worstRank && worstRank > 0 ? "supported"
      : worstRank === 0 ? "unclear" : "contradicted";
    const v = combine(lowest, stable, idClaim);
    out.push(verdictText(v, `tanh ${tanh.final_loss < rival.final_loss ? "ends below" : "ends above"} the best other activation (${rival.label}) ${gapText(lossOf(tanh), lossOf(rival))}; ` +
      `tanh was ${tanh.metrics.verdict}; identity was ${id ? id.metrics.verdict : "not run"}${worstRank === 0 ? ", and so was every run, so no activation was less stable than another" : ""}.`));
    return { observations: out, verdict: v };
  },
};
