import { combine, lossOf, num, ranked, verdictText } from "../observe.js";
import { fmtMeanSd, meanSd } from "../stats.js";
import type { StudyDef } from "../study.js";
import type { Activation } from "../../bindings/types.js";
import type { RunSummary } from "../types.js";

const val = (r: RunSummary, k: string) => (r.value as Record<string, number | string>)[k];

/** Mean final loss of the runs sharing one setting (e.g. every tanh cell). */
function marginal(runs: readonly RunSummary[], key: string): Array<{ level: string; loss: number }> {
  const levels = [...new Set(runs.map((r) => String(val(r, key))))];
  return levels.map((level) => ({ level, loss: meanSd(runs.filter((r) => String(val(r, key)) === level).map((r) => r.final_loss)).mean }));
}

export const grid: StudyDef = {
  id: "grid",
  title: "Design grid",
  description: "Three choices at once: hidden size × activation × chunk length, every combination trained with the same budget. Each cell reports its final loss, " +
    "memory horizon, parameter count and stability verdict. Before looking, predict which cell wins from what the other studies showed.",
  hypothesis: "The best cell uses tanh; beyond H = 64 more units add little: the H = 64 cell with the best cell's activation and chunk length ends within 5% of the best loss.",
  variables: [
    { key: "hiddenSize", label: "Hidden sizes", kind: "number", min: 2, max: 512, integer: true, defaults: [16, 32, 64, 128], format: (v) => `H=${v}` },
    { key: "activation", label: "Activations", kind: "choice", choices: ["tanh", "relu", "sigmoid", "identity"], defaults: ["tanh", "relu", "sigmoid"], format: (v) => String(v) },
    { key: "seqLen", label: "Chunk lengths", kind: "number", min: 1, max: 200, integer: true, defaults: [5, 10, 25, 50], format: (v) => `seq=${v}` },
  ],
  definitions: ["final_loss", "held_out", "memory_horizon", "verdict", "spread"],
  measure: () => ({ probe: { maxLag: 30 } }),
  apply: (c, v) => ({ ...c, hiddenSize: v.hiddenSize as number, seqLen: v.seqLen as number,
    activation: (v.activation === "identity" ? "linear" : v.activation) as Activation }),
  observe(runs, ctx) {
    const out: string[] = [];
    if (!runs.length) return { observations: ["No cells finished."], verdict: "unclear" };
    const order = ranked(runs), best = order[0];
    out.push(`Best cell: ${best.label} at ${fmtMeanSd(lossOf(best))} nats/char (mean ± sd over ${ctx.seeds} seed${ctx.seeds > 1 ? "s" : ""}); worst: ${order[order.length - 1].label} at ${fmtMeanSd(lossOf(order[order.length - 1]))}.`);
    const runnerUp = order[1];
    if (runnerUp) out.push(`The runner-up ${runnerUp.label} is ${(runnerUp.final_loss - best.final_loss).toFixed(3)} higher${lossOf(best).n > 1 ? (Math.abs(runnerUp.final_loss - best.final_loss) > lossOf(best).sd + lossOf(runnerUp).sd ? ", more than the seed spread" : ", within the seed spread") : ""}.`);
    for (const [key, name] of [["activation", "activation"], ["hiddenSize", "hidden size"], ["seqLen", "chunk length"]] as const) {
      const m = marginal(runs, key).sort((a, b) => a.loss - b.loss);
      out.push(`Averaged over the other two choices, by ${name}: ${m.map((x) => `${x.level} ${x.loss.toFixed(3)}`).join(", ")}.`);
    }
    const unstable = runs.filter((r) => r.metrics.verdict !== "stable");
    const named = unstable.slice(0, 8).map((r) => `${r.label} (${r.metrics.verdict})`).join(", ");
    out.push(unstable.length ? `${unstable.length} of ${runs.length} cells were not stable: ${named}${unstable.length > 8 ? `, and ${unstable.length - 8} more` : ""}.` : "Every cell trained stably.");
    const longest = [...runs].sort((a, b) => num(b.metrics.memory_horizon) - num(a.metrics.memory_horizon))[0];
    out.push(`Longest memory horizon: ${longest.label} with ${num(longest.metrics.memory_horizon).toFixed(1)} characters.`);
    const tanhClaim = val(best, "activation") === "tanh" ? "supported" : "contradicted";
    const twin = runs.find((r) => val(r, "hiddenSize") === 64 && val(r, "activation") === val(best, "activation") && val(r, "seqLen") === val(best, "seqLen"));
    const within = twin ? (twin.final_loss <= 1.05 * best.final_loss ? "supported" : "contradicted") : "unclear";
    const v = combine(tanhClaim, within);
    out.push(verdictText(v, `the best cell uses ${val(best, "activation")}; ` + (twin
      ? `${twin.label} ends ${((twin.final_loss / best.final_loss - 1) * 100).toFixed(1)}% above the best cell${twin === best ? " (it is the best cell)" : ""}.`
      : "no H = 64 cell shares the best cell's other settings.")));
    return { observations: out, verdict: v };
  },
};
