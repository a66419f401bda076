/**
 * The history table: what the network saw, what it should have said next and what it
 * said, step by step, in the sequence's own units; and the same as a CSV download.
 */
import { html, type TemplateResult } from "lit";
import type { StepTrace } from "../../lessons/sequence-lab.js";
import { fmt } from "../../bindings/format.js";
import { downloadCSV } from "../charts/export.js";

export const HISTORY_COLUMNS = ["step", "input x_t", "expected next", "output y_t", "error", "expected Δ", "actual Δ"] as const;

const row = (s: StepTrace) => [s.t, s.xUnits, s.expected, s.actual, s.error, s.expectedDelta, s.actualDelta];

export function historyTable(steps: readonly StepTrace[], current: number): TemplateResult {
  return html`<div class="scroll table-wrap" tabindex="0" role="region" aria-label="History table (scrolls)"><table class="history">
    <caption class="visually-hidden">History of the steps processed so far</caption>
    <thead><tr>${HISTORY_COLUMNS.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${steps.map((s) => html`<tr class=${s.t === current ? "current" : ""} aria-current=${s.t === current ? "step" : "false"}>
      ${row(s).map((v, k) => (k === 0 ? html`<th scope="row">${v}</th>`
        : html`<td title=${String(v)} class=${k === 4 && Math.abs(v) > 0.05 * Math.max(1e-9, Math.abs(s.expected)) ? "off" : ""}>${fmt(v)}</td>`))}
    </tr>`)}</tbody>
  </table></div>`;
}

export function downloadHistory(steps: readonly StepTrace[], name: string): void {
  const cols: Record<string, number[]> = {};
  HISTORY_COLUMNS.forEach((h, k) => { cols[h] = steps.map((s) => row(s)[k]); });
  downloadCSV(cols, `${name}.csv`);
}
