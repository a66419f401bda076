import { css } from "lit";

export const stemPlotStyles = css`
  :host { display: block; min-width: 0; }
  .plot { touch-action: pan-y; cursor: ew-resize; border-radius: calc(var(--_radius) / 2); user-select: none; }
  .plot:focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }
  svg { display: block; overflow: visible; }
  .label { fill: var(--_fg); font-size: 12px; font-family: var(--_mono); }
  .tick { fill: var(--_muted); font-size: 11px; font-family: var(--_mono); }
  .tick.now { fill: var(--_accent); font-weight: 700; }
  .zero { stroke: var(--_border); stroke-width: 1; }
  .cursor { fill: var(--_accent); opacity: 0.12; }
  .shade { fill: var(--_muted); opacity: 0.08; }
  .shade-label { fill: var(--_muted); font-size: 11px; }
  .stem line { stroke: var(--c); stroke-width: 1.5; }
  .stem circle { fill: var(--c); }
  .stem.on line { stroke: var(--_accent); stroke-width: 3; }
  .stem.on circle { fill: var(--_accent); stroke: var(--_bg); stroke-width: 1.5; }
  .clip { fill: none; stroke: var(--c); stroke-width: 1.5; }
  .overflow { fill: var(--_error); font-size: 12px; }
  .row.toggle .stem circle { stroke: var(--c); }
  .row.toggle { cursor: pointer; }
  /* on a phone the plot is drawn narrower than its coordinates: larger type keeps the labels at 11 px or more */
  @container (max-width: 520px) { .label, .tick, .shade-label { font-size: 13px; } }
  .readout { margin-bottom: 2px; overflow-wrap: anywhere; }
`;
