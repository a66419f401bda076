import { css } from "lit";

export const flowStyles = css`
  .controls-card { margin-top: var(--_gap); }
  section.card + section.card, .grid + section.card, section.card + .grid { margin-top: var(--_gap); }
  /* wide screens: every study setting in one row, so the Run button and the accuracy chart share the first screen */
  @container (min-width: 1100px) { .controls-card .controls { grid-template-columns: minmax(0, 1.3fr) repeat(6, minmax(0, 1fr)); } }
  .chart-controls { display: flex; flex-wrap: wrap; gap: 8px 16px; margin-bottom: 8px; }
  .chart-controls rnn-select { min-width: 9em; }
  table.results { margin-top: 10px; }
  table.results math { font-size: max(11px, 0.92em); }
`;
