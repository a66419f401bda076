/**
 * The worked example's attributes, which hold the whole state a link needs: the
 * example, the sentence, the targets, the weights, the activation and the learning
 * rate. `caseFrom` turns them into a case, or says what does not fit.
 */
import { num, oneOf, type Rule } from "../attributes.js";
import { ACTIVATIONS } from "../../bindings/types.js";
import type { Params } from "../../bindings/model.js";
import { checkCase, example, EXAMPLE_NAMES, MAX_STEPS, V, VOCAB, WORKED_DEFAULTS, type WorkedCase } from "../../lessons/worked-example.js";

const words = (): Rule<number[] | null> => ({
  default: null,
  parse(raw) {
    const parts = raw.split(/[\s,]+/).filter(Boolean);
    if (parts.length < 1 || parts.length > MAX_STEPS) return { error: `must list 1 to ${MAX_STEPS} words` };
    const bad = parts.find((p) => !(VOCAB as readonly string[]).includes(p));
    if (bad !== undefined) return { error: `has "${bad.slice(0, 20)}", which is not one of ${VOCAB.join(", ")}` };
    return { value: parts.map((p) => (VOCAB as readonly string[]).indexOf(p)) };
  },
});

const numbers = (): Rule<number[] | null> => ({
  default: null,
  parse(raw) {
    const parts = raw.split(/[\s,]+/).filter(Boolean), out: number[] = [];
    for (const p of parts) {
      const x = Number(p.replace("−", "-"));
      if (!Number.isFinite(x) || Math.abs(x) > 1e6) return { error: `has "${p.slice(0, 20)}", which is not a number within ±10⁶` };
      out.push(x);
    }
    return out.length ? { value: out } : { error: "must list numbers" };
  },
});

export const WORKED_EXAMPLE_ATTRIBUTES = {
  example: oneOf(EXAMPLE_NAMES, WORKED_DEFAULTS.example),
  activation: oneOf(ACTIVATIONS, "tanh"),
  words: words(),
  targets: words(),
  weights: numbers(),
  lr: num(0.0001, 10, WORKED_DEFAULTS.lr),
  engine: oneOf(["wasm", "ts"] as const, "wasm"),
};

export type WorkedSettings = { [K in keyof typeof WORKED_EXAMPLE_ATTRIBUTES]: (typeof WORKED_EXAMPLE_ATTRIBUTES)[K]["default"] };

/** W_x rows, W_h rows, b, W_y rows, b_y: the order of the `weights` attribute. */
export function flatWeights(p: Params): number[] {
  return [...p.W_x.flat(), ...p.W_h.flat(), ...p.b, ...p.W_y.flat(), ...p.b_y];
}

export function weightCount(H: number): number { return H * V + H * H + H + V * H + V; }

function unflatten(w: number[], H: number): Params {
  let k = 0;
  const take = (n: number) => { const s = w.slice(k, k + n); k += n; return s; };
  const rows = (r: number, c: number) => Array.from({ length: r }, () => take(c));
  return { W_x: rows(H, V), W_h: rows(H, H), b: take(H), W_y: rows(V, H), b_y: take(V) };
}

/** Targets when only words are given: each next word, and "!" after the last. */
export const nextWords = (tokens: number[]) => tokens.map((_, t) => (t + 1 < tokens.length ? tokens[t + 1] : V - 1));

export function caseFrom(s: WorkedSettings): { value: WorkedCase } | { error: string } {
  const base = example(s.example), H = base.params.W_h.length;
  const tokens = s.words ?? base.tokens;
  const targets = s.targets ?? (s.words ? nextWords(tokens) : base.targets);
  if (targets.length !== tokens.length) return { error: `targets must list one word per input word (${tokens.length}), got ${targets.length}.` };
  if (s.weights && s.weights.length !== weightCount(H)) return { error: `weights must list ${weightCount(H)} numbers for ${H} hidden unit${H > 1 ? "s" : ""}, got ${s.weights.length}.` };
  const c: WorkedCase = { activation: s.activation, params: s.weights ? unflatten(s.weights, H) : base.params, tokens, targets, h0: base.h0 };
  const problem = checkCase(c);
  return problem ? { error: problem + "." } : { value: c };
}
