/**
 * The h₁–h₂ trajectory for k = 0..50 with marginal histograms of h₁ (top) and h₂
 * (right), and the eigenvalues of A against the unit circle. Plots clamp to ±15
 * (DISPLAY_CLAMP) so one runaway state cannot flatten the picture; clipped points
 * are drawn as open squares. Each axis fits its data; both have the same span.
 */
import { html, svg, nothing } from "lit";
import { type Spectrum } from "../../lessons/linear-systems.js";
import { fmt } from "../../bindings/format.js";
import { DISPLAY_CLAMP, displayValue, histogram, INPUT_STEPS, type Vec2 } from "../../lessons/state-space.js";

const P = 250, M = 34, HIST = 46, GAP = 6, BINS = 16;

/**
 * Axis windows that hold the clamped values: both axes get the same span (so a rotation
 * looks round), each centred on its own data.
 */
function windows(hs: readonly Vec2[]): [[number, number], [number, number]] {
  const lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
  for (const h of hs) for (const i of [0, 1]) {
    const v = displayValue(h[i]);
    lo[i] = Math.min(lo[i], v); hi[i] = Math.max(hi[i], v);
  }
  const span = Math.max(1e-6, hi[0] - lo[0], hi[1] - lo[1]) * 1.12;
  return [0, 1].map((i) => { const c = (lo[i] + hi[i]) / 2; return [c - span / 2, c + span / 2]; }) as [[number, number], [number, number]];
}

export function trajectoryPlot(hs: readonly Vec2[], cursor: number) {
  const [w1, w2] = windows(hs), W = M + P + GAP + HIST + 8, H = HIST + GAP + P + M;
  const X = (v: number) => M + ((displayValue(v) - w1[0]) / (w1[1] - w1[0])) * P;
  const Y = (v: number) => HIST + GAP + (1 - (displayValue(v) - w2[0]) / (w2[1] - w2[0])) * P;
  const h1 = histogram(hs.map((h) => displayValue(h[0])), w1[0], w1[1], BINS), h2 = histogram(hs.map((h) => displayValue(h[1])), w2[0], w2[1], BINS);
  const top = Math.max(1, ...h1.counts, ...h2.counts), bw = P / BINS;
  const clipped = (h: Vec2) => Math.abs(h[0]) > DISPLAY_CLAMP || Math.abs(h[1]) > DISPLAY_CLAMP || !Number.isFinite(h[0] + h[1]);
  const path = hs.map((h, k) => `${k ? "L" : "M"}${X(h[0]).toFixed(1)} ${Y(h[1]).toFixed(1)}`).join(" ");
  const cur = hs[Math.min(cursor, hs.length - 1)];
  const label = `Trajectory of (h1, h2) for k = 0 to ${hs.length - 1}; h1 axis from ${fmt(w1[0])} to ${fmt(w1[1])}, h2 axis from ${fmt(w2[0])} to ${fmt(w2[1])}. `
    + `At k = ${cursor}: h1 = ${fmt(cur[0])}, h2 = ${fmt(cur[1])}. Final state h1 = ${fmt(hs[hs.length - 1][0])}, h2 = ${fmt(hs[hs.length - 1][1])}.`;
  const zeroX = w1[0] < 0 && w1[1] > 0, zeroY = w2[0] < 0 && w2[1] > 0;
  return html`<svg class="trajectory" viewBox="0 0 ${W} ${H}" role="img" aria-label=${label}>
    <rect class="frame" x=${M} y=${HIST + GAP} width=${P} height=${P}></rect>
    ${zeroX ? svg`<line class="axis0" x1=${X(0)} x2=${X(0)} y1=${HIST + GAP} y2=${HIST + GAP + P}></line>` : nothing}
    ${zeroY ? svg`<line class="axis0" x1=${M} x2=${M + P} y1=${Y(0)} y2=${Y(0)}></line>` : nothing}
    ${h1.counts.map((c, i) => svg`<rect class="bar h1" x=${M + i * bw + 0.5} y=${HIST - (c / top) * (HIST - 4)} width=${bw - 1} height=${(c / top) * (HIST - 4)}></rect>`)}
    ${h2.counts.map((c, i) => svg`<rect class="bar h2" x=${M + P + GAP} y=${HIST + GAP + P - (i + 1) * bw + 0.5} width=${(c / top) * HIST} height=${bw - 1}></rect>`)}
    <path class="path" d=${path}></path>
    ${hs.map((h, k) => clipped(h)
      ? svg`<rect class="pt clip" x=${X(h[0]) - 3} y=${Y(h[1]) - 3} width="6" height="6"></rect>`
      : svg`<circle class="pt ${k < INPUT_STEPS ? "driven" : "held"}" cx=${X(h[0])} cy=${Y(h[1])} r="2.6"></circle>`)}
    <circle class="now" cx=${X(cur[0])} cy=${Y(cur[1])} r="7"></circle>
    <text class="tick" x=${M} y=${H - 16} text-anchor="middle">${fmt(w1[0], 2)}</text>
    <text class="tick" x=${M + P} y=${H - 16} text-anchor="middle">${fmt(w1[1], 2)}</text>
    <text class="tick" x=${M - 3} y=${HIST + GAP + 10} text-anchor="end" transform="rotate(-90 ${M - 3} ${HIST + GAP + 10})">${fmt(w2[1], 2)}</text>
    <text class="tick" x=${M - 3} y=${HIST + GAP + P} text-anchor="start" transform="rotate(-90 ${M - 3} ${HIST + GAP + P})">${fmt(w2[0], 2)}</text>
    <text class="axis-label" x=${M + P / 2} y=${H - 2} text-anchor="middle">h₁</text>
    <text class="axis-label" x=${M - 10} y=${HIST + GAP + P / 2}>h₂</text>
    <text class="tick" x=${M + P + GAP} y=${HIST - 4}>counts</text>
  </svg>`;
}

/** Eigenvalues in the complex plane with the unit circle: inside means that mode fades. */
export function eigenPlot(s: Spectrum) {
  const R = Math.max(1.25, s.rho * 1.15), S = 150, c = S / 2, u = (S / 2 - 8) / R;
  const label = `Eigenvalues in the complex plane: ${s.values.map((v) => `${fmt(v.re)} ${v.im < 0 ? "−" : "+"} ${fmt(Math.abs(v.im))}i (|λ| = ${fmt(v.abs)})`).join("; ")}. Unit circle radius 1.`;
  return html`<svg class="eigen" viewBox="0 0 ${S} ${S}" role="img" aria-label=${label}>
    <line class="axis0" x1="4" x2=${S - 4} y1=${c} y2=${c}></line>
    <line class="axis0" x1=${c} x2=${c} y1="4" y2=${S - 4}></line>
    <circle class="unit" cx=${c} cy=${c} r=${u}></circle>
    ${s.rho > 0 ? svg`<circle class="rho" cx=${c} cy=${c} r=${s.rho * u}></circle>` : nothing}
    ${s.values.map((v) => svg`<circle class="lambda" cx=${c + v.re * u} cy=${c - v.im * u} r="4.5"></circle>`)}
    <text class="tick" x=${c + u + 2} y=${c - 3}>1</text>
    <text class="tick" x=${S - 4} y=${c + 12} text-anchor="end">Re</text>
    <text class="tick" x=${c + 4} y="12">Im</text>
  </svg>`;
}
