import { LitElement, html } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../../define.js";
import { styles } from "../../theme/tokens.js";
import { frameStyles, toolbar } from "../frame.js";
import { downloadCSV, fileName } from "../export.js";
import type { LineSeries } from "../line-chart/line-chart.js";
import "../line-chart/line-chart.js";
import { smallMultiplesStyles } from "./small-multiples.styles.js";

export interface Multiple { label: string; series: LineSeries[]; x?: ArrayLike<number> }

/**
 * A grid of small line charts with the same axes, one per setting (e.g. per learning rate or seed).
 *
 * @csspart grid - the grid
 * @cssproperty --rnn-multiple-min - narrowest cell (default 220px); cells wrap below it
 */
export class RnnSmallMultiples extends LitElement {
  static override styles = [styles, frameStyles, smallMultiplesStyles];

  @property() label = "";
  @property({ attribute: false }) charts: Multiple[] = [];
  @property({ type: Boolean }) log = false;
  @property({ type: Number }) height = 120;
  @property({ type: Boolean, attribute: "no-export" }) noExport = false;

  override render() {
    return html`
      ${toolbar(this.label, [{ label: "CSV", run: () => this.exportCSV() }], this.noExport)}
      <div class="grid" part="grid" role="list" aria-label=${this.label}>
        ${this.charts.map((c) => html`<div class="cell" role="listitem">
          <div class="name">${c.label}</div>
          <rnn-line-chart compact no-export .label=${c.label} .series=${c.series} .x=${c.x} .height=${this.height} ?log=${this.log}></rnn-line-chart>
        </div>`)}
      </div>`;
  }

  exportCSV() {
    const cols: Record<string, ArrayLike<number>> = {};
    for (const c of this.charts) for (const s of c.series) cols[`${c.label}: ${s.label}`] = s.values;
    downloadCSV(cols, fileName(this.label || "small-multiples", "csv"));
  }
}

define("rnn-small-multiples", RnnSmallMultiples);
declare global { interface HTMLElementTagNameMap { "rnn-small-multiples": RnnSmallMultiples } }
