/**
 * Small recurrent systems h[k+1] = act(A h[k] + B x[k]), y = Cᵀ h, run on the engine
 * as a one-input, one-output RNN (W_h = A, W_x = B, W_y = Cᵀ, no biases), plus the
 * spectral facts the lessons read from A. Shared by the shift-register, feedback and
 * state-space lessons.
 */
import type { Engine } from "../bindings/engine.js";
import { eigenvalues, symmetricEigen } from "../bindings/linalg.js";
import { fmt } from "../bindings/format.js";

export interface LinearSystem {
  /** n×n state matrix (row-major nested arrays) */
  A: number[][];
  /** input weights, length n */
  B: number[];
  /** output weights, length n */
  C: number[];
  /** "tanh" wraps the update; "linear" leaves it a linear map */
  activation: "linear" | "tanh";
}

export interface Simulation {
  /** h[0..T]: h[0] is the initial state, h[k+1] the state after input x[k] */
  h: number[][];
  /** out[k] = Cᵀ h[k+1], the engine's output after input x[k] */
  out: number[];
}

/**
 * Runs the system over `inputs` on the engine (float32), from `h0` (zeros by default).
 * Values may overflow to ±Infinity for unstable systems; they are returned as computed.
 */
export function simulate(engine: Engine, sys: LinearSystem, inputs: readonly number[], h0?: readonly number[]): Simulation {
  const n = sys.A.length, T = inputs.length;
  const model = engine.createModel({
    cell: "rnn", activation: sys.activation, loss: "mse",
    inputSize: 1, hiddenSize: n, outputSize: 1, maxSeqLen: Math.max(1, T), seed: 1,
  });
  try {
    model.setParams({ W_x: sys.B.map((b) => [b]), W_h: sys.A, b: new Array(n).fill(0), W_y: [sys.C], b_y: [0] });
    const start = h0 ? [...h0] : new Array(n).fill(0);
    model.setState({ h: start });
    const r = model.forward({ inputs: inputs.map((x) => [x]), targets: inputs.map(() => null) });
    // the engine's state is float32: report h[0] as the engine holds it
    return { h: [model.getState().h, ...r.hidden], out: r.outputs.map((o) => o[0]) };
  } finally {
    model.dispose();
  }
}

export interface Eigenvalue { re: number; im: number; abs: number }

export interface Spectrum {
  /** sorted by decreasing modulus; conjugate pairs adjacent */
  values: Eigenvalue[];
  /** spectral radius ρ(A) = max |λ| */
  rho: number;
  /** largest singular value σ_max(A) = ‖A‖₂ */
  sigmaMax: number;
}

/** Eigenvalues, ρ and ‖A‖₂ of a square matrix, in float64. */
export function spectrum(A: readonly (readonly number[])[]): Spectrum {
  const n = A.length, flat = A.flat();
  const { re, im } = eigenvalues(flat, n);
  const values = Array.from(re, (r, i) => ({ re: r, im: im[i], abs: Math.hypot(r, im[i]) }));
  // ‖A‖₂² is the largest eigenvalue of AᵀA
  const ata = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += A[k][i] * A[k][j];
    ata[i * n + j] = s;
  }
  const sigmaMax = Math.sqrt(Math.max(0, symmetricEigen(ata, n).values[0]));
  return { values, rho: Math.max(0, ...values.map((v) => v.abs)), sigmaMax };
}

/** Where ρ sits relative to 1, with a tolerance for values typed or rounded to ~1. */
export type Regime = "decays" | "marginal" | "grows";
export const MARGINAL_TOLERANCE = 1e-6;
export function regime(rho: number): Regime {
  if (rho < 1 - MARGINAL_TOLERANCE) return "decays";
  return rho > 1 + MARGINAL_TOLERANCE ? "grows" : "marginal";
}

/**
 * Steps for a mode of modulus ρ to shrink (or grow) by a factor 2: ln 2 / |ln ρ|.
 * Infinity at ρ = 1 or ρ = 0 has no meaning and gives 0 (gone in one step).
 */
export function halvingSteps(rho: number): number {
  if (rho === 0) return 0;
  const l = Math.abs(Math.log(rho));
  return l < 1e-12 ? Infinity : Math.LN2 / l;
}

/** A complex number for read-outs, "0.85 + 0.32i"; an imaginary part too small to show is left out. */
export function formatComplex(v: { re: number; im: number }, digits = 3): string {
  const re = fmt(v.re, digits), im = Math.abs(v.im) < 1e-9 * Math.max(1, Math.abs(v.re)) ? "" : `${v.im < 0 ? " − " : " + "}${fmt(Math.abs(v.im), digits)}i`;
  return re + im;
}
