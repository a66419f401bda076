import { css } from "lit";

export const smallMultiplesStyles = css`
  :host { display: block; }
  .grid { display: grid; gap: var(--_gap); grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--rnn-multiple-min, 220px)), 1fr)); }
  .cell { border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); padding: 6px; min-width: 0; }
  .name { font-size: 0.82em; color: var(--_muted); margin-bottom: 2px; }
`;
