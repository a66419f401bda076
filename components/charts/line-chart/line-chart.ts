import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property } from "lit/decorators.js";
import uPlot from "uplot";
import { define } from "../../define.js";
import { styles } from "../../theme/tokens.js";
import { ThemeController } from "../../theme/theme-controller.js";
import { seriesColor } from "../colors.js";
import { decadeRange, decadeTicks } from "../log-ticks.js";
import { decimate, summarize } from "../decimate.js";
import { fmt } from "../../../bindings/format.js";
import { downloadCSV, downloadPNG, downloadSVG, fileName, lineChartSVG } from "../export.js";
import { dataTable, frameStyles, toolbar } from "../frame.js";
import { lineChartStyles, uplotStyles } from "./line-chart.styles.js";

export interface LineSeries {
  label: string;
  values: ArrayLike<number>;
  /** A token name ("series-3") or any CSS color; default: the next series token. */
  color?: string;
}

/**
 * A line chart (uPlot) for long curves such as loss and gradient norm: decimated to
 * the pixel width (min/max per pixel), optional log scale, hover read-out in the legend,
 * a data table as text alternative, and PNG/SVG/CSV export. Set `series` (and `x`) as properties.
 *
 * @csspart head - title row
 * @csspart toolbar - export buttons
 * @csspart table - the data table disclosure
 * @cssproperty --rnn-series-1 - first series color (and --rnn-series-2 … -6)
 * @cssproperty --rnn-border - grid lines
 */
export class RnnLineChart extends LitElement {
  static override styles = [styles, uplotStyles, frameStyles, lineChartStyles];

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
  /** Shared x values; default 1, 2, … n. */
  @property({ attribute: false }) x?: ArrayLike<number>;

  private plot?: uPlot;
  private width = 0;
  private resizer?: ResizeObserver;
  private readonly theme = new ThemeController(this, () => this.rebuild());

  override connectedCallback() {
    super.connectedCallback();
    this.resizer = new ResizeObserver(() => {
      const w = this.plotBox()?.clientWidth ?? 0;
      if (w > 0 && Math.abs(w - this.width) >= 1) { this.width = w; this.draw(); }
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  private plotBox() { return this.renderRoot.querySelector<HTMLElement>(".plot"); }

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
    return html`
      ${toolbar(this.label, [
        { label: "PNG", run: () => this.exportPNG() },
        { label: "SVG", run: () => this.exportSVG() },
        { label: "CSV", run: () => this.exportCSV() },
      ], this.noExport)}
      <div class="plot-box">
        <div class="plot" role="img" aria-label=${this.empty || this.description()} style="min-height:${this.height}px"></div>
        ${this.empty ? html`<p class="empty" aria-hidden="true">${this.empty}</p>` : nothing}
      </div>
      ${dataTable(this.label || "data", [this.xLabel, ...this.series.map((s) => s.label)], [xs, ...this.series.map((s) => s.values)])}`;
  }

  override firstUpdated() {
    const box = this.plotBox()!;
    this.resizer?.observe(box);
    this.width = box.clientWidth;
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has("log") || changed.has("height") || changed.has("compact") || changed.has("xLabel") || changed.has("yLabel")) this.rebuild();
    else if (changed.has("series") || changed.has("x")) this.draw();
  }

  private data(): uPlot.AlignedData {
    const d = decimate(this.xs(), this.series.map((s) => s.values), this.width || 300, this.log);
    return [d.x, ...d.ys] as uPlot.AlignedData;
  }

  /** Pushes new data into the plot, rebuilding it when the series changed shape. */
  draw() {
    if (!this.isConnected || !this.width) return;
    const p = this.plot;
    if (p && p.series.length === this.series.length + 1 && p.series.every((s, i) => i === 0 || s.label === this.series[i - 1].label)) {
      if (p.width !== this.width) p.setSize({ width: this.width, height: this.height });
      p.setData(this.data());
    } else this.rebuild();
  }

  private rebuild() {
    this.plot?.destroy();
    this.plot = undefined;
    const box = this.plotBox();
    if (!box || !this.isConnected || !this.width) return;
    const fg = this.theme.color("muted"), grid = this.theme.color("border"), font = this.theme.font(11);
    const axis = (label: string): uPlot.Axis => ({
      label: this.compact ? undefined : label, stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 },
      font, labelFont: font, values: (_u, vals) => vals.map((v) => (v == null ? "" : fmt(v))),
    });
    // the y axis is as wide as its widest label, so a label never runs into the axis title or the plot
    const ySize = (min: number) => (u: uPlot, values: string[] | null) => {
      if (!values?.length) return min;
      u.ctx.font = font;
      return Math.max(min, Math.ceil(Math.max(...values.map((v) => u.ctx.measureText(v).width))) + 14);
    };
    this.plot = new uPlot({
      width: this.width, height: this.height,
      scales: { x: { time: false }, y: this.log ? { distr: 3, log: 10, range: (_u, min, max) => decadeRange(min, max) } : {} },
      axes: this.compact
        ? [{ ...axis(this.xLabel), size: 24, labelSize: 0 }, { ...axis(this.yLabel), ...this.logSplits(), size: ySize(30), labelSize: 0 }]
        : [axis(this.xLabel), { ...axis(this.yLabel), ...this.logSplits(), size: ySize(40) }],
      // a chart of several series always names them (small multiples too, without the hover read-out)
      legend: { show: !this.compact || this.series.length > 1, live: !this.compact },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: this.xLabel, value: (_u, v) => (v == null ? "–" : fmt(v)) },
        ...this.series.map((s, i): uPlot.Series => ({
          label: s.label, stroke: seriesColor(this.theme, s.color, i), width: 1.5, points: { show: false },
          value: (_u, v) => (v == null ? "–" : fmt(v)),
        })),
      ],
    }, this.data(), box);
  }

  /**
   * uPlot's own log ticks put nine per decade; over the 20+ decades a vanishing gradient
   * spans that is thousands of ticks (and it fails). Whole decades, thinned to fit, instead.
   */
  private logSplits(): Partial<uPlot.Axis> {
    if (!this.log) return {};
    return {
      splits: (_u, _i, min, max) => decadeTicks(min, max, Math.max(2, Math.floor(this.height / 28))),
      // the splits are already thinned to fit; uPlot's own log filter would blank some of them
      filter: (_u, splits) => splits,
    };
  }

  /** The tick labels drawn on each axis ([x, y]), as the reader sees them. */
  tickLabels(): string[][] {
    return (this.plot?.axes ?? []).map((a) => ((a as { _values?: (string | null)[] })._values ?? []).map((v) => v ?? ""));
  }

  exportPNG() {
    const c = this.plot?.ctx.canvas;
    if (c) void downloadPNG(c, fileName(this.label, "png"));
  }

  exportSVG() {
    const d = decimate(this.xs(), this.series.map((s) => s.values), 600, this.log);
    downloadSVG(lineChartSVG({
      title: this.label, x: d.x, ys: d.ys, labels: this.series.map((s) => s.label),
      colors: this.series.map((s, i) => seriesColor(this.theme, s.color, i)),
      fg: this.theme.color("fg"), bg: this.theme.color("bg"), grid: this.theme.color("border"), log: this.log,
    }), fileName(this.label, "svg"));
  }

  exportCSV() {
    const cols: Record<string, ArrayLike<number>> = { [this.xLabel || "x"]: this.xs() };
    for (const s of this.series) cols[s.label] = s.values;
    downloadCSV(cols, fileName(this.label, "csv"));
  }
}

define("rnn-line-chart", RnnLineChart);
declare global { interface HTMLElementTagNameMap { "rnn-line-chart": RnnLineChart } }

