import { LitElement, html } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../define.js";
import { styles } from "../theme/tokens.js";
import "../ui/button/button.js";
import { sharePanelStyles } from "./share.styles.js";

/**
 * The share panel of <rnn-explorer>: a link to the current state and the two embed snippets, each with a copy button.
 *
 * @fires rnn-copy - after a snippet was copied; detail `{ what: "link" | "script" | "iframe" }`
 * @csspart panel - the panel box
 */
export class RnnShare extends LitElement {
  static override styles = [styles, sharePanelStyles];

  @property() link = "";
  @property() script = "";
  @property() iframe = "";
  @state() private copied = "";

  override render() {
    const item = (what: "link" | "script" | "iframe", label: string, value: string, rows: number) => html`
      <div class="item"><label for=${what}>${label}</label>
        <div class="row"><textarea id=${what} readonly rows=${rows} .value=${value} @focus=${(e: Event) => (e.target as HTMLTextAreaElement).select()}></textarea>
        <rnn-button @click=${() => this.copy(what, value)} label="Copy ${label}">Copy</rnn-button></div></div>`;
    return html`<div class="panel" part="panel" role="group" aria-label="Share this state">
      ${item("link", "Link", this.link, 2)}
      ${item("script", "Embed with a script tag", this.script, 3)}
      ${item("iframe", "Embed in an LMS (iframe)", this.iframe, 3)}
      <p class="hint">The script tag suits pages you control; use the iframe where scripts are stripped (Moodle, Canvas, Blackboard).</p>
      <div class="status" role="status">${this.copied}</div>
    </div>`;
  }

  private async copy(what: "link" | "script" | "iframe", value: string) {
    try {
      await navigator.clipboard.writeText(value);
      this.copied = `Copied the ${what === "link" ? "link" : what + " snippet"}.`;
      this.dispatchEvent(new CustomEvent("rnn-copy", { detail: { what }, bubbles: true, composed: true }));
    } catch {
      const ta = this.renderRoot.querySelector<HTMLTextAreaElement>(`#${what}`);
      ta?.focus(); ta?.select();
      this.copied = "Copying is blocked here; the text is selected, press Ctrl+C (⌘C) to copy.";
    }
  }
}

define("rnn-share", RnnShare);
declare global {
  interface HTMLElementTagNameMap { "rnn-share": RnnShare }
  interface HTMLElementEventMap { "rnn-copy": CustomEvent<{ what: string }> }
}
