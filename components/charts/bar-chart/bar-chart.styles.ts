import { css } from "lit";

export const barChartStyles = css`
  svg { display: block; max-width: 100%; overflow: visible; }
  .axis { stroke: var(--_border); }
  .tick { fill: var(--_muted); font-size: 11px; font-family: var(--_font); }
  .value { fill: var(--_fg); font-size: 10px; font-family: var(--_mono); }
  rect.bar:hover { opacity: 0.8; }
`;
