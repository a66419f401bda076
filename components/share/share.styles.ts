import { css } from "lit";

export const sharePanelStyles = css`
  :host { display: block; }
  .panel { border: 1px solid var(--_border); background: var(--_surface); border-radius: var(--_radius); padding: var(--_gap); display: grid; gap: 10px; }
  .item label { display: block; font-size: 0.85em; font-weight: 600; margin-bottom: 2px; }
  .row { display: flex; gap: 6px; align-items: flex-start; }
  textarea {
    flex: 1; min-width: 0; font-family: var(--_mono); font-size: 0.8em; color: var(--_fg); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); padding: 6px; resize: vertical;
  }
  .hint { font-size: 0.8em; color: var(--_muted); margin: 0; }
  .status { font-size: 0.8em; color: var(--_success); min-height: 1.2em; }
`;
