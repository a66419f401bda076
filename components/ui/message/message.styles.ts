import { css } from "lit";

export const messageStyles = css`
  :host { display: block; }
  :host([hidden]) { display: none; }
  .box {
    border: 1px solid var(--_error); background: var(--_error-bg); color: var(--_fg);
    border-radius: calc(var(--_radius) / 2); padding: 8px 12px; font-size: 0.92em;
  }
  :host([variant="warning"]) .box { border-color: var(--_warning); background: var(--_warning-bg); }
  :host([variant="info"]) .box { border-color: var(--_border); background: var(--_surface); }
  ul { margin: 4px 0 0; padding-left: 1.2em; }
  strong { color: var(--_error); }
  :host([variant="warning"]) strong { color: var(--_warning); }
  :host([variant="info"]) strong { color: var(--_fg); }
`;
