/**
 * Sentences written from a study's numbers. Every comparison says whether the gap is
 * larger than the seed spread; a study's own reader adds its specific findings and
 * the verdict on its hypothesis.
 */
import { fmtMeanSd, isReal, type MeanSd } from "./stats.js";
import type { HypothesisVerdict, ObserveContext } from "./study.js";
import type { RunSummary } from "./types.js";

/** A metric of a run as mean ± sd over its seeds (the sd is read from `<name>_sd`). */
export function stat(r: RunSummary, name: string): MeanSd {
  const mean = name === "final_loss" ? r.final_loss : num(r.metrics[name]);
  return { mean, sd: num(r.metrics[`${name}_sd`]), n: r.config.seeds.length };
}

export const lossOf = (r: RunSummary) => stat(r, "final_loss");
export const valOf = (r: RunSummary) => stat(r, "final_val_loss");

/** Runs sorted by a metric, lowest first; runs without a finite value last. */
export function ranked(runs: readonly RunSummary[], f: (r: RunSummary) => MeanSd = lossOf): RunSummary[] {
  const key = (r: RunSummary) => (Number.isFinite(f(r).mean) ? f(r).mean : Infinity);
  return [...runs].sort((a, b) => key(a) - key(b));
}

/** Whether a gap exceeds the seed spread: "more than the seed spread (0.004 + 0.006): a real difference". */
export function spreadText(a: MeanSd, b: MeanSd): string {
  if (a.n < 2 || b.n < 2) return "with one seed there is no spread to judge it by, so this is not yet a finding";
  const spread = `${a.sd.toFixed(3)} + ${b.sd.toFixed(3)}`;
  return isReal(a, b) ? `more than the seed spread (${spread}): a real difference` : `within the seed spread (${spread}): seeds alone could explain it`;
}

/** "by 0.012 nats/char, more than the seed spread (0.004 + 0.006): a real difference." */
export function gapText(a: MeanSd, b: MeanSd, unit = "nats/char"): string {
  const d = Math.abs(a.mean - b.mean);
  if (!Number.isFinite(d)) return "by an amount that is not finite";
  return `by ${d.toFixed(3)} ${unit}${a.n < 2 || b.n < 2 ? ";" : ","} ${spreadText(a, b)}`;
}

/** The observations every study shares: ranking, gap to the runner-up, held-out loss, floor, divergence. */
export function commonObservations(runs: readonly RunSummary[], ctx: ObserveContext): string[] {
  const out: string[] = [], byLoss = ranked(runs);
  if (runs.length === 0) return ["No runs finished, so there is nothing to observe."];
  const best = byLoss[0], worst = byLoss[byLoss.length - 1];
  const seeds = `mean ± sd over ${ctx.seeds} seed${ctx.seeds > 1 ? "s" : ""}`;
  if (runs.length > 1) {
    out.push(`Lowest final training loss: ${best.label} at ${fmtMeanSd(lossOf(best))} nats/char; highest: ${worst.label} at ${fmtMeanSd(lossOf(worst))} (${seeds}).`);
    const second = byLoss[1];
    out.push(`${best.label} ends below the runner-up ${second.label} ${gapText(lossOf(best), lossOf(second))}.`);
    const byVal = ranked(runs, valOf);
    out.push(byVal[0] === best
      ? `Held-out loss agrees: ${best.label} is also lowest on the validation split (${fmtMeanSd(valOf(best))}).`
      : `Held-out loss ranks differently: ${byVal[0].label} is lowest on the validation split (${fmtMeanSd(valOf(byVal[0]))}), ${best.label} has ${fmtMeanSd(valOf(best))}.`);
  } else {
    out.push(`Final training loss ${fmtMeanSd(lossOf(best))} nats/char and held-out loss ${fmtMeanSd(valOf(best))} (${seeds}).`);
  }
  const bestVal = ranked(runs, valOf)[0], v = valOf(bestVal).mean;
  if (Number.isFinite(v)) out.push(`The best held-out loss (${v.toFixed(3)}) is ${(v - ctx.floor).toFixed(3)} nats/char above the grammar's entropy-rate floor of ${ctx.floor.toFixed(3)}; a model that knew only character frequencies would score ${ctx.unigram.toFixed(3)}.`);
  const bad = runs.filter((r) => r.metrics.verdict !== "stable");
  for (const r of bad) out.push(`${r.label} was ${r.metrics.verdict}: ${(r.metrics.verdict_reasons as string[]).find((x, i) => (r.metrics.verdicts as string[])[i] !== "stable") ?? ""}.`);
  return out;
}

export function verdictText(v: HypothesisVerdict, why: string): string {
  const head = v === "supported" ? "The hypothesis held" : v === "contradicted" ? "The result contradicts the hypothesis" : "The result does not settle the hypothesis";
  return `${head}: ${why}`;
}

/** The run whose value (or value[key]) equals `v`. */
export function runWith(runs: readonly RunSummary[], v: unknown, key?: string): RunSummary | undefined {
  return runs.find((r) => (key ? (r.value as Record<string, unknown>)?.[key] : r.value) === v);
}

/** "supported" when a ends below b by more than the seed spread, "contradicted" when b ends below a by more, else "unclear". */
export function lowerVerdict(a: MeanSd, b: MeanSd): HypothesisVerdict {
  if (!isReal(a, b)) return "unclear";
  return a.mean < b.mean ? "supported" : "contradicted";
}

/** Combines verdicts of several claims: any contradiction wins, then any uncertainty. */
export function combine(...vs: HypothesisVerdict[]): HypothesisVerdict {
  return vs.includes("contradicted") ? "contradicted" : vs.includes("unclear") ? "unclear" : "supported";
}

export const num = (v: unknown) => (typeof v === "number" ? v : NaN);
