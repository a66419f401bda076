import { css } from "lit";

/** Layout shared by the signal lessons: cards, equations, read-outs, the written guide, diagrams. */
export const lessonStyles = css`
  :host { display: block; container-type: inline-size; padding: var(--_gap); min-width: 0; }
  h2 { font-size: 1.15em; margin: 0 0 4px; }
  h3 { font-size: 0.98em; margin: 0 0 6px; }
  p { margin: 0 0 8px; }
  .lead { color: var(--_muted); max-width: 72ch; }
  .grid { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); margin-top: var(--_gap); }
  @container (min-width: 760px) { .grid.two { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
  .card { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 12px; min-width: 0; }
  .controls { display: grid; gap: 10px 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 220px), 1fr)); align-items: end; }
  .buttons { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
  .field label { display: block; font-size: 0.9em; margin-bottom: 2px; }
  .field input {
    width: 100%; font: inherit; font-family: var(--_mono); font-size: 0.9em; padding: 5px 7px;
    color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2);
  }
  .field input[aria-invalid="true"] { border-color: var(--_error); }
  .field .error { color: var(--_error); font-size: 0.85em; margin-top: 2px; }
  .field .hint { color: var(--_muted); font-size: 0.8em; margin-top: 2px; }
  math { font-size: 1.08em; }
  @container (max-width: 520px) { math { font-size: 0.92em; } .diagram text { font-size: 13px; } }
  math[display="block"] { margin: 6px 0; overflow-x: auto; overflow-y: hidden; max-width: 100%; padding: 2px 0; }
  .eq-note { color: var(--_muted); font-size: 0.85em; }
  .readouts { display: grid; gap: 4px 12px; grid-template-columns: max-content minmax(0, 1fr); font-size: 0.92em; margin: 6px 0; }
  .readouts dt { color: var(--_muted); }
  .readouts dd { margin: 0; font-family: var(--_mono); overflow-wrap: anywhere; }
  .statement { border-left: 3px solid var(--_accent); padding: 4px 10px; margin: 8px 0; }
  .guide { margin-top: var(--_gap); }
  .guide summary { cursor: pointer; font-weight: 600; }
  .guide h3 { margin-top: 8px; }
  .guide ul { margin: 4px 0 8px; padding-left: 1.2em; }
  .guide li { margin: 2px 0; }
  .diagram { width: 100%; height: auto; display: block; }
  .diagram text { font-family: var(--_mono); font-size: 12px; fill: var(--_fg); }
  .diagram .muted { fill: var(--_muted); }
  .diagram .box { fill: var(--_bg); stroke: var(--_border); stroke-width: 1.5; }
  .diagram .box.live { stroke: var(--_accent); }
  .diagram .wire { stroke: var(--_muted); stroke-width: 1.5; fill: none; }
  .diagram .wire.live { stroke: var(--_accent); stroke-width: 2.5; }
  .diagram .arrowhead { fill: var(--_muted); }
  .diagram .sum { fill: var(--_bg); stroke: var(--_fg); stroke-width: 1.5; }
  .stack > * + * { margin-top: var(--_gap); }
  rnn-message { display: block; margin: 8px 0; }
  .starting { color: var(--_muted); padding: 16px 0; }
  .mono { font-family: var(--_mono); }
`;
