/**
 * One colour and one name per cell (vanilla RNN, LSTM, GRU) for every view: charts take
 * `cellSeries`, tables and legends `cellLabel`, so a reader who learns "LSTM is blue" in
 * one lesson reads every other lesson the same way. Colours are the `--rnn-cell-*` tokens.
 */
import { css, html, type TemplateResult } from "lit";
import { CELL_NAME, type CellKind } from "../../bindings/types.js";

export { CELL_NAME };

/** The theme token of a cell's colour ("cell-lstm"), as a chart series `color`. */
export const cellColor = (cell: CellKind) => `cell-${cell}`;

/** A chart series for one cell: its name as the label, its colour. */
export const cellSeries = (cell: CellKind, values: ArrayLike<number>) => ({ label: CELL_NAME[cell], values, color: cellColor(cell) });

/** A cell's name with its colour swatch, for table rows and legends (needs `cellStyles`). */
export const cellLabel = (cell: CellKind): TemplateResult =>
  html`<span class="cell-name" data-cell=${cell}><span class="cell-swatch ${cell}" aria-hidden="true"></span>${CELL_NAME[cell]}</span>`;

export const cellStyles = css`
  .cell-name { white-space: nowrap; }
  .cell-swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.35em; vertical-align: -0.05em; }
  .cell-swatch.rnn { background: var(--_cell-rnn); }
  .cell-swatch.lstm { background: var(--_cell-lstm); }
  .cell-swatch.gru { background: var(--_cell-gru); }
`;
