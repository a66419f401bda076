import { css } from "lit";

export const workedExampleStyles = css`
  :host { container-type: inline-size; padding: var(--_gap); min-width: 0; }
  h2 { font-size: 1.15em; margin: 0 0 4px; }
  h3 { font-size: 1em; margin: 0 0 6px; }
  h4 { font-size: 0.95em; margin: 0 0 4px; }
  h5 { font-size: 0.88em; margin: 10px 0 0; color: var(--_muted); font-weight: 600; }
  p { margin: 0 0 8px; }
  .lead { color: var(--_muted); max-width: 75ch; }
  .grid { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); margin-top: var(--_gap); }
  @container (min-width: 760px) { .grid.two { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); } }
  .card { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 12px; min-width: 0; }
  .controls { display: grid; gap: 10px 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 200px), 1fr)); align-items: end; margin-bottom: 8px; }
  .buttons { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 8px; }
  .sentence { border-collapse: collapse; margin-top: 4px; }
  .sentence th { font-weight: 400; font-size: 0.82em; color: var(--_muted); text-align: left; padding: 2px 8px 2px 0; }
  .sentence td { padding: 2px 8px 2px 0; }
  select {
    font: inherit; padding: 3px 6px; min-height: 30px; color: var(--_fg); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2);
  }
  .weights { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: flex-start; }
  .note { color: var(--_muted); font-size: 0.85em; }
  .legend { margin-top: var(--_gap); font-size: 0.9em; max-width: 90ch; }
  .agree { display: block; margin-top: 4px; color: var(--_muted); }
  h3.pass { margin-top: calc(var(--_gap) * 1.5); }
  .steps { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); }
  @container (min-width: 1000px) { .steps { grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); } }
  .step { overflow-x: auto; }
  math { font-size: 1.05em; }
  math[display="block"] { margin: 8px 0 2px; overflow-x: auto; overflow-y: hidden; max-width: 100%; padding: 2px 0; }
  .acc { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 6px 0; }
  .totals { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: flex-start; }
  figure.grad { margin: 0; }
  figcaption { font-size: 0.82em; color: var(--_muted); }
  .update { margin-top: var(--_gap); }
  .statement { border-left: 3px solid var(--_accent); padding: 4px 10px; margin: 8px 0; }
  .guide { margin-top: var(--_gap); }
  .guide summary { cursor: pointer; font-weight: 600; }
  .guide h3 { margin-top: 8px; }
  .guide ul { margin: 4px 0 8px; padding-left: 1.2em; }
  .guide li { margin: 2px 0; }
  rnn-message { display: block; margin: 8px 0; }
  .starting { color: var(--_muted); padding: 16px 0; }
`;
