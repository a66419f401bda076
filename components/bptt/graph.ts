/**
 * The unrolled computation graph of the scalar RNN: one box per h[k] with its forward
 * value and, once the backward pass has reached it, ∂L/∂h[k] and e[k]; forward arrows
 * (w_r), inputs x[k] (w_x), the output y (w_y), and backward arrows whose colour, width
 * and dash pattern show the size of the gradient they carry.
 */
import { html, svg, nothing } from "lit";
import { fmt } from "../../bindings/format.js";
import { band, BAND_LIMITS, nodeRevealed, type Band, type BpttPass } from "../../lessons/bptt.js";

export const NODE_STEP = 132;
const BOX_W = 106, BOX_H = 66, LEFT = 16, TOP = 66;
export const nodeCenter = (k: number) => LEFT + BOX_W / 2 + k * NODE_STEP;

export const BAND_TEXT: Record<Band, string> = {
  small: `small (< ${BAND_LIMITS.small})`,
  unit: `about 1 (${BAND_LIMITS.small} to ${BAND_LIMITS.large})`,
  large: `large (≥ ${BAND_LIMITS.large})`,
};

/** A node's box and its three lines: h[k] and its value, ∂L/∂h[k] and e[k] once the backward pass reached it. */
function nodeBox(p: BpttPass, k: number, x0: number, y0: number, shown: boolean) {
  return svg`<rect class="box" x=${x0} y=${y0} width=${BOX_W} height=${BOX_H} rx="7"></rect>
    <text x=${x0 + 8} y=${y0 + 18}><tspan class="name">h[${k}]</tspan> ${fmt(p.h[k])}</text>
    <text x=${x0 + 8} y=${y0 + 37} class="grad"><tspan class="name">∂L/∂h</tspan> ${shown ? fmt(p.dh[k]) : "·"}</text>
    <text x=${x0 + 8} y=${y0 + 56} class="grad"><tspan class="name">e</tspan> ${shown && k > 0 ? fmt(p.e[k]) : k === 0 ? "—" : "·"}</text>`;
}

const arrowHeads = (m: string) => svg`<defs>
  ${(["fwd", "small", "unit", "large"] as const).map((c) => svg`<marker id="${m}-${c}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
    <path class="head ${c}" d="M0 0 L10 5 L0 10 Z"></path></marker>`)}
</defs>`;

/** The graph left to right, one column per step: the wide layout, scrolled sideways when T is large. */
export function unrolledGraph(p: BpttPass, revealed: number) {
  const T = p.T, W = nodeCenter(T) + BOX_W / 2 + 40, H = TOP + BOX_H + 56;
  const current = T - revealed + 1; // the node the last backward step reached
  const m = "bp-arrow";
  return html`<svg class="graph across" width=${W} height=${H} viewBox="0 0 ${W} ${H}" aria-hidden="true">
    ${arrowHeads(m)}
    ${Array.from({ length: T + 1 }, (_, k) => {
      const cx = nodeCenter(k), shown = nodeRevealed(T, k, revealed);
      const b = band(p.dh[k]);
      return svg`<g class="node ${shown ? "shown" : ""} ${k === current ? "current" : ""}">
        ${nodeBox(p, k, cx - BOX_W / 2, TOP, shown)}
        ${k < T ? svg`
          <line class="fwd" x1=${cx + BOX_W / 2} y1=${TOP + 18} x2=${nodeCenter(k + 1) - BOX_W / 2 - 2} y2=${TOP + 18} marker-end="url(#${m}-fwd)"></line>
          <text class="wlabel" x=${cx + NODE_STEP / 2} y=${TOP + 12} text-anchor="middle">w_r</text>
          ${shown ? svg`<line class="bwd ${b}" x1=${nodeCenter(k + 1) - BOX_W / 2} y1=${TOP + 46} x2=${cx + BOX_W / 2 + 2} y2=${TOP + 46} marker-end="url(#${m}-${b})"></line>` : nothing}
          <line class="fwd" x1=${nodeCenter(k + 1) - 30} y1=${TOP + BOX_H + 30} x2=${nodeCenter(k + 1) - 30} y2=${TOP + BOX_H + 2} marker-end="url(#${m}-fwd)"></line>
          <text class="xlabel" x=${nodeCenter(k + 1) - 30} y=${TOP + BOX_H + 46} text-anchor="middle">x[${k}] = ${fmt(p.x[k], 2)}</text>
          <text class="wlabel" x=${nodeCenter(k + 1) - 24} y=${TOP + BOX_H + 20}>w_x</text>` : nothing}
      </g>`;
    })}
    <line class="fwd" x1=${nodeCenter(T)} y1=${TOP} x2=${nodeCenter(T)} y2=${TOP - 26} marker-end="url(#${m}-fwd)"></line>
    <text class="wlabel" x=${nodeCenter(T) + 6} y=${TOP - 10}>w_y</text>
    <text x=${nodeCenter(T) - 8} y="14" text-anchor="end">y = ${fmt(p.y)}</text>
    <text x=${nodeCenter(T) + 8} y="14" class="muted">y* = ${fmt(p.target)}</text>
    <text x=${nodeCenter(T) - 8} y="32" text-anchor="end">L = ${fmt(p.loss, 4)}</text>
  </svg>`;
}

/** Where node k's box starts in the narrow layout (one row per step, time running down). */
export const ROW_STEP = 100;
const COL_X = 112, COL_TOP = 12;
export const nodeTop = (k: number) => COL_TOP + k * ROW_STEP;

/**
 * The same graph top to bottom, for a phone: drawn at its own size (type stays readable) in a
 * box that scrolls down rather than sideways. Inputs enter from the left, the loss sits below.
 */
export function unrolledColumn(p: BpttPass, revealed: number) {
  const T = p.T, W = COL_X + BOX_W + 12, H = nodeTop(T) + BOX_H + 84;
  const current = T - revealed + 1;
  const m = "bp-col", fx = COL_X + 30, bx = COL_X + 76, cx = COL_X + BOX_W / 2;
  return html`<svg class="graph down" width=${W} height=${H} viewBox="0 0 ${W} ${H}" aria-hidden="true">
    ${arrowHeads(m)}
    ${Array.from({ length: T + 1 }, (_, k) => {
      const y0 = nodeTop(k), mid = y0 + BOX_H / 2, shown = nodeRevealed(T, k, revealed);
      const b = band(p.dh[k]);
      return svg`<g class="node ${shown ? "shown" : ""} ${k === current ? "current" : ""}">
        ${nodeBox(p, k, COL_X, y0, shown)}
        ${k > 0 ? svg`
          <text class="xlabel" x=${COL_X - 22} y=${mid - 2} text-anchor="end">x[${k - 1}] = ${fmt(p.x[k - 1], 2)}</text>
          <text class="wlabel" x=${COL_X - 22} y=${mid + 15} text-anchor="end">w_x</text>
          <line class="fwd" x1=${COL_X - 18} y1=${mid} x2=${COL_X - 2} y2=${mid} marker-end="url(#${m}-fwd)"></line>` : nothing}
        ${k < T ? svg`
          <line class="fwd" x1=${fx} y1=${y0 + BOX_H} x2=${fx} y2=${nodeTop(k + 1) - 2} marker-end="url(#${m}-fwd)"></line>
          <text class="wlabel" x=${fx - 6} y=${y0 + BOX_H + 21} text-anchor="end">w_r</text>
          ${shown ? svg`<line class="bwd ${b}" x1=${bx} y1=${nodeTop(k + 1)} x2=${bx} y2=${y0 + BOX_H + 2} marker-end="url(#${m}-${b})"></line>` : nothing}` : nothing}
      </g>`;
    })}
    <line class="fwd" x1=${cx} y1=${nodeTop(T) + BOX_H} x2=${cx} y2=${nodeTop(T) + BOX_H + 26} marker-end="url(#${m}-fwd)"></line>
    <text class="wlabel" x=${cx + 6} y=${nodeTop(T) + BOX_H + 18}>w_y</text>
    <text x=${COL_X - 40} y=${H - 30}>y = ${fmt(p.y)}  <tspan class="muted">y* = ${fmt(p.target)}</tspan></text>
    <text x=${COL_X - 40} y=${H - 10}>L = ${fmt(p.loss, 4)}</text>
  </svg>`;
}

/** The legend for the backward arrows: colour plus a width/dash pattern, so it reads without colour. */
export function bandLegend() {
  return html`<div class="legend" role="list" aria-label="Backward arrow key">
    ${(["small", "unit", "large"] as const).map((b) => html`<span role="listitem"><svg width="42" height="12" aria-hidden="true">
      <line class="bwd ${b}" x1="2" y1="6" x2="40" y2="6"></line></svg>|∂L/∂h| ${BAND_TEXT[b]}</span>`)}
  </div>`;
}

/** The rolled network: one node with a self-loop; the same three weights at every step. */
export function rolledPicture(w: { wr: number; wx: number; wy: number }) {
  const m = "rl-arrow";
  return html`<svg class="rolled" viewBox="0 0 210 210" role="img"
    aria-label=${`Rolled network: one hidden node h with a self-loop of weight w_r = ${fmt(w.wr)}, input x through w_x = ${fmt(w.wx)}, output y through w_y = ${fmt(w.wy)}.`}>
    <defs><marker id=${m} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
      <path class="head fwd" d="M0 0 L10 5 L0 10 Z"></path></marker></defs>
    <text x="90" y="18" text-anchor="middle">y[k]</text>
    <line class="fwd" x1="90" y1="80" x2="90" y2="28" marker-end="url(#${m})"></line>
    <text class="wlabel" x="84" y="58" text-anchor="end">w_y ${fmt(w.wy, 2)}</text>
    <circle class="box" cx="90" cy="105" r="24"></circle><text x="90" y="110" text-anchor="middle">h</text>
    <path class="fwd" d="M112 96 C 170 60, 180 150, 113 115" marker-end="url(#${m})"></path>
    <text class="wlabel" x="206" y="152" text-anchor="end">w_r ${fmt(w.wr, 2)}</text>
    <line class="fwd" x1="90" y1="180" x2="90" y2="131" marker-end="url(#${m})"></line>
    <text class="wlabel" x="84" y="162" text-anchor="end">w_x ${fmt(w.wx, 2)}</text>
    <text x="90" y="198" text-anchor="middle">x[k]</text>
  </svg>`;
}
