import { LitElement, html, svg, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../../define.js";
import { styles } from "../../theme/tokens.js";
import { ThemeController } from "../../theme/theme-controller.js";
import { seriesColor } from "../colors.js";
import { fmt } from "../../../bindings/format.js";
import { downloadCSV, downloadSVG, fileName } from "../export.js";
import { dataTable, frameStyles, toolbar } from "../frame.js";
import { barChartStyles } from "./bar-chart.styles.js";

export interface Bar { label: string; value: number; color?: string }

/**
 * A bar chart drawn as SVG (gate activations, probabilities, per-setting results);
 * negative values hang below the zero line. Optional error bars (`spread`) for mean ± spread.
 *
 * @csspart head - title row
 * @csspart toolbar - export buttons
 * @csspart table - the data table disclosure
 * @cssproperty --rnn-series-1 - bar color
 */
export class RnnBarChart extends LitElement {
  static override styles = [styles, frameStyles, barChartStyles];

  @property() label = "";
  @property({ attribute: "y-label" }) yLabel = "";
  @property({ type: Number }) height = 180;
  @property({ type: Boolean, reflect: true }) compact = false;
  @property({ type: Boolean, attribute: "no-export" }) noExport = false;
  @property({ attribute: false }) bars: Bar[] = [];
  /** Half-width of an error bar per bar (same order), e.g. the spread over seeds. */
  @property({ attribute: false }) spread?: number[];
  /** Fixed y range [min, max]; default fits the data and includes 0. */
  @property({ attribute: false }) range?: [number, number];
  private readonly theme = new ThemeController(this);
  /** Drawn at the real width so text keeps its size on phones and wide screens alike. */
  @state() private width = 0;
  private resizer?: ResizeObserver;

  override connectedCallback() {
    super.connectedCallback();
    this.resizer = new ResizeObserver(([e]) => { const w = Math.round(e.contentRect.width); if (w && w !== this.width) this.width = w; });
    this.resizer.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizer?.disconnect();
  }

  private extent(): [number, number] {
    if (this.range) return this.range;
    let lo = 0, hi = 0;
    this.bars.forEach((b, i) => {
      const e = this.spread?.[i] ?? 0;
      if (Number.isFinite(b.value)) { lo = Math.min(lo, b.value - e); hi = Math.max(hi, b.value + e); }
    });
    return hi > lo ? [lo, hi] : [0, 1];
  }

  description(): string {
    const items = this.bars.map((b, i) => `${b.label} ${fmt(b.value)}${this.spread ? ` ± ${fmt(this.spread[i])}` : ""}`);
    return `Bar chart${this.label ? ` of ${this.label}` : ""}: ${items.join(", ") || "no data"}.`;
  }

  /** The chart as standalone SVG markup with resolved colors. */
  svgMarkup(): string {
    const node = this.renderRoot.querySelector("svg");
    if (!node) return "";
    const clone = node.cloneNode(true) as SVGSVGElement;
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    clone.querySelectorAll<SVGElement>(".tick,.value").forEach((t) => t.setAttribute("fill", this.theme.color(t.classList.contains("tick") ? "muted" : "fg")));
    clone.querySelectorAll<SVGElement>(".axis").forEach((t) => t.setAttribute("stroke", this.theme.color("border")));
    return new XMLSerializer().serializeToString(clone);
  }

  override render() {
    const [lo, hi] = this.extent(), n = Math.max(1, this.bars.length);
    const ticks = [...new Set([lo, 0, hi])];
    // the axis title gets its own row above the top tick, and the left margin fits the widest tick label
    const L = Math.max(36, 10 + 7 * Math.max(...ticks.map((t) => fmt(t).length))), R = 8, T = this.yLabel ? 28 : 14, B = 36;
    const W = Math.max(200, this.width || 600), H = this.height;
    const y = (v: number) => T + (1 - (v - lo) / (hi - lo)) * (H - T - B);
    const slot = (W - L - R) / n, bw = Math.max(2, slot * 0.7);
    return html`
      ${toolbar(this.label, [
        { label: "SVG", run: () => downloadSVG(this.svgMarkup(), fileName(this.label, "svg")) },
        { label: "CSV", run: () => downloadCSV({ label: this.bars.map((b) => b.label), value: this.bars.map((b) => b.value), ...(this.spread ? { spread: this.spread } : {}) }, fileName(this.label, "csv")) },
      ], this.noExport)}
      <svg width=${W} height=${H} viewBox="0 0 ${W} ${H}" role="img" aria-label=${this.description()}>
        ${ticks.map((t) => svg`<text class="tick" x=${L - 6} y=${y(t) + 4} text-anchor="end">${fmt(t)}</text>`)}
        <line class="axis" x1=${L} x2=${W - R} y1=${y(0)} y2=${y(0)}></line>
        ${this.bars.map((b, i) => {
          const x = L + i * slot + (slot - bw) / 2, v = Number.isFinite(b.value) ? b.value : 0, top = Math.min(y(v), y(0));
          const e = this.spread?.[i];
          return svg`<g>
            <rect class="bar" x=${x} y=${top} width=${bw} height=${Math.max(0.5, Math.abs(y(v) - y(0)))} fill=${seriesColor(this.theme, b.color, 0)}>
              <title>${b.label}: ${fmt(b.value)}</title></rect>
            ${e ? svg`<line class="axis" x1=${x + bw / 2} x2=${x + bw / 2} y1=${y(v - e)} y2=${y(v + e)} stroke-width="1.5"></line>` : nothing}
            ${n <= 24 ? svg`<text class="tick" x=${x + bw / 2} y=${H - B + 16} text-anchor="middle">${b.label}</text>` : nothing}
          </g>`;
        })}
        ${this.yLabel ? svg`<text class="tick" x="4" y="12">${this.yLabel}</text>` : nothing}
      </svg>
      ${dataTable(this.label || "bars", ["label", "value", ...(this.spread ? ["± spread"] : [])],
        [this.bars.map((b) => b.label), this.bars.map((b) => b.value), ...(this.spread ? [this.spread] : [])], 200)}`;
  }
}

define("rnn-bar-chart", RnnBarChart);
declare global { interface HTMLElementTagNameMap { "rnn-bar-chart": RnnBarChart } }
