import { css } from "lit";

export const esnStyles = css`
  .controls-card { margin-top: var(--_gap); }
  section.card + section.card, .grid + section.card, section.card + .grid, .grid + .grid { margin-top: var(--_gap); }
  /* the task names are long ("Mackey-Glass, one step ahead"): two columns where there are two */
  @container (min-width: 480px) { .controls .wide { grid-column: span 2; } }
  .observations { margin: 8px 0 0; padding-left: 1.2em; }
`;
