import { css, unsafeCSS } from "lit";
import { uplotCss } from "./uplot-css.js";

/** uPlot's own stylesheet, adopted into the shadow root (page CSS cannot reach it). */
export const uplotStyles = unsafeCSS(uplotCss);

export const lineChartStyles = css`
  .plot-box { position: relative; }
  /* what the reader does to fill an empty chart, over its empty axes */
  .empty { position: absolute; inset: 0 0 3em 3em; display: flex; align-items: center; justify-content: center; margin: 0;
    padding: 0 1em; text-align: center; color: var(--_muted); pointer-events: none; }
  .plot { position: relative; width: 100%; min-height: var(--rnn-chart-height, 200px); }
  .uplot { font-family: var(--_font); width: 100%; color: var(--_fg); }
  .u-legend { font-size: 0.8em; color: var(--_fg); text-align: left; }
  .u-legend .u-marker { border-radius: 2px; }
  .u-legend th { font-weight: 500; }
  /* a long series name wraps beside its marker, with its value after it, instead of marker, name, ":" and value each taking a line */
  .u-inline tr { display: inline-flex; flex-wrap: wrap; align-items: center; max-width: 100%; }
  .u-inline th { display: inline-flex; align-items: center; min-width: 0; text-align: left; }
  .u-select { background: color-mix(in srgb, var(--_accent) 15%, transparent); }
  :host([compact]) .u-legend { font-size: 0.72em; }
`;
