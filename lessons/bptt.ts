/**
 * Backpropagation through time, node by node, for the scalar tanh RNN
 *   h[k+1] = tanh(w_r·h[k] + w_x·x[k]),  y = w_y·h[T],  L = ½(y − y*)²
 * (the engine's cell "rnn", hidden size 1, mse loss with a target at the last step only).
 *
 * The engine computes the forward values and the gradients. The per-node signals the
 * lesson draws (∂L/∂h[k] with its sign, and e[k] = ∂L/∂h[k]·(1 − h[k]²)) follow from the
 * engine's forward values by the chain rule; `check` compares them, and their sums,
 * with what the engine's backward pass computed.
 */
import type { Engine } from "../bindings/engine.js";
import type { Model } from "../bindings/model.js";

export const MAX_T = 50;
export const DEFAULT_T = 6;

export interface ScalarNet {
  wr: number;
  wx: number;
  wy: number;
  /** initial state h[0] */
  h0: number;
  /** x[0..T−1] */
  x: number[];
  /** y*, the target for y at the last step */
  target: number;
}

/** A readable default input of any length up to MAX_T, in [−1, 1] with two decimals. */
export function defaultInputs(T = MAX_T): number[] {
  return Array.from({ length: T }, (_, k) => Number(Math.sin(1.7 * k + 1).toFixed(2)));
}

export const DEFAULT_NET: ScalarNet = { wr: 0.8, wx: 0.6, wy: 1.5, h0: 0, x: defaultInputs(DEFAULT_T), target: 0.5 };
/** The view's Train settings: plain SGD at this rate for this many rounds. */
export const DEFAULT_TRAINING = { lr: 0.1, iterations: 300 };

export interface Contribution {
  /** the step k whose z[k] = w_r·h[k] + w_x·x[k] this term differentiates */
  k: number;
  /** e[k+1]·h[k], a term of ∂L/∂w_r */
  wr: number;
  /** e[k+1]·x[k], a term of ∂L/∂w_x */
  wx: number;
}

export interface BpttPass {
  T: number;
  x: number[];
  /** h[0..T] as the engine computed them (h[0] is the initial state) */
  h: number[];
  /** y = w_y·h[T] */
  y: number;
  target: number;
  loss: number;
  /** ∂L/∂h[k], k = 0..T, by the chain rule from the forward values */
  dh: number[];
  /** e[k] = ∂L/∂h[k]·(1 − h[k]²), k = 1..T (e[0] is NaN: h[0] has no activation) */
  e: number[];
  /** one row per step, in the order the backward pass meets them: k = T−1 down to 0 */
  contributions: Contribution[];
  /** the engine's backward pass */
  engine: {
    wr: number; wx: number; wy: number; h0: number;
    /** |∂L/∂h[k]|, k = 0..T: |∂L/∂h[0]| from the h0 gradient, the rest from stepGradNorms */
    dhNorm: number[];
  };
  /** largest difference between the chain-rule values and the engine's, relative to their scale */
  check: { dh: number; sums: number };
}

/** The scalar network on an engine: one model reused for every pass and training step. */
export class ScalarRnn {
  readonly model: Model;

  constructor(engine: Engine) {
    this.model = engine.createModel({
      cell: "rnn", activation: "tanh", loss: "mse", inputSize: 1, hiddenSize: 1, outputSize: 1, maxSeqLen: MAX_T, seed: 1,
    });
  }

  private load(net: ScalarNet): void {
    this.model.setParams({ W_x: [[net.wx]], W_h: [[net.wr]], b: [0], W_y: [[net.wy]], b_y: [0] });
    this.model.setState({ h: [net.h0] });
  }

  private sequence(net: ScalarNet) {
    const T = net.x.length;
    return { inputs: net.x.map((v) => [v]), targets: net.x.map((_, k) => (k === T - 1 ? [net.target] : null)) };
  }

  /** Forward and full backward pass on the engine, with the per-node values derived from it. */
  pass(net: ScalarNet): BpttPass {
    const T = net.x.length;
    if (T < 1 || T > MAX_T) throw new RangeError(`T must be from 1 to ${MAX_T}, got ${T}`);
    this.load(net);
    const fwd = this.model.forward(this.sequence(net));
    const g = this.model.backward();
    const norms = this.model.stepGradNorms();
    const h = [this.model.getState().h[0], ...fwd.hidden.map((r) => r[0])];
    const y = fwd.outputs[T - 1][0];
    const p = chainRule(net, h, y);
    const engine = {
      wr: g.W_h[0][0], wx: g.W_x[0][0], wy: g.W_y[0][0], h0: g.h0[0],
      dhNorm: [Math.abs(g.h0[0]), ...Array.from(norms)],
    };
    const dhScale = Math.max(1e-30, ...p.dh.map(Math.abs));
    const sumScale = Math.max(1e-30, Math.abs(p.sums.wr), Math.abs(p.sums.wx), Math.abs(p.sums.wy));
    const check = {
      dh: Math.max(...p.dh.map((v, k) => Math.abs(Math.abs(v) - engine.dhNorm[k]))) / dhScale,
      sums: Math.max(Math.abs(p.sums.wr - engine.wr), Math.abs(p.sums.wx - engine.wx), Math.abs(p.sums.wy - engine.wy)) / sumScale,
    };
    return { T, x: [...net.x], h, y, target: net.target, loss: fwd.loss, dh: p.dh, e: p.e, contributions: p.contributions, engine, check };
  }

  /**
   * `steps` rounds of forward, backward and w ← w − lr·∂L/∂w on the engine (plain SGD, no
   * clipping, biases held at 0). Returns the updated net and the loss before each update.
   */
  train(net: ScalarNet, lr: number, steps: number): { net: ScalarNet; losses: number[]; diverged: boolean } {
    this.load(net);
    const seq = this.sequence(net), losses: number[] = [];
    let diverged = false;
    for (let i = 0; i < steps; i++) {
      this.model.setState({ h: [net.h0] }); // each round starts from h[0]; trainChunk carries the state otherwise
      const r = this.model.trainChunk(seq, { optimizer: { kind: "sgd", lr }, clip: { mode: "none" }, freeze: ["b", "b_y"] });
      if (r.diverged) { diverged = true; break; }
      losses.push(r.loss);
    }
    const p = this.model.getParams();
    return { net: { ...net, x: [...net.x], wr: p.W_h[0][0], wx: p.W_x[0][0], wy: p.W_y[0][0] }, losses, diverged };
  }

  dispose(): void { this.model.dispose(); }
}

/** The backward recursion from the forward values: ∂L/∂h[T] = (y − y*)·w_y, e[k] = ∂L/∂h[k]·(1 − h[k]²), ∂L/∂h[k−1] = e[k]·w_r. */
export function chainRule(net: ScalarNet, h: readonly number[], y: number) {
  const T = net.x.length;
  const dh = new Array<number>(T + 1).fill(0), e = new Array<number>(T + 1).fill(NaN);
  dh[T] = (y - net.target) * net.wy;
  const contributions: Contribution[] = [];
  let sr = 0, sx = 0;
  for (let k = T; k >= 1; k--) {
    e[k] = dh[k] * (1 - h[k] * h[k]);
    dh[k - 1] = e[k] * net.wr;
    const c = { k: k - 1, wr: e[k] * h[k - 1], wx: e[k] * net.x[k - 1] };
    sr += c.wr; sx += c.wx;
    contributions.push(c);
  }
  return { dh, e, contributions, sums: { wr: sr, wx: sx, wy: (y - net.target) * h[T] } };
}

/** L for a net, in float64 plain arithmetic: an implementation independent of the engine, for finite differences. */
export function scalarLoss(net: ScalarNet): number {
  let h = net.h0;
  for (const x of net.x) h = Math.tanh(net.wr * h + net.wx * x);
  const d = net.wy * h - net.target;
  return 0.5 * d * d;
}

export type Weight = "wr" | "wx" | "wy";

/** Central finite difference (L(w + ε) − L(w − ε)) / 2ε of the float64 loss. */
export function finiteDifference(net: ScalarNet, w: Weight, eps = 1e-6): number {
  return (scalarLoss({ ...net, [w]: net[w] + eps }) - scalarLoss({ ...net, [w]: net[w] - eps })) / (2 * eps);
}

/** The backward pass visits node T first and node 0 last: after `revealed` node steps, is node k shown? */
export function nodeRevealed(T: number, k: number, revealed: number): boolean {
  return T - k < revealed;
}

/** Gradient magnitude bands used to colour (and dash) the backward arrows. */
export type Band = "small" | "unit" | "large";
export const BAND_LIMITS = { small: 0.1, large: 10 } as const;
export function band(g: number): Band {
  const a = Math.abs(g);
  if (!(a >= BAND_LIMITS.small)) return "small";
  return a >= BAND_LIMITS.large ? "large" : "unit";
}

/** Keeps inputs the reader typed when T shrinks and grows again: a new T takes the first T of `kept`, then defaults. */
export function resizeInputs(kept: readonly number[], T: number): number[] {
  const d = defaultInputs(T);
  return Array.from({ length: T }, (_, k) => (k < kept.length ? kept[k] : d[k]));
}
