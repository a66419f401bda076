import { css } from "lit";

export const explorerStyles = css`
  :host { display: block; container-type: inline-size; padding: var(--_gap); border-radius: var(--_radius); min-width: 0; }
  .bar { display: flex; align-items: center; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
  .brand { font-weight: 650; font-size: 1.02em; }
  .brand small { font-weight: 400; color: var(--_muted); margin-left: 6px; }
  rnn-message { margin: 8px 0; }
  rnn-share { margin: 8px 0; }
  .empty { border: 1px dashed var(--_border); border-radius: var(--_radius); padding: 24px; color: var(--_muted); text-align: center; margin-top: 8px; }
  .single { margin-top: 8px; }
  .loading { color: var(--_muted); padding: 16px 0; }
  @container (max-width: 480px) { :host { padding: 8px; } .brand small { display: none; } }
`;
