import { LitElement, css, html } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../define.js";
import { emit, type ValueDetail } from "../events.js";
import { styles } from "../theme/tokens.js";

let uid = 0;

/**
 * A labelled one-line text entry (a comma-separated list, a word) with a hint and an
 * inline error the parent sets; the platform has sliders and selects but no text field.
 *
 * @fires rnn-change - when the reader commits the text (Enter or leaving the field); detail `{ value: string }`
 * @csspart input - the text input
 * @cssproperty --rnn-error - border and text of the error
 */
export class RnnLabField extends LitElement {
  static override styles = [styles, css`
    :host { display: block; min-width: 0; }
    label { display: block; font-size: 0.9em; margin-bottom: 2px; }
    input {
      width: 100%; font: inherit; font-family: var(--_mono); font-size: 0.9em; padding: 5px 7px; min-height: 32px;
      color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2);
    }
    input[aria-invalid="true"] { border-color: var(--_error); }
    .error { color: var(--_error); font-size: 0.85em; margin-top: 2px; }
    .hint { color: var(--_muted); font-size: 0.8em; margin-top: 2px; }
  `];

  @property() label = "";
  @property() value = "";
  @property() hint = "";
  /** A message saying what is wrong with the text; empty when it is fine. */
  @property() error = "";
  @property({ type: Boolean }) disabled = false;
  private readonly ref = `f${++uid}`;

  override render() {
    return html`<label for=${this.ref}>${this.label}</label>
      <input part="input" id=${this.ref} type="text" spellcheck="false" autocomplete="off" .value=${this.value} ?disabled=${this.disabled}
        aria-invalid=${this.error ? "true" : "false"} aria-describedby="${this.ref}-m ${this.ref}-h"
        @change=${this.commit} @keydown=${(e: KeyboardEvent) => { if (e.key === "Enter") this.commit(e); }} />
      <div class="error" id="${this.ref}-m" role=${this.error ? "alert" : "none"} ?hidden=${!this.error}>${this.error}</div>
      <div class="hint" id="${this.ref}-h" ?hidden=${!this.hint}>${this.hint}</div>`;
  }

  private commit(e: Event) {
    const v = (e.target as HTMLInputElement).value;
    emit<ValueDetail<string>>(this, "rnn-change", { value: v });
  }
}

define("rnn-lab-field", RnnLabField);
declare global { interface HTMLElementTagNameMap { "rnn-lab-field": RnnLabField } }
