import { commonObservations, gapText, lossOf, lowerVerdict, num, stat, verdictText, combine } from "../observe.js";
import { fmtMeanSd } from "../stats.js";
import type { StudyDef } from "../study.js";

export const tbptt: StudyDef = {
  id: "tbptt",
  title: "Truncated BPTT chunk length",
  description: "Truncated backpropagation through time cuts the stream into chunks: gradients never cross a chunk boundary, so the chunk length is a hard " +
    "ceiling on what training can connect. Inside a chunk, gradients can still fade. We measure the loss, how the gradient of one step's loss decays " +
    "with distance, and a memory probe: a linear read-out asked to name the character d steps back from the current hidden state.",
  hypothesis: "Longer chunks give a lower loss and a longer memory horizon, but the horizon grows far less than the chunk: even for the longest chunk it stays below half the chunk length.",
  variables: [{ key: "seqLen", label: "Chunk lengths", kind: "number", min: 1, max: 200, integer: true, defaults: [5, 10, 25, 50], format: (v) => `seq=${v}` }],
  definitions: ["final_loss", "held_out", "probe_accuracy", "memory_horizon", "gradient_reach", "spread"],
  measure: ({ values }) => {
    const longest = Math.max(...(values[0] as number[]));
    return { probe: { maxLag: Math.max(30, Math.min(longest, 100)) }, decay: { window: Math.max(50, Math.min(longest, 100)) } };
  },
  apply: (c, v) => ({ ...c, seqLen: v.seqLen as number }),
  observe(runs, ctx) {
    const out = commonObservations(runs, ctx);
    const byLen = [...runs].sort((a, b) => (a.value as number) - (b.value as number));
    out.push(`Memory horizon (characters): ${byLen.map((r) => `${r.label} ${fmtMeanSd(stat(r, "memory_horizon"), 1)}`).join(", ")}.`);
    out.push(`Gradient reach (steps until one step's gradient falls below a tenth): ${byLen.map((r) => `${r.label} ${fmtMeanSd(stat(r, "gradient_reach"), 1)}`).join(", ")}.`);
    if (byLen.length < 2) return { observations: out, verdict: "unclear" };
    const short = byLen[0], long = byLen[byLen.length - 1], T = long.value as number;
    const lossClaim = lowerVerdict(lossOf(long), lossOf(short));
    const horizonClaim = lowerVerdict({ ...stat(short, "memory_horizon") }, stat(long, "memory_horizon"));
    const h = num(long.metrics.memory_horizon);
    const sub = h < T / 2 ? "supported" : "contradicted";
    out.push(`${long.label} reaches a memory horizon of ${h.toFixed(1)} characters: ${(h / T * 100).toFixed(0)}% of its chunk length.`);
    const v = combine(lossClaim, horizonClaim, sub);
    out.push(verdictText(v, `${long.label} ${long.final_loss < short.final_loss ? "ends below" : "ends above"} ${short.label} ${gapText(lossOf(long), lossOf(short))}; ` +
      `its horizon is ${num(long.metrics.memory_horizon) > num(short.metrics.memory_horizon) ? "longer" : "not longer"} (${fmtMeanSd(stat(long, "memory_horizon"), 1)} vs ${fmtMeanSd(stat(short, "memory_horizon"), 1)}) ` +
      `and ${sub === "supported" ? "less" : "not less"} than half the chunk.`));
    return { observations: out, verdict: v };
  },
};
