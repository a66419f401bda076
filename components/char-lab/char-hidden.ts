import { LitElement, css, html } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../define.js";
import { emit } from "../events.js";
import { styles } from "../theme/tokens.js";
import { FEATURES, probeUnits, type Generation, type UnitProbe } from "../../lessons/char-lab-generate.js";
import "../charts/heat-map/heat-map.js";
import "../ui/slider/slider.js";
import { fmt } from "../../bindings/format.js";

/**
 * The hidden state over the last generated text as a heat map (units × characters),
 * a unit selector, and for each text feature the units whose activation follows it
 * most closely (Pearson r over this text), one click away.
 *
 * @fires rnn-unit-change - when the reader picks a unit; detail `{ unit: number }`
 * @csspart map - the heat map
 * @csspart probes - the list of feature-tracking units
 */
export class RnnCharHidden extends LitElement {
  static override styles = [styles, css`
    :host { display: block; }
    ul { list-style: none; padding: 0; margin: 6px 0; display: grid; gap: 4px; font-size: 0.9em; }
    button.unit { font: inherit; font-family: var(--_mono); font-size: 0.9em; padding: 1px 6px; margin: 0 2px; cursor: pointer;
      color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: 4px; }
    button.unit[aria-pressed="true"] { border-color: var(--_accent); background: color-mix(in srgb, var(--_accent) 18%, transparent); }
    .muted { color: var(--_muted); }
    p.muted { font-size: 0.85em; }
    rnn-slider { max-width: 22em; }
  `];

  @property({ attribute: false }) generation?: Generation;
  @property({ type: Number }) unit = 0;
  private probes?: { for: Generation; list: UnitProbe[] };

  private get list(): UnitProbe[] {
    const g = this.generation!;
    if (this.probes?.for !== g) this.probes = { for: g, list: probeUnits(g.hidden, g.text) };
    return this.probes.list;
  }

  override render() {
    const g = this.generation;
    if (!g || !g.hidden.length) return html`<p class="muted">Generate text to see the hidden state that produced it.</p>`;
    const H = g.hidden[0].length, T = g.hidden.length;
    const values = new Float64Array(H * T);
    for (let t = 0; t < T; t++) for (let u = 0; u < H; u++) values[u * T + t] = g.hidden[t][u];
    return html`
      <rnn-slider label="Unit" .min=${0} .max=${H - 1} .step=${1} .value=${Math.min(this.unit, H - 1)}
        @rnn-input=${(e: CustomEvent<{ value: number }>) => this.pick(e.detail.value)}
        @rnn-change=${(e: CustomEvent<{ value: number }>) => this.pick(e.detail.value)}></rnn-slider>
      <ul part="probes" aria-label="Units that track features of this text">
        ${this.list.map((p) => html`<li>${FEATURES[p.feature]}:
          ${p.present && p.best.length ? p.best.map((b) => html`<button class="unit" aria-pressed=${b.unit === this.unit ? "true" : "false"}
            @click=${() => this.pick(b.unit)} aria-label="unit ${b.unit}, r ${fmt(b.r, 2)}">${b.unit} <span class="muted">r ${fmt(b.r, 2)}</span></button>`)
          : html`<span class="muted">does not vary in this text</span>`}</li>`)}
      </ul>
      <p class="muted">r is the correlation between the unit's activation and the feature over these ${T} characters; |r| near 1 means the unit follows it.</p>
      <rnn-heat-map part="map" label="Hidden state after each character" row-label="unit" col-label="character"
        .rows=${H} .cols=${T} .values=${values} .range=${[-1, 1] as [number, number]}
        @rnn-cell=${(e: CustomEvent<{ row: number }>) => this.pick(e.detail.row)}></rnn-heat-map>`;
  }

  private pick(unit: number) {
    if (unit === this.unit) return;
    this.unit = unit;
    emit(this, "rnn-unit-change", { unit });
  }
}

define("rnn-char-hidden", RnnCharHidden);
declare global {
  interface HTMLElementTagNameMap { "rnn-char-hidden": RnnCharHidden }
  interface HTMLElementEventMap { "rnn-unit-change": CustomEvent<{ unit: number }> }
}
