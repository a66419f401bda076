/**
 * The training panel: Train (BPTT) against random search for the same number of loss
 * evaluations, a live loss curve, the gradient-norm read-out and the final comparison.
 */
import { html, nothing, type TemplateResult } from "lit";
import { compareRuns, usPerEvaluation, type RunProgress, type RunSummary } from "../../lessons/sequence-lab.js";
import { fmt } from "../../bindings/format.js";
import type { LineSeries } from "../charts/line-chart/line-chart.js";

export interface Run { summary: RunSummary; key: string }

export interface TrainingView {
  bptt?: Run;
  random?: Run;
  /** curves of runs under way */
  live: { bptt?: RunProgress; random?: RunProgress };
  /** the key of the current start (weights, sequence, network, budget) */
  key: string;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
/** Engine time per evaluation: BPTT's forward + backward + update, random search's forward, timed alike. */
const perEval = (r: RunSummary) => `${fmt(usPerEvaluation(r))} µs`;

export function lossSeries(v: TrainingView): LineSeries[] {
  const out: LineSeries[] = [];
  const b = v.live.bptt?.curve ?? v.bptt?.summary.curve, r = v.live.random?.curve ?? v.random?.summary.curve;
  if (b) out.push({ label: "BPTT: loss at each step", values: b, color: "series-1" });
  if (r) out.push({ label: "Random search: best so far", values: r, color: "series-2" });
  return out;
}

export function readouts(v: TrainingView): TemplateResult {
  const lb = v.live.bptt, lr = v.live.random;
  const b = lb ? { k: lb.evaluation, n: lb.budget, loss: lb.curve[lb.curve.length - 1], g: lb.gradNorm, clipped: lb.clippedSteps ?? 0 } : undefined;
  const bs = v.bptt?.summary;
  return html`<dl class="readouts">
    <dt>BPTT</dt><dd>${b ? html`evaluation ${b.k} of ${b.n}: loss ${fmt(b.loss)}, ‖∇‖ ${fmt(b.g ?? NaN)}, clipped ${b.clipped} of ${b.k} steps`
      : bs ? html`${bs.evaluations} evaluations: loss ${fmt(bs.startLoss)} → ${fmt(bs.finalLoss)}; last ‖∇‖ ${fmt(bs.gradNorms?.at(-1) ?? NaN)};
        clipped ${bs.clippedSteps} of ${bs.evaluations} steps${bs.divergences ? html`; ${bs.divergences} steps were not finite and were skipped` : nothing}; ${perEval(bs)} per step`
      : "not run yet"}</dd>
    <dt>Random search</dt><dd>${lr ? html`evaluation ${lr.evaluation} of ${lr.budget}: best loss ${fmt(lr.curve[lr.curve.length - 1])}, ${plural(lr.accepted ?? 0, "proposal")} kept`
      : v.random ? html`${v.random.summary.evaluations} evaluations: loss ${fmt(v.random.summary.startLoss)} → ${fmt(v.random.summary.finalLoss)};
        ${plural(v.random.summary.accepted ?? 0, "proposal")} kept; ${perEval(v.random.summary)} per evaluation` : "not run yet"}</dd>
  </dl>`;
}

export function comparison(v: TrainingView, use: (r: Run) => void): TemplateResult | typeof nothing {
  const b = v.bptt, r = v.random;
  if (!b || !r) return nothing;
  if (b.key !== r.key || b.summary.evaluations !== r.summary.evaluations) {
    return html`<p class="note">The last BPTT run and the last random search started from different weights or settings,
      so they are not compared. <em>Compare both</em> runs the two from the same start.</p>`;
  }
  const c = compareRuns(b.summary, r.summary), current = b.key === v.key;
  return html`<div class="compare">
    <h4>Comparison</h4>
    <p class="statement">${c.sentence}</p>
    <p class="statement" data-testid="cost">${c.costSentence}</p>
    <table class="history">
      <thead><tr><th scope="col">method</th><th scope="col">evaluations</th><th scope="col">start loss</th><th scope="col">final loss</th>
        <th scope="col">engine time per evaluation</th><th scope="col"></th></tr></thead>
      <tbody>${[["BPTT", b], ["Random search", r]].map(([name, run]) => {
        const s = (run as Run).summary;
        return html`<tr><th scope="row">${name}</th><td>${s.evaluations}</td><td>${fmt(s.startLoss)}</td><td class=${(c.winner === "bptt") === (name === "BPTT") && c.winner !== "tie" ? "best" : ""}>${fmt(s.finalLoss)}</td>
          <td>${perEval(s)}</td><td><rnn-button variant="quiet" @click=${() => use(run as Run)}>Use these weights</rnn-button></td></tr>`;
      })}</tbody>
    </table>
    ${current ? nothing : html`<p class="note">These runs started from weights or settings other than the current ones.</p>`}
  </div>`;
}
