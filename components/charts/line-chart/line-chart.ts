import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../../define.js";
import { styles } from "../../theme/tokens.js";
import { ThemeController } from "../../theme/theme-controller.js";
import { seriesColor } from "../colors.js";
import { decimate, summarize, type Decimated } from "../decimate.js";
import { drawPlot, nearest, type Drawn } from "./plot.js";
import { fmt } from "../../../bindings/format.js";
import { downloadCSV, downloadPNG, downloadSVG, fileName, lineChartSVG } from "../export.js";
import { dataTable, frameStyles, toolbar } from "../frame.js";
import { lineChartStyles } from "./line-chart.styles.js";

export interface LineSeries {
  label: string;
  values: ArrayLike<number>;
  /** A token name ("series-3") or any CSS color; default: the next series token. */
  color?: string;
}

/**
 * A line chart on a canvas for long curves such as loss and gradient norm: decimated to
 * the pixel width (min/max per pixel), optional log scale (whole decades, however many),
 * a legend with the values under the pointer or the keyboard cursor (focus the plot, arrow keys),
 * each name a button that hides or shows its line,
 * a data table as text alternative, and PNG/SVG/CSV export. Set `series` (and `x`) as properties.
 *
 * @csspart head - title row
 * @csspart toolbar - export buttons
 * @csspart legend - series names, colours and values
 * @csspart table - the data table disclosure
 * @cssproperty --rnn-series-1 - first series color (and --rnn-series-2 … -6)
 * @cssproperty --rnn-border - grid lines
 */
export class RnnLineChart extends LitElement {
  static override styles = [styles, frameStyles, lineChartStyles];

  /** Title and accessible name. */
  @property() label = "";
  @property({ attribute: "x-label" }) xLabel = "step";
  @property({ attribute: "y-label" }) yLabel = "";
  /** Logarithmic y axis; values ≤ 0 are left out. */
  @property({ type: Boolean, reflect: true }) log = false;
  /** Plot height in px. */
  @property({ type: Number }) height = 200;
  /** Hides the title, table and export buttons (small multiples); the legend stays when there is more than one series. */
  @property({ type: Boolean, reflect: true }) compact = false;
  @property({ type: Boolean, attribute: "no-export" }) noExport = false;
  @property({ attribute: false }) series: LineSeries[] = [];
  /** Said over the plot while the view has nothing to draw yet (e.g. "Press Run: the curves appear here"). */
  @property() empty = "";
  /** y values the axis always spans besides the data, e.g. "0, 100" for a percentage. */
  @property({ attribute: "y-include", converter: (v) => (v ?? "").split(",").filter((s) => s.trim()).map(Number).filter(Number.isFinite) }) yInclude: number[] = [];
  /** Shared x values; default 1, 2, … n. */
  @property({ attribute: false }) x?: ArrayLike<number>;

  /** What the last draw put on the canvas (tick labels, axis titles), for read-outs and tests. */
  drawn?: Drawn;
  /** Index into the drawn data under the pointer, for the legend's read-out. */
  @state() private hover = -1;
  /** The cursor was last moved by keyboard: its values are read out. */
  private keyed = false;
  /** Labels of the series the reader switched off in the legend. */
  @state() private switchedOff = new Set<string>();
  private data: Decimated = { x: [], ys: [] };
  private width = 0;
  private resizer?: ResizeObserver;
  private readonly theme = new ThemeController(this, () => this.draw());

  override connectedCallback() {
    super.connectedCallback();
    this.resizer = new ResizeObserver(() => {
      const w = this.plotBox()?.clientWidth ?? 0;
      if (w > 0 && Math.abs(w - this.width) >= 1) { this.width = w; this.decimate(); this.draw(); this.requestUpdate(); }
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizer?.disconnect();
  }

  private plotBox() { return this.renderRoot.querySelector<HTMLElement>(".plot"); }
  private canvas() { return this.renderRoot.querySelector<HTMLCanvasElement>("canvas"); }

  private xs(): ArrayLike<number> {
    if (this.x) return this.x;
    const n = Math.max(0, ...this.series.map((s) => s.values.length));
    return Float64Array.from({ length: n }, (_, i) => i + 1);
  }

  /** Sentence describing the numbers, for screen readers. */
  description(): string {
    const parts = this.series.map((s) => {
      const m = summarize(s.values);
      return `${s.label}: ${m.n} points, first ${fmt(m.first)}, last ${fmt(m.last)}, min ${fmt(m.min)}, max ${fmt(m.max)}`;
    });
    return `Line chart${this.label ? ` of ${this.label}` : ""}${this.log ? " (log scale)" : ""}. ${parts.join("; ") || "No data yet."}`;
  }

  override render() {
    const xs = this.xs();
    // the keyboard read-out sits inside the positioned .plot-box, so it never reaches past a scrolling frame
    return html`
      ${toolbar(this.label, [
        { label: "PNG", run: () => this.exportPNG() },
        { label: "SVG", run: () => this.exportSVG() },
        { label: "CSV", run: () => this.exportCSV() },
      ], this.noExport)}
      <div class="plot-box">
        <div class="plot" role="img" aria-label=${this.empty || this.description()} style="height:${this.height}px"
          tabindex=${this.compact || !this.data.x.length ? nothing : 0} @keydown=${this.onKey} @blur=${() => { this.hover = -1; }}
          @pointermove=${this.onPointer} @pointerleave=${() => { this.hover = -1; }}>
          <canvas></canvas>
          ${this.hover >= 0 && this.drawn ? html`<div class="cursor" style="left:${this.drawn.xAt(this.data.x[this.hover])}px;top:${this.drawn.area.top}px;height:${this.drawn.area.height}px"></div>` : nothing}
        </div>
        ${this.empty ? html`<p class="empty" aria-hidden="true">${this.empty}</p>` : nothing}
        <div class="visually-hidden" aria-live="polite">${this.keyed && this.hover >= 0 ? this.readout(this.hover) : ""}</div>
      </div>
      ${this.legend()}
      ${dataTable(this.label || "data", [this.xLabel, ...this.series.map((s) => s.label)], [xs, ...this.series.map((s) => s.values)])}`;
  }

  /** Names and colours of the series (a chart of several always names them), with the values under the pointer or the last ones. */
  private legend() {
    if (this.compact && this.series.length < 2) return nothing;
    const i = this.hover, live = !this.compact;
    const value = (s: number) => {
      const ys = this.data.ys[s] ?? [];
      let k = i >= 0 ? i : ys.length - 1;
      if (i < 0) while (k > 0 && ys[k] == null) k--;
      const v = ys[k];
      return v == null ? "–" : fmt(v);
    };
    return html`<div class="legend" part="legend">
      ${live && i >= 0 ? html`<span class="key"><span class="name">${this.xLabel}</span> <span class="value">${fmt(this.data.x[i])}</span></span>` : nothing}
      ${this.series.map((s, n) => html`<button type="button" class="key" aria-pressed=${this.switchedOff.has(s.label) ? "false" : "true"}
        title="Show or hide ${s.label}" @click=${() => this.toggle(s.label)}><i class="swatch" style="background:${seriesColor(this.theme, s.color, n)}"></i><span class="name">${s.label}</span>${live ? html` <span class="value">${value(n)}</span>` : nothing}</button>`)}
    </div>`;
  }

  /** Hides a series (or shows it again); the y axis then fits the ones left. */
  private toggle(label: string) {
    const next = new Set(this.switchedOff);
    if (!next.delete(label)) next.add(label);
    this.switchedOff = next;
  }

  /** The values at drawn point i, in words, for the keyboard read-out. */
  private readout(i: number): string {
    const at = this.series.map((s, n) => `${s.label} ${fmt(this.data.ys[n]?.[i] ?? NaN)}`);
    return `${this.xLabel} ${fmt(this.data.x[i])}: ${at.join(", ")}`;
  }

  /** Arrow keys walk the cursor along the drawn points (Page keys a tenth of them, Home and End the ends, Escape away). */
  private onKey(e: KeyboardEvent) {
    const n = this.data.x.length, i = this.hover, page = Math.max(1, Math.round(n / 10));
    const moves: Record<string, number> = { ArrowLeft: i - 1, ArrowRight: i + 1, PageDown: i - page, PageUp: i + page, Home: 0, End: n - 1 };
    if (e.key === "Escape") { this.hover = -1; return; }
    if (!(e.key in moves) || !n) return;
    e.preventDefault();
    this.keyed = true;
    this.hover = i < 0 ? n - 1 : Math.max(0, Math.min(n - 1, moves[e.key]));
  }

  private onPointer(e: PointerEvent) {
    const d = this.drawn, box = this.plotBox();
    if (!d || !box || !this.data.x.length || this.compact) return;
    const x = e.clientX - box.getBoundingClientRect().left;
    const inside = x >= d.area.left && x <= d.area.left + d.area.width;
    this.keyed = false;
    this.hover = inside ? nearest(this.data.x, d.xOf(x)) : -1;
  }

  override firstUpdated() {
    const box = this.plotBox()!;
    this.resizer?.observe(box);
    this.width = box.clientWidth;
    this.decimate();
  }

  /** The data decimated to the pixel width, before the legend renders its values. */
  private decimate() {
    this.data = decimate(this.xs(), this.series.map((s) => s.values), this.width || 300, this.log);
    if (this.hover >= this.data.x.length) this.hover = -1;
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("series") || changed.has("x") || changed.has("log")) this.decimate();
  }

  override updated(changed: PropertyValues<this>) {
    if (["log", "height", "compact", "xLabel", "yLabel", "yInclude", "series", "x", "switchedOff"].some((k) => changed.has(k as keyof RnnLineChart))) this.draw();
  }

  /** The series not switched off in the legend, with their places in `series` (which pick their colours). */
  private shown() { return this.series.map((s, i) => ({ s, i })).filter(({ s }) => !this.switchedOff.has(s.label)); }

  /** Draws the decimated data on the canvas. */
  draw() {
    const canvas = this.canvas();
    if (!canvas || !this.isConnected || !this.width) return;
    const dpr = devicePixelRatio || 1, w = this.width, h = this.height;
    canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr);
    canvas.style.width = `${w}px`; canvas.style.height = `${h}px`;
    const ctx = canvas.getContext("2d")!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const shown = this.shown();
    this.drawn = drawPlot(ctx, {
      width: w, height: h, log: this.log, compact: this.compact, yInclude: this.yInclude, xTitle: this.xLabel, yTitle: this.yLabel,
      x: this.data.x, ys: shown.map(({ i }) => this.data.ys[i]), labels: shown.map(({ s }) => s.label),
      colors: shown.map(({ s, i }) => seriesColor(this.theme, s.color, i)),
      font: this.theme.font(11), fg: this.theme.color("muted"), grid: this.theme.color("border"),
    });
  }

  /** The tick labels drawn on each axis ([x, y]), as the reader sees them. */
  tickLabels(): string[][] {
    return this.drawn?.axes.map((a) => a.labels) ?? [];
  }

  exportPNG() {
    const c = this.canvas();
    if (c && this.drawn) void downloadPNG(c, fileName(this.label, "png"));
  }

  /** The chart as a standalone SVG: the lines shown, on the same scales and ticks as the canvas. */
  svg(): string {
    const d = decimate(this.xs(), this.series.map((s) => s.values), 600, this.log), shown = this.shown();
    return lineChartSVG({
      title: this.label, x: d.x, ys: shown.map(({ i }) => d.ys[i]), labels: shown.map(({ s }) => s.label),
      colors: shown.map(({ s, i }) => seriesColor(this.theme, s.color, i)), xTitle: this.xLabel, yTitle: this.yLabel, yInclude: this.yInclude,
      fg: this.theme.color("fg"), bg: this.theme.color("bg"), grid: this.theme.color("border"), log: this.log,
    });
  }

  exportSVG() {
    downloadSVG(this.svg(), fileName(this.label, "svg"));
  }

  exportCSV() {
    const cols: Record<string, ArrayLike<number>> = { [this.xLabel || "x"]: this.xs() };
    for (const s of this.series) cols[s.label] = s.values;
    downloadCSV(cols, fileName(this.label, "csv"));
  }
}

define("rnn-line-chart", RnnLineChart);
declare global { interface HTMLElementTagNameMap { "rnn-line-chart": RnnLineChart } }

