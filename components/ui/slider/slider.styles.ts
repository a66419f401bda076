import { css } from "lit";

export const sliderStyles = css`
  :host { display: block; min-width: 0; }
  .row { display: flex; align-items: center; gap: 8px; }
  label { display: block; font-size: 0.9em; margin-bottom: 2px; }
  .unit { color: var(--_muted); font-size: 0.85em; }
  input[type="range"] { flex: 1; min-width: 80px; accent-color: var(--_accent); height: 24px; margin: 0; }
  input[type="number"] {
    width: 7ch; box-sizing: content-box; flex: none; font: inherit; font-family: var(--_mono); font-size: 0.9em; padding: 4px 6px;
    color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2);
  }
  input[aria-invalid="true"] { border-color: var(--_error); }
  .message { color: var(--_error); font-size: 0.85em; margin-top: 2px; }
  :host([disabled]) { opacity: 0.6; }
`;
