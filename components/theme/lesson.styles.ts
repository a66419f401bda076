import { css } from "lit";

/**
 * The layout every lesson view shares: page padding, headings, cards and grids, text
 * fields, equations and notes, the written guide, SVG diagrams. A view composes it
 * after `styles` and `themeRoot` and adds its own sheet, which may override a value
 * (a narrower `.lead`, larger equations): `[styles, themeRoot, lessonStyles, ownStyles]`.
 */
export const lessonStyles = css`
  :host { display: block; container-type: inline-size; padding: var(--_gap); min-width: 0; }
  h2 { font-size: 1.15em; margin: 0 0 4px; }
  p { margin: 0 0 8px; }
  .lead { color: var(--_muted); max-width: 75ch; }
  .grid { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); margin-top: var(--_gap); }
  .card { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 12px; min-width: 0; }
  .buttons { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
  .field label { display: block; font-size: 0.9em; margin-bottom: 2px; }
  .field input {
    width: 100%; font: inherit; font-family: var(--_mono); font-size: 0.9em; padding: 5px 7px;
    color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2);
  }
  .field input[aria-invalid="true"] { border-color: var(--_error); }
  .field .error { color: var(--_error); font-size: 0.85em; margin-top: 2px; }
  .field .hint { color: var(--_muted); font-size: 0.8em; margin-top: 2px; }
  math { font-size: max(11px, 1.05em); }
  math[display="block"] { margin: 6px 0; overflow-x: auto; overflow-y: hidden; max-width: 100%; padding: 2px 0; }
  .note, .eq-note { color: var(--_muted); font-size: 0.85em; }
  .statement { border-left: 3px solid var(--_accent); padding: 4px 10px; margin: 8px 0; }
  .guide { margin-top: var(--_gap); }
  .guide summary { cursor: pointer; font-weight: 600; }
  summary { min-height: 24px; line-height: 24px; }
  /* small print never goes below 11 px: sub/superscripts in notes, and the scripts of MathML (which shrink per level) */
  sub, sup { font-size: max(11px, 0.75em); }
  :is(msub, msup, msubsup, munder, mover, munderover, mmultiscripts) > :not(:first-child) { font-size: max(11px, 0.71em); }
  .guide ul { margin: 4px 0 8px; padding-left: 1.2em; }
  .diagram { width: 100%; height: auto; display: block; }
  .diagram text { font-family: var(--_mono); font-size: 13px; fill: var(--_fg); }
  .diagram .muted { fill: var(--_muted); }
  .diagram .box { fill: var(--_bg); stroke: var(--_border); stroke-width: 1.5; }
  .diagram .wire { stroke: var(--_muted); stroke-width: 1.5; fill: none; }
  .diagram .sum { fill: var(--_bg); stroke: var(--_fg); stroke-width: 1.5; }
  .diagram .arrowhead { fill: var(--_muted); }
  .scroll-x { overflow-x: auto; max-width: 100%; }
  rnn-message { display: block; margin: 8px 0; }
  .starting { color: var(--_muted); padding: 16px 0; }
  .mono { font-family: var(--_mono); }
  /* on a wide screen the lead runs longer and shorter, leaving the first screen to the control and the visual */
  @container (min-width: 1000px) { .lead { max-width: 120ch; } .diagram { max-height: 380px; } }
  /* the main visual keeps its own height in a grid row (a taller neighbour would push its bottom off the first screen) */
  [data-primary="visual"] { align-self: start; }
`;

/** Lessons 1–4 (shift register, feedback, state space, BPTT): read-outs and the register's live wires. */
export const signalLessonStyles = css`
  h3 { font-size: 0.98em; margin: 0 0 6px; }
  .lead { max-width: 72ch; }
  @container (min-width: 1000px) { .lead { max-width: 120ch; } }
  @container (min-width: 760px) { .grid.two { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
  .controls { display: grid; gap: 10px 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 220px), 1fr)); align-items: end; }
  math { font-size: 1.08em; }
  @container (max-width: 520px) { math { font-size: max(14px, 0.92em); } } /* fractions inside stay at 11 px or more */
  .readouts { display: grid; gap: 4px 12px; grid-template-columns: max-content minmax(0, 1fr); font-size: 0.92em; margin: 6px 0; }
  .readouts dt { color: var(--_muted); }
  .readouts dd { margin: 0; font-family: var(--_mono); overflow-wrap: anywhere; }
  .guide h3 { margin-top: 8px; }
  .guide li { margin: 2px 0; }
  .diagram text { font-size: 12px; }
  /* a phone scales the diagram down to its width: larger type keeps the labels at 11 px or more on screen */
  @container (max-width: 520px) { .diagram text { font-size: 15px; } }
  .diagram .box.live { stroke: var(--_accent); }
  .diagram .wire.live { stroke: var(--_accent); stroke-width: 2.5; }
  .stack > * + * { margin-top: var(--_gap); }
`;

/** Lessons 5–8 (LSTM, GRU, gradient flow, ESN) and the bench: three-column grids, status lines, results tables, gate diagrams. */
export const cellLessonStyles = css`
  h3 { font-size: 0.98em; margin: 0 0 6px; }
  @container (min-width: 820px) { .grid.two { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
  @container (min-width: 820px) { .grid.three { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
  @container (min-width: 520px) and (max-width: 819px) { .grid.three { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
  .grid > section.card + section.card { margin-top: 0; } /* grid cells align at the top */
  .controls { display: grid; gap: 10px 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 210px), 1fr)); align-items: end; }
  .buttons { margin-top: 10px; }
  .field input { font-size: 0.95em; letter-spacing: 0.04em; }
  .status { font-size: 0.9em; color: var(--_muted); margin-top: 8px; }
  .status strong { color: var(--_fg); font-weight: 600; }
  @container (max-width: 520px) { math { font-size: max(14px, 0.9em); } }
  .guide h3 { margin-top: 10px; }
  .guide li { margin: 3px 0; }
  .guide p { max-width: 75ch; }
  .diagram .level { fill: var(--_accent); opacity: 0.28; }
  .diagram .highway { stroke: var(--_accent); fill: none; stroke-linecap: round; }
  .diagram .node { fill: var(--_bg); stroke: var(--_fg); stroke-width: 1.5; }
  .diagram .arrow { fill: var(--_muted); }
  table.results { border-collapse: collapse; width: 100%; font-size: 0.9em; }
  table.results caption { text-align: left; color: var(--_muted); padding-bottom: 4px; }
  /* a table wider than a phone scrolls in its box; its caption stays as wide as the box, in view, and wraps there */
  .scroll-x:has(> table.results > caption) { container-type: inline-size; }
  .scroll-x > table.results > caption { position: sticky; left: 0; width: 100cqw; box-sizing: border-box; }
  table.results thead th { white-space: nowrap; }
  table.results th, table.results td { padding: 3px 8px; border-bottom: 1px solid var(--_border); text-align: right; }
  table.results th:first-child, table.results td:first-child { text-align: left; }
  table.results td { font-family: var(--_mono); }
  .observations li { margin: 3px 0; }
  rnn-progress { display: block; margin-top: 10px; }
`;
