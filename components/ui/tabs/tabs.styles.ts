import { css } from "lit";

export const tabsStyles = css`
  :host { display: block; }
  :host { container-type: inline-size; }
  /* one row, scrolling sideways when the tabs do not fit (the selected tab is kept in sight), so tabs never take more than a line */
  [role="tablist"] {
    display: flex; flex-wrap: nowrap; overflow-x: auto; gap: 0 2px; border-bottom: 1px solid var(--_border);
    scrollbar-width: thin; overscroll-behavior-x: contain;
  }
  [role="tab"] {
    font: inherit; font-size: 0.95em; white-space: nowrap; cursor: pointer; color: var(--_muted);
    background: none; border: 0; border-bottom: 3px solid transparent; padding: 6px 10px 4px; min-height: 36px;
    display: inline-flex; align-items: center; gap: 5px; flex: none;
  }
  [role="tab"]:hover { color: var(--_fg); }
  [role="tab"][aria-selected="true"] { color: var(--_fg); border-bottom-color: var(--_accent); font-weight: 600; }
  [role="tab"]:focus-visible { outline-offset: -2px; }
  .number {
    font-size: 0.8em; font-variant-numeric: tabular-nums; min-width: 1.6em; padding: 0 4px; border-radius: 999px;
    border: 1px solid var(--_border); text-align: center; line-height: 1.5; font-weight: 500;
  }
  [aria-selected="true"] .number { background: var(--_accent); border-color: var(--_accent); color: var(--_accent-fg); }
  [role="tabpanel"] { padding-top: var(--_gap); }
  @container (max-width: 720px) { [role="tab"] { padding: 6px 8px 4px; min-height: 40px; } }
  [role="tabpanel"]:focus-visible { outline-offset: 4px; }
`;
