import { LitElement, css, html } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../define.js";
import { styles } from "../theme/tokens.js";
import type { CharSample } from "../../lessons/char-lab-train.js";
import { fmt } from "../../bindings/format.js";

/**
 * The samples drawn during training, oldest first, in a scrolling log that follows
 * the newest entry unless the reader has scrolled up to read an older one.
 *
 * @csspart log - the scrolling list
 */
export class RnnCharLog extends LitElement {
  static override styles = [styles, css`
    :host { display: block; }
    .log { max-height: 22em; overflow: auto; border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); background: var(--_bg); }
    ol { list-style: none; margin: 0; padding: 0; }
    li { padding: 6px 8px; border-bottom: 1px solid var(--_border); }
    li:last-child { border-bottom: 0; }
    .meta { font-size: 0.8em; color: var(--_muted); }
    .meta strong { color: var(--_fg); font-weight: 600; }
    pre { margin: 2px 0 0; font-family: var(--_mono); font-size: 0.85em; white-space: pre-wrap; overflow-wrap: anywhere; }
    .empty { color: var(--_muted); padding: 8px; }
  `];

  @property({ attribute: false }) samples: CharSample[] = [];
  /** Converts nats to the unit shown. */
  @property({ attribute: false }) format: (nats: number) => string = (n) => fmt(n, { decimals: 3, unit: "nats" });
  private follow = true;

  override render() {
    return html`<div class="log" part="log" role="log" aria-label="Samples drawn during training" tabindex="0" @scroll=${this.onScroll}><ol>
      ${this.samples.length ? this.samples.map((s) => html`<li>
        <div class="meta">step <strong>${s.step.toLocaleString("en")}</strong> · temperature ${s.temperature}
          · <strong>${s.words.real}</strong> of ${s.words.words} words (3+ letters) are corpus words
          ${s.validation !== undefined ? html` · held-out loss ${this.format(s.validation)}` : ""}</div>
        <pre>${s.text}</pre></li>`) : html`<li class="empty">Samples appear here while the model trains.</li>`}
    </ol></div>`;
  }

  private onScroll(e: Event) {
    const el = e.target as HTMLElement;
    this.follow = el.scrollTop + el.clientHeight >= el.scrollHeight - 8;
  }

  override updated() {
    if (!this.follow) return;
    const el = this.renderRoot.querySelector<HTMLElement>(".log");
    if (el) el.scrollTop = el.scrollHeight;
  }
}

define("rnn-char-log", RnnCharLog);
declare global { interface HTMLElementTagNameMap { "rnn-char-log": RnnCharLog } }
