import { css } from "lit";

export const sequenceLabStyles = css`
  :host { container-type: inline-size; padding: var(--_gap); min-width: 0; }
  h2 { font-size: 1.15em; margin: 0 0 4px; }
  h3 { font-size: 1em; margin: 0 0 6px; }
  h4 { font-size: 0.95em; margin: 10px 0 4px; }
  p { margin: 0 0 8px; }
  .lead { color: var(--_muted); max-width: 75ch; }
  .grid { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); margin-top: var(--_gap); }
  @container (min-width: 820px) { .grid.two { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
  .card { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 12px; min-width: 0; }
  section.card:not(.grid section) { margin-top: var(--_gap); }
  .controls { display: grid; gap: 10px 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 200px), 1fr)); align-items: end; margin-bottom: 6px; }
  .field.wide { grid-column: 1 / -1; }
  .field label { display: block; font-size: 0.9em; margin-bottom: 2px; }
  .field input {
    width: 100%; font: inherit; font-family: var(--_mono); font-size: 0.9em; padding: 5px 7px;
    color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2);
  }
  .field input[aria-invalid="true"] { border-color: var(--_error); }
  .error { color: var(--_error); font-size: 0.85em; margin-top: 2px; }
  .hint { color: var(--_muted); font-size: 0.8em; margin-top: 2px; }
  .buttons { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; margin: 6px 0; }
  rnn-slider.steps { flex: 1 1 220px; min-width: 0; }
  .weights { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: flex-start; }
  .note { color: var(--_muted); font-size: 0.85em; }
  .seq { font-family: var(--_mono); overflow-wrap: anywhere; margin-top: 8px; }
  .head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; flex-wrap: wrap; }
  .step-grid { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); align-items: start; margin-top: 8px; }
  @container (min-width: 980px) { .step-grid { grid-template-columns: minmax(0, 11fr) minmax(0, 9fr); } }
  .equations { overflow-x: auto; min-width: 0; }
  .diagram-wrap { overflow-x: auto; }
  .diagram { width: 100%; min-width: 520px; height: auto; display: block; max-width: 760px; }
  .diagram text { font-family: var(--_mono); font-size: 13px; fill: var(--_fg); }
  .diagram text.small { font-size: 11.5px; }
  .diagram .muted { fill: var(--_muted); }
  .diagram .box { fill: var(--_bg); stroke: var(--_border); stroke-width: 1.5; }
  .diagram .box.live, .diagram .box.out { stroke: var(--_accent); stroke-width: 2; }
  .diagram .box.fn { fill: var(--_surface); stroke: var(--_fg); }
  .diagram .sum { fill: var(--_bg); stroke: var(--_fg); stroke-width: 1.5; }
  .diagram .wire { stroke: var(--_muted); stroke-width: 1.5; fill: none; }
  .diagram .wire.live { stroke: var(--_accent); stroke-width: 2; }
  .diagram .wire.loop { stroke-dasharray: 5 4; }
  .diagram .arrowhead { fill: var(--_muted); }
  /* two names, so the animation restarts at every step */
  .diagram .pulse-a .live { animation: flow-a 0.6s ease-out; }
  .diagram .pulse-b .live { animation: flow-b 0.6s ease-out; }
  @keyframes flow-a { from { stroke-width: 5; } to { stroke-width: 2; } }
  @keyframes flow-b { from { stroke-width: 5; } to { stroke-width: 2; } }
  math { font-size: 1.05em; }
  math[display="block"] { margin: 8px 0 2px; overflow-x: auto; overflow-y: hidden; max-width: 100%; padding: 2px 0; }
  .health { margin-top: 10px; }
  .table-wrap { max-height: 360px; overflow: auto; border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); }
  table.history { border-collapse: collapse; width: 100%; font-size: 0.86em; }
  .history th, .history td { padding: 3px 8px; text-align: right; border-bottom: 1px solid var(--_border); white-space: nowrap; }
  .history thead th { position: sticky; top: 0; background: var(--_surface); font-weight: 600; }
  .history td { font-family: var(--_mono); }
  .history tr.current { background: color-mix(in srgb, var(--_accent) 14%, transparent); }
  .history td.off { color: var(--_error); }
  .history td.best { font-weight: 700; color: var(--_success); }
  .readouts { display: grid; gap: 4px 12px; grid-template-columns: max-content minmax(0, 1fr); font-size: 0.9em; margin: 8px 0; }
  .readouts dt { color: var(--_muted); }
  .readouts dd { margin: 0; font-family: var(--_mono); overflow-wrap: anywhere; font-size: 0.95em; }
  rnn-line-chart { margin-top: 8px; }
  .statement { border-left: 3px solid var(--_accent); padding: 4px 10px; margin: 8px 0; }
  .compare { margin-top: 8px; }
  .guide { margin-top: var(--_gap); }
  .guide summary { cursor: pointer; font-weight: 600; }
  .guide h3 { margin-top: 8px; }
  .guide ul { margin: 4px 0 8px; padding-left: 1.2em; }
  .guide li { margin: 2px 0; }
  rnn-message { display: block; margin: 8px 0; }
  .starting { color: var(--_muted); padding: 16px 0; }
`;
