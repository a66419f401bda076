/**
 * A labelled one-line text entry (a list of numbers, a sequence). The text is committed
 * on change (Enter or leaving the field); a parse error shows under it, the view keeps
 * its previous state, and the reader's text can stay in place to fix (pass it as
 * `value`). Rendered into the view's own shadow root, styled by lessonStyles' `.field`.
 */
import { html, nothing } from "lit";

let uid = 0;
export const fieldId = () => `tf${++uid}`;

export interface TextFieldOptions {
  id: string;
  label: string;
  /** the text shown: the committed value, or the reader's draft while it has an error */
  value: string;
  error?: string;
  hint?: string;
  /** the on-screen keyboard: "text" (the default, since lists need comma and space keys) or "decimal" for one number */
  inputmode?: "decimal" | "text";
  onCommit(text: string): void;
}

export function textField(o: TextFieldOptions) {
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <input id=${o.id} type="text" inputmode=${o.inputmode ?? "text"} spellcheck="false" autocomplete="off" .value=${o.value}
      aria-invalid=${o.error ? "true" : "false"} aria-describedby="${o.id}-m"
      @change=${(e: Event) => o.onCommit((e.target as HTMLInputElement).value)} />
    ${o.error ? html`<div class="error" id="${o.id}-m" role="alert">${o.error}</div>`
      : o.hint ? html`<div class="hint" id="${o.id}-m">${o.hint}</div>` : html`<span id="${o.id}-m" hidden>${nothing}</span>`}
  </div>`;
}
