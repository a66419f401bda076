/**
 * The design grid as a table for one (hidden size, activation) pair: one row per chunk
 * length with its loss, held-out loss, memory horizon, parameters and status, the best row
 * of the pair marked, and whether it is also the best cell of the whole grid.
 */
import { html, nothing } from "lit";
import { fmtMeanSd } from "../../lab/stats.js";
import { fmt } from "../../bindings/format.js";
import type { Atom } from "../../lab/study.js";
import type { RunSummary } from "../../lab/types.js";
import "../ui/select/select.js";

export interface GridCell { hiddenSize: number; activation: string; seqLen: number }
export interface GridPair { hiddenSize: number; activation: string }

const num = (v: unknown) => (typeof v === "number" ? v : NaN);
const cellOf = (r: RunSummary) => r.value as unknown as GridCell;

/** The rows of one pair, in the order of the chunk lengths, and the pair's best (lowest final loss) row. */
export function pairRows(runs: readonly RunSummary[], pair: GridPair, seqLens: readonly Atom[]) {
  const rows = seqLens.map((s) => runs.find((r) => { const c = cellOf(r); return c.hiddenSize === pair.hiddenSize && c.activation === pair.activation && c.seqLen === Number(s); }))
    .filter((r): r is RunSummary => !!r);
  const finite = rows.filter((r) => Number.isFinite(r.final_loss));
  const best = finite.length ? finite.reduce((a, b) => (b.final_loss < a.final_loss ? b : a)) : undefined;
  return { rows, best };
}

export function gridTable(runs: readonly RunSummary[], lists: Atom[][], pair: GridPair, select: (p: GridPair) => void) {
  const [H, A, S] = lists;
  const { rows, best } = pairRows(runs, pair, S);
  const finite = runs.filter((r) => Number.isFinite(r.final_loss));
  const overall = finite.length ? finite.reduce((a, b) => (b.final_loss < a.final_loss ? b : a)) : undefined;
  const seeds = (r: RunSummary) => r.config.seeds.length;
  return html`<div class="pair-table">
    <h3>One row per chunk length</h3>
    <div class="predict">
      <rnn-select label="Hidden size" .value=${String(pair.hiddenSize)} .options=${H.map(String)}
        @rnn-change=${(e: CustomEvent<{ value: string }>) => { e.stopPropagation(); select({ ...pair, hiddenSize: Number(e.detail.value) }); }}></rnn-select>
      <rnn-select label="Activation" .value=${pair.activation} .options=${A.map(String)}
        @rnn-change=${(e: CustomEvent<{ value: string }>) => { e.stopPropagation(); select({ ...pair, activation: e.detail.value }); }}></rnn-select>
    </div>
    <p class="axes" id="pair-caption">H = ${pair.hiddenSize}, ${pair.activation}: losses in nats per character, mean ± sd over the seeds; ★ marks the lowest final loss of these rows.</p>
    <div class="scroll-x" tabindex="0" role="region" aria-labelledby="pair-caption">
      <table class="results" data-testid="pair-table" aria-labelledby="pair-caption">
        <thead><tr><th scope="col">chunk length</th><th scope="col">final loss</th><th scope="col">held-out loss</th><th scope="col">memory horizon</th>
          <th scope="col">parameters</th><th scope="col">status</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr class=${r === best ? "best" : ""} data-best=${r === best ? "true" : "false"}>
          <th scope="row">${cellOf(r).seqLen}${r === best ? html` <span aria-label="best row">★ best</span>` : nothing}</th>
          <td>${fmtMeanSd({ mean: r.final_loss, sd: num(r.metrics.final_loss_sd), n: seeds(r) })}</td>
          <td>${fmtMeanSd({ mean: num(r.metrics.final_val_loss), sd: num(r.metrics.final_val_loss_sd), n: seeds(r) })}</td>
          <td>${Number.isFinite(num(r.metrics.memory_horizon)) ? fmt(num(r.metrics.memory_horizon)) : "—"}</td>
          <td>${num(r.metrics.params).toLocaleString("en-US")}</td>
          <td class="status-cell">${String(r.metrics.verdict)}</td></tr>`)}</tbody>
      </table>
    </div>
    ${best && overall ? html`<p class="axes">${best === overall ? `This row is also the best cell of the whole grid.`
      : `The best cell of the whole grid is ${overall.label} at ${fmt(overall.final_loss, { decimals: 3 })}; this pair's best is ${fmt(best.final_loss - overall.final_loss, { decimals: 3 })} higher.`}</p>` : nothing}
  </div>`;
}
