import { css } from "lit";

/** The experiments lab, on top of the shared lessonStyles: study picker, results tables, verdicts, samples, definitions. */
export const experimentsStyles = css`
  h3 { font-size: 0.98em; margin: 0 0 6px; }
  .lead { max-width: 72ch; }
  .card { margin-top: var(--_gap); }
  .grid > .card { margin-top: 0; }
  @container (min-width: 760px) { .grid.two { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
  .picker { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; margin-top: var(--_gap); }
  .picker rnn-select { flex: 1 1 260px; max-width: 480px; }
  .nav { display: flex; gap: 8px; flex-wrap: wrap; }
  .controls { display: grid; gap: 10px 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 240px), 1fr)); align-items: start; }
  .buttons { margin: 10px 0 4px; }
  .note { font-size: 0.86em; margin: 6px 0; }
  .statement { margin: 8px 0 0; }
  rnn-progress, rnn-message { display: block; margin: 8px 0 0; }
  .results .card:first-child { margin-top: var(--_gap); }
  .verdict { border-left: 4px solid var(--_muted); padding: 4px 10px; }
  .verdict.supported { border-left-color: var(--_success); }
  .verdict.contradicted { border-left-color: var(--_error); }
  .observations { margin: 6px 0 0; padding-left: 1.2em; }
  .observations li { margin: 4px 0; max-width: 90ch; }
  table.results { border-collapse: collapse; font-size: 0.86em; width: 100%; }
  table.results caption { text-align: left; color: var(--_muted); padding: 0 0 6px; }
  table.results th, table.results td { padding: 4px 8px; border-bottom: 1px solid var(--_border); text-align: right; white-space: nowrap; font-family: var(--_mono); }
  table.results th[scope="row"], table.results thead th:first-child { text-align: left; font-family: var(--_font); }
  table.results thead th { font-family: var(--_font); font-weight: 600; }
  table.results td.verdict { font-family: var(--_font); border-left: 0; }
  td.verdict.unstable { color: var(--_warning); }
  td.verdict.diverged { color: var(--_error); }
  tr.ref { color: var(--_muted); }
  .sample-label { font-size: 0.86em; color: var(--_muted); margin: 8px 0 2px; }
  pre.sample { font-family: var(--_mono); font-size: 0.82em; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; padding: 6px 8px;
    background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); }
  .definitions dl { margin: 8px 0 0; }
  .definitions dt { font-weight: 600; margin-top: 10px; }
  .definitions dd { margin: 2px 0 0; }
  .definitions rnn-select { max-width: 360px; }
  @container (max-width: 520px) { math { font-size: 0.9em; } }
  p.live { font-size: 0.9em; margin: 2px 0 6px; overflow-wrap: anywhere; }
  p.live math { font-size: 1.02em; }
  code { font-family: var(--_mono); font-size: 0.88em; }
  .guide h3 { margin-top: 10px; }
  .guide li { margin: 3px 0; }
`;
