import { LitElement, html } from "lit";
import { property } from "lit/decorators.js";
import { ifDefined } from "lit/directives/if-defined.js";
import { define } from "../../define.js";
import { styles } from "../../theme/tokens.js";
import { buttonStyles } from "./button.styles.js";

/**
 * A button; clicks bubble as the native click event.
 *
 * @slot - the button text
 * @csspart button - the native button
 * @cssproperty --rnn-accent - primary background, quiet text
 */
export class RnnButton extends LitElement {
  static override styles = [styles, buttonStyles];

  /** "primary" | "secondary" | "quiet" */
  @property({ reflect: true }) variant: "primary" | "secondary" | "quiet" = "secondary";
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Accessible name when the slot holds only an icon. */
  @property() label?: string;
  /** aria-pressed for toggle buttons (e.g. pause). */
  @property() pressed?: "true" | "false";

  override render() {
    return html`<button part="button" ?disabled=${this.disabled} aria-label=${ifDefined(this.label)} aria-pressed=${ifDefined(this.pressed)}><slot></slot></button>`;
  }

  override click() { this.renderRoot.querySelector("button")?.click(); }
  override focus(o?: FocusOptions) { this.renderRoot.querySelector("button")?.focus(o); }
}

define("rnn-button", RnnButton);
declare global { interface HTMLElementTagNameMap { "rnn-button": RnnButton } }
