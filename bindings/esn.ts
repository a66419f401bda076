/**
 * Echo state network: a fixed random reservoir driven by the input, and a linear
 * readout fitted in closed form (ridge regression) on the states it visits.
 *   x_t = (1 − a) x_{t−1} + a tanh(W_in u_t + W x_{t−1}),   y_t = W_out [x_t; u_t; 1]
 * W is scaled to spectral radius ρ; a is the leak rate.
 */
import { rescaleToSpectralRadius, ridge } from "./linalg.js";
import { Rng } from "./prng.js";
import { fail, finiteVector, intInRange, numInRange } from "./validate.js";

export interface EsnConfig {
  size: number;
  inputSize: number;
  outputSize: number;
  spectralRadius: number;
  inputScaling: number;
  leakRate: number;
  /** fraction of non-zero reservoir weights */
  density: number;
  seed: number;
}

export const DEFAULT_ESN: Omit<EsnConfig, "inputSize" | "outputSize"> = {
  size: 100, spectralRadius: 0.9, inputScaling: 1, leakRate: 1, density: 0.1, seed: 1,
};

export class EchoStateNetwork {
  readonly config: EsnConfig;
  readonly W: Float64Array;
  readonly Win: Float64Array;
  /** readout, (size + inputSize + 1) × outputSize; null until fit */
  Wout: Float64Array | null = null;
  private state: Float64Array;

  constructor(options: Partial<EsnConfig> & Pick<EsnConfig, "inputSize" | "outputSize">) {
    const c = { ...DEFAULT_ESN, ...options };
    this.config = {
      size: intInRange("size", c.size, 1, 2000),
      inputSize: intInRange("inputSize", c.inputSize, 1, 1000),
      outputSize: intInRange("outputSize", c.outputSize, 1, 1000),
      spectralRadius: numInRange("spectralRadius", c.spectralRadius, 0, 10),
      inputScaling: numInRange("inputScaling", c.inputScaling, 0, 100),
      leakRate: numInRange("leakRate", c.leakRate, 0, 1, { lo: true }),
      density: numInRange("density", c.density, 0, 1, { lo: true }),
      seed: intInRange("seed", c.seed, 0, 0xffffffff),
    };
    const { size: N, inputSize: I } = this.config;
    const rng = new Rng(this.config.seed);
    const raw = new Float64Array(N * N);
    for (let k = 0; k < raw.length; k++) if (rng.next() < this.config.density) raw[k] = rng.next() * 2 - 1;
    this.W = rescaleToSpectralRadius(raw, N, this.config.spectralRadius);
    this.Win = new Float64Array(N * I);
    for (let k = 0; k < this.Win.length; k++) this.Win[k] = (rng.next() * 2 - 1) * this.config.inputScaling;
    this.state = new Float64Array(N);
  }

  reset(): void { this.state.fill(0); }

  /** Drives the reservoir with T inputs; returns the T × size states (row-major). */
  run(inputs: ArrayLike<ArrayLike<number>>): Float64Array {
    const { size: N, inputSize: I, leakRate: a } = this.config;
    const T = inputs.length, states = new Float64Array(T * N), x = this.state, pre = new Float64Array(N);
    for (let t = 0; t < T; t++) {
      const u = finiteVector(`inputs[${t}]`, inputs[t], I);
      for (let i = 0; i < N; i++) {
        let s = 0;
        const wr = i * N;
        for (let j = 0; j < N; j++) s += this.W[wr + j] * x[j];
        for (let j = 0; j < I; j++) s += this.Win[i * I + j] * u[j];
        pre[i] = s;
      }
      for (let i = 0; i < N; i++) x[i] = (1 - a) * x[i] + a * Math.tanh(pre[i]);
      states.set(x, t * N);
    }
    return states;
  }

  /** Design matrix rows [x_t, u_t, 1] for the readout. */
  private features(states: Float64Array, inputs: ArrayLike<ArrayLike<number>>, from: number): { X: Float64Array; rows: number; cols: number } {
    const { size: N, inputSize: I } = this.config, T = inputs.length, cols = N + I + 1, rows = T - from;
    const X = new Float64Array(rows * cols);
    for (let t = from; t < T; t++) {
      const r = (t - from) * cols;
      X.set(states.subarray(t * N, (t + 1) * N), r);
      for (let j = 0; j < I; j++) X[r + N + j] = inputs[t][j];
      X[r + N + I] = 1;
    }
    return { X, rows, cols };
  }

  /**
   * Runs the inputs from a zero state and fits the readout on the steps after the
   * washout; returns the training mean squared error.
   */
  fit(inputs: ArrayLike<ArrayLike<number>>, targets: ArrayLike<ArrayLike<number>>, opts: { ridge?: number; washout?: number } = {}): number {
    const O = this.config.outputSize, T = inputs.length;
    if (targets.length !== T) fail(`targets must have ${T} entries, got ${targets.length}`);
    const washout = intInRange("washout", opts.washout ?? Math.min(100, Math.floor(T / 10)), 0, T - 2);
    const lambda = numInRange("ridge", opts.ridge ?? 1e-6, 0, 1e6);
    this.reset();
    const states = this.run(inputs);
    const { X, rows, cols } = this.features(states, inputs, washout);
    const Y = new Float64Array(rows * O);
    for (let t = washout; t < T; t++) Y.set(finiteVector(`targets[${t}]`, targets[t], O), (t - washout) * O);
    this.Wout = ridge(X, rows, cols, Y, O, lambda);
    return meanSquaredError(this.readout(X, rows, cols), Y);
  }

  /** Continues from the current state and returns T × outputSize predictions. */
  predict(inputs: ArrayLike<ArrayLike<number>>): Float64Array {
    if (!this.Wout) fail("predict needs fit first");
    const states = this.run(inputs);
    const { X, rows, cols } = this.features(states, inputs, 0);
    return this.readout(X, rows, cols);
  }

  private readout(X: Float64Array, rows: number, cols: number): Float64Array {
    const O = this.config.outputSize, W = this.Wout!, Y = new Float64Array(rows * O);
    for (let r = 0; r < rows; r++)
      for (let o = 0; o < O; o++) {
        let s = 0;
        for (let c = 0; c < cols; c++) s += X[r * cols + c] * W[c * O + o];
        Y[r * O + o] = s;
      }
    return Y;
  }
}

export function meanSquaredError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k] - b[k]) ** 2;
  return s / Math.max(1, a.length);
}

/**
 * Memory capacity (Jaeger): Σ_k r²(u_{t−k}, ŷ_k(t)) over delays k = 1..maxDelay, where
 * ŷ_k is a readout fitted to recall the input k steps back. Inputs are i.i.d. uniform
 * in [−0.5, 0.5]; returns the total and the per-delay r² curve.
 */
export function memoryCapacity(config: Omit<Partial<EsnConfig>, "inputSize" | "outputSize">, opts: { maxDelay?: number; length?: number; seed?: number } = {}): { total: number; perDelay: number[] } {
  const maxDelay = intInRange("maxDelay", opts.maxDelay ?? 40, 1, 500);
  const T = intInRange("length", opts.length ?? 2000, maxDelay + 200, 100_000);
  const rng = new Rng(opts.seed ?? 7);
  const u = Array.from({ length: T }, () => [rng.next() - 0.5]);
  const esn = new EchoStateNetwork({ ...config, inputSize: 1, outputSize: maxDelay });
  const targets = u.map((_, t) => Array.from({ length: maxDelay }, (_, k) => (t - k - 1 >= 0 ? u[t - k - 1][0] : 0)));
  const washout = Math.max(100, maxDelay);
  const split = Math.floor(T * 0.7);
  esn.fit(u.slice(0, split), targets.slice(0, split), { washout, ridge: 1e-8 });
  const pred = esn.predict(u.slice(split));
  const perDelay: number[] = [];
  for (let k = 0; k < maxDelay; k++) {
    const y = [], z = [];
    for (let t = 0; t < T - split; t++) { y.push(pred[t * maxDelay + k]); z.push(targets[split + t][k]); }
    perDelay.push(squaredCorrelation(y, z));
  }
  return { total: perDelay.reduce((a, b) => a + b, 0), perDelay };
}

export function squaredCorrelation(a: number[], b: number[]): number {
  const n = a.length, ma = a.reduce((s, x) => s + x, 0) / n, mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let k = 0; k < n; k++) { const da = a[k] - ma, db = b[k] - mb; sab += da * db; saa += da * da; sbb += db * db; }
  return saa > 0 && sbb > 0 ? (sab * sab) / (saa * sbb) : 0;
}
