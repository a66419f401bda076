import { css } from "lit";

export const bpttStyles = css`
  .train { margin-top: var(--_gap); }
  .terms { margin: 4px 0 8px; padding-left: 1.2em; }
  .terms li { margin: 4px 0; }
  .graph-row { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); margin-top: var(--_gap); }
  @container (min-width: 760px) { .graph-row { grid-template-columns: 190px minmax(0, 1fr); } }
  .rolled { width: 100%; max-width: 220px; height: auto; display: block; margin: 0 auto; }
  .graph-scroll { overflow-x: auto; overflow-y: hidden; border-radius: calc(var(--_radius) / 2); background: var(--_bg); border: 1px solid var(--_border); }
  .graph { display: block; }
  /* a phone gets the graph top to bottom at full size, scrolling down inside its box, instead of a sideways strip */
  .graph.down { display: none; margin: 0 auto; }
  @container (max-width: 640px) {
    .graph.across { display: none; }
    .graph.down { display: block; }
    .graph-scroll { overflow-x: hidden; overflow-y: auto; max-height: 520px; }
  }
  .graph text, .rolled text { font-family: var(--_mono); font-size: 11.5px; fill: var(--_fg); }
  .graph .muted { fill: var(--_muted); }
  .graph .name { fill: var(--_muted); }
  .graph .node .grad { fill: var(--_muted); }
  .graph .node.shown .grad { fill: var(--_fg); }
  .graph .box, .rolled .box { fill: var(--_surface); stroke: var(--_border); stroke-width: 1.5; }
  .graph .node.shown .box { stroke: var(--_fg); }
  .graph .node.current .box { stroke: var(--_accent); stroke-width: 3; }
  .graph .wlabel { fill: var(--_muted); font-size: 11px; }
  .rolled text { font-size: 15px; }
  .rolled .wlabel { fill: var(--_muted); font-size: 14px; }
  .graph .xlabel { fill: var(--_fg); }
  .fwd { stroke: var(--_muted); stroke-width: 1.4; fill: none; }
  .head.fwd { fill: var(--_muted); stroke: none; }
  .bwd { fill: none; }
  .bwd.small { stroke: var(--_muted); stroke-width: 1.2; stroke-dasharray: 2 3; }
  .bwd.unit { stroke: var(--_series-4); stroke-width: 2.5; }
  .bwd.large { stroke: var(--_error); stroke-width: 4.5; stroke-dasharray: 10 3; }
  .head.small { fill: var(--_muted); }
  .head.unit { fill: var(--_series-4); }
  .head.large { fill: var(--_error); }
  .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 0.85em; color: var(--_muted); margin-top: 6px; }
  .legend svg { vertical-align: middle; margin-right: 4px; }
  .table-scroll { overflow-x: auto; max-height: 360px; overflow-y: auto; border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); }
  table { border-collapse: collapse; font-family: var(--_mono); font-size: 0.85em; width: 100%; }
  caption { text-align: left; font-family: var(--_font); color: var(--_muted); padding: 4px 6px; caption-side: top; }
  th, td { padding: 3px 8px; text-align: right; border-bottom: 1px solid var(--_border); white-space: nowrap; }
  thead th { position: sticky; top: 0; background: var(--_surface); font-family: var(--_font); font-weight: 600; }
  td.empty { text-align: left; color: var(--_muted); font-family: var(--_font); white-space: normal; }
  /* the note stays in view and wraps inside the scrolling box, however wide the empty table is */
  td.empty span { display: block; position: sticky; left: 8px; width: min(60ch, calc(100cqw - 80px)); }
  .totals-scroll { overflow-x: auto; margin-top: 10px; }
  .totals { max-width: 640px; }
  .totals th[scope="row"] { text-align: left; font-family: var(--_font); }
`;
