import { LitElement, html, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../../define.js";
import { styles } from "../../theme/tokens.js";
import { ThemeController } from "../../theme/theme-controller.js";
import { fmt } from "../../../bindings/format.js";
import { downloadCSV, downloadPNG, fileName } from "../export.js";
import { dataTable, frameStyles, toolbar } from "../frame.js";
import { heatMapStyles } from "./heat-map.styles.js";

/**
 * A heat map on canvas for weight matrices and hidden states over time. Diverging
 * colors around 0 by default. Hover, or focus and use the arrow keys, to read a cell.
 *
 * @fires rnn-cell - when the read-out moves to a cell; detail `{ row, col, value }`
 * @csspart head - title row
 * @csspart canvas - the drawing
 * @csspart table - the data table disclosure
 * @cssproperty --rnn-heat-neg - color of the most negative value
 * @cssproperty --rnn-heat-zero - color of zero
 * @cssproperty --rnn-heat-pos - color of the most positive value
 */
export class RnnHeatMap extends LitElement {
  static override styles = [styles, frameStyles, heatMapStyles];

  @property() label = "";
  @property({ type: Number }) rows = 0;
  @property({ type: Number }) cols = 0;
  /** Row-major values (rows × cols). */
  @property({ attribute: false }) values: ArrayLike<number> = [];
  /** "diverging" (around 0, symmetric) or "sequential" (min to max). */
  @property() scale: "diverging" | "sequential" = "diverging";
  /** Fixed color range; default from the data. */
  @property({ attribute: false }) range?: [number, number];
  @property({ attribute: "row-label" }) rowLabel = "row";
  @property({ attribute: "col-label" }) colLabel = "col";
  @property({ type: Boolean, reflect: true }) compact = false;
  @property({ type: Boolean, attribute: "no-export" }) noExport = false;
  @state() private cursor: [number, number] | null = null;
  private readonly theme = new ThemeController(this, () => this.paint());

  private extent(): [number, number] {
    if (this.range) return this.range;
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < this.values.length; i++) { const v = this.values[i]; if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }
    if (!(hi >= lo)) return [-1, 1];
    if (this.scale === "diverging") { const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1; return [-m, m]; }
    return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
  }

  description(): string {
    const [lo, hi] = this.extent();
    let s = 0, n = 0, mn = Infinity, mx = -Infinity;
    for (let i = 0; i < this.values.length; i++) { const v = this.values[i]; if (Number.isFinite(v)) { s += v; n++; mn = Math.min(mn, v); mx = Math.max(mx, v); } }
    return `Heat map${this.label ? ` of ${this.label}` : ""}, ${this.rows} ${this.rowLabel}s × ${this.cols} ${this.colLabel}s; values from ${fmt(mn)} to ${fmt(mx)}, mean ${fmt(n ? s / n : NaN)}; color scale ${fmt(lo)} to ${fmt(hi)}. Use arrow keys to read cells.`;
  }

  override render() {
    const [lo, hi] = this.extent(), c = this.cursor;
    const v = c ? this.values[c[0] * this.cols + c[1]] : NaN;
    const ramp = this.scale === "diverging" ? "var(--_heat-pos), var(--_heat-zero), var(--_heat-neg)" : "var(--_heat-pos), var(--_heat-zero)";
    const rowsCol = Array.from({ length: this.rows * this.cols }, (_, i) => Math.floor(i / Math.max(1, this.cols)));
    const colsCol = Array.from({ length: this.rows * this.cols }, (_, i) => i % Math.max(1, this.cols));
    return html`
      ${toolbar(this.label, [
        { label: "PNG", run: () => { const cv = this.canvas(); if (cv) void downloadPNG(cv, fileName(this.label, "png")); } },
        { label: "CSV", run: () => downloadCSV({ [this.rowLabel]: rowsCol, [this.colLabel]: colsCol, value: this.values }, fileName(this.label, "csv")) },
      ], this.noExport)}
      <div class="wrap">
        <div class="cv"><canvas part="canvas" tabindex="0" role="img" aria-label=${this.description()}
          @mousemove=${this.onMove} @mouseleave=${() => { this.cursor = null; }} @keydown=${this.onKey}></canvas></div>
        <div class="legend" aria-hidden="true"><span>${fmt(hi)}</span><div class="ramp" style="background: linear-gradient(${ramp})"></div><span>${fmt(lo)}</span></div>
      </div>
      <div class="readout" aria-live="polite">${c ? `${this.rowLabel} ${c[0]}, ${this.colLabel} ${c[1]}: ${fmt(v)}` : "\u00a0"}</div>
      ${this.rows * this.cols <= 400
        ? dataTable(this.label || "values", [this.rowLabel, this.colLabel, "value"], [rowsCol, colsCol, this.values], 400)
        : ""}`;
  }

  private canvas() { return this.renderRoot.querySelector("canvas"); }

  override updated(changed: PropertyValues<this>) {
    if (changed.has("values") || changed.has("rows") || changed.has("cols") || changed.has("scale") || changed.has("range")) this.paint();
  }

  /** One canvas pixel per cell, scaled up by CSS (crisp, and cheap for large matrices). */
  paint() {
    const cv = this.canvas();
    if (!cv || !this.rows || !this.cols) return;
    cv.width = this.cols; cv.height = this.rows;
    cv.style.aspectRatio = `${this.cols} / ${this.rows}`;
    cv.style.maxHeight = "min(60vh, 480px)";
    const ctx = cv.getContext("2d");
    if (!ctx) return;
    const parse = (name: string) => {
      const m = this.theme.color(name).match(/[\d.]+/g)?.map(Number) ?? [128, 128, 128];
      return [m[0], m[1], m[2]];
    };
    const neg = parse("heat-neg"), zero = parse("heat-zero"), pos = parse("heat-pos");
    const [lo, hi] = this.extent(), img = ctx.createImageData(this.cols, this.rows);
    for (let i = 0; i < this.rows * this.cols; i++) {
      const v = this.values[i];
      let t = Number.isFinite(v) ? (v - lo) / (hi - lo) : NaN; // 0..1
      let a = zero, b = pos;
      if (this.scale === "diverging") { if (t < 0.5) { a = neg; b = zero; t = t * 2; } else t = (t - 0.5) * 2; }
      t = Math.min(1, Math.max(0, t));
      for (let k = 0; k < 3; k++) img.data[4 * i + k] = Number.isNaN(t) ? 128 : a[k] + (b[k] - a[k]) * t;
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }

  private setCursor(r: number, c: number) {
    r = Math.min(this.rows - 1, Math.max(0, r)); c = Math.min(this.cols - 1, Math.max(0, c));
    this.cursor = [r, c];
    this.dispatchEvent(new CustomEvent("rnn-cell", { detail: { row: r, col: c, value: this.values[r * this.cols + c] }, bubbles: true, composed: true }));
  }

  private onMove(e: MouseEvent) {
    const cv = e.currentTarget as HTMLCanvasElement, box = cv.getBoundingClientRect();
    this.setCursor(Math.floor(((e.clientY - box.top) / box.height) * this.rows), Math.floor(((e.clientX - box.left) / box.width) * this.cols));
  }

  private onKey(e: KeyboardEvent) {
    const d: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = d[e.key];
    if (!m || !this.rows) return;
    e.preventDefault();
    const [r, c] = this.cursor ?? [0, 0];
    this.setCursor(this.cursor ? r + m[0] : 0, this.cursor ? c + m[1] : 0);
  }
}

define("rnn-heat-map", RnnHeatMap);
declare global {
  interface HTMLElementTagNameMap { "rnn-heat-map": RnnHeatMap }
  interface HTMLElementEventMap { "rnn-cell": CustomEvent<{ row: number; col: number; value: number }> }
}
