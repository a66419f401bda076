import { LitElement, html, nothing } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../../define.js";
import { styles } from "../../theme/tokens.js";
import { messageStyles } from "./message.styles.js";

/**
 * An inline message: a heading and a list of items (e.g. attribute problems), or slotted text.
 * Errors are announced (role="alert"), warnings and notes politely (role="status").
 *
 * @slot - free text below the heading
 * @csspart box - the message box
 * @cssproperty --rnn-error - border and heading color of errors
 * @cssproperty --rnn-error-bg - background of errors
 */
export class RnnMessage extends LitElement {
  static override styles = [styles, messageStyles];

  /** "error" | "warning" | "info" */
  @property({ reflect: true }) variant: "error" | "warning" | "info" = "error";
  @property() heading = "";
  @property({ attribute: false }) items: string[] = [];

  override render() {
    return html`<div part="box" class="box" role=${this.variant === "error" ? "alert" : "status"}>
      ${this.heading ? html`<strong>${this.heading}</strong>` : nothing}
      ${this.items.length ? html`<ul>${this.items.map((i) => html`<li>${i}</li>`)}</ul>` : nothing}
      <slot></slot></div>`;
  }
}

define("rnn-message", RnnMessage);
declare global { interface HTMLElementTagNameMap { "rnn-message": RnnMessage } }
