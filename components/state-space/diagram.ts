/** The block diagram of h[k+1] = (tanh)(A h[k] + B x[k]), y[k] = Cᵀh[k], with the values at step k. */
import { html, svg } from "lit";
import { fmt } from "../../bindings/format.js";
import type { Vec2 } from "../../lessons/state-space.js";

export function systemDiagram(o: { k: number; x: number; h: Vec2; y: number; tanh: boolean }) {
  const m = "ss-arrow";
  const arrow = (d: string, live = false) => svg`<path class="wire ${live ? "live" : ""}" d=${d} marker-end="url(#${m})"></path>`;
  const box = (x: number, y: number, w: number, h: number, label: string) =>
    svg`<rect class="box" x=${x} y=${y} width=${w} height=${h} rx="5"></rect><text x=${x + w / 2} y=${y + h / 2 + 5} text-anchor="middle">${label}</text>`;
  const label = `System at k = ${o.k}: input x = ${fmt(o.x)} enters through B, the state h = (${fmt(o.h[0])}, ${fmt(o.h[1])}) feeds back through A${o.tanh ? " and tanh" : ""}, and the output is y = ${fmt(o.y)}.`;
  return html`<svg class="diagram" viewBox="0 0 500 180" role="img" aria-label=${label}>
    <defs><marker id=${m} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path class="arrowhead" d="M0 0 L10 5 L0 10 Z"></path></marker></defs>
    <text x="4" y="52">x[${o.k}]</text><text x="4" y="70" class="muted">${fmt(o.x, 2)}</text>
    ${arrow("M44 56 H68")}${box(70, 40, 40, 32, "B")}${arrow("M110 56 H138")}
    <circle class="sum" cx="152" cy="56" r="12"></circle><text x="152" y="61" text-anchor="middle">+</text>
    ${o.tanh ? svg`${arrow("M164 56 H182")}${box(184, 40, 50, 32, "tanh")}${arrow("M234 56 H258")}` : arrow("M164 56 H258")}
    <rect class="box live" x="260" y="22" width="92" height="68" rx="6"></rect>
    <text x="306" y="16" text-anchor="middle" class="muted">state 𝐡[k]</text>
    <text x="270" y="50">h₁ ${fmt(o.h[0], 2)}</text><text x="270" y="74">h₂ ${fmt(o.h[1], 2)}</text>
    ${arrow("M352 56 H378")}${box(380, 40, 40, 32, "Cᵀ")}${arrow("M420 56 H440")}
    <text x="444" y="52">y[${o.k}]</text><text x="444" y="70" class="muted">${fmt(o.y, 2)}</text>
    ${arrow("M306 90 V140 H242", true)}${box(190, 124, 50, 32, "A")}${arrow("M190 140 H152 V70", true)}
    <text x="250" y="170" class="muted">one step later: 𝐡[k+1]</text>
  </svg>`;
}
