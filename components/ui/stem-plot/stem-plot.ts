import { LitElement, html, svg, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../../define.js";
import { emit, type ValueDetail } from "../../events.js";
import { styles } from "../../theme/tokens.js";
import { dataTable, frameStyles } from "../../charts/frame.js";
import { fmt } from "../../../bindings/format.js";
import { stemPlotStyles } from "./stem-plot.styles.js";

export interface StemRow {
  label: string;
  values: ArrayLike<number>;
  /** a series token ("series-2"); default by row */
  color?: string;
  /** clicking a stem of this row (or space/enter at the cursor) fires rnn-toggle */
  toggle?: boolean;
  /** toggling is allowed for indices below this (default: all) */
  toggleUntil?: number;
  /** indices drawn emphasised (e.g. the taps feeding the inspected output) */
  highlight?: readonly number[];
}

export interface ToggleDetail { row: number; index: number }

const ROW_H = 62, LEFT = 64, RIGHT = 10, AXIS_H = 22;

/**
 * Discrete-time signals as stems, one row per signal over a shared time axis k, with
 * a cursor to inspect one step: drag along the plot or use the arrow keys (Home/End,
 * PageUp/PageDown jump). Rows marked `toggle` flip a sample between 0 and 1 on click
 * or on space/enter at the cursor. Values beyond `clamp` are drawn at the clamp with
 * an open marker: a display guard only, the data are not changed.
 *
 * @fires rnn-cursor - the inspected step changed; detail `{ value: k }`
 * @fires rnn-toggle - a sample was clicked or toggled by key; detail `{ row, index }`
 * @csspart plot - the focusable plot area
 * @csspart table - the data table (text alternative)
 * @cssproperty --rnn-series-1 - first row color (and --rnn-series-2 … -6)
 * @cssproperty --rnn-accent - cursor and highlighted stems
 */
export class RnnStemPlot extends LitElement {
  static override styles = [styles, frameStyles, stemPlotStyles];

  /** accessible name and table caption */
  @property() label = "";
  @property({ attribute: false }) rows: StemRow[] = [];
  @property({ type: Number }) cursor = 0;
  @property({ type: Number }) clamp = Infinity;
  /** shade indices from here on (e.g. "input held at its last value") */
  @property({ type: Number, attribute: "shade-from" }) shadeFrom = Infinity;
  @property({ attribute: "shade-label" }) shadeLabel = "";
  @state() private width = 600;
  private resizer?: ResizeObserver;
  private press?: { k: number; row: number; moved: boolean };

  private get n() { return Math.max(0, ...this.rows.map((r) => r.values.length)); }

  override connectedCallback() {
    super.connectedCallback();
    this.resizer = new ResizeObserver((es) => {
      const w = Math.round(es[0].contentRect.width);
      if (w > 0 && w !== this.width) this.width = w;
    });
    this.resizer.observe(this);
  }

  override disconnectedCallback() { super.disconnectedCallback(); this.resizer?.disconnect(); }

  private xOf(k: number) { return LEFT + ((k + 0.5) * (this.width - LEFT - RIGHT)) / Math.max(1, this.n); }
  private kOf(px: number) {
    const k = Math.floor(((px - LEFT) * this.n) / (this.width - LEFT - RIGHT));
    return Math.min(this.n - 1, Math.max(0, k));
  }

  /** Summary of the row values at the cursor, for the slider's aria-valuetext and the read-out. */
  private at(k: number) {
    return this.rows.map((r) => `${r.label} = ${k < r.values.length ? fmt(r.values[k]) : "–"}`).join(", ");
  }

  override render() {
    const n = this.n, W = this.width, shaded = this.shadeFrom < n, H = this.rows.length * ROW_H + AXIS_H + (shaded && this.shadeLabel ? 16 : 0);
    const plotH = this.rows.length * ROW_H, tickY = plotH + AXIS_H - 6;
    const k = Math.min(Math.max(0, this.cursor), Math.max(0, n - 1));
    const step = (W - LEFT - RIGHT) / Math.max(1, n);
    const every = Math.max(1, Math.ceil(28 / step));
    return html`
      <div class="readout" aria-hidden="true">k = ${k}: ${this.at(k)}</div>
      <div part="plot" class="plot" tabindex="0" role="slider" aria-label=${`${this.label}: time step`}
        aria-valuemin="0" aria-valuemax=${Math.max(0, n - 1)} aria-valuenow=${k} aria-valuetext=${`k = ${k}: ${this.at(k)}`}
        aria-keyshortcuts=${this.rows.some((r) => r.toggle) ? "Space Enter" : nothing}
        @keydown=${this.onKey} @pointerdown=${this.onDown} @pointermove=${this.onMove} @pointerup=${this.onUp} @pointercancel=${this.onCancel}>
        <svg width=${W} height=${H} viewBox="0 0 ${W} ${H}" aria-hidden="true">
          ${shaded ? svg`<rect class="shade" x=${this.xOf(this.shadeFrom) - step / 2} y="0" width=${W - RIGHT - this.xOf(this.shadeFrom) + step / 2} height=${plotH}></rect>
            ${this.shadeLabel ? svg`<text class="shade-label" x=${this.xOf(this.shadeFrom) - step / 2} y=${H - 2}>▸ ${this.shadeLabel}</text>` : nothing}` : nothing}
          <rect class="cursor" x=${this.xOf(k) - step / 2} y="0" width=${step} height=${plotH}></rect>
          ${this.rows.map((r, i) => this.renderRow(r, i, step))}
          ${Array.from({ length: n }, (_, j) => j).filter((j) => j % every === 0 || j === k).map((j) => svg`
            <text class="tick ${j === k ? "now" : ""}" x=${this.xOf(j)} y=${tickY} text-anchor="middle">${j}</text>`)}
          <text class="tick" x=${LEFT - 8} y=${tickY} text-anchor="end">k</text>
        </svg>
      </div>
      ${dataTable(this.label || "signals", ["k", ...this.rows.map((r) => r.label)],
        [Array.from({ length: n }, (_, j) => j), ...this.rows.map((r) => r.values)], 80)}`;
  }

  private renderRow(r: StemRow, i: number, step: number) {
    const top = i * ROW_H, vals = Array.from(r.values, (v) => (Number.isFinite(v) ? Math.max(-this.clamp, Math.min(this.clamp, v)) : v));
    const finite = vals.filter(Number.isFinite);
    let lo = Math.min(0, ...finite), hi = Math.max(0, ...finite);
    if (hi - lo < 1e-12) { hi += 1; }
    const pad = 10, y = (v: number) => top + pad + (1 - (v - lo) / (hi - lo)) * (ROW_H - 2 * pad);
    const hl = new Set(r.highlight ?? []), color = `var(--_${r.color ?? `series-${(i % 6) + 1}`})`;
    const rad = Math.max(2, Math.min(4.5, step / 4));
    return svg`<g class="row ${r.toggle ? "toggle" : ""}" style="--c:${color}">
      <text class="label" x="4" y=${top + ROW_H / 2 + 4}>${r.label}</text>
      <line class="zero" x1=${LEFT} x2=${this.width - RIGHT} y1=${y(0)} y2=${y(0)}></line>
      ${vals.map((v, j) => {
        const x = this.xOf(j), raw = r.values[j];
        if (!Number.isFinite(v)) return svg`<text class="overflow" x=${x} y=${top + ROW_H / 2} text-anchor="middle">∞</text>`;
        const clipped = Math.abs(raw) > this.clamp, on = hl.has(j);
        return svg`<g class="stem ${on ? "on" : ""}">
          <line x1=${x} x2=${x} y1=${y(0)} y2=${y(v)}></line>
          ${clipped
            ? svg`<path class="clip" d="M${x - rad} ${y(v) + (v > 0 ? rad : -rad)} L${x + rad} ${y(v) + (v > 0 ? rad : -rad)} L${x} ${y(v)} Z"></path>`
            : svg`<circle cx=${x} cy=${y(v)} r=${on ? rad + 1.5 : rad}></circle>`}
        </g>`;
      })}
    </g>`;
  }

  private move(k: number) {
    const n = this.n;
    if (!n) return;
    const next = Math.min(n - 1, Math.max(0, k));
    if (next === this.cursor) return;
    this.cursor = next;
    emit<ValueDetail<number>>(this, "rnn-cursor", { value: next });
  }

  private toggleAt(row: number, index: number) {
    const r = this.rows[row];
    if (!r?.toggle || index >= (r.toggleUntil ?? Infinity)) return;
    emit<ToggleDetail>(this, "rnn-toggle", { row, index });
  }

  private onKey(e: KeyboardEvent) {
    const page = Math.max(1, Math.round(this.n / 10));
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -page, PageUp: page };
    if (e.key in moves) this.move(this.cursor + moves[e.key]);
    else if (e.key === "Home") this.move(0);
    else if (e.key === "End") this.move(this.n - 1);
    else if (e.key === " " || e.key === "Enter") {
      const row = this.rows.findIndex((r) => r.toggle);
      if (row < 0) return;
      this.toggleAt(row, this.cursor);
    } else return;
    e.preventDefault();
  }

  private locate(e: PointerEvent) {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { k: this.kOf(e.clientX - box.left), row: Math.floor((e.clientY - box.top) / ROW_H) };
  }

  private onDown(e: PointerEvent) {
    if (e.button !== 0) return;
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
    const p = this.locate(e);
    this.press = { ...p, moved: false };
    this.move(p.k);
  }

  private onMove(e: PointerEvent) {
    if (!this.press) return;
    const { k } = this.locate(e);
    if (k !== this.press.k) this.press.moved = true;
    this.move(k);
  }

  private onUp() {
    const p = this.press;
    this.press = undefined;
    if (p && !p.moved) this.toggleAt(p.row, p.k);
  }

  private onCancel() { this.press = undefined; }
}

define("rnn-stem-plot", RnnStemPlot);
declare global {
  interface HTMLElementTagNameMap { "rnn-stem-plot": RnnStemPlot }
  interface HTMLElementEventMap { "rnn-cursor": CustomEvent<ValueDetail<number>>; "rnn-toggle": CustomEvent<ToggleDetail> }
}
