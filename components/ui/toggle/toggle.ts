import { LitElement, html } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../../define.js";
import { emit, type ValueDetail } from "../../events.js";
import { styles } from "../../theme/tokens.js";
import { toggleStyles } from "./toggle.styles.js";

/**
 * An on/off switch with its label (role="switch").
 *
 * @fires rnn-change - when toggled; detail `{ value: boolean }`
 * @csspart button - the switch
 * @csspart track - the track behind the thumb
 * @cssproperty --rnn-accent - track color when on
 */
export class RnnToggle extends LitElement {
  static override styles = [styles, toggleStyles];

  @property() label = "";
  @property({ type: Boolean, reflect: true }) checked = false;
  @property({ type: Boolean }) disabled = false;

  override render() {
    return html`<button part="button" role="switch" aria-checked=${this.checked ? "true" : "false"} ?disabled=${this.disabled} @click=${this.toggle}>
      <span part="track" class="track" aria-hidden="true"><span class="thumb"></span></span><span>${this.label}</span></button>`;
  }

  private toggle() {
    this.checked = !this.checked;
    emit<ValueDetail<boolean>>(this, "rnn-change", { value: this.checked });
  }
}

define("rnn-toggle", RnnToggle);
declare global { interface HTMLElementTagNameMap { "rnn-toggle": RnnToggle } }
