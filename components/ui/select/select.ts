import { LitElement, html } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../../define.js";
import { emit, type ValueDetail } from "../../events.js";
import { styles } from "../../theme/tokens.js";
import { selectStyles } from "./select.styles.js";

export type SelectOption = string | { value: string; label: string };
let uid = 0;

/**
 * A labelled native select.
 *
 * @fires rnn-change - when the choice changes; detail `{ value: string }`
 * @csspart label - the label text
 * @csspart select - the select element
 */
export class RnnSelect extends LitElement {
  static override styles = [styles, selectStyles];

  @property() label = "";
  @property({ reflect: true }) value = "";
  /** Choices; the attribute form is a comma-separated list of values. */
  @property({ converter: (v) => (v ? v.split(",").map((s) => s.trim()) : []) }) options: SelectOption[] = [];
  @property({ type: Boolean, reflect: true }) disabled = false;
  private readonly ref = `sel${++uid}`;

  override render() {
    return html`<label part="label" for=${this.ref}>${this.label}</label>
      <select part="select" id=${this.ref} ?disabled=${this.disabled} @change=${this.onChange}>
        ${this.options.map((o) => {
          const v = typeof o === "string" ? o : o.value, l = typeof o === "string" ? o : o.label;
          return html`<option value=${v} ?selected=${v === this.value}>${l}</option>`;
        })}
      </select>`;
  }

  private onChange(e: Event) {
    this.value = (e.target as HTMLSelectElement).value;
    emit<ValueDetail<string>>(this, "rnn-change", { value: this.value });
  }
}

define("rnn-select", RnnSelect);
declare global { interface HTMLElementTagNameMap { "rnn-select": RnnSelect } }
