/**
 * The claims of the first two lessons, on their default settings. The lessons are
 * deterministic; seeds 1–3 choose which input sample the reader changes, so each claim
 * is checked at three places in the default input rather than one.
 *  - Shift register: the memory is exactly as long as the register. Changing x[j] changes
 *    y[j], y[j+1], y[j+2] by the taps times the change, and no other output.
 *  - Feedback: feeding y back makes the memory unbounded but fading. With the default
 *    a = 0.9 a change at x[j] is still felt at the last step, shrinking per step at the
 *    rate ρ(A) predicts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../bindings/engine.js";
import { Rng } from "../bindings/prng.js";
import { DEFAULT_REGISTER, runRegister } from "../lessons/shift-register.js";
import { DEFAULT_FEEDBACK, runFeedback } from "../lessons/feedback.js";

let engine: Engine;
beforeAll(async () => { engine = await createEngine("wasm"); });

/** The default input with one sample changed, at a place and by an amount the seed picks. */
function perturbed(x: readonly number[], seed: number, room: number) {
  const rng = new Rng(seed), j = rng.int(x.length - room), delta = 0.5 + rng.next();
  return { j, delta, x: x.map((v, k) => (k === j ? v + delta : v)) };
}

describe("shift register default: the memory is exactly three steps long", () => {
  it.each([1, 2, 3])("seed %i", (seed) => {
    const { inputs, taps } = DEFAULT_REGISTER;
    const { j, delta, x } = perturbed(inputs, seed, 3);
    const a = runRegister(engine, inputs, taps).y, b = runRegister(engine, x, taps).y;
    const diff = b.map((v, k) => v - a[k]);
    diff.forEach((d, k) => {
      const lag = k - j;
      if (lag >= 0 && lag < 3) expect(d).toBeCloseTo(taps[lag] * delta, 5);
      else expect(Math.abs(d)).toBeLessThan(1e-6);
    });
  });
});

describe("feedback default: every input leaves a fading trace in all later outputs", () => {
  it.each([1, 2, 3])("seed %i", (seed) => {
    const { inputs, taps, feedback } = DEFAULT_FEEDBACK;
    const { j, x } = perturbed(inputs, seed, 12);
    const a = runFeedback(engine, inputs, taps, feedback), b = runFeedback(engine, x, taps, feedback);
    const diff = b.y.map((v, k) => Math.abs(v - a.y[k])), last = diff.length - 1;
    expect(a.regime).toBe("decays");
    // felt at every later step, far beyond the register's three cells …
    for (let k = j; k <= last; k++) expect(diff[k]).toBeGreaterThan(1e-4);
    // … and fading at the rate ρ(A) gives: over the last 8 steps the trace shrinks by ρ⁸ (within 10%)
    const rate = diff[last] / diff[last - 8];
    expect(rate).toBeLessThan(1);
    expect(Math.abs(Math.log(rate) - 8 * Math.log(a.spectrum.rho))).toBeLessThan(Math.log(1.1));
    // without the loop the same change is gone after three steps
    const open = runRegister(engine, x, taps).y.map((v, k) => Math.abs(v - runRegister(engine, inputs, taps).y[k]));
    expect(open.slice(j + 3).every((d) => d < 1e-6)).toBe(true);
  });
});
