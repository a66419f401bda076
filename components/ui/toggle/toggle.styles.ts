import { css } from "lit";

export const toggleStyles = css`
  :host { display: inline-block; }
  button {
    display: inline-flex; align-items: center; gap: 8px; font: inherit; color: var(--_fg);
    background: none; border: 0; padding: 4px 0; cursor: pointer; min-height: 32px; text-align: left; /* a wrapped label reads from the left */
  }
  .track {
    width: 36px; height: 20px; border-radius: 10px; background: var(--_border); position: relative;
    transition: background 0.15s; flex: none;
  }
  .thumb {
    position: absolute; top: 2px; left: 2px; width: 16px; height: 16px; border-radius: 50%;
    background: var(--_bg); transition: transform 0.15s; box-shadow: 0 1px 2px rgb(0 0 0 / 0.3);
  }
  [aria-checked="true"] .track { background: var(--_accent); }
  [aria-checked="true"] .thumb { transform: translateX(16px); }
  button:disabled { opacity: 0.6; cursor: default; }
`;
