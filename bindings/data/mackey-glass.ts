/**
 * Mackey-Glass delay differential equation, the standard chaotic benchmark
 * for reservoir computing:
 *   dx/dt = beta * x(t - tau) / (1 + x(t - tau)^n) - gamma * x(t)
 * With tau = 17 the attractor is chaotic. Integrated by forward Euler.
 */
import { Rng } from "../prng.js";
import { checkInt, checkNumber, checkOptions, checkSeed } from "./check.js";

export interface MackeyGlassOptions {
  /** delay, in time units (default 17) */
  tau?: number;
  beta?: number;
  gamma?: number;
  /** exponent (default 10) */
  n?: number;
  /** Euler step (default 0.1) */
  dt?: number;
  /** time between returned samples (default 1) */
  sampleStep?: number;
  /** samples discarded first so the output starts on the attractor, not in the transient (default 500) */
  burnIn?: number;
  /** perturbs the constant initial history, so seeds give different trajectories (default 1) */
  seed?: number;
  /** level of the initial history (default 1.2) */
  x0?: number;
}

export function mackeyGlass(length: number, opts?: MackeyGlassOptions): number[] {
  checkInt("length", length, 2, 100_000);
  const o = checkOptions("opts", opts);
  const tau = o.tau === undefined ? 17 : checkNumber("opts.tau", o.tau, 0.1, 1000);
  const beta = o.beta === undefined ? 0.2 : checkNumber("opts.beta", o.beta, 0, 10);
  const gamma = o.gamma === undefined ? 0.1 : checkNumber("opts.gamma", o.gamma, 0, 10);
  const n = o.n === undefined ? 10 : checkNumber("opts.n", o.n, 1, 50);
  const dt = o.dt === undefined ? 0.1 : checkNumber("opts.dt", o.dt, 0.001, 1);
  const sampleStep = o.sampleStep === undefined ? 1 : checkNumber("opts.sampleStep", o.sampleStep, dt, 100);
  const burnIn = o.burnIn === undefined ? 500 : checkInt("opts.burnIn", o.burnIn, 0, 100_000);
  const seed = o.seed === undefined ? 1 : checkSeed("opts.seed", o.seed);
  const x0 = o.x0 === undefined ? 1.2 : checkNumber("opts.x0", o.x0, 0.01, 10);

  const delaySteps = Math.max(1, Math.round(tau / dt));
  const stepsPerSample = Math.max(1, Math.round(sampleStep / dt));
  // Ring buffer of the last delaySteps + 1 states; history[head] is x(t - tau).
  const rng = new Rng(seed);
  const history = new Float64Array(delaySteps + 1);
  for (let i = 0; i < history.length; i++) history[i] = x0 + 0.1 * (rng.next() - 0.5);
  let head = 0;
  let x = history[delaySteps];

  const out: number[] = [];
  for (let s = 0; s < burnIn + length; s++) {
    for (let k = 0; k < stepsPerSample; k++) {
      const lagged = history[head];
      x += dt * ((beta * lagged) / (1 + lagged ** n) - gamma * x);
      history[head] = x; // the oldest slot becomes the newest
      head = (head + 1) % history.length;
    }
    if (s >= burnIn) out.push(x);
  }
  return out;
}
