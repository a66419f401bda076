import { css } from "lit";

export const buttonStyles = css`
  :host { display: inline-block; }
  button {
    font: inherit; font-size: 0.95em; min-height: 32px; padding: 4px 14px; cursor: pointer;
    border-radius: calc(var(--_radius) / 2); border: 1px solid var(--_border);
    background: var(--_surface); color: var(--_fg); display: inline-flex; align-items: center; gap: 6px;
  }
  button:hover:not(:disabled) { border-color: var(--_accent); }
  :host([variant="primary"]) button { background: var(--_accent); color: var(--_accent-fg); border-color: var(--_accent); }
  :host([variant="quiet"]) button { background: none; border-color: transparent; color: var(--_accent); }
  button:disabled { opacity: 0.55; cursor: default; }
  button { min-width: 32px; }
  /* a phone: the primary action gets a thumb-sized target */
  @media (max-width: 600px) { :host([variant="primary"]) button { min-height: 44px; padding: 6px 16px; } }
`;
