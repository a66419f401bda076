/**
 * A labelled text entry for number lists (inputs, tap weights). The text is committed
 * on change (enter or leaving the field); a parse error shows under it and the view
 * keeps its previous state, with the reader's text left in place to fix.
 */
import { html, nothing } from "lit";

let uid = 0;
export const fieldId = () => `tf${++uid}`;

export interface TextFieldOptions {
  id: string;
  label: string;
  /** the committed value, shown when there is no pending error */
  value: string;
  error?: string;
  hint?: string;
  onCommit(text: string): void;
}

export function textField(o: TextFieldOptions) {
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <input id=${o.id} type="text" inputmode="decimal" spellcheck="false" autocomplete="off" .value=${o.value}
      aria-invalid=${o.error ? "true" : "false"} aria-describedby="${o.id}-m"
      @change=${(e: Event) => o.onCommit((e.target as HTMLInputElement).value)} />
    ${o.error ? html`<div class="error" id="${o.id}-m" role="alert">${o.error}</div>`
      : o.hint ? html`<div class="hint" id="${o.id}-m">${o.hint}</div>` : html`<span id="${o.id}-m" hidden>${nothing}</span>`}
  </div>`;
}
