import { css, unsafeCSS } from "lit";
import { uplotCss } from "./uplot-css.js";

/** uPlot's own stylesheet, adopted into the shadow root (page CSS cannot reach it). */
export const uplotStyles = unsafeCSS(uplotCss);

export const lineChartStyles = css`
  .plot { position: relative; width: 100%; min-height: var(--rnn-chart-height, 200px); }
  .uplot { font-family: var(--_font); width: 100%; color: var(--_fg); }
  .u-legend { font-size: 0.8em; color: var(--_fg); text-align: left; }
  .u-legend .u-marker { border-radius: 2px; }
  .u-legend th { font-weight: 500; }
  .u-select { background: color-mix(in srgb, var(--_accent) 15%, transparent); }
  :host([compact]) .u-legend { font-size: 0.72em; }
`;
