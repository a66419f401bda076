import { css } from "lit";

export const matrixInputStyles = css`
  :host { display: block; min-width: 0; }
  .label { font-size: 0.9em; margin-bottom: 2px; display: block; }
  .scroll { overflow-x: auto; max-width: 100%; padding-bottom: 2px; }
  table { border-collapse: separate; border-spacing: 2px; }
  th { font-weight: 400; font-size: 0.78em; color: var(--_muted); padding: 0 2px; text-align: center; white-space: nowrap; }
  th[scope="row"] { text-align: right; }
  input {
    width: 7.4ch; box-sizing: content-box; font: inherit; font-family: var(--_mono); font-size: 0.85em; text-align: right;
    padding: 3px 4px; color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }
  input[aria-invalid="true"] { border-color: var(--_error); }
  :host([heat]) input { background: var(--cell-bg, var(--_bg)); }
  .message { color: var(--_error); font-size: 0.85em; margin-top: 2px; }
  .hint { color: var(--_muted); font-size: 0.78em; }
`;
