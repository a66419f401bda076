/**
 * The claims of lessons 3 and 4, on their default settings.
 *  - State space: with ρ(A) < 1 the starting state is forgotten; the state becomes a
 *    function of the input alone (the echo state property). Seeds 1–3 pick the second
 *    starting state, and the random A the view offers at its default ρ.
 *  - BPTT: a weight used at every step gets the sum of one term per step as its gradient;
 *    that sum is the engine's gradient and the finite difference, and following it lowers
 *    the loss. Seeds 1–3 draw the inputs and target of further networks of the default shape.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../bindings/engine.js";
import { Rng } from "../bindings/prng.js";
import { simulate, type LinearSystem } from "../lessons/linear-systems.js";
import { DEFAULT_STATE_SPACE as S, heldInput, presetByName, randomA, runStateSpace, signal, TRAJECTORY_STEPS, type Mat2 } from "../lessons/state-space.js";
import { DEFAULT_NET, DEFAULT_TRAINING, finiteDifference, ScalarRnn, type ScalarNet } from "../lessons/bptt.js";

let engine: Engine;
beforeAll(async () => { engine = await createEngine("wasm"); });

/** ‖h_a[50] − h_b[50]‖ / ‖h_a[0] − h_b[0]‖ for the default input from h = 0 and from a seeded start. */
function forgotten(A: Mat2, seed: number) {
  const rng = new Rng(seed), from = [rng.next() * 4 - 2, rng.next() * 4 - 2];
  const sys: LinearSystem = { A, B: [1, 0], C: [1, 0], activation: S.tanh ? "tanh" : "linear" };
  const x = heldInput(signal(S.signal), TRAJECTORY_STEPS);
  const a = simulate(engine, sys, x), b = simulate(engine, sys, x, from);
  const d = (k: number) => Math.hypot(a.h[k][0] - b.h[k][0], a.h[k][1] - b.h[k][1]);
  return d(TRAJECTORY_STEPS) / d(0);
}

describe("state space default: with ρ(A) < 1 the starting state is forgotten", () => {
  it.each([1, 2, 3])("seed %i", (seed) => {
    const preset = presetByName(S.preset)!;
    const run = runStateSpace(engine, preset.A, preset.B, preset.C, signal(S.signal), S.tanh);
    expect(run.spectrum.rho).toBeLessThan(1);
    expect(run.forgetting.distance / run.forgetting.distance0).toBeLessThan(0.1);
    // a rotation keeps distances, so two starts approach each other exactly as ρᵏ
    const ratio = forgotten(preset.A, seed);
    expect(ratio).toBeCloseTo(run.spectrum.rho ** TRAJECTORY_STEPS, 3);
    // the random A the view offers at its default ρ forgets too
    const R = randomA(S.rho, seed);
    expect(forgotten(R, seed)).toBeLessThan(0.05);
  });
});

describe("BPTT default: the gradient is a sum over steps, it is the true gradient, and following it lowers the loss", () => {
  const nets = (seed: number): ScalarNet[] => {
    const rng = new Rng(seed);
    return [DEFAULT_NET, { ...DEFAULT_NET, x: DEFAULT_NET.x.map(() => Number((rng.next() * 2 - 1).toFixed(2))), target: Number((rng.next() * 2 - 1).toFixed(2)) }];
  };
  it.each([1, 2, 3])("seed %i", (seed) => {
    const rnn = new ScalarRnn(engine);
    try {
      for (const net of nets(seed)) {
        const p = rnn.pass(net);
        const rows = p.contributions.reduce((s, c) => ({ wr: s.wr + c.wr, wx: s.wx + c.wx }), { wr: 0, wx: 0 });
        expect(p.contributions).toHaveLength(net.x.length);
        expect(rows.wr).toBeCloseTo(p.engine.wr, 5);
        expect(rows.wx).toBeCloseTo(p.engine.wx, 5);
        expect(rows.wr).toBeCloseTo(finiteDifference(net, "wr"), 4);
        const t = rnn.train(net, DEFAULT_TRAINING.lr, DEFAULT_TRAINING.iterations);
        expect(t.diverged).toBe(false);
        expect(t.losses.at(-1)!).toBeLessThan(t.losses[0] / 10);
      }
    } finally { rnn.dispose(); }
  });
});
