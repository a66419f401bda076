import { css } from "lit";

export const progressStyles = css`
  :host { display: block; }
  .top { display: flex; justify-content: space-between; gap: 8px; font-size: 0.85em; color: var(--_muted); flex-wrap: wrap; }
  .track { height: 8px; border-radius: 4px; background: var(--_surface); border: 1px solid var(--_border); overflow: hidden; margin-top: 3px; }
  .bar { height: 100%; background: var(--_accent); transition: width 0.2s linear; }
  .indeterminate .bar { width: 30% !important; animation: slide 1.2s ease-in-out infinite alternate; }
  @keyframes slide { from { margin-left: 0; } to { margin-left: 70%; } }
`;
