import { LitElement, html } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../../define.js";
import { emit, type ValueDetail } from "../../events.js";
import { styles } from "../../theme/tokens.js";
import { sliderStyles } from "./slider.styles.js";
import { fmt } from "../../../bindings/format.js";
import { styleMap } from "lit/directives/style-map.js";

/** The number field's text: 4 significant digits a parser reads back (a trained weight is not 0.8255912065…). */
const entry = (v: number) => fmt(v, { digits: 4, ascii: true });

let uid = 0;

/**
 * A labelled slider with a numeric entry kept in sync. A typed value outside
 * [min, max] or not a number is refused with an inline message.
 *
 * @fires rnn-input - while the slider moves; detail `{ value: number }`
 * @fires rnn-change - when a value is committed (slider released, number entered); detail `{ value: number }`
 * @csspart label - the label text
 * @csspart range - the range input
 * @csspart number - the numeric entry
 * @csspart message - the validation message
 * @cssproperty --rnn-accent - slider color
 */
export class RnnSlider extends LitElement {
  static override styles = [styles, sliderStyles];

  @property() label = "";
  @property({ type: Number }) min = 0;
  @property({ type: Number }) max = 100;
  @property({ type: Number }) step = 1;
  @property({ type: Number }) value = 0;
  @property() unit = "";
  /** "log" maps the slider to log10 of the value (learning rates, thresholds). */
  @property() scale: "linear" | "log" = "linear";
  @property({ type: Boolean, reflect: true }) disabled = false;
  @state() private error = "";
  private readonly ref = `s${++uid}`;

  private get isLog() { return this.scale === "log" && this.min > 0; }
  private toPos(v: number) { return this.isLog ? Math.log10(v) : v; }
  private fromPos(p: number) {
    if (!this.isLog) return p;
    const v = 10 ** p, digits = Math.max(0, 2 - Math.floor(Math.log10(v)));
    return Number(v.toPrecision(3)) || Number(v.toFixed(digits));
  }

  override render() {
    const lo = this.toPos(this.min), hi = this.toPos(this.max);
    const posStep = this.isLog ? (hi - lo) / 200 : this.step;
    // the field is as wide as the longest value it can show, plus Chromium's spin buttons, so no value is cut off
    const width = `calc(${Math.max(...[this.min, this.max, this.value].map((v) => entry(v).length), 4) + 1}ch + 16px)`;
    return html`
      <label part="label" id="${this.ref}-l" for="${this.ref}-n">${this.label}${this.unit ? html` <span class="unit">(${this.unit})</span>` : ""}</label>
      <div class="row">
        <input part="range" type="range" aria-labelledby="${this.ref}-l" .min=${String(lo)} .max=${String(hi)} .step=${String(posStep)}
          .value=${String(this.toPos(this.value))} ?disabled=${this.disabled} aria-valuetext=${fmt(this.value, { digits: 4, unit: this.unit || undefined })}
          @input=${this.onRange} @change=${this.commit} />
        <input part="number" id="${this.ref}-n" type="number" inputmode="decimal" .min=${String(this.min)} .max=${String(this.max)}
          .step=${this.isLog ? "any" : String(this.step)} .value=${entry(this.value)} ?disabled=${this.disabled} style=${styleMap({ width })}
          aria-invalid=${this.error ? "true" : "false"} aria-describedby="${this.ref}-m" @change=${this.onNumber} />
      </div>
      <div part="message" class="message" id="${this.ref}-m" ?hidden=${!this.error}>${this.error}</div>`;
  }

  private onRange(e: Event) {
    this.error = "";
    this.value = this.fromPos(Number((e.target as HTMLInputElement).value));
    emit<ValueDetail<number>>(this, "rnn-input", { value: this.value });
  }

  private commit() { emit<ValueDetail<number>>(this, "rnn-change", { value: this.value }); }

  private onNumber(e: Event) {
    const input = e.target as HTMLInputElement, raw = input.value.trim(), v = Number(raw);
    if (raw === "" || !Number.isFinite(v) || v < this.min || v > this.max) {
      this.error = `Enter a number from ${fmt(this.min, 4)} to ${fmt(this.max, 4)}.`;
      return;
    }
    this.error = "";
    this.value = v;
    this.commit();
  }
}

define("rnn-slider", RnnSlider);
declare global {
  interface HTMLElementTagNameMap { "rnn-slider": RnnSlider }
  interface HTMLElementEventMap { "rnn-input": CustomEvent<ValueDetail>; "rnn-change": CustomEvent<ValueDetail> }
}
