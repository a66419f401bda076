import { css } from "lit";

export const stateSpaceStyles = css`
  .diagram { max-width: 520px; margin: 0 auto 8px; }
  @container (max-width: 520px) { .diagram text { font-size: 18px; } }
  .eigen-row { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
  .eigen { width: 150px; height: 150px; flex: none; }
  .eigen .unit { fill: none; stroke: var(--_muted); stroke-width: 1.2; stroke-dasharray: 4 3; }
  .eigen .rho { fill: none; stroke: var(--_accent); stroke-width: 1; opacity: 0.6; }
  .eigen .lambda { fill: var(--_series-2); stroke: var(--_bg); stroke-width: 1.5; }
  .eigen-row .readouts { flex: 1 1 200px; }
  .trajectory-row { display: flex; flex-wrap: wrap; gap: var(--_gap); align-items: flex-start; }
  .trajectory { width: 100%; max-width: 440px; height: auto; flex: 1 1 300px; }
  .trajectory .frame { fill: var(--_bg); stroke: var(--_border); }
  .trajectory .axis0, .eigen .axis0 { stroke: var(--_border); stroke-width: 1; }
  .trajectory .bar.h1 { fill: var(--_series-2); opacity: 0.7; }
  .trajectory .bar.h2 { fill: var(--_series-3); opacity: 0.7; }
  .trajectory .path { fill: none; stroke: var(--_muted); stroke-width: 1; opacity: 0.6; }
  .trajectory .pt.driven { fill: var(--_series-1); }
  .trajectory .pt.held { fill: var(--_series-4); }
  .trajectory .pt.clip { fill: none; stroke: var(--_error); stroke-width: 1.2; }
  .trajectory .now { fill: none; stroke: var(--_accent); stroke-width: 2.5; }
  .trajectory text, .eigen text { font-family: var(--_mono); font-size: 11px; fill: var(--_muted); }
  .trajectory .axis-label { font-size: 13px; fill: var(--_fg); }
  .legend { flex: 1 1 220px; font-size: 0.9em; }
  .table-scroll { overflow-x: auto; }
  table.separation { border-collapse: collapse; font-family: var(--_mono); font-size: 0.88em; }
  table.separation th, table.separation td { padding: 3px 10px; text-align: right; border-bottom: 1px solid var(--_border); white-space: nowrap; }
  table.separation th[scope="row"] { text-align: left; font-family: var(--_font); font-weight: 400; }
  table.separation thead th { font-family: var(--_font); font-weight: 600; }
  .legend p { margin: 0 0 6px; }
  .dot, .ring { display: inline-block; width: 10px; height: 10px; border-radius: 50%; vertical-align: -1px; margin-right: 4px; }
  .dot.driven { background: var(--_series-1); }
  .dot.held { background: var(--_series-4); }
  .ring { border: 2.5px solid var(--_accent); width: 12px; height: 12px; }
  /* on a phone the trajectory and eigenvalue plots are drawn smaller than their coordinates */
  @container (max-width: 520px) { .trajectory text, .eigen text { font-size: 13px; } }
`;
