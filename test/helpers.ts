/** Shared test helpers: the conformance tolerance and random cases. */
import { expect } from "vitest";
import { Rng } from "../bindings/prng.js";
import { GATE_COUNT, type Activation, type CellKind, type LossKind } from "../bindings/types.js";

const flat = (v: unknown): number[] =>
  Array.isArray(v) ? v.flatMap(flat) : typeof v === "object" && v !== null ? Object.values(v).flatMap(flat) : [v as number];

/** docs/math.md: |got − want| ≤ rel · max|want| + abs on every entry of an array. */
export function expectClose(got: unknown, want: unknown, name: string, rel = 1e-4, abs = 1e-6): void {
  const g = flat(got), w = flat(want);
  expect(g.length, `${name}: shape`).toBe(w.length);
  const scale = Math.max(0, ...w.map(Math.abs));
  for (let k = 0; k < w.length; k++) {
    const ok = Math.abs(g[k] - w[k]) <= rel * scale + abs;
    if (!ok) expect.fail(`${name}[${k}]: got ${g[k]}, want ${w[k]} (scale ${scale})`);
  }
}

export interface CaseOptions { cell: CellKind; activation?: Activation; loss?: LossKind; I?: number; H?: number; O?: number; T?: number; tokens?: boolean; seed?: number; withState?: boolean; nullEvery?: number }

/** A random case in docs/math.md's format. */
export function randomCase(o: CaseOptions): Record<string, unknown> {
  const rng = new Rng(o.seed ?? 1);
  const I = o.I ?? 3, H = o.H ?? 4, O = o.O ?? 3, T = o.T ?? 5, GH = GATE_COUNT[o.cell] * H, loss = o.loss ?? "softmax-ce";
  const u = (s = 0.6) => (rng.next() * 2 - 1) * s;
  const mat = (r: number, c: number, s?: number) => Array.from({ length: r }, () => Array.from({ length: c }, () => u(s)));
  const vec = (n: number, s?: number) => Array.from({ length: n }, () => u(s));
  const c: Record<string, unknown> = {
    cell: o.cell, loss, inputSize: I, hiddenSize: H, outputSize: O,
    params: { W_x: mat(GH, I), W_h: mat(GH, H), b: vec(GH, 0.2), W_y: mat(O, H), b_y: vec(O, 0.2) },
  };
  if (o.activation) c.activation = o.activation;
  if (o.tokens ?? true) c.tokens = Array.from({ length: T }, () => rng.int(I));
  else c.inputs = mat(T, I, 1);
  c.targets = Array.from({ length: T }, (_, t) => (o.nullEvery && t % o.nullEvery === 1 ? null : loss === "mse" ? vec(O, 1) : rng.int(O)));
  if (o.withState) { c.h0 = vec(H, 0.5); if (o.cell === "lstm") c.c0 = vec(H, 0.5); }
  return c;
}

/** Every cell/activation pair the engines support. */
export const CELL_VARIANTS: Array<{ cell: CellKind; activation?: Activation }> = [
  { cell: "rnn", activation: "tanh" }, { cell: "rnn", activation: "relu" }, { cell: "rnn", activation: "sigmoid" },
  { cell: "rnn", activation: "linear" }, { cell: "lstm" }, { cell: "gru" },
];
