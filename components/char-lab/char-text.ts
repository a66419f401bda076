import { LitElement, css, html } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../define.js";
import { emit } from "../events.js";
import { styles } from "../theme/tokens.js";
import type { Generation } from "../../lessons/char-lab-generate.js";
import { visibleChar } from "../../lessons/char-lab-text.js";
import { fmt, pct } from "../../bindings/format.js";

const prob = (p: number) => (p >= 0.995 ? "≈100%" : p < 0.001 ? "<0.1%" : pct(p, p < 0.1 ? 1 : 0));

/**
 * Generated text, each character shaded by how sure the model was of it (or by one
 * hidden unit's activation after reading it). Click a character, or focus the text
 * and use the arrow keys, to see the five characters the model found likeliest there.
 *
 * @fires rnn-select - when the selected position changes; detail `{ index: number }`
 * @csspart text - the shaded text
 * @csspart readout - the top-5 read-out of the selected position
 * @cssproperty --rnn-accent - probability shading
 * @cssproperty --rnn-heat-pos - positive activations
 * @cssproperty --rnn-heat-neg - negative activations
 */
export class RnnCharText extends LitElement {
  static override styles = [styles, css`
    :host { display: block; }
    .text { font-family: var(--_mono); font-size: 0.9em; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6;
      border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); padding: 8px; background: var(--_bg); max-height: 16em; overflow: auto; cursor: pointer; }
    .text span { border-radius: 2px; }
    .text span.sel { outline: 2px solid var(--_fg); outline-offset: 0; }
    .prime { color: var(--_muted); }
    .nl { color: var(--_muted); }
    .readout { font-size: 0.9em; margin-top: 6px; min-height: 3em; }
    .bars { display: grid; grid-template-columns: 3.5em minmax(0, 1fr) 4.5em; gap: 2px 8px; align-items: center; max-width: 28em; margin-top: 4px; }
    .bar { height: 0.8em; background: var(--_accent); border-radius: 2px; min-width: 1px; }
    .ch { font-family: var(--_mono); text-align: center; border: 1px solid var(--_border); border-radius: 3px; }
    .ch.chosen { border-color: var(--_fg); font-weight: 700; }
    .num { font-family: var(--_mono); font-size: 0.9em; text-align: right; }
    .legend { color: var(--_muted); font-size: 0.8em; margin-top: 2px; }
  `];

  @property({ attribute: false }) generation?: Generation;
  /** Shade by "probability" of each character, or by hidden "unit" `unit`. */
  @property() shade: "probability" | "unit" = "probability";
  @property({ type: Number }) unit = 0;
  @property({ type: Number }) selected = -1;

  private color(i: number): string {
    const g = this.generation!;
    if (this.shade === "unit") {
      const v = Math.max(-1, Math.min(1, g.hidden[i]?.[this.unit] ?? 0));
      return `color-mix(in srgb, var(${v >= 0 ? "--_heat-pos" : "--_heat-neg"}) ${Math.round(Math.abs(v) * 70)}%, transparent)`;
    }
    return `color-mix(in srgb, var(--_accent) ${Math.round(g.chars[i].p * 55)}%, transparent)`;
  }

  override render() {
    const g = this.generation;
    if (!g) return html`<p class="legend">Generate some text to see it here.</p>`;
    const sel = this.selected >= 0 && this.selected < g.chars.length ? this.selected : -1;
    return html`
      <div class="text" part="text" tabindex="0" role="group" aria-roledescription="generated text"
        aria-label="Generated text; arrow keys move through its characters" @click=${this.onClick} @keydown=${this.onKey}><span class="prime" title="prime">${g.prime}</span>${g.chars.map((c, i) => html`<span data-i=${i} class=${i === sel ? "sel" : ""}
          style="background:${this.color(i)}">${c.char === "\n" ? html`<span class="nl">↵</span>\n` : c.char}</span>`)}</div>
      <div class="legend">${this.shade === "unit"
        ? html`Shaded by unit ${this.unit}'s activation after reading each character: red positive, blue negative.`
        : html`Shaded by the probability the model gave each character (at temperature 1): darker means more sure.`}</div>
      <div class="readout" part="readout" aria-live="polite">${sel < 0 ? html`Click a character to see what the model expected there.` : this.readout(sel)}</div>`;
  }

  private readout(i: number) {
    const g = this.generation!, c = g.chars[i];
    const before = (g.prime + g.text.slice(0, i)).slice(-12);
    return html`
      <div>Position ${i + 1}: after “<span class="mono">${before.replace(/\n/g, "↵")}</span>” it wrote
        <strong>${visibleChar(c.char)}</strong> with probability ${prob(c.p)}${this.shade === "unit" ? `; unit ${this.unit} = ${fmt(g.hidden[i]?.[this.unit] ?? NaN)}` : ""}. Top 5:</div>
      <div class="bars" role="list">${c.top.map((t) => html`<span class="ch ${t.char === c.char ? "chosen" : ""}" role="listitem">${visibleChar(t.char)}</span>
        <span class="bar" style="width:${Math.max(0.5, t.p * 100)}%" aria-hidden="true"></span><span class="num">${prob(t.p)}</span>`)}</div>`;
  }

  private select(i: number) {
    if (!this.generation) return;
    const n = this.generation.chars.length;
    this.selected = Math.max(0, Math.min(n - 1, i));
    emit(this, "rnn-select", { index: this.selected });
    this.updateComplete.then(() => this.renderRoot.querySelector(".sel")?.scrollIntoView({ block: "nearest" }));
  }

  private onClick(e: MouseEvent) {
    const i = (e.target as HTMLElement).closest<HTMLElement>("[data-i]")?.dataset.i;
    if (i !== undefined) this.select(Number(i));
  }

  private onKey(e: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 20, ArrowUp: -20 };
    if (e.key === "Home" || e.key === "End") { e.preventDefault(); this.select(e.key === "Home" ? 0 : Infinity); return; }
    const d = moves[e.key];
    if (d === undefined) return;
    e.preventDefault();
    this.select(this.selected < 0 ? 0 : this.selected + d);
  }
}

define("rnn-char-text", RnnCharText);
declare global {
  interface HTMLElementTagNameMap { "rnn-char-text": RnnCharText }
  interface HTMLElementEventMap { "rnn-select": CustomEvent<{ index: number }> }
}
