/**
 * Turns the seed runs of each variant into one entry of the study's JSON: means over
 * seeds, the spread (sample sd), per-seed values, and the study's own measures.
 */
import { meanArray, meanCurve, meanSd } from "./stats.js";
import type { RunRecord, RunSpec, RunSummary, Verdict } from "./types.js";

const VERDICT_RANK: Record<Verdict, number> = { stable: 0, unstable: 1, diverged: 2 };

/** Entries of one variant: the spec that asked (label and value) and the record that answered. */
export interface SeedRun { spec: RunSpec; record: RunRecord }

export function summarizeVariant(runs: readonly SeedRun[]): RunSummary {
  const first = runs[0].spec, recs = runs.map((r) => r.record);
  const final = meanSd(recs.map((r) => r.final_loss)), val = meanSd(recs.map((r) => r.final_val_loss));
  const worst = recs.reduce<Verdict>((w, r) => (VERDICT_RANK[r.verdict] > VERDICT_RANK[w] ? r.verdict : w), "stable");
  const metrics: Record<string, unknown> = {
    final_loss_sd: final.sd, final_loss_seeds: recs.map((r) => r.final_loss),
    final_val_loss: val.mean, final_val_loss_sd: val.sd, final_val_loss_seeds: recs.map((r) => r.final_val_loss),
    val_curve: meanCurve(recs.map((r) => r.val_curve)),
    clip_fraction: meanSd(recs.map((r) => r.clip_fraction)).mean, clip_curve: meanCurve(recs.map((r) => r.clip_curve)),
    grad_norm_curve: meanCurve(recs.map((r) => r.grad_norm_curve)),
    params: recs[0].params, seconds: meanSd(recs.map((r) => r.seconds)).mean, steps_per_s: meanSd(recs.map((r) => r.steps_per_s)).mean,
    verdict: worst, verdicts: recs.map((r) => r.verdict), verdict_reasons: recs.map((r) => r.verdict_reason),
    divergences: recs.reduce((s, r) => s + r.divergences, 0),
    ...studyMetrics(recs),
  };
  return {
    label: first.label, value: first.value, config: { ...first.config, seeds: runs.map((r) => r.spec.config.seed) },
    final_loss: final.mean, diverged: worst === "diverged", loss_curve: meanCurve(recs.map((r) => r.loss_curve)), metrics,
  };
}

function studyMetrics(recs: RunRecord[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}, m = recs.map((r) => r.metrics);
  const num = (xs: number[]) => { const s = meanSd(xs); return { mean: s.mean, sd: s.sd, seeds: xs }; };
  if (m[0].spectral_curve) {
    const curves = m.map((x) => x.spectral_curve!);
    out.spectral_radius_curve = meanCurve(curves);
    out.rho_start = meanSd(curves.map((c) => c[0][1])).mean;
    out.rho_end = meanSd(curves.map((c) => c[c.length - 1][1])).mean;
  }
  if (m[0].sample !== undefined) out.samples = m.map((x) => x.sample);
  if (m[0].probe) {
    const p = m.map((x) => x.probe!), h = num(p.map((x) => x.horizon));
    Object.assign(out, {
      probe_lags: p[0].lags, probe_accuracy: meanArray(p.map((x) => x.accuracy)), probe_chance: p[0].chance,
      probe_baseline: p[0].baseline, probe_margin: p[0].margin,
      memory_horizon: h.mean, memory_horizon_sd: h.sd, memory_horizon_seeds: h.seeds,
    });
  }
  if (m[0].decay) {
    const d = m.map((x) => x.decay!), r = num(d.map((x) => x.reach));
    Object.assign(out, { decay_window: d[0].window, gradient_decay: meanArray(d.map((x) => x.ratio)),
      gradient_reach: r.mean, gradient_reach_sd: r.sd, gradient_reach_seeds: r.seeds });
  }
  if (m[0].decay_start) {
    const d = m.map((x) => x.decay_start!), r = num(d.map((x) => x.reach));
    Object.assign(out, { gradient_decay_init: meanArray(d.map((x) => x.ratio)),
      gradient_reach_init: r.mean, gradient_reach_init_sd: r.sd, gradient_reach_init_seeds: r.seeds });
  }
  if (m[0].hidden) {
    const h = m.map((x) => x.hidden!);
    for (const k of ["mean", "std", "min", "max", "saturated", "dead"] as const) out[`hidden_${k}`] = meanSd(h.map((x) => x[k])).mean;
  }
  if (m[0].cascade) {
    const c = m.map((x) => x.cascade!), len = num(c.map((x) => x.cascade_length));
    Object.assign(out, {
      cascade_extra_loss: meanArray(c.map((x) => x.extra_loss)), cascade_length: len.mean, cascade_length_sd: len.sd,
      cascade_length_seeds: len.seeds, cascade_threshold: c[0].threshold,
      extra_loss_total: meanSd(c.map((x) => x.extra_loss.reduce((a, b) => a + b, 0))).mean,
      extra_loss_total_sd: meanSd(c.map((x) => x.extra_loss.reduce((a, b) => a + b, 0))).sd,
      word_error_rate: meanSd(c.map((x) => x.word_error_rate)).mean, word_error_rate_sd: meanSd(c.map((x) => x.word_error_rate)).sd,
      grammatical_rate: meanSd(c.map((x) => x.grammatical_rate)).mean,
      error_after_error: meanArray(c.map((x) => x.error_after_error)),
    });
  }
  if (m[0].categories) {
    const c = m.map((x) => x.categories!), ratio = num(c.map((x) => x.ratio)), near = num(c.map((x) => x.nearest_share));
    Object.assign(out, {
      category_separation: ratio.mean, category_separation_sd: ratio.sd, category_separation_seeds: ratio.seeds,
      category_nearest: near.mean, category_nearest_sd: near.sd, category_count: c[0].categories,
    });
  }
  if (m[0].similarity) {
    const s = m.map((x) => x.similarity!);
    const cos = new Map<string, { category: string; values: number[] }>();
    for (const one of s) for (const n of one.neighbours) {
      const e = cos.get(n.word) ?? { category: n.category, values: [] };
      e.values.push(n.cosine); cos.set(n.word, e);
    }
    const neighbours = [...cos].map(([word, e]) => ({ word, category: e.category, cosine: meanSd(e.values).mean, cosine_sd: meanSd(e.values).sd }))
      .sort((a, b) => b.cosine - a.cosine);
    Object.assign(out, {
      replace: s[0].replace, nonce: s[0].nonce, category: s[0].category, occurrences: s[0].occurrences,
      cosine_to_replaced: meanSd(s.map((x) => x.cosine_to_replaced)).mean, cosine_to_replaced_sd: meanSd(s.map((x) => x.cosine_to_replaced)).sd,
      same_category_share: meanSd(s.map((x) => x.same_category_share)).mean,
      same_category_share_seeds: s.map((x) => x.same_category_share),
      neighbours, pca: s[0].pca,
    });
  }
  return out;
}
