import { css } from "lit";

/** The timeline strip, unit picker and heat-map grid of the gated-cell views. */
export const gatedStyles = css`
  .controls-card { margin-top: var(--_gap); }
  section.card + section.card, .grid + section.card, section.card + .grid { margin-top: var(--_gap); }
  /* wide screens: the sequence field beside its timeline, so the cell below stays in the first screen */
  @container (min-width: 1000px) {
    .sequence { display: grid; grid-template-columns: minmax(220px, 1fr) minmax(0, 2.4fr); gap: 0 16px; align-items: start; }
    .sequence-steps .timeline-label { margin-top: 0; }
  }
  .timeline-label { font-size: 0.9em; margin: 10px 0 4px; }
  .timeline { display: flex; gap: 2px; overflow-x: auto; padding: 4px; border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); background: var(--_bg); }
  .timeline:focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }
  .tl-head, .tl-step { display: grid; grid-template-rows: repeat(4, 1.5em); align-items: center; text-align: center; min-width: 2em; font-family: var(--_mono); font-size: 0.88em; }
  .tl-head { color: var(--_muted); text-align: right; padding-right: 6px; min-width: 4.5em; font-family: var(--_font); font-size: 0.78em; position: sticky; left: 0; background: var(--_bg); }
  .tl-step { cursor: pointer; border-radius: 4px; border: 1px solid transparent; }
  .tl-step:hover { border-color: var(--_border); }
  .tl-step.selected { border: 2px solid var(--_accent); background: var(--_surface); }
  .tl-t { color: var(--_muted); font-size: max(11px, 0.8em); }
  .tl-in { font-weight: 600; }
  .tl-in.mark { text-decoration: underline; color: var(--_accent); }
  .tl-target { color: var(--_muted); }
  .tl-step.wrong .tl-out { color: var(--_error); font-weight: 700; }
  .tl-step.right .tl-out { color: var(--_success); }
  .units { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin-bottom: 6px; font-size: 0.9em; }
  .units-label { color: var(--_muted); margin-right: 4px; }
  .unit { display: inline-flex; align-items: center; justify-content: center; min-width: 2.2em; min-height: 28px; border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2); cursor: pointer; font-family: var(--_mono); background: var(--_bg); }
  .unit.on { border-color: var(--_accent); background: var(--_accent); color: var(--_accent-fg); }
  .unit input { position: absolute; opacity: 0; width: 1px; height: 1px; }
  .unit:has(input:focus-visible) { outline: 2px solid var(--_focus); outline-offset: 2px; }
  .heat rnn-heat-map { min-width: 0; }
  .equations math[display="block"] { font-size: 0.98em; }
  /* a phone gets a diagram drawn for its width (340 units): it scales to the card instead of scrolling sideways,
     and its 14 px type stays at 11 px or more down to a 270 px card */
  .diagram.narrow { display: none; max-width: 440px; margin: 0 auto; }
  .diagram.narrow text { font-size: 14px; }
  .diagram .halo { paint-order: stroke; stroke: var(--_surface); stroke-width: 5px; stroke-linejoin: round; }
  @container (max-width: 560px) { .diagram.wide { display: none; } .diagram.narrow { display: block; } }
  .eq-label { color: var(--_muted); font-size: 0.82em; margin: 8px 0 0; }
`;
