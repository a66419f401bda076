import { css } from "lit";

export const tabsStyles = css`
  :host { display: block; }
  :host { container-type: inline-size; }
  /* tabs wrap onto more rows rather than hide off-screen; on a narrow screen they are one scrolling row */
  [role="tablist"] { display: flex; flex-wrap: wrap; gap: 0 2px; border-bottom: 1px solid var(--_border); }
  [role="tab"] {
    font: inherit; font-size: 0.95em; white-space: nowrap; cursor: pointer; color: var(--_muted);
    background: none; border: 0; border-bottom: 3px solid transparent; padding: 6px 10px 4px; min-height: 36px;
    display: inline-flex; align-items: center; gap: 5px;
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
  @container (max-width: 720px) {
    [role="tablist"] { flex-wrap: nowrap; overflow-x: auto; scrollbar-width: thin; overscroll-behavior-x: contain; }
    [role="tab"] { padding: 6px 8px 4px; min-height: 40px; flex: none; }
  }
  [role="tabpanel"]:focus-visible { outline-offset: 4px; }
`;
