/**
 * A 2-D state-space system h[k+1] = A h[k] + B x[k] (optionally wrapped in tanh),
 * y[k] = Cᵀ h[k], run on the engine; A built from a scaled rotation, four free entries
 * or a random matrix rescaled to a chosen spectral radius; and the facts read from
 * A's eigenvalues (stability, oscillation, defective blocks, the echo state property).
 */
import type { Engine } from "../bindings/engine.js";
import { rescaleToSpectralRadius } from "../bindings/linalg.js";
import { Rng } from "../bindings/prng.js";
import { formatComplex, halvingSteps, regime, simulate, spectrum, type Spectrum } from "./linear-systems.js";
import { fmt } from "../bindings/format.js";

export type Mat2 = [[number, number], [number, number]];
export type Vec2 = [number, number];
export type AMode = "rotation" | "free" | "random";
export type SignalKind = "step" | "impulse" | "alternating" | "square";

export const A_MODES: readonly AMode[] = ["rotation", "free", "random"];
export const SIGNALS: readonly SignalKind[] = ["step", "impulse", "alternating", "square"];
/** x[0..INPUT_STEPS−1] is the editable input; after it x is held at its last value. */
export const INPUT_STEPS = 21;
/** The trajectory covers k = 0..TRAJECTORY_STEPS. */
export const TRAJECTORY_STEPS = 50;
/** Plots clamp |h| and |y| here so one exploding value cannot flatten the rest; the math is not clamped. */
export const DISPLAY_CLAMP = 15;
export const SQUARE_HALF_PERIOD = 4;

/** α·R(θ): rotate by θ radians, scale by α. */
export function rotation(alpha: number, theta: number): Mat2 {
  const c = Math.cos(theta), s = Math.sin(theta);
  return [[alpha * c, -alpha * s], [alpha * s, alpha * c]];
}

/** A random 2×2 matrix (Gaussian entries from `seed`) rescaled so that ρ(A) = rho. */
export function randomA(rho: number, seed: number): Mat2 {
  const rng = new Rng(seed);
  const a = Float64Array.from({ length: 4 }, () => rng.gaussian());
  const r = rescaleToSpectralRadius(a, 2, rho);
  return [[r[0], r[1]], [r[2], r[3]]];
}

export interface Preset {
  name: string;
  label: string;
  A: Mat2;
  B: Vec2;
  C: Vec2;
  /** where the preset comes from, e.g. "α·R(θ) with α = 0.95, θ = π/6" */
  about: string;
}

/** Named systems, each defined by its matrices; what they do is read from their eigenvalues at run time. */
export const PRESETS: readonly Preset[] = [
  { name: "oscillatory", label: "Oscillatory", A: rotation(0.95, Math.PI / 6), B: [1, 0], C: [1, 0], about: "α·R(θ) with α = 0.95, θ = π/6" },
  { name: "decaying", label: "Decaying", A: [[0.7, 0.2], [0.1, 0.5]], B: [1, 1], C: [1, 1], about: "positive entries, no rotation" },
  { name: "jordan", label: "Jordan block", A: [[0.9, 1], [0, 0.9]], B: [0, 1], C: [1, 0], about: "λ on the diagonal, 1 above it" },
  { name: "shear", label: "Shear", A: [[1, 0.5], [0, 1]], B: [1, 1], C: [1, 0], about: "identity plus a shear of 0.5" },
  { name: "double-integrator", label: "Double integrator", A: [[1, 1], [0, 1]], B: [0, 1], C: [1, 0], about: "h₂ is a velocity, h₁ its running sum (position)" },
  { name: "unstable", label: "Unstable", A: rotation(1.08, Math.PI / 10), B: [1, 0], C: [1, 0], about: "α·R(θ) with α = 1.08, θ = π/10" },
];

/** What the view starts with: the oscillatory preset driven by a step; random A (when chosen) at ρ = 0.9, seed 1. */
export const DEFAULT_STATE_SPACE = { preset: "oscillatory", signal: "step" as SignalKind, tanh: false, rho: 0.9, seed: 1 };

export function presetByName(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

/** Input x[0..INPUT_STEPS−1] for a named signal. */
export function signal(kind: SignalKind, n = INPUT_STEPS): number[] {
  return Array.from({ length: n }, (_, k) => {
    switch (kind) {
      case "step": return 1;
      case "impulse": return k === 0 ? 1 : 0;
      case "alternating": return k % 2;
      case "square": return Math.floor(k / SQUARE_HALF_PERIOD) % 2 === 0 ? 1 : 0;
    }
  });
}

/** The input extended to k = 0..steps−1, held at its last value after it ends. */
export function heldInput(x: readonly number[], steps = TRAJECTORY_STEPS): number[] {
  return Array.from({ length: steps }, (_, k) => x[Math.min(k, x.length - 1)]);
}

export interface StateSpaceRun {
  /** x[0..50]: the editable input then the held value */
  x: number[];
  /** h[0..50] as (h₁, h₂), h[0] = 0 */
  h: Vec2[];
  /** y[k] = Cᵀh[k], k = 0..50 */
  y: number[];
  spectrum: Spectrum;
  /** ‖h_a[50] − h_b[50]‖ for the same input from h[0] = 0 and from h[0] = (1, 1): the measured forgetting */
  forgetting: { from: Vec2; distance0: number; distance: number };
}

export function runStateSpace(engine: Engine, A: Mat2, B: Vec2, C: Vec2, x: readonly number[], useTanh: boolean): StateSpaceRun {
  const sys = { A, B, C, activation: useTanh ? "tanh" : "linear" } as const;
  const xs = heldInput(x, TRAJECTORY_STEPS + 1); // x[50] is shown beside h[50] but never enters the state
  const a = simulate(engine, sys, xs.slice(0, TRAJECTORY_STEPS));
  const from: Vec2 = [1, 1];
  const b = simulate(engine, sys, xs.slice(0, TRAJECTORY_STEPS), from);
  const h = a.h.map((v) => [v[0], v[1]] as Vec2);
  // y[k] = Cᵀh[k]: y[0] uses the initial state, y[k+1] is the engine's output after x[k]
  const y = [C[0] * h[0][0] + C[1] * h[0][1], ...a.out];
  const last = a.h.length - 1;
  const distance = Math.hypot(a.h[last][0] - b.h[last][0], a.h[last][1] - b.h[last][1]);
  return { x: xs, h, y, spectrum: spectrum(A), forgetting: { from, distance0: Math.hypot(...from), distance } };
}

/** What A does to the state, read from its eigenvalues (tolerances absorb rounding in the QR iteration). */
export function describeDynamics(A: Mat2, s: Spectrum): string {
  const [l1, l2] = s.values;
  const tol = 1e-7 * Math.max(1, s.rho);
  const parts: string[] = [];
  if (Math.abs(l1.im) > tol) {
    const period = (2 * Math.PI) / Math.abs(Math.atan2(l1.im, l1.re));
    parts.push(`A complex pair λ = ${formatComplex(l1)}, ${formatComplex(l2)}: the state rotates by ${fmt(Math.abs(Math.atan2(l1.im, l1.re)), 3)} rad per step (a full turn every ${fmt(period, 1)} steps)`);
    parts.push(scaleSentence(l1.abs));
  } else {
    const repeated = Math.abs(l1.re - l2.re) <= 1e-6 * Math.max(1, s.rho);
    if (repeated) {
      const lam = (l1.re + l2.re) / 2;
      const defective = Math.abs(A[0][1]) + Math.abs(A[1][0]) + Math.abs(A[0][0] - lam) + Math.abs(A[1][1] - lam) > 1e-6 * Math.max(1, s.rho);
      parts.push(`A repeated real eigenvalue λ = ${fmt(lam)}${defective
        ? " with only one eigenvector (a Jordan block): besides the factor λᵏ there is a term growing like k·λᵏ⁻¹, so the state can grow for a while"
          + (Math.abs(Math.abs(lam) - 1) < 1e-6 ? ", and at |λ| = 1 it keeps growing linearly for ever" : Math.abs(lam) < 1 ? " before it decays" : "")
        : ": A scales every direction by the same factor"}`);
      parts.push(scaleSentence(Math.abs(lam)));
    } else {
      parts.push(`Two real eigenvalues λ₁ = ${fmt(l1.re)}, λ₂ = ${fmt(l2.re)}: the state moves along two fixed directions (the eigenvectors), each scaled by its λ every step${l1.re < 0 || l2.re < 0 ? "; a negative λ flips sign each step" : ""}`);
      parts.push(scaleSentence(s.rho));
    }
  }
  return parts.join(". ") + ".";
}

function scaleSentence(m: number): string {
  if (m < 1e-12) return `|λ| = 0: A wipes out any starting state within two steps, leaving only the recent inputs`;
  const r = regime(m);
  if (r === "marginal") return `|λ| = 1: that mode neither decays nor grows`;
  const n = halvingSteps(m);
  return r === "decays"
    ? `|λ| = ${fmt(m)} < 1: that mode shrinks by half about every ${fmt(n, 1)} steps`
    : `|λ| = ${fmt(m)} > 1: that mode doubles about every ${fmt(n, 1)} steps`;
}

/** The echo state property for the current A, stated from the computed ρ and ‖A‖₂. */
export function echoStateStatement(s: Spectrum, useTanh: boolean): string {
  const r = regime(s.rho);
  if (!useTanh) {
    if (r === "decays") return `ρ(A) = ${fmt(s.rho)} < 1, so this linear system has the echo state property: any initial state is forgotten (its effect shrinks like ${fmt(s.rho)}ᵏ) and h ends up a function of the recent inputs alone.`;
    if (r === "marginal") return `ρ(A) = ${fmt(s.rho)} = 1: the initial state is never forgotten, but it does not grow either. Memory is unlimited but fragile, and the echo state property does not hold.`;
    return `ρ(A) = ${fmt(s.rho)} > 1: the initial state is amplified every step and soon dominates h, so the echo state property is lost.`;
  }
  if (s.sigmaMax < 1) return `With tanh, ‖A‖₂ = ${fmt(s.sigmaMax)} < 1 guarantees the echo state property (tanh never stretches distances, so every step contracts them). ρ(A) = ${fmt(s.rho)}.`;
  if (r === "decays") return `With tanh, ρ(A) = ${fmt(s.rho)} < 1, the usual recipe for an echo state network; the guarantee needs ‖A‖₂ < 1 and here ‖A‖₂ = ${fmt(s.sigmaMax)}, so forgetting is likely but not guaranteed. The measured distance below tells.`;
  return `With tanh, ρ(A) = ${fmt(s.rho)} ≥ 1: h stays in (−1, 1), but with little input the zero state is unstable, different starting states can settle into different patterns, and the echo state property can fail (strong inputs, which saturate tanh, may restore it). The measured distance below tells.`;
}

export interface Histogram { lo: number; hi: number; counts: number[] }

/** Counts of the finite values in `bins` equal bins over [lo, hi]; values outside go to the end bins. */
export function histogram(values: readonly number[], lo: number, hi: number, bins: number): Histogram {
  const counts = new Array<number>(bins).fill(0), w = (hi - lo) / bins;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / w)))]++;
  }
  return { lo, hi, counts };
}

/** Clamps a value for plotting only (see DISPLAY_CLAMP); non-finite values go to the clamp with their sign. */
export function displayValue(v: number, clamp = DISPLAY_CLAMP): number {
  if (Number.isNaN(v)) return 0;
  return Math.max(-clamp, Math.min(clamp, v));
}

export interface Separation {
  /** per input signal: the mean state over k = 0..50 and the RMS distance of the states from it */
  signals: Array<{ kind: SignalKind; centroid: Vec2; spread: number }>;
  /** mean distance between the centroids of the four signals */
  meanDistance: number;
  /** mean spread of the four trajectories */
  meanSpread: number;
  /** meanDistance / meanSpread: above 1 the inputs drive the state to places farther apart than each trajectory wanders */
  ratio: number;
}

/**
 * How far apart the four standard inputs drive the state: a rough measure of how well a
 * linear read-out could tell the input histories apart from the states alone.
 */
export function separation(engine: Engine, A: Mat2, B: Vec2, C: Vec2, useTanh: boolean): Separation {
  const signals = SIGNALS.map((kind) => {
    const h = runStateSpace(engine, A, B, C, signal(kind), useTanh).h;
    const centroid: Vec2 = [0, 1].map((i) => h.reduce((s, v) => s + v[i], 0) / h.length) as Vec2;
    const spread = Math.sqrt(h.reduce((s, v) => s + (v[0] - centroid[0]) ** 2 + (v[1] - centroid[1]) ** 2, 0) / h.length);
    return { kind, centroid, spread };
  });
  let sum = 0, pairs = 0;
  for (let i = 0; i < signals.length; i++) for (let j = i + 1; j < signals.length; j++) {
    sum += Math.hypot(signals[i].centroid[0] - signals[j].centroid[0], signals[i].centroid[1] - signals[j].centroid[1]);
    pairs++;
  }
  const meanDistance = sum / pairs, meanSpread = signals.reduce((s, v) => s + v.spread, 0) / signals.length;
  return { signals, meanDistance, meanSpread, ratio: meanDistance / meanSpread };
}
