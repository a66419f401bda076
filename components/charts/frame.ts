/** Pieces every chart shares: title row with export buttons, and the data table that is its text alternative. */
import { css, html, nothing, type TemplateResult } from "lit";
import { fmt } from "../../bindings/format.js";

export interface ExportAction { label: string; run(): void }

export function toolbar(title: string, actions: ExportAction[], hideExport: boolean): TemplateResult {
  return html`<div class="head" part="head">
    <span class="title" part="title">${title}</span>
    ${hideExport ? nothing : html`<span class="actions" part="toolbar" role="group" aria-label="Export ${title}">
      ${actions.map((a) => html`<button type="button" class="act" @click=${a.run} aria-label="${a.label} of ${title}">${a.label}</button>`)}
    </span>`}
  </div>`;
}

/** A table of at most `maxRows` rows (evenly spaced over the data) inside a disclosure. */
export function dataTable(caption: string, headers: string[], columns: ArrayLike<number | string | null>[], maxRows = 60): TemplateResult {
  const n = Math.max(0, ...columns.map((c) => c.length));
  const every = Math.max(1, Math.ceil(n / maxRows));
  const rows: number[] = [];
  for (let r = 0; r < n; r += every) rows.push(r);
  if (n && rows[rows.length - 1] !== n - 1) rows.push(n - 1);
  const cell = (v: number | string | null | undefined) => (typeof v === "number" ? fmt(v) : v ?? "–");
  return html`<details class="table" part="table">
    <summary>Data table${every > 1 ? ` (every ${every}th row of ${n})` : ""}</summary>
    <div class="scroll"><table>
      <caption>${caption}</caption>
      <thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr>${columns.map((c) => html`<td>${cell(c[r])}</td>`)}</tr>`)}</tbody>
    </table></div>
  </details>`;
}

export const frameStyles = css`
  :host { display: block; min-width: 0; }
  .head { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; flex-wrap: wrap; margin-bottom: 4px; }
  .title { font-weight: 600; font-size: 0.95em; }
  .actions { display: inline-flex; gap: 4px; }
  .act {
    font: inherit; font-size: 0.78em; padding: 2px 8px; min-height: 24px; cursor: pointer; color: var(--_muted);
    background: var(--_surface); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2);
  }
  .act:hover { color: var(--_fg); border-color: var(--_accent); }
  .readout { font-family: var(--_mono); font-size: 0.8em; color: var(--_muted); min-height: 1.4em; }
  details.table { font-size: 0.82em; margin-top: 4px; }
  details.table summary { cursor: pointer; color: var(--_muted); min-height: 24px; line-height: 24px; }
  .scroll { max-height: 240px; overflow: auto; border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); margin-top: 4px; }
  table { border-collapse: collapse; width: 100%; font-family: var(--_mono); }
  caption { text-align: left; padding: 4px 6px; font-family: var(--_font); color: var(--_muted); }
  th, td { padding: 2px 8px; text-align: right; border-bottom: 1px solid var(--_border); }
  th { position: sticky; top: 0; background: var(--_surface); }
  :host([compact]) .table, :host([compact]) .head { display: none; }
`;
