/**
 * The worked example: a tiny next-word RNN over a four-word vocabulary, one
 * forward and one backward pass written out step by step. `traceExample`
 * derives every intermediate in float64 (the engine keeps only totals);
 * `runOnEngine` asks the engine for the totals it does compute, which the view
 * shows; `agreement` measures how far the two are apart.
 */
import type { Engine } from "../bindings/engine.js";
import type { Gradients, Params } from "../bindings/model.js";
import { ACTIVATIONS, type Activation } from "../bindings/types.js";

export const VOCAB = ["hi", "there", "class", "!"] as const;
export const V = VOCAB.length;
export const MAX_STEPS = 8;
export const MAX_HIDDEN = 4;

/** One network and one sentence: inputs are one-hot word indices, targets the next word. */
export interface WorkedCase {
  activation: Activation;
  params: Params;
  tokens: number[];
  targets: number[];
  h0: number[];
}

export type ExampleName = "h2" | "h1";
export const EXAMPLE_NAMES: readonly ExampleName[] = ["h2", "h1"];
/** What the view starts with: the two-unit example, and one gradient step of this size. */
export const WORKED_DEFAULTS = { example: "h2" as ExampleName, lr: 0.1 };

/** The two classic set-ups: "hi there" with two hidden units, and a four-word sentence with one. */
export function example(name: ExampleName): WorkedCase {
  if (name === "h1") return {
    activation: "tanh",
    params: { W_x: [[0.5, -0.3, 0.8, 0]], W_h: [[0.2]], b: [0], W_y: [[1], [0.5], [-0.5], [0]], b_y: [0, 0, 0, 0] },
    tokens: [0, 1, 2, 3], targets: [1, 2, 3, 3], h0: [0],
  };
  return {
    activation: "tanh",
    params: {
      W_x: [[0.5, 0.1, 0, 0], [-0.2, 0.8, 0, 0]], W_h: [[0.3, 0.4], [0.6, -0.1]], b: [0.1, 0.1],
      W_y: [[0.1, 0.7], [-0.3, 0.2], [0.5, 0.4], [-0.6, -0.1]], b_y: [0, 0, 0, 0],
    },
    tokens: [0, 1], targets: [1, 2], h0: [0, 0],
  };
}

export const hiddenSizeOf = (c: WorkedCase) => c.params.W_h.length;

/** Checks shapes, ranges and finiteness; returns a sentence for the reader, or null when the case is usable. */
export function checkCase(c: WorkedCase): string | null {
  if (!ACTIVATIONS.includes(c.activation)) return `activation must be one of ${ACTIVATIONS.join(", ")}`;
  const H = c.params.W_h.length;
  if (H < 1 || H > MAX_HIDDEN) return `hidden size must be from 1 to ${MAX_HIDDEN}`;
  const T = c.tokens.length;
  if (T < 1 || T > MAX_STEPS) return `the sentence must have from 1 to ${MAX_STEPS} words`;
  if (c.targets.length !== T) return "every word needs a target (the word that should come next)";
  for (const w of [...c.tokens, ...c.targets]) if (!Number.isInteger(w) || w < 0 || w >= V) return `words must be one of ${VOCAB.join(", ")}`;
  const shapes: Array<[string, unknown, number, number]> = [
    ["W_x", c.params.W_x, H, V], ["W_h", c.params.W_h, H, H], ["W_y", c.params.W_y, V, H]];
  for (const [name, m, rows, cols] of shapes) {
    if (!Array.isArray(m) || m.length !== rows || m.some((r) => !Array.isArray(r) || r.length !== cols)) return `${name} must be ${rows} × ${cols}`;
  }
  if (c.params.b.length !== H || c.params.b_y.length !== V || c.h0.length !== H) return "b and h0 need one entry per hidden unit, b_y one per word";
  const all = [c.params.W_x, c.params.W_h, c.params.W_y, c.params.b, c.params.b_y, c.h0].flat(2) as number[];
  if (all.some((x) => typeof x !== "number" || !Number.isFinite(x))) return "every weight must be a finite number";
  return null;
}

// ------------------------------------------------------------ float64 trace

export interface ForwardStep {
  token: number;
  target: number;
  hPrev: number[];
  /** W_x x_t: the column of W_x picked by the one-hot input */
  inputTerm: number[];
  /** W_h h_{t−1} */
  recurrentTerm: number[];
  /** a_t = W_x x_t + W_h h_{t−1} + b */
  a: number[];
  h: number[];
  /** logits y_t = W_y h_t + b_y */
  y: number[];
  p: number[];
  /** −log p_t[target] */
  loss: number;
}

export interface BackwardStep {
  /** ∂ℓ_t/∂y_t = p_t − onehot(target) */
  dy: number[];
  /** W_yᵀ ∂ℓ_t/∂y_t: the gradient reaching h_t from this step's own loss */
  dhFromOutput: number[];
  /** W_hᵀ ∂L/∂a_{t+1}: the gradient reaching h_t from later steps (zero at the last step) */
  dhFromFuture: number[];
  dh: number[];
  /** f′(a_t) */
  fPrime: number[];
  /** ∂L/∂a_t = ∂L/∂h_t ⊙ f′(a_t) */
  da: number[];
  /** gradients summed over steps t..T (BPTT adds the steps from the last one back) */
  running: Omit<Gradients, "h0">;
}

export interface Trace {
  forward: ForwardStep[];
  backward: BackwardStep[];
  loss: number;
  grads: Gradients;
}

const act: Record<Activation, (a: number) => number> = {
  tanh: Math.tanh,
  relu: (a) => (a > 0 ? a : 0),
  sigmoid: (a) => 1 / (1 + Math.exp(-a)),
  linear: (a) => a,
};

/** f′ at a, from a and h = f(a), the way BPTT uses it. */
const actPrime: Record<Activation, (a: number, h: number) => number> = {
  tanh: (_a, h) => 1 - h * h,
  relu: (a) => (a > 0 ? 1 : 0),
  sigmoid: (_a, h) => h * (1 - h),
  linear: () => 1,
};

export function softmax(y: readonly number[]): number[] {
  const m = Math.max(...y), e = y.map((v) => Math.exp(v - m)), s = e.reduce((x, z) => x + z, 0);
  return e.map((v) => v / s);
}

const matVec = (m: number[][], v: readonly number[]) => m.map((row) => row.reduce((s, w, j) => s + w * v[j], 0));
const matTVec = (m: number[][], v: readonly number[]) => m[0].map((_, j) => m.reduce((s, row, i) => s + row[j] * v[i], 0));
const zeros = (r: number, c: number) => Array.from({ length: r }, () => new Array<number>(c).fill(0));
const copyGrads = (g: Omit<Gradients, "h0">) => ({ W_x: g.W_x.map((r) => [...r]), W_h: g.W_h.map((r) => [...r]), b: [...g.b], W_y: g.W_y.map((r) => [...r]), b_y: [...g.b_y] });

/** Every intermediate of the forward pass and of full BPTT, in float64. */
export function traceExample(c: WorkedCase): Trace {
  const { W_x, W_h, b, W_y, b_y } = c.params, H = W_h.length, f = act[c.activation];
  const forward: ForwardStep[] = [];
  let h = [...c.h0];
  c.tokens.forEach((token, t) => {
    const inputTerm = W_x.map((row) => row[token]), recurrentTerm = matVec(W_h, h);
    const a = inputTerm.map((v, i) => v + recurrentTerm[i] + b[i]);
    const hNew = a.map(f);
    const y = matVec(W_y, hNew).map((v, k) => v + b_y[k]);
    const p = softmax(y);
    forward.push({ token, target: c.targets[t], hPrev: h, inputTerm, recurrentTerm, a, h: hNew, y, p, loss: -Math.log(p[c.targets[t]]) });
    h = hNew;
  });

  const g = { W_x: zeros(H, V), W_h: zeros(H, H), b: new Array<number>(H).fill(0), W_y: zeros(V, H), b_y: new Array<number>(V).fill(0) };
  const backward: BackwardStep[] = new Array(forward.length);
  let daNext = new Array<number>(H).fill(0);
  for (let t = forward.length - 1; t >= 0; t--) {
    const s = forward[t];
    const dy = s.p.map((v, k) => v - (k === s.target ? 1 : 0));
    const dhFromOutput = matTVec(W_y, dy), dhFromFuture = matTVec(W_h, daNext);
    const dh = dhFromOutput.map((v, i) => v + dhFromFuture[i]);
    const fPrime = s.a.map((a, i) => actPrime[c.activation](a, s.h[i]));
    const da = dh.map((v, i) => v * fPrime[i]);
    for (let i = 0; i < H; i++) {
      g.W_x[i][s.token] += da[i];
      g.b[i] += da[i];
      for (let j = 0; j < H; j++) g.W_h[i][j] += da[i] * s.hPrev[j];
    }
    for (let k = 0; k < V; k++) {
      g.b_y[k] += dy[k];
      for (let i = 0; i < H; i++) g.W_y[k][i] += dy[k] * s.h[i];
    }
    backward[t] = { dy, dhFromOutput, dhFromFuture, dh, fPrime, da, running: copyGrads(g) };
    daNext = da;
  }
  const loss = forward.reduce((sum, s) => sum + s.loss, 0);
  return { forward, backward, loss, grads: { ...g, h0: matTVec(W_h, daNext) } };
}

// ------------------------------------------------------------------ engine

/** What the engine computes for the case: the numbers the view shows. */
export interface EngineResult {
  loss: number;
  stepLoss: number[];
  hidden: number[][];
  outputs: number[][];
  grads: Gradients;
}

function withModel<R>(engine: Engine, c: WorkedCase, run: (m: ReturnType<Engine["createModel"]>) => R): R {
  const model = engine.createModel({ cell: "rnn", activation: c.activation, loss: "softmax-ce", inputSize: V,
    hiddenSize: hiddenSizeOf(c), outputSize: V, maxSeqLen: c.tokens.length });
  try {
    model.setParams(c.params);
    model.setState({ h: c.h0 });
    return run(model);
  } finally {
    model.dispose();
  }
}

/** One forward and full BPTT on the engine (the summed loss, as docs/math.md defines it). */
export function runOnEngine(engine: Engine, c: WorkedCase): EngineResult {
  return withModel(engine, c, (model) => {
    const f = model.forward({ tokens: c.tokens, targets: c.targets });
    const grads = model.backward();
    delete grads.c0;
    return { loss: f.loss, stepLoss: f.stepLoss, hidden: f.hidden, outputs: f.outputs, grads };
  });
}

export interface UpdateResult {
  /** the weights after one plain gradient-descent step, θ − η ∂L/∂θ */
  params: Params;
  /** the engine's loss of the same sentence under the new weights */
  loss: number;
  stepLoss: number[];
}

/** One SGD step on the engine (no clipping, summed loss), then the loss under the new weights. */
export function updateOnEngine(engine: Engine, c: WorkedCase, lr: number): UpdateResult {
  if (!(lr > 0 && lr <= 10)) throw new RangeError(`learning rate must be in (0, 10], got ${lr}`);
  return withModel(engine, c, (model) => {
    const seq = { tokens: c.tokens, targets: c.targets };
    const r = model.trainChunk(seq, { optimizer: { kind: "sgd", lr }, clip: { mode: "none" } });
    if (r.diverged) throw new RangeError("the update produced a non-finite loss or gradient");
    model.setState({ h: c.h0 });
    const after = model.forward(seq);
    return { params: model.getParams(), loss: after.loss, stepLoss: after.stepLoss };
  });
}

// --------------------------------------------------------------- agreement

const flatten = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flatten) : [v as number]);

/**
 * The largest docs/math.md agreement ratio |engine − reference| / (1e-4 · max|reference| + 1e-6)
 * over every array; the engine agrees with the float64 trace when it is ≤ 1.
 */
export function agreement(e: EngineResult, t: Trace): { worst: number; field: string; maxAbsDiff: number } {
  const pairs: Array<[string, unknown, unknown]> = [
    ["loss", e.loss, t.loss],
    ["stepLoss", e.stepLoss, t.forward.map((s) => s.loss)],
    ["hidden", e.hidden, t.forward.map((s) => s.h)],
    ["outputs", e.outputs, t.forward.map((s) => s.y)],
    ...(["W_x", "W_h", "b", "W_y", "b_y", "h0"] as const).map((k): [string, unknown, unknown] => [`grads.${k}`, e.grads[k], t.grads[k]]),
  ];
  let worst = 0, field = "", maxAbsDiff = 0;
  for (const [name, got, want] of pairs) {
    const g = flatten(got), w = flatten(want), scale = Math.max(0, ...w.map(Math.abs));
    for (let k = 0; k < w.length; k++) {
      const d = Math.abs(g[k] - w[k]), r = d / (1e-4 * scale + 1e-6);
      maxAbsDiff = Math.max(maxAbsDiff, d);
      if (!(r <= worst)) { worst = r; field = name; }
    }
  }
  return { worst, field, maxAbsDiff };
}

/** Replaces one entry of one parameter group, returning a new case (the old one is kept for undo). */
export function withParam(c: WorkedCase, group: keyof Params, row: number, col: number, value: number): WorkedCase {
  const params: Params = { W_x: c.params.W_x.map((r) => [...r]), W_h: c.params.W_h.map((r) => [...r]), b: [...c.params.b],
    W_y: c.params.W_y.map((r) => [...r]), b_y: [...c.params.b_y] };
  if (group === "b" || group === "b_y") params[group][row] = value;
  else params[group][row][col] = value;
  return { ...c, params };
}
