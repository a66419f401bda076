/**
 * The shift register with its output fed back into the first cell:
 * r₀[k] = x[k] + a·y[k−1]. The loop turns the finite response of the register into an
 * infinite one, and the eigenvalues of A = S + a·e₁wᵀ decide whether an impulse echoes
 * for ever, dies out, or grows.
 */
import type { Engine } from "../bindings/engine.js";
import { halvingSteps, regime, spectrum, type Regime, type Spectrum } from "./linear-systems.js";
import { fmt } from "../bindings/format.js";
import { registerSystem, runRegister, type RegisterRun } from "./shift-register.js";

export const MAX_FEEDBACK = 2;

/** What the view starts with: one impulse, taps adding up to 1, and a loop gain a just below 1. */
export const DEFAULT_FEEDBACK = { inputs: Array.from({ length: 30 }, (_, k) => (k === 0 ? 1 : 0)), taps: [0.5, 0.3, 0.2], feedback: 0.9 };

export interface FeedbackRun extends RegisterRun {
  /** the loop's state matrix A = S + a·e₁wᵀ */
  A: number[][];
  spectrum: Spectrum;
  regime: Regime;
  /** the impulse response of the loop (input 1 at k = 0, then 0), over the same length */
  impulse: number[];
}

export function runFeedback(engine: Engine, x: readonly number[], taps: readonly number[], feedback: number): FeedbackRun {
  const A = registerSystem(taps, feedback).A;
  const s = spectrum(A);
  const run = runRegister(engine, x, taps, feedback);
  const impulse = runRegister(engine, x.map((_, k) => (k === 0 ? 1 : 0)), taps, feedback).y;
  return { ...run, A, spectrum: s, regime: regime(s.rho), impulse };
}

/** One or two sentences on the fate of an impulse, read from ρ and the measured response. */
export function describeEcho(run: FeedbackRun): string {
  const { rho } = run.spectrum;
  const n = run.impulse.length, last = run.impulse[n - 1];
  const peak = Math.max(...run.impulse.map(Math.abs));
  const measured = `Measured: the impulse response is ${fmt(last)} at k = ${n - 1} (largest |y| ${fmt(peak)}).`;
  if (rho === 0) return `ρ(A) = 0: the loop adds nothing, an impulse leaves the register after ${run.A.length} steps. ${measured}`;
  const half = halvingSteps(rho);
  if (run.regime === "decays") return `ρ(A) = ${fmt(rho)} < 1: an impulse dies out, shrinking by about half every ${fmt(half, 1)} steps. ${measured}`;
  if (run.regime === "grows") return `ρ(A) = ${fmt(rho)} > 1: an impulse grows without bound, doubling about every ${fmt(half, 1)} steps. ${measured}`;
  return `ρ(A) = ${fmt(rho)} = 1: an impulse echoes for ever, neither dying out nor growing. ${measured}`;
}
