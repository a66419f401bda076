import { css } from "lit";

/** The character lab and its panels, on top of the shared lessonStyles: control grids, statistics, the guide, tables, samples. */
export const charLabStyles = css`
  h3 { font-size: 1em; margin: 0 0 8px; }
  @container (min-width: 860px) { .grid.two { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; } }
  .controls { display: grid; gap: 10px 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 200px), 1fr)); align-items: end; }
  .buttons { margin: 10px 0; }
  .stats { display: grid; gap: 2px 12px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 170px), 1fr)); margin: 8px 0; font-size: 0.9em; }
  .stats div { display: flex; justify-content: space-between; gap: 8px; border-bottom: 1px dotted var(--_border); }
  .stats dt { color: var(--_muted); }
  .stats dd { margin: 0; font-family: var(--_mono); text-align: right; }
  .stats.facts { grid-template-columns: minmax(0, 1fr); max-width: 26em; }
  .milestone { border-left: 3px solid var(--_success); padding: 4px 10px; margin: 8px 0; }
  @container (max-width: 520px) { math { font-size: 0.9em; } }
  .guide li { margin: 2px 0; }
  rnn-tabs { margin-top: var(--_gap); }
  table { border-collapse: collapse; width: 100%; font-size: 0.88em; }
  th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--_border); vertical-align: top; }
  td.num, th.num { text-align: right; font-family: var(--_mono); white-space: nowrap; }
  .scroll { overflow-x: auto; }
  pre.sample { margin: 0; font-family: var(--_mono); font-size: 0.82em; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 8em; overflow: auto; }
`;
