/** The table of a study: the same columns in the report, the CSV export and the view. */
import { fmtMeanSd } from "./stats.js";
import type { RunSummary, StudyResult } from "./types.js";

export interface Column {
  key: string;
  label: string;
  /** the value as a number (or text) for CSV */
  value(r: RunSummary): number | string;
  /** the value as shown in tables */
  text(r: RunSummary): string;
}

const num = (v: unknown) => (typeof v === "number" ? v : NaN);
const withSd = (key: string, label: string, digits = 3): Column => ({
  key, label,
  value: (r) => (key === "final_loss" ? r.final_loss : num(r.metrics[key])),
  text: (r) => fmtMeanSd({ mean: key === "final_loss" ? r.final_loss : num(r.metrics[key]), sd: num(r.metrics[`${key}_sd`]), n: r.config.seeds.length }, digits),
});
const plain = (key: string, label: string, show: (v: number) => string): Column => ({
  key, label, value: (r) => num(r.metrics[key]), text: (r) => (Number.isFinite(num(r.metrics[key])) ? show(num(r.metrics[key])) : "—"),
});
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Optional columns, shown when the study measured them. */
const EXTRA: Column[] = [
  plain("clip_fraction", "clipped steps", pct),
  withSd("memory_horizon", "memory horizon", 1),
  withSd("gradient_reach", "gradient reach", 1),
  withSd("gradient_reach_init", "gradient reach at start", 1),
  plain("rho_start", "ρ start", (v) => v.toFixed(2)),
  plain("rho_end", "ρ end", (v) => v.toFixed(2)),
  plain("hidden_mean", "state mean", (v) => v.toFixed(2)),
  plain("hidden_std", "state sd", (v) => v.toFixed(2)),
  { key: "hidden_range", label: "state range", value: (r) => `${num(r.metrics.hidden_min)} to ${num(r.metrics.hidden_max)}`,
    text: (r) => (Number.isFinite(num(r.metrics.hidden_min)) ? `[${num(r.metrics.hidden_min).toFixed(2)}, ${num(r.metrics.hidden_max).toFixed(2)}]` : "—") },
  plain("hidden_saturated", "saturated", pct),
  plain("hidden_dead", "exactly 0", pct),
  withSd("cascade_length", "cascade length", 1),
  withSd("extra_loss_total", "extra loss after a mistake", 2),
  plain("word_error_rate", "non-words (free-running)", pct),
  plain("grammatical_rate", "grammatical sentences", pct),
  plain("same_category_share", "category-mates in top 5", pct),
  withSd("category_separation", "category separation", 2),
  plain("category_nearest", "words nearest own category", pct),
  plain("cosine_to_replaced", "cosine to replaced word", (v) => v.toFixed(2)),
];

/** Columns always shown for a study of this id, beyond the losses. */
const ALWAYS: Record<string, string[]> = {
  "hidden-size": ["params", "seconds"], grid: ["params"], clipping: ["clip_fraction"],
};

export function columnsFor(result: Pick<StudyResult, "study" | "runs">): Column[] {
  const r0 = result.runs[0];
  const cols: Column[] = [
    { key: "label", label: "run", value: (r) => r.label, text: (r) => r.label },
    withSd("final_loss", "final loss"),
    withSd("final_val_loss", "held-out loss"),
    { key: "verdict", label: "status", value: (r) => String(r.metrics.verdict), text: (r) => String(r.metrics.verdict) },
  ];
  for (const k of ALWAYS[result.study] ?? []) {
    if (k === "params") cols.push(plain("params", "parameters", (v) => v.toLocaleString("en-US")));
    if (k === "seconds") cols.push(plain("seconds", "train time (s)", (v) => v.toFixed(1)));
  }
  // the range column reads two measures (min and max)
  const has = (k: string) => r0.metrics[k === "hidden_range" ? "hidden_min" : k] !== undefined;
  if (r0) for (const c of EXTRA) if (has(c.key) && !cols.some((x) => x.key === c.key)) cols.push(c);
  return cols;
}

/** Every run of a study as CSV, one row per variant (means over seeds, with sd columns). */
export function studyCSV(result: StudyResult): string {
  const cols = columnsFor(result);
  const head = ["study", ...cols.flatMap((c) => (c.key === "label" || c.key === "verdict" ? [c.key] : [c.key, `${c.key}_sd`])), "seeds"];
  const cell = (v: unknown) => { const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : String(v ?? ""); return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
  const rows = result.runs.map((r) => [result.study, ...cols.flatMap((c) => {
    if (c.key === "label" || c.key === "verdict") return [c.value(r)];
    return [c.value(r), c.key === "final_loss" ? r.metrics.final_loss_sd : r.metrics[`${c.key}_sd`]];
  }), r.config.seeds.join(" ")].map(cell).join(","));
  return [head.join(","), ...rows].join("\n") + "\n";
}

/** Curves of a study as long-format CSV: study, run, series, step, value. */
export function curvesCSV(result: StudyResult): string {
  const lines = ["study,run,series,step,value"];
  for (const r of result.runs) {
    const series: Array<[string, unknown]> = [["train_loss", r.loss_curve], ["val_loss", r.metrics.val_curve], ["grad_norm", r.metrics.grad_norm_curve],
      ["clip_fraction", r.metrics.clip_curve], ["spectral_radius", r.metrics.spectral_radius_curve]];
    for (const [name, c] of series) for (const [step, v] of (c as Array<[number, number]> | undefined) ?? []) lines.push(`${result.study},"${r.label}",${name},${step},${Number.isFinite(v) ? v : ""}`);
  }
  return lines.join("\n") + "\n";
}
