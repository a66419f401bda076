/**
 * Read-outs of computed numbers: 4 decimals on the page, full precision in a
 * tooltip on hover and on keyboard focus, and in the accessible text. Numbers sit
 * in bracketed vectors and matrices. Inside a `.nums` region only one number is a
 * tab stop; the arrow keys (and Home/End) move between the others, so a page of
 * matrices does not cost the reader a hundred Tab presses.
 */
import { css, html, nothing, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { styleMap } from "lit/directives/style-map.js";
import { fmt } from "../../bindings/format.js";

export interface NumOptions {
  /** a stable name for tests and exports, e.g. "grads.W_h.0.1" */
  key?: string;
  /** the engine computed this number (rather than the float64 derivation) */
  engine?: boolean;
  highlight?: boolean;
}

/** 4 decimals with a real minus sign (a nonzero value too small for them gets a power of ten). */
export const four = (v: number): string => fmt(v, { decimals: 4 });

export function num(v: number, o: NumOptions = {}): TemplateResult {
  const full = String(v), tip = `${full}${o.engine ? " (engine, float32)" : " (float64)"}`;
  return html`<span class="num${o.engine ? " eng" : ""}${o.highlight ? " hl" : ""}" tabindex="-1" data-key=${ifDefined(o.key)}
    data-value=${full} data-tip=${tip}><span aria-hidden="true">${four(v)}</span><span class="visually-hidden">${tip}</span></span>`;
}

/** A column vector; with `labels`, each entry is named on its left (e.g. the words of the vocabulary). */
export function vec(values: readonly number[], o: NumOptions & { highlightIndex?: number; labels?: readonly string[] } = {}): TemplateResult {
  const cell = (v: number, i: number) => num(v, { ...o, key: o.key === undefined ? undefined : `${o.key}.${i}`, highlight: o.highlightIndex === i });
  if (!o.labels) return html`<span class="br col">${values.map(cell)}</span>`;
  return html`<span class="br labelled">${values.map((v, i) => html`<span class="tag">${o.labels![i]}</span>${cell(v, i)}`)}</span>`;
}

/** A matrix, row by row. */
export function mat(rows: readonly (readonly number[])[], o: NumOptions = {}): TemplateResult {
  const cols = rows[0]?.length ?? 0;
  return html`<span class="br matrix" style=${styleMap({ gridTemplateColumns: `repeat(${cols}, auto)` })}>${rows.map((r, i) =>
    r.map((v, j) => num(v, { ...o, key: o.key === undefined ? undefined : `${o.key}.${i}.${j}` })))}</span>`;
}

/** An operator between read-outs. */
export const op = (s: string) => html`<span class="op" aria-hidden="true">${s}</span><span class="visually-hidden">${spoken[s] ?? s}</span>`;
const spoken: Record<string, string> = { "+": "plus", "=": "equals", "⊙": "times element-wise", "·": "times", "−": "minus", "→": "becomes" };

/** A labelled line of read-outs: a symbol, then terms. */
export function line(label: TemplateResult | string, ...terms: (TemplateResult | string | typeof nothing)[]): TemplateResult {
  return html`<div class="line"><span class="lhs">${label}</span>${terms}</div>`;
}

/** Moves focus between the numbers of the `.nums` region the event came from. */
export function onNumberKeys(e: KeyboardEvent): void {
  const from = e.target as HTMLElement;
  if (!from.classList?.contains("num")) return;
  const region = from.closest(".nums");
  if (!region) return;
  const all = [...region.querySelectorAll<HTMLElement>(".num")], k = all.indexOf(from);
  const to = e.key === "ArrowRight" || e.key === "ArrowDown" ? k + 1 : e.key === "ArrowLeft" || e.key === "ArrowUp" ? k - 1
    : e.key === "Home" ? 0 : e.key === "End" ? all.length - 1 : -2;
  if (to === -2) return;
  e.preventDefault();
  const next = all[Math.max(0, Math.min(all.length - 1, to))];
  from.tabIndex = -1; next.tabIndex = 0; next.focus();
}

/** Makes the first number of each `.nums` region its tab stop (call after each render). */
export function rovingTabStops(root: ParentNode): void {
  for (const region of root.querySelectorAll(".nums")) {
    const all = [...region.querySelectorAll<HTMLElement>(".num")];
    if (all.length && !all.some((n) => n.tabIndex === 0)) all[0].tabIndex = 0;
  }
}

export const readoutStyles = css`
  .num {
    font-family: var(--_mono); font-size: 0.9em; position: relative; padding: 1px 3px; border-radius: 3px;
    white-space: nowrap; cursor: default; text-align: right; display: inline-block; min-height: 24px; line-height: 22px;
  }
  .num.eng { color: var(--_accent); }
  .num.hl { background: color-mix(in srgb, var(--_accent) 18%, transparent); font-weight: 600; }
  .num:hover, .num:focus-visible { background: color-mix(in srgb, var(--_accent) 12%, transparent); }
  .num:hover::after, .num:focus-visible::after {
    content: attr(data-tip) / ""; position: absolute; left: 50%; bottom: calc(100% + 4px); transform: translateX(-50%);
    background: var(--_fg); color: var(--_bg); padding: 3px 7px; border-radius: 4px; font-size: 0.85em;
    white-space: nowrap; z-index: 5; pointer-events: none; font-weight: 400;
  }
  .br {
    display: inline-grid; vertical-align: middle; gap: 0 6px; padding: 1px 5px; margin: 2px 1px;
    border-left: 1.5px solid var(--_fg); border-right: 1.5px solid var(--_fg); border-radius: 5px;
  }
  .br.col { grid-template-columns: auto; }
  .br.labelled { grid-template-columns: auto auto; align-items: center; }
  .tag { font-size: 0.75em; color: var(--_muted); text-align: right; }
  .op { margin: 0 4px; color: var(--_muted); }
  .line { display: flex; flex-wrap: wrap; align-items: center; gap: 2px; margin: 6px 0; row-gap: 4px; }
  .lhs { margin-right: 4px; min-width: 2.4em; }
  .legend-eng { color: var(--_accent); font-family: var(--_mono); }
`;
