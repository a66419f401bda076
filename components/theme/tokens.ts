/**
 * Design tokens. Every element reads `--_x`, which resolves to the page's `--rnn-x`
 * when set (on any ancestor) and otherwise to a default that follows the inherited
 * color-scheme, so a theme set on <rnn-explorer> reaches every nested shadow root.
 */
import { css, unsafeCSS } from "lit";

/** name → [light, dark] default (or one value for both), and what it is for. */
export const TOKENS: Record<string, { light: string; dark?: string; about: string }> = {
  font: { light: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif', about: "body font" },
  mono: { light: 'ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace', about: "numbers and code" },
  "font-size": { light: "15px", about: "base font size" },
  radius: { light: "8px", about: "corner radius" },
  gap: { light: "12px", about: "base spacing" },
  bg: { light: "#ffffff", dark: "#14171c", about: "background" },
  surface: { light: "#f4f6f9", dark: "#1d222a", about: "raised surfaces (cards, toolbars)" },
  fg: { light: "#1b1f24", dark: "#e6e8eb", about: "text" },
  muted: { light: "#56606c", dark: "#a3adba", about: "secondary text" },
  border: { light: "#c9d1da", dark: "#3a414c", about: "borders and grid lines" },
  accent: { light: "#0b5cc0", dark: "#74b6ff", about: "primary actions, selected tab" },
  "accent-fg": { light: "#ffffff", dark: "#0a1628", about: "text on the accent color" },
  focus: { light: "#0b5cc0", dark: "#9ccaff", about: "focus ring" },
  error: { light: "#b42318", dark: "#ff9a8f", about: "error text and borders" },
  "error-bg": { light: "#fdeceb", dark: "#3b1f1e", about: "error message background" },
  warning: { light: "#8a5300", dark: "#f2c25b", about: "warnings" },
  "warning-bg": { light: "#fff4e0", dark: "#3a2e14", about: "warning message background" },
  success: { light: "#1a7f37", dark: "#5ad17a", about: "success" },
  "series-1": { light: "#0b5cc0", dark: "#74b6ff", about: "chart series 1" },
  "series-2": { light: "#c8324a", dark: "#ff8597", about: "chart series 2" },
  "series-3": { light: "#1f8a7e", dark: "#4fd1c0", about: "chart series 3" },
  "series-4": { light: "#b86e00", dark: "#f2c25b", about: "chart series 4" },
  "series-5": { light: "#6f4fb0", dark: "#b9a0ff", about: "chart series 5" },
  "series-6": { light: "#55606e", dark: "#b3bdc9", about: "chart series 6" },
  // one colour per cell in every view (components/theme/cells.ts); Okabe–Ito hues, lightened for dark
  "cell-rnn": { light: "#c0392b", dark: "#ff8a7a", about: "the vanilla RNN in every chart, legend and table" },
  "cell-lstm": { light: "#0b5cc0", dark: "#74b6ff", about: "the LSTM in every chart, legend and table" },
  "cell-gru": { light: "#1a7f4e", dark: "#5ad19a", about: "the GRU in every chart, legend and table" },
  "heat-neg": { light: "#2b6cb0", dark: "#6aa9ff", about: "heat map: most negative" },
  "heat-zero": { light: "#f7f7f7", dark: "#22262d", about: "heat map: zero" },
  "heat-pos": { light: "#c0392b", dark: "#ff7a6b", about: "heat map: most positive" },
};

const decl = Object.entries(TOKENS).map(([k, v]) =>
  `--_${k}: var(--rnn-${k}, ${v.dark ? `light-dark(${v.light}, ${v.dark})` : v.light});`).join("\n");

/** Private token variables; include in every element's styles. */
export const tokens = css`:host { ${unsafeCSS(decl)} }`;

/** Base look shared by all elements: box sizing, font, focus ring, reduced motion. */
export const base = css`
  :host { font-family: var(--_font); font-size: var(--_font-size); color: var(--_fg); line-height: 1.45; box-sizing: border-box; }
  *, *::before, *::after { box-sizing: inherit; }
  [hidden] { display: none !important; }
  :focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }
  }
`;

/**
 * For elements that can stand alone (the explorer, lesson views): pick the color
 * scheme from the theme attribute, following the OS by default.
 */
export const themeRoot = css`
  :host { color-scheme: light dark; background: var(--_bg); display: block; }
  :host([theme="light"]) { color-scheme: light; }
  :host([theme="dark"]) { color-scheme: dark; }
`;

export const styles = [tokens, base];
