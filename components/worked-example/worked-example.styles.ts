import { css } from "lit";

/** The worked example, on top of the shared lessonStyles: the sentence editor, the pass cards, gradient boxes. */
export const workedExampleStyles = css`
  h3 { font-size: 1em; margin: 0 0 6px; }
  h4 { font-size: 0.95em; margin: 0 0 4px; }
  h5 { font-size: 0.88em; margin: 10px 0 0; color: var(--_muted); font-weight: 600; }
  @container (min-width: 760px) { .grid.two { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); } }
  /* sentence and weights beside the forward pass they produce; stacked on narrower screens */
  .stage { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); margin-top: var(--_gap); align-items: start; }
  @container (min-width: 1100px) { .stage { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); } .stage-main h3.pass:first-child { margin-top: 0; } }
  .stage-side > * + * { margin-top: var(--_gap); }
  .controls { display: grid; gap: 10px 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 200px), 1fr)); align-items: end; margin-bottom: 8px; }
  .buttons { margin-top: 8px; }
  .sentence { border-collapse: collapse; margin-top: 4px; }
  .sentence th { font-weight: 400; font-size: 0.82em; color: var(--_muted); text-align: left; padding: 2px 8px 2px 0; }
  .sentence td { padding: 2px 8px 2px 0; }
  select {
    font: inherit; padding: 3px 6px; min-height: 30px; color: var(--_fg); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2);
  }
  .weights { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: flex-start; }
  .legend { margin-top: var(--_gap); font-size: 0.9em; max-width: 90ch; }
  .agree { display: block; margin-top: 4px; color: var(--_muted); }
  h3.pass { margin-top: calc(var(--_gap) * 1.5); }
  .steps { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); }
  @container (min-width: 1000px) { .steps { grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); } }
  .step { overflow-x: auto; }
  math[display="block"] { margin: 8px 0 2px; }
  .acc { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 6px 0; }
  .totals { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: flex-start; }
  figure.grad { margin: 0; }
  figcaption { font-size: 0.82em; color: var(--_muted); }
  .update { margin-top: var(--_gap); }
  .guide h3 { margin-top: 8px; }
  .guide li { margin: 2px 0; }
`;
