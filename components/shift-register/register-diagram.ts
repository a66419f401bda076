/**
 * The register drawn at one step: input, three cells, taps, the sum and, for the
 * feedback lesson, the loop from the output back to the first cell through a one-step
 * delay. All numbers are the engine's values at that step.
 */
import { html, svg, nothing } from "lit";
import { fmt } from "../../bindings/format.js";

export interface RegisterDiagramOptions {
  k: number;
  x: number;
  /** register contents at step k */
  reg: readonly number[];
  taps: readonly number[];
  y: number;
  /** the loop: weight a and the previous output y[k−1] */
  feedback?: { a: number; yPrev: number };
  /** marker id prefix, unique within the shadow root */
  id: string;
}

export function registerDiagram(o: RegisterDiagramOptions) {
  const fb = o.feedback, cx = fb ? [150, 250, 350] : [110, 220, 330], sumX = fb ? 250 : 220;
  const H = fb ? 270 : 210, W = 420;
  const marker = `${o.id}-arrow`;
  const arrow = (x1: number, y1: number, x2: number, y2: number) =>
    svg`<line class="wire" x1=${x1} y1=${y1} x2=${x2} y2=${y2} marker-end="url(#${marker})"></line>`;
  const names = fb ? ["r₀[k]", "r₁[k]", "r₂[k]"] : ["x[k]", "x[k−1]", "x[k−2]"];
  const label = `Register at k = ${o.k}: input ${fmt(o.x)}${fb ? `, plus a·y[k−1] = ${fmt(fb.a)} × ${fmt(fb.yPrev)}` : ""}; cells hold ${o.reg.map((v) => fmt(v)).join(", ")}; taps ${o.taps.map((w) => fmt(w)).join(", ")}; output y = ${fmt(o.y)}.`;
  return html`<svg part="diagram" class="diagram" viewBox="0 0 ${W} ${H}" role="img" aria-label=${label}>
    <defs><marker id=${marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path class="arrowhead" d="M0 0 L10 5 L0 10 Z"></path></marker></defs>
    <text x="4" y="50">x[${o.k}]</text><text x="4" y="66" class="muted">${fmt(o.x, 2)}</text>
    ${fb ? svg`
      ${arrow(40, 56, 66, 56)}
      <circle class="sum" cx="80" cy="56" r="12"></circle><text x="80" y="61" text-anchor="middle">+</text>
      ${arrow(92, 56, cx[0] - 34, 56)}
      <path class="wire live" d="M${sumX + 14} 182 H395 V240 H80 V72" marker-end="url(#${marker})"></path>
      <rect class="box" x="196" y="226" width="52" height="28" rx="4"></rect><text x="222" y="245" text-anchor="middle">z⁻¹</text>
      <text x="88" y="236" class="muted">a = ${fmt(fb.a, 2)}</text>
      <text x="262" y="262" class="muted">y[k−1] = ${fmt(fb.yPrev, 2)}</text>`
      : arrow(46, 56, cx[0] - 36, 56)}
    ${cx.map((x, j) => svg`
      <text x=${x} y="22" text-anchor="middle" class="muted">${names[j]}</text>
      <rect class="box live" x=${x - 32} y="34" width="64" height="44" rx="6"></rect>
      <text x=${x} y="61" text-anchor="middle">${fmt(o.reg[j], 2)}</text>
      ${j < 2 ? arrow(x + 32, 56, cx[j + 1] - 34, 56) : nothing}
      <line class="wire" x1=${x} y1="78" x2=${x} y2="112"></line>
      <circle class="sum" cx=${x} cy="124" r="12"></circle><text x=${x} y="128" text-anchor="middle">×</text>
      <text x=${x + 16} y="108" class="muted">w${"₀₁₂"[j]}=${fmt(o.taps[j], 2)}</text>
      ${arrow(x, 136, sumX + (x - sumX) * 0.15, 168)}`)}
    <circle class="sum" cx=${sumX} cy="182" r="14"></circle><text x=${sumX} y="187" text-anchor="middle">Σ</text>
    ${fb ? svg`<text x=${sumX + 24} y="204">y[${o.k}] = ${fmt(o.y)}</text>`
      : svg`${arrow(sumX + 14, 182, sumX + 76, 182)}<text x=${sumX + 82} y="186">y[${o.k}] = ${fmt(o.y)}</text>`}
  </svg>`;
}
