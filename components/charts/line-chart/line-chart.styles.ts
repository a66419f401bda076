import { css } from "lit";

export const lineChartStyles = css`
  .plot-box { position: relative; }
  /* what the reader does to fill an empty chart, over its empty axes */
  .empty { position: absolute; inset: 0 0 3em 3em; display: flex; align-items: center; justify-content: center; margin: 0;
    padding: 0 1em; text-align: center; color: var(--_muted); pointer-events: none; }
  .plot { position: relative; width: 100%; }
  canvas { display: block; }
  .cursor { position: absolute; width: 0; border-left: 1px dashed var(--_muted); pointer-events: none; }
  .legend { display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 0.8em; color: var(--_fg); margin-top: 2px; }
  /* a long series name wraps beside its marker, with its value after it */
  .key { display: inline-flex; align-items: center; gap: 4px; min-width: 0; min-height: 24px; padding: 0 2px; font: inherit;
    color: inherit; text-align: left; background: none; border: none; border-radius: 3px; }
  button.key { cursor: pointer; }
  button.key:focus-visible { outline: 2px solid var(--_focus); }
  /* a line switched off: struck through, its swatch hollow (the text keeps its contrast) */
  .key[aria-pressed="false"] .name { text-decoration: line-through; }
  .key[aria-pressed="false"] .swatch { background: none !important; box-shadow: inset 0 0 0 1.5px var(--_muted); }
  .swatch { flex: none; width: 1em; height: 1em; border-radius: 2px; }
  .value { font-family: var(--_mono); color: var(--_muted); font-variant-numeric: tabular-nums; }
  :host([compact]) .legend { font-size: 0.72em; }
`;
