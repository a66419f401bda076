import { LitElement, css, html, svg } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../define.js";
import { fmt } from "../../bindings/format.js";
import { dataTable, frameStyles, toolbar } from "../charts/frame.js";
import { downloadCSV, downloadSVG, fileName } from "../charts/export.js";
import { ThemeController } from "../theme/theme-controller.js";
import { styles } from "../theme/tokens.js";

export interface ScatterPoint {
  label: string; group: string; x: number; y: number;
  /** drawn larger, ringed and in the accent color */
  highlight?: boolean;
  /** show the label even when there are many points */
  labelled?: boolean;
}

/**
 * A labelled 2-D scatter (the PCA map of word states), colored by group, with the
 * points as a data table; the platform's charts are lines, bars and heat maps.
 * Arrow keys step through the points when the plot has focus.
 *
 * @csspart plot - the SVG
 * @cssproperty --rnn-series-1 - first group color (and --rnn-series-2 … -6)
 */
export class RnnLabScatter extends LitElement {
  static override styles = [styles, frameStyles, css`
    svg { width: 100%; height: auto; display: block; background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); }
    text { font-family: var(--_mono); font-size: 11px; fill: var(--_fg); }
    .axis { fill: var(--_muted); font-family: var(--_font); }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 0.82em; margin-top: 4px; }
    .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; vertical-align: -1px; }
    svg:focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }
  `];

  @property() label = "";
  @property({ attribute: false }) points: ScatterPoint[] = [];
  @property({ attribute: false }) axes: [string, string] = ["component 1", "component 2"];
  @state() private cursor = -1;
  private readonly theme = new ThemeController(this);

  private groups() { return [...new Set(this.points.map((p) => p.group))]; }

  override render() {
    const W = 560, H = 340, pad = 28, pts = this.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y);
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)], [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    const sx = (v: number) => pad + ((v - x0) / (x1 - x0 || 1)) * (W - 2 * pad), sy = (v: number) => H - pad - ((v - y0) / (y1 - y0 || 1)) * (H - 2 * pad);
    const groups = this.groups().filter((g) => !this.points.some((p) => p.highlight && p.group === g));
    const color = (g: string) => (groups.includes(g) ? this.theme.color(`series-${(groups.indexOf(g) % 6) + 1}`) : this.theme.color("fg"));
    const cur = pts[this.cursor];
    const desc = `Scatter plot${this.label ? ` of ${this.label}` : ""}: ${pts.length} points in ${groups.length} groups. ` +
      pts.filter((p) => p.highlight).map((p) => `${p.label} is at (${fmt(p.x)}, ${fmt(p.y)}).`).join(" ") + " Use the arrow keys to read points.";
    return html`
      ${toolbar(this.label, [
        { label: "SVG", run: () => this.exportSVG() },
        { label: "CSV", run: () => downloadCSV({ word: pts.map((p) => p.label), group: pts.map((p) => p.group), x: xs, y: ys }, fileName(this.label, "csv")) },
      ], false)}
      <svg part="plot" viewBox="0 0 ${W} ${H}" role="img" tabindex="0" aria-label=${desc} @keydown=${this.onKey}>
        <text class="axis" x=${W / 2} y=${H - 6} text-anchor="middle">${this.axes[0]}</text>
        <text class="axis" x="10" y=${H / 2} transform="rotate(-90 10 ${H / 2})" text-anchor="middle">${this.axes[1]}</text>
        ${pts.map((p, i) => svg`<g>
          <circle cx=${sx(p.x)} cy=${sy(p.y)} r=${p.highlight ? 7 : 4} fill=${color(p.group)} stroke=${i === this.cursor || p.highlight ? this.theme.color("fg") : "none"} stroke-width="2"><title>${p.label} (${p.group})</title></circle>
          ${p.highlight || p.labelled || i === this.cursor || pts.length <= 40 ? svg`<text x=${sx(p.x) + 8} y=${sy(p.y) + 4} font-weight=${p.highlight ? 700 : 400}>${p.label}</text>` : ""}
        </g>`)}
      </svg>
      <div class="readout" aria-live="polite">${cur ? `${cur.label} (${cur.group}): ${fmt(cur.x)}, ${fmt(cur.y)}` : "\u00a0"}</div>
      <div class="legend" aria-hidden="true">${groups.map((g) => html`<span><span class="swatch" style="background:${color(g)}"></span>${g}</span>`)}
        ${pts.filter((p) => p.highlight).map((p) => html`<span><span class="swatch" style="background:${color(p.group)}"></span>${p.label} (large dot)</span>`)}</div>
      ${dataTable(this.label || "points", ["word", "group", this.axes[0], this.axes[1]], [pts.map((p) => p.label), pts.map((p) => p.group), xs, ys], 120)}`;
  }

  private onKey(e: KeyboardEvent) {
    const n = this.points.length;
    if (!n || !["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp"].includes(e.key)) return;
    e.preventDefault();
    const step = e.key === "ArrowRight" || e.key === "ArrowDown" ? 1 : -1;
    this.cursor = ((this.cursor < 0 ? (step > 0 ? -1 : 0) : this.cursor) + step + n) % n;
  }

  private exportSVG() {
    const node = this.renderRoot.querySelector("svg");
    if (!node) return;
    const clone = node.cloneNode(true) as SVGSVGElement;
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    clone.querySelectorAll("text").forEach((t) => t.setAttribute("fill", this.theme.color("fg")));
    downloadSVG(new XMLSerializer().serializeToString(clone), fileName(this.label, "svg"));
  }
}

define("rnn-lab-scatter", RnnLabScatter);
declare global { interface HTMLElementTagNameMap { "rnn-lab-scatter": RnnLabScatter } }
