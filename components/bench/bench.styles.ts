import { css } from "lit";

export const benchStyles = css`
  section.card + section.card, section.card + .grid, .grid + section.card { margin-top: var(--_gap); }
  .controls-card, .guide { margin-top: var(--_gap); }
  fieldset { border: none; margin: 0; padding: 0; min-width: 0; }
  fieldset legend { font-size: 0.9em; margin-bottom: 4px; padding: 0; }
  .checks { display: flex; flex-wrap: wrap; gap: 4px 14px; }
  /* the whole label is the target: at least 28 px tall, with a box large enough to see on a phone */
  .checks label { display: inline-flex; align-items: center; gap: 6px; min-height: 28px; font-size: 0.92em; cursor: pointer; }
  .checks input { accent-color: var(--_accent); margin: 0; width: 1.05em; height: 1.05em; }
  .charts { display: grid; gap: 8px; margin-top: 12px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr)); }
  table.results td, table.results th { white-space: nowrap; }
  td.ratio { font-weight: 600; }
  .machine { font-size: 0.85em; color: var(--_muted); word-break: break-word; }
  pre.cli { font-family: var(--_mono); font-size: 0.85em; background: var(--_bg); border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2); padding: 6px 8px; overflow-x: auto; margin: 4px 0 8px; }
`;
