import { LitElement, html } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../../define.js";
import { styles } from "../../theme/tokens.js";
import { formatRemaining } from "./format.js";
import { progressStyles } from "./progress.styles.js";

/**
 * A progress bar with the time remaining. Without a value it shows an indeterminate bar.
 *
 * @csspart track - the bar's track
 * @csspart bar - the filled part
 * @cssproperty --rnn-accent - bar color
 */
export class RnnProgress extends LitElement {
  static override styles = [styles, progressStyles];

  /** Fraction done in [0, 1]; NaN (or absent) for unknown. */
  @property({ type: Number }) value = NaN;
  @property() label = "Progress";
  /** Estimated milliseconds left; NaN when unknown. */
  @property({ type: Number }) remaining = NaN;
  /** Extra status text, e.g. "paused" or "1 200 steps/s". */
  @property() status = "";

  override render() {
    const known = Number.isFinite(this.value), pct = known ? Math.round(Math.min(1, Math.max(0, this.value)) * 100) : 0;
    const left = formatRemaining(this.remaining);
    const text = [known ? `${pct}%` : "", left, this.status].filter(Boolean).join(" · ");
    return html`
      <div class="top"><span>${this.label}</span><span>${text}</span></div>
      <div part="track" class="track ${known ? "" : "indeterminate"}" role="progressbar" aria-label=${this.label}
        aria-valuemin="0" aria-valuemax="100" aria-valuenow=${known ? pct : ""} aria-valuetext=${text || "working"}>
        <div part="bar" class="bar" style="width: ${pct}%"></div>
      </div>`;
  }
}

define("rnn-progress", RnnProgress);
declare global { interface HTMLElementTagNameMap { "rnn-progress": RnnProgress } }
