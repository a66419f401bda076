/**
 * The RNN cell at one step, drawn with the numbers flowing through it:
 * x_t and h_{t−1} are weighted, summed with the bias into a_t, squashed into h_t,
 * and read out as y_t beside the value it should have predicted.
 */
import { svg, type TemplateResult } from "lit";
import type { Problem, StepTrace } from "../../lessons/sequence-lab.js";
import type { Params } from "../../bindings/model.js";
import type { Activation } from "../../bindings/types.js";
import { fmt } from "../../bindings/format.js";

const norm = (v: readonly number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
/** A scalar as is, a vector by its length. */
const val = (v: readonly number[]) => (v.length === 1 ? fmt(v[0]) : `‖·‖ ${fmt(norm(v))}`);
const weight = (m: number[][]) => (m.length === 1 && m[0].length === 1 ? fmt(m[0][0]) : `${m.length}×${m[0].length}`);

/**
 * Wide: one row, 640 × 240. Narrow (a phone): the same parts in 340 × 392, split into two rows: x and h
 * into the activation on top, then h_t read out as y_t below, so the type keeps its size instead of shrinking.
 */
export function cellDiagram(s: StepTrace, params: Params, activation: Activation, p: Problem, pulse: boolean, narrow = false): TemplateResult {
  const box = (x: number, y: number, w: number, label: string, value: string, cls = "") => svg`
    <rect class="box ${cls}" x=${x} y=${y} width=${w} height="44" rx="6"></rect>
    <text x=${x + w / 2} y=${y - 6} text-anchor="middle" class="muted">${label}</text>
    <text x=${x + w / 2} y=${y + 27} text-anchor="middle">${value}</text>`;
  // dx moves the caption off a wire that enters the node from below-left
  const node = (x: number, y: number, sym: string, label: string, value: string, dx = 0) => svg`
    <circle class="sum" cx=${x} cy=${y} r="15"></circle><text x=${x} y=${y + 5} text-anchor="middle">${sym}</text>
    <text x=${x + dx} y=${y + 32} text-anchor="middle" class="muted small">${label}</text>
    <text x=${x + dx} y=${y + 47} text-anchor="middle" class="small">${value}</text>`;
  const arrow = narrow ? "sl-arrow-n" : "sl-arrow"; // one id per drawing: both sit in the same shadow root
  const wire = (d: string, cls = "live") => svg`<path class="wire ${cls}" d=${d} marker-end="url(#${arrow})"></path>`;
  // the predicted/expected lines are right-aligned under y_t: a long value grows to the left, into free space, not off the picture
  const units = p.range ? ` → ${fmt(s.actual)}` : "";
  const readout = (right: number, y: number) => svg`
    ${p.range ? svg`<text x=${right} y=${y} text-anchor="end" class="muted small">in model units</text>` : ""}
    <text x=${right} y=${p.range ? y + 18 : y} text-anchor="end" class="small">predicted${units}</text>
    <text x=${right} y=${p.range ? y + 36 : y + 18} text-anchor="end" class="small">expected ${fmt(s.expected)}</text>`;
  // the same first half in both layouts: h_{t−1} and x_t weighted, summed with b, into the activation
  const input = svg`
      ${box(10, 30, 92, `h${sub(s.t - 1)}`, val(s.hPrev))}
      ${box(10, 160, 92, `x${sub(s.t)}`, fmt(s.x))}
      ${wire("M102 52 H133")}${node(150, 52, "×", "W_hidden", weight(params.W_h))}
      ${wire("M102 182 H133")}${node(150, 182, "×", "W_input", weight(params.W_x))}
      ${wire("M165 52 Q 205 52 212 104")}${wire("M165 182 Q 205 182 212 130")}
      ${node(222, 117, "Σ", "+ b", val(params.b), 9)}
      ${wire("M237 117 H262")}
      <rect class="box fn" x="264" y="97" width="62" height="40" rx="20"></rect>
      <text x="295" y="122" text-anchor="middle">${activation}</text>`;
  const aLabel = `a${sub(s.t)} = ${val(s.a)}`, carried = `h${sub(s.t)} is carried to step ${s.t + 1}`;
  return svg`
    <defs><marker id=${arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path class="arrowhead" d="M0 0 L10 5 L0 10 Z"></path></marker></defs>
    <g class=${pulse ? "pulse-a" : "pulse-b"}>${input}${narrow ? svg`
      <text x="288" y="194" text-anchor="end" class="muted small">${aLabel}</text>
      ${wire("M295 137 V252 H30 V283")}
      ${box(10, 285, 86, `h${sub(s.t)}`, val(s.h), "live")}
      ${wire("M96 307 H133")}${node(150, 307, "×", "W_out, b_out", `${weight(params.W_y)}, ${fmt(params.b_y[0])}`)}
      ${wire("M165 307 H218")}
      ${box(220, 285, 100, `y${sub(s.t)}`, fmt(s.y), "out")}
      ${readout(334, 348)}
      <path class="wire loop" d="M10 318 H4 V12 H88 V28" marker-end="url(#${arrow})"></path>
      <text x="214" y="20" text-anchor="middle" class="muted small">${carried}</text>` : svg`
      <text x="295" y="155" text-anchor="middle" class="muted small">${aLabel}</text>
      ${wire("M326 117 H346")}
      ${box(348, 95, 86, `h${sub(s.t)}`, val(s.h), "live")}
      ${wire("M434 117 H466")}${node(482, 117, "×", "W_out, b_out", `${weight(params.W_y)}, ${fmt(params.b_y[0])}`)}
      ${wire("M497 117 H532")}
      ${box(534, 95, 100, `y${sub(s.t)}`, fmt(s.y), "out")}
      ${readout(634, 158)}
      <path class="wire loop" d="M420 95 V12 H88 V28" marker-end="url(#${arrow})"></path>
      <text x="240" y="24" text-anchor="middle" class="muted small">${carried}</text>`}
    </g>`;
}

const digits = "₀₁₂₃₄₅₆₇₈₉";
export const sub = (n: number) => String(n).split("").map((d) => digits[Number(d)]).join("");
