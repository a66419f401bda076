/** SVG pieces the cell diagrams share: gate boxes with a fill level, operation nodes, wires with arrowheads. */
import { html, svg, type TemplateResult } from "lit";
import { fmt } from "../math/mathml.js";

/**
 * A gate box: name and nonlinearity, its value, and a fill whose height shows where the
 * value sits in the gate's range (the number is always printed: colour is never the only cue).
 */
export function gateBox(x: number, y: number, name: string, act: string, value: number, range: [number, number], narrow = false): TemplateResult {
  // the phone's box is narrower and taller: name, nonlinearity and value each get a line
  const w = narrow ? 70 : 84, h = narrow ? 66 : 56;
  const frac = Math.max(0, Math.min(1, (value - range[0]) / (range[1] - range[0])));
  return svg`<g class="gate" data-gate=${name}>
    <rect class="box" x=${x - w / 2} y=${y - h / 2} width=${w} height=${h} rx="6"></rect>
    <rect class="level" x=${x - w / 2 + 1} y=${y + h / 2 - 1 - frac * (h - 2)} width=${w - 2} height=${frac * (h - 2)} rx="5"></rect>
    ${narrow ? svg`<text x=${x} y=${y - 12} text-anchor="middle">${name}</text><text x=${x} y=${y + 5} text-anchor="middle">${act}(·)</text>`
      : svg`<text x=${x} y=${y - 6} text-anchor="middle">${name} = ${act}(·)</text>`}
    <text x=${x} y=${y + (narrow ? 23 : 14)} text-anchor="middle" font-weight="600">${fmt(value, 3)}</text>
  </g>`;
}

/** The diagram's svg, wide (660 units across) or for a phone (340 across); the view's style shows one of the two. */
export function diagramFrame(narrow: boolean, label: string, height: number, body: TemplateResult): TemplateResult {
  return html`<svg class="diagram ${narrow ? "narrow" : "wide"}" viewBox="0 0 ${narrow ? 340 : 660} ${height}" role="img" aria-label=${label}>${body}</svg>`;
}

/** A round operation node (×, +, 1−). */
export function opNode(x: number, y: number, label: string, r = 13): TemplateResult {
  return svg`<circle class="node" cx=${x} cy=${y} r=${r}></circle><text x=${x} y=${y + 5} text-anchor="middle">${label}</text>`;
}

/** A polyline wire ending in an arrowhead at its last point. */
export function wire(points: [number, number][], cls = "wire", width?: number): TemplateResult {
  const d = points.map(([x, y], k) => `${k ? "L" : "M"}${x},${y}`).join(" ");
  const [x1, y1] = points[points.length - 2], [x2, y2] = points[points.length - 1];
  const a = Math.atan2(y2 - y1, x2 - x1), s = 7;
  const head = `M${x2},${y2} L${x2 - s * Math.cos(a - 0.45)},${y2 - s * Math.sin(a - 0.45)} L${x2 - s * Math.cos(a + 0.45)},${y2 - s * Math.sin(a + 0.45)} Z`;
  return svg`<path class=${cls} d=${d} style=${width ? `stroke-width:${width}px` : ""}></path><path class="arrow" d=${head}></path>`;
}
