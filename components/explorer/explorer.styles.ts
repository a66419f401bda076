import { css } from "lit";

export const explorerStyles = css`
  :host { display: block; container-type: inline-size; padding: var(--_gap); border-radius: var(--_radius); min-width: 0; }
  .bar { display: flex; align-items: center; justify-content: space-between; gap: 6px 8px; flex-wrap: wrap; }
  .brand { font-weight: 650; font-size: 1.02em; flex: 1 1 auto; }
  .brand small { font-weight: 400; color: var(--_muted); margin-left: 6px; }
  .path { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
  .path .short { display: none; }
  .path-end { display: flex; justify-content: flex-end; border-top: 1px solid var(--_border); margin-top: var(--_gap); padding-top: var(--_gap); }
  rnn-message { margin: 8px 0; }
  rnn-share { margin: 8px 0; }
  .empty { border: 1px dashed var(--_border); border-radius: var(--_radius); padding: 24px; color: var(--_muted); text-align: center; margin-top: 8px; }
  .single { margin-top: 8px; }
  .loading { color: var(--_muted); padding: 16px 0; }
  /* fit: fill the container's height; the bar and tab strip stay, the lesson scrolls in its panel */
  :host([fit]) { height: 100%; box-sizing: border-box; display: flex; flex-direction: column; }
  :host([fit]) > * { flex: none; }
  :host([fit]) .single, :host([fit]) rnn-tabs { flex: 1 1 0; min-height: 0; }
  :host([fit]) .single { overflow: auto; }
  :host([fit]) rnn-tabs { display: flex; flex-direction: column; }
  :host([fit]) rnn-tabs::part(tablist) { flex: none; }
  :host([fit]) rnn-tabs::part(panel) { flex: 1 1 0; min-height: 0; overflow: auto; }
  @container (max-width: 480px) {
    :host { padding: 8px; }
    .brand small:not(.position) { display: none; }
    .bar .path .long { display: none; }
    .bar .path .short { display: inline; }
    /* a phone: Share stays on the title's row and Previous/Next get a row of their own, so nothing wraps alone */
    .bar .share { order: 1; }
    .bar .path { order: 2; flex: 1 1 100%; }
  }
`;
