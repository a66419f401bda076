import { css } from "lit";

/** The sequence lab, on top of the shared lessonStyles: the cell diagram with its pulse, step equations, history, training. */
export const sequenceLabStyles = css`
  h3 { font-size: 1em; margin: 0 0 6px; }
  h4 { font-size: 0.95em; margin: 10px 0 4px; }
  @container (min-width: 820px) { .grid.two { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
  section.card:not(.grid section) { margin-top: var(--_gap); }
  .controls { display: grid; gap: 10px 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 200px), 1fr)); align-items: end; margin-bottom: 6px; }
  .field.wide { grid-column: 1 / -1; }
  .buttons { align-items: flex-end; margin: 6px 0; }
  rnn-slider.steps { flex: 1 1 220px; min-width: 0; }
  .weights { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: flex-start; }
  .seq { font-family: var(--_mono); overflow-wrap: anywhere; margin-top: 8px; }
  .head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; flex-wrap: wrap; }
  .step-grid { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); align-items: start; margin-top: 8px; }
  @container (min-width: 980px) { .step-grid { grid-template-columns: minmax(0, 11fr) minmax(0, 9fr); } }
  .equations { overflow-x: auto; min-width: 0; }
  .diagram.wide { max-width: 760px; }
  .diagram text.small { font-size: 11.5px; }
  /* a phone gets the two-row drawing (340 units across), which scales to the card instead of scrolling sideways;
     its type is sized so that labels stay at 11 px or more down to a 300 px card */
  .diagram.narrow { display: none; max-width: 460px; margin: 0 auto; }
  .diagram.narrow text { font-size: 14px; }
  .diagram.narrow text.small { font-size: 13px; }
  @container (max-width: 600px) { .diagram.wide { display: none; } .diagram.narrow { display: block; } }
  .diagram .box.live, .diagram .box.out { stroke: var(--_accent); stroke-width: 2; }
  .diagram .box.fn { fill: var(--_surface); stroke: var(--_fg); }
  .diagram .wire.live { stroke: var(--_accent); stroke-width: 2; }
  .diagram .wire.loop { stroke-dasharray: 5 4; }
  /* two names, so the animation restarts at every step */
  .diagram .pulse-a .live { animation: flow-a 0.6s ease-out; }
  .diagram .pulse-b .live { animation: flow-b 0.6s ease-out; }
  @keyframes flow-a { from { stroke-width: 5; } to { stroke-width: 2; } }
  @keyframes flow-b { from { stroke-width: 5; } to { stroke-width: 2; } }
  math[display="block"] { margin: 8px 0 2px; }
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
  .compare { margin-top: 8px; }
  .guide h3 { margin-top: 8px; }
  .guide li { margin: 2px 0; }
`;
