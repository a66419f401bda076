/**
 * The sequence lab's attributes: the sequence, the network, its weights and the
 * training settings. They hold all the state a link needs; the reader's edits are
 * written back to them.
 */
import { int, num, oneOf, text, type Rule } from "../attributes.js";
import { ACTIVATIONS } from "../../bindings/types.js";
import type { Params } from "../../bindings/model.js";
import { LAB_OPTIMIZERS, LAB_SOURCES, MAX_BUDGET, MAX_HIDDEN, MAX_LENGTH, MIN_LENGTH, SCALINGS, SEQUENCE_LAB_DEFAULTS as D } from "../../lessons/sequence-lab.js";
import { SEARCH_MODES, type SearchMode } from "../../lessons/random-search.js";

/** A list of finite numbers (the flat weights), or null for the defaults. */
const numbers = (): Rule<number[] | null> => ({
  default: null,
  parse(raw) {
    const out: number[] = [];
    for (const p of raw.split(/[\s,]+/).filter(Boolean)) {
      const x = Number(p.replace("−", "-"));
      if (!Number.isFinite(x) || Math.abs(x) > 1e6) return { error: `has "${p.slice(0, 20)}", which is not a number within ±10⁶` };
      out.push(x);
    }
    return out.length ? { value: out } : { error: "must list numbers" };
  },
});

/** A positive bound, or "off". */
const clipRule = (): Rule<number | null> => ({
  default: D.bptt.clip,
  parse(raw) {
    const s = raw.trim().toLowerCase();
    if (s === "off" || s === "none") return { value: null };
    const x = Number(s);
    return Number.isFinite(x) && x >= 0.01 && x <= 1000 ? { value: x } : { error: "must be a number from 0.01 to 1000, or off" };
  },
});

const scaleRule = (): Rule<number | null> => ({
  default: null,
  parse(raw) {
    const x = Number(raw.trim());
    return Number.isFinite(x) && x >= 0.001 && x <= 100 ? { value: x } : { error: "must be a number from 0.001 to 100" };
  },
});

export const SEQUENCE_LAB_ATTRIBUTES = {
  sequence: oneOf(LAB_SOURCES, D.sequence),
  length: int(MIN_LENGTH, MAX_LENGTH, D.length),
  values: text("1, 3, 2, 4, 3, 5, 4, 6", 4000),
  scaling: oneOf(SCALINGS, D.scaling),
  activation: oneOf(ACTIVATIONS, D.activation),
  hiddenSize: int(1, MAX_HIDDEN, D.hiddenSize),
  weights: numbers(),
  step: int(0, MAX_LENGTH, MAX_LENGTH),
  optimizer: oneOf(LAB_OPTIMIZERS, D.bptt.optimizer),
  lr: num(0.0001, 10, D.bptt.lr),
  clip: clipRule(),
  budget: int(10, MAX_BUDGET, D.budget),
  search: oneOf(SEARCH_MODES, D.search),
  searchScale: scaleRule(),
  seed: int(0, 0xffffffff, D.seed),
  engine: oneOf(["wasm", "ts"] as const, "wasm"),
};

export type LabValues = { [K in keyof typeof SEQUENCE_LAB_ATTRIBUTES]: (typeof SEQUENCE_LAB_ATTRIBUTES)[K]["default"] };

/** σ for random search when the attribute is absent: a box of ±2, or steps of 0.5 around the best. */
export const defaultScale = (mode: SearchMode) => (mode === "sample" ? D.searchScale : 0.5);

/** W_x, W_h rows, b, W_y, b_y: the order of the `weights` attribute. */
export function flatWeights(p: Params): number[] {
  return [...p.W_x.flat(), ...p.W_h.flat(), ...p.b, ...p.W_y.flat(), ...p.b_y];
}

export const weightCount = (H: number) => H * H + 3 * H + 1;

export function unflatten(w: readonly number[], H: number): Params {
  let k = 0;
  const take = (n: number) => { const s = w.slice(k, k + n); k += n; return s; };
  return { W_x: Array.from({ length: H }, () => take(1)), W_h: Array.from({ length: H }, () => take(H)), b: take(H), W_y: [take(H)], b_y: take(1) };
}
