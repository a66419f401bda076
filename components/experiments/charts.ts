/** The charts and tables of a finished study: what each study measured, drawn with the platform's charts. */
import { html, nothing, type TemplateResult } from "lit";
import { columnsFor } from "../../lab/columns.js";
import type { Curve, RunSummary, StudyResult } from "../../lab/types.js";
import type { LineSeries } from "../charts/line-chart/line-chart.js";
import type { ScatterPoint } from "./scatter.js";
import "../charts/bar-chart/bar-chart.js";
import "../charts/line-chart/line-chart.js";
import "./scatter.js";
import { fmt, pct } from "../../bindings/format.js";

const num = (v: unknown) => (typeof v === "number" ? v : NaN);
const curveOf = (r: RunSummary, key: string) => (r.metrics[key] as Curve | undefined) ?? [];

/** A line chart of one curve metric per variant (x from the first run). */
function curveChart(result: StudyResult, key: string, label: string, yLabel: string, log = false): TemplateResult {
  const first = curveOf(result.runs[0], key);
  const series: LineSeries[] = result.runs.map((r) => ({ label: r.label, values: curveOf(r, key).map(([, v]) => v) }));
  return html`<div class="card"><rnn-line-chart .label=${label} y-label=${yLabel} ?log=${log} .x=${first.map(([s]) => s)} .series=${series}></rnn-line-chart></div>`;
}

/** A line chart of per-index arrays (lags, steps after a mistake) per variant, plus reference lines. */
function arrayChart(result: StudyResult, key: string, label: string, xLabel: string, yLabel: string, opts: { log?: boolean; start?: number; refs?: LineSeries[] } = {}): TemplateResult {
  const arrays = result.runs.map((r) => (r.metrics[key] as number[] | undefined) ?? []);
  const n = Math.max(0, ...arrays.map((a) => a.length)), start = opts.start ?? 0;
  const series: LineSeries[] = [...result.runs.map((r, i) => ({ label: r.label, values: arrays[i] })), ...(opts.refs ?? [])];
  return html`<div class="card"><rnn-line-chart .label=${label} x-label=${xLabel} y-label=${yLabel} ?log=${opts.log ?? false}
    .x=${Array.from({ length: n }, (_, i) => i + start)} .series=${series}></rnn-line-chart></div>`;
}

export function finalLossBars(result: StudyResult): TemplateResult {
  return html`<div class="card"><rnn-bar-chart label="Final training loss (mean ± sd over seeds)" y-label="nats/char"
    .bars=${result.runs.map((r) => ({ label: r.label, value: r.final_loss }))}
    .spread=${result.runs.map((r) => (Number.isFinite(num(r.metrics.final_loss_sd)) ? num(r.metrics.final_loss_sd) : 0))}></rnn-bar-chart></div>`;
}

/** The study's table: mean ± sd per variant. */
export function resultTable(result: StudyResult): TemplateResult {
  const cols = columnsFor(result);
  return html`<p class="note" id="table-caption">One row per variant: mean ± sd over ${result.seeds.length} seed${result.seeds.length > 1 ? "s" : ""}; losses in nats per character.</p>
    <div class="scroll-x" tabindex="0" role="region" aria-labelledby="table-caption"><table class="results" aria-labelledby="table-caption">
    <thead><tr>${cols.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
    <tbody>${result.runs.map((r) => html`<tr>${cols.map((c, i) => (i === 0 ? html`<th scope="row">${c.text(r)}</th>` : html`<td class=${c.key === "verdict" ? `verdict ${c.text(r)}` : ""}>${c.text(r)}</td>`))}</tr>`)}</tbody>
  </table></div>`;
}

const BINS: Array<[number, number]> = [[1, 3], [4, 7], [8, 12], [13, 18], [19, 25], [26, 50], [51, 100]];

function probeBins(result: StudyResult): TemplateResult {
  const maxLag = Math.max(...result.runs.map((r) => ((r.metrics.probe_accuracy as number[]) ?? []).length));
  const bins = BINS.filter(([a]) => a <= maxLag).map(([a, b]) => [a, Math.min(b, maxLag)] as const);
  const mean = (xs: number[], [a, b]: readonly [number, number]) => xs.slice(a - 1, b).reduce((s, x) => s + x, 0) / (b - a + 1);
  const base = result.runs[0].metrics.probe_baseline as number[];
  return html`<div class="card"><p class="note" id="bins-caption">Probe accuracy by distance (mean over the lags in each bin); the last row is the current-character baseline.</p>
    <div class="scroll-x" tabindex="0" role="region" aria-labelledby="bins-caption"><table class="results" aria-labelledby="bins-caption">
    <thead><tr><th scope="col">run</th>${bins.map(([a, b]) => html`<th scope="col">d = ${a}–${b}</th>`)}</tr></thead>
    <tbody>
      ${result.runs.map((r) => html`<tr><th scope="row">${r.label}</th>${bins.map((bin) => html`<td>${pct(mean(r.metrics.probe_accuracy as number[], bin))}</td>`)}</tr>`)}
      <tr class="ref"><th scope="row">baseline</th>${bins.map((bin) => html`<td>${pct(mean(base, bin))}</td>`)}</tr>
    </tbody></table></div></div>`;
}

function samples(result: StudyResult): TemplateResult | typeof nothing {
  const withSamples = result.runs.filter((r) => Array.isArray(r.metrics.samples));
  if (!withSamples.length) return nothing;
  return html`<div class="card"><h3>Samples (seed ${result.seeds[0]}, temperature 0.8)</h3>
    ${withSamples.map((r) => html`<p class="sample-label">${r.label}</p><pre class="sample">${(r.metrics.samples as string[])[0]}</pre>`)}</div>`;
}

function similarity(result: StudyResult): TemplateResult {
  return html`${result.runs.map((r) => {
    const m = r.metrics, nb = (m.neighbours as Array<{ word: string; category: string; cosine: number }>) ?? [];
    const pca = m.pca as { words: string[]; categories: string[]; x: number[]; y: number[]; explained: [number, number] } | undefined;
    // six groups for six series colors: the noun categories, verbs, and the rest; the made-up word is marked apart
    const group = (c: string) => (c.startsWith("noun") || c === "verb" ? c : c === "nonce" ? "made-up word" : "other words");
    const near = new Set(nb.slice(0, 5).map((n) => n.word));
    const points: ScatterPoint[] = pca ? pca.words.map((w, i) => ({ label: w, group: group(pca.categories[i]), x: pca.x[i], y: pca.y[i],
      highlight: w === m.nonce, labelled: near.has(w) })) : [];
    return html`<div class="grid two">
      <div class="card"><h3>“${String(m.nonce)}” in place of “${String(m.replace)}” (${String(m.category)})</h3>
        <rnn-bar-chart label="Cosine similarity to “${String(m.nonce)}”: 10 nearest words" y-label="cosine"
          .range=${[Math.min(0, ...nb.slice(0, 10).map((n) => n.cosine)), 1]}
          .bars=${nb.slice(0, 10).map((n) => ({ label: n.word, value: n.cosine, color: n.category === m.category ? "series-1" : "series-6" }))}></rnn-bar-chart>
        <p class="note">Bars in the first color share “${String(m.replace)}”’s category. Cosine to “${String(m.replace)}” itself (original text): ${fmt(num(m.cosine_to_replaced), 2)}.</p>
      </div>
      <div class="card">${pca ? html`<rnn-lab-scatter label="Word states, first two principal components (seed ${result.seeds[0]})"
        .points=${points} .axes=${[`PC1 (${pct(pca.explained[0])} of variance)`, `PC2 (${pct(pca.explained[1])})`]}></rnn-lab-scatter>` : nothing}</div>
    </div>`;
  })}`;
}

/** Charts specific to each study (the loss curves and table are drawn by the view for every study). */
export function studyCharts(result: StudyResult): TemplateResult | typeof nothing {
  if (!result.runs.length) return nothing;
  const r0 = result.runs[0].metrics;
  switch (result.study) {
    case "init":
      return html`<div class="grid two">${curveChart(result, "spectral_radius_curve", "Spectral radius of W_hh during training", "ρ")}${finalLossBars(result)}</div>
        ${r0.gradient_decay_init ? html`<div class="grid two">
          ${arrayChart(result, "gradient_decay_init", "Gradient flow at initialisation: ‖∂ℓₜ/∂hₜ₋ₖ‖ / ‖∂ℓₜ/∂hₜ‖", "steps back (k)", "ratio (log)", { log: true })}
          ${arrayChart(result, "gradient_decay", "Gradient flow after training", "steps back (k)", "ratio (log)", { log: true })}
        </div>` : nothing}${samples(result)}`;
    case "hidden-size":
    case "learning-rate":
      return finalLossBars(result);
    case "tbptt":
      return html`<div class="grid two">
        ${arrayChart(result, "probe_accuracy", "Memory probe: accuracy by distance", "characters back (d)", "accuracy", { start: 1, refs: [
          { label: "current-character baseline", values: r0.probe_baseline as number[], color: "series-6" },
          { label: "chance", values: r0.probe_chance as number[], color: "series-5" }] })}
        ${arrayChart(result, "gradient_decay", "Gradient decay: ‖∂ℓₜ/∂hₜ₋ₖ‖ / ‖∂ℓₜ/∂hₜ‖", "steps back (k)", "ratio (log)", { log: true })}
      </div>${probeBins(result)}`;
    case "activation":
      return html`<div class="grid two">${curveChart(result, "grad_norm_curve", "Gradient norm before clipping", "‖g‖ (log)", true)}${finalLossBars(result)}</div>`;
    case "clipping":
      return html`<div class="grid two">${curveChart(result, "clip_curve", "Share of steps clipped", "fraction")}${finalLossBars(result)}</div>`;
    case "teacher-forcing":
      return html`<div class="grid two">
        ${arrayChart(result, "cascade_extra_loss", "Extra loss after one wrong character", "characters after the mistake (k)", "nats")}
        ${arrayChart(result, "error_after_error", "Free-running: P(non-word k words after a non-word)", "k (words)", "probability", { start: 1 })}
      </div>${samples(result)}`;
    case "reservoir":
      return html`<div class="grid two">${curveChart(result, "spectral_radius_curve", "Spectral radius of W_hh during training", "ρ")}${finalLossBars(result)}</div>`;
    case "similarity":
      return similarity(result);
  }
  return nothing;
}
