import { css } from "lit";

export const heatMapStyles = css`
  .wrap { display: flex; gap: 10px; align-items: stretch; }
  canvas { display: block; width: 100%; image-rendering: pixelated; border: 1px solid var(--_border); cursor: crosshair; }
  .legend { display: flex; flex-direction: column; justify-content: space-between; font-family: var(--_mono); font-size: 0.75em; color: var(--_muted); }
  .ramp { width: 10px; flex: 1; border-radius: 2px; margin: 2px 0; }
  .cv { flex: 1; min-width: 0; }
`;
