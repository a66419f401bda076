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
  .key { display: inline-flex; align-items: center; gap: 4px; min-width: 0; }
  .swatch { flex: none; width: 1em; height: 1em; border-radius: 2px; }
  .value { font-family: var(--_mono); color: var(--_muted); font-variant-numeric: tabular-nums; }
  :host([compact]) .legend { font-size: 0.72em; }
`;
