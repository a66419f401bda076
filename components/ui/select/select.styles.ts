import { css } from "lit";

export const selectStyles = css`
  :host { display: block; min-width: 0; }
  label { display: block; font-size: 0.9em; margin-bottom: 2px; }
  select {
    font: inherit; width: 100%; padding: 5px 8px; color: var(--_fg); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); min-height: 32px;
  }
`;
