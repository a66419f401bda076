import { css } from "lit";

export const tabsStyles = css`
  :host { display: block; }
  :host { container-type: inline-size; }
  /* tabs wrap onto more rows rather than hide off-screen */
  [role="tablist"] { display: flex; flex-wrap: wrap; gap: 0 2px; border-bottom: 1px solid var(--_border); }
  [role="tab"] {
    font: inherit; font-size: 0.95em; white-space: nowrap; cursor: pointer; color: var(--_muted);
    background: none; border: 0; border-bottom: 3px solid transparent; padding: 8px 12px 6px; min-height: 40px;
  }
  [role="tab"]:hover { color: var(--_fg); }
  [role="tab"][aria-selected="true"] { color: var(--_fg); border-bottom-color: var(--_accent); font-weight: 600; }
  [role="tab"]:focus-visible { outline-offset: -2px; }
  [role="tabpanel"] { padding-top: var(--_gap); }
  @container (max-width: 520px) { [role="tab"] { padding: 6px 8px 4px; min-height: 36px; font-size: 0.9em; } }
  [role="tabpanel"]:focus-visible { outline-offset: 4px; }
`;
