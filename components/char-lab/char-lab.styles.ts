import { css } from "lit";

/** Layout of the character lab and its panels: cards, control grids, read-outs, the guide. */
export const charLabStyles = css`
  :host { display: block; container-type: inline-size; padding: var(--_gap); min-width: 0; }
  h2 { font-size: 1.15em; margin: 0 0 4px; }
  h3 { font-size: 1em; margin: 0 0 8px; }
  p { margin: 0 0 8px; }
  .lead { color: var(--_muted); max-width: 75ch; }
  .grid { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); margin-top: var(--_gap); }
  @container (min-width: 860px) { .grid.two { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; } }
  .card { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 12px; min-width: 0; }
  .controls { display: grid; gap: 10px 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 200px), 1fr)); align-items: end; }
  .buttons { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 10px 0; }
  .field label { display: block; font-size: 0.9em; margin-bottom: 2px; }
  .field input { width: 100%; font: inherit; font-family: var(--_mono); font-size: 0.9em; padding: 5px 7px;
    color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); }
  .field input[aria-invalid="true"] { border-color: var(--_error); }
  .field .error { color: var(--_error); font-size: 0.85em; margin-top: 2px; }
  .stats { display: grid; gap: 2px 12px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 170px), 1fr)); margin: 8px 0; font-size: 0.9em; }
  .stats div { display: flex; justify-content: space-between; gap: 8px; border-bottom: 1px dotted var(--_border); }
  .stats dt { color: var(--_muted); }
  .stats dd { margin: 0; font-family: var(--_mono); text-align: right; }
  .stats.facts { grid-template-columns: minmax(0, 1fr); max-width: 26em; }
  .note { color: var(--_muted); font-size: 0.85em; }
  .milestone { border-left: 3px solid var(--_success); padding: 4px 10px; margin: 8px 0; }
  math { font-size: 1.05em; }
  math[display="block"] { margin: 6px 0; overflow-x: auto; overflow-y: hidden; max-width: 100%; padding: 2px 0; }
  @container (max-width: 520px) { math { font-size: 0.9em; } }
  .guide { margin-top: var(--_gap); }
  .guide summary { cursor: pointer; font-weight: 600; }
  .guide ul { margin: 4px 0 8px; padding-left: 1.2em; }
  .guide li { margin: 2px 0; }
  rnn-message { display: block; margin: 8px 0; }
  rnn-tabs { margin-top: var(--_gap); }
  table { border-collapse: collapse; width: 100%; font-size: 0.88em; }
  th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--_border); vertical-align: top; }
  td.num, th.num { text-align: right; font-family: var(--_mono); white-space: nowrap; }
  .scroll { overflow-x: auto; }
  pre.sample { margin: 0; font-family: var(--_mono); font-size: 0.82em; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 8em; overflow: auto; }
`;
