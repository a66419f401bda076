/**
 * The guides of lessons 2–4 and the sequence lab predict what the reader will see when
 * they try something ("press … and the echo never ends"). Each prediction is run here as
 * the reader would set it up, so a guide sentence that stops being true fails a test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../bindings/engine.js";
import { runFeedback, DEFAULT_FEEDBACK } from "../lessons/feedback.js";
import { DEFAULT_REGISTER, runRegister } from "../lessons/shift-register.js";
import { presetByName, runStateSpace, signal } from "../lessons/state-space.js";
import { defaultInputs, ScalarRnn, DEFAULT_NET } from "../lessons/bptt.js";
import { buildProblem, labModel, readSequence, SEQUENCE_LAB_DEFAULTS as D, traceForward } from "../lessons/sequence-lab.js";

let engine: Engine;
beforeAll(async () => { engine = await createEngine("wasm"); });
const impulse = (n = 30) => Array.from({ length: n }, (_, k) => (k === 0 ? 1 : 0));

describe("shift-register guide", () => {
  const n = DEFAULT_REGISTER.inputs.length;
  it("Impulse, then k = 0…3: the output reads out the taps one after another, then falls to 0", () => {
    const y = runRegister(engine, impulse(n), DEFAULT_REGISTER.taps).y;
    expect(y.slice(0, 4).map((v) => Number(v.toFixed(6)))).toEqual([...DEFAULT_REGISTER.taps, 0]);
  });
  it("taps 0.33 each with all 1s: the output climbs over three steps and then stays put", () => {
    const y = runRegister(engine, new Array(n).fill(1), [0.33, 0.33, 0.33]).y;
    expect(y[0]).toBeLessThan(y[1]);
    expect(y[1]).toBeLessThan(y[2]);
    for (let k = 3; k < n; k++) expect(y[k]).toBeCloseTo(y[2], 6);
  });
  it("taps 1, −1, 0: zero where the input holds still, and Alternating ±1 comes out doubled", () => {
    const held = runRegister(engine, [0, 0, 1, 1, 1, 0, 0], [1, -1, 0]).y;
    expect(held.map((v) => Math.round(v))).toEqual([0, 0, 1, 0, 0, -1, 0]);
    const alt = Array.from({ length: n }, (_, k) => (k % 2 ? -1 : 1));
    const y = runRegister(engine, alt, [1, -1, 0]).y;
    for (let k = 1; k < n; k++) expect(y[k]).toBeCloseTo(2 * alt[k], 6);
  });
});

describe("feedback guide", () => {
  it("a = 1 with taps 1, 0, 0: the impulse comes back every step, unchanged", () => {
    const r = runFeedback(engine, impulse(), [1, 0, 0], 1);
    expect(r.spectrum.rho).toBeCloseTo(1, 6);
    expect(r.y.every((v) => Math.abs(v - 1) < 1e-6)).toBe(true);
  });
  it("a = 0.8 shrinks the echo by 0.8 per step, a = 1.1 makes it grow, a negative a flips its sign", () => {
    const d = runFeedback(engine, impulse(), [1, 0, 0], 0.8).y;
    for (let k = 1; k < 20; k++) expect(d[k] / d[k - 1]).toBeCloseTo(0.8, 5);
    const g = runFeedback(engine, impulse(), [1, 0, 0], 1.1).y;
    expect(g[29]).toBeGreaterThan(g[0] * 10);
    const n = runFeedback(engine, impulse(), [1, 0, 0], -0.8).y;
    for (let k = 1; k < 20; k++) expect(Math.sign(n[k])).toBe(-Math.sign(n[k - 1]));
  });
  it("the default taps with a = 1 settle at a constant instead of echoing a copy", () => {
    const y = runFeedback(engine, impulse(60), DEFAULT_FEEDBACK.taps, 1).y;
    expect(Math.abs(y[59] - y[58])).toBeLessThan(1e-4);
    expect(y[59]).toBeGreaterThan(0.1);
    expect(y[59]).toBeLessThan(0.9);
  });
  it("a second input: with a < 1 the newer one leaves the larger trace, with a > 1 the older one does", () => {
    const two = (a: number) => {
      const only = (j: number) => runFeedback(engine, impulse(30).map((_, k) => (k === j ? 1 : 0)), [1, 0, 0], a).y;
      const old = only(0), young = only(5);
      return Math.abs(young[29]) / Math.abs(old[29]);
    };
    expect(two(0.8)).toBeGreaterThan(1);
    expect(two(1.1)).toBeLessThan(1);
  });
});

describe("state-space guide", () => {
  const run = (name: string, sig: "impulse" | "step", tanh = false) => {
    const p = presetByName(name)!;
    return runStateSpace(engine, p.A, p.B, p.C, signal(sig), tanh);
  };
  const norms = (r: ReturnType<typeof run>) => r.h.map((v) => Math.hypot(v[0], v[1]));
  it("Jordan block: ρ = 0.9, yet after the impulse the state first grows, then decays; ‖A‖₂ > 1 warns of it", () => {
    const r = run("jordan", "impulse"), n = norms(r), peak = n.indexOf(Math.max(...n));
    expect(r.spectrum.rho).toBeCloseTo(0.9, 6);
    expect(r.spectrum.sigmaMax).toBeGreaterThan(1);
    expect(peak).toBeGreaterThan(2);
    expect(n[n.length - 1]).toBeLessThan(n[peak] / 2);
  });
  it("Unstable with tanh: the state stays inside (−1, 1) and does not spiral out; with the step it settles", () => {
    const imp = run("unstable", "impulse", true);
    expect(imp.h.flat().every((v) => Math.abs(v) < 1)).toBe(true);
    const n = norms(imp).slice(25);
    expect(Math.min(...n)).toBeGreaterThan(0.1); // it keeps circling rather than dying out …
    expect(Math.max(...n) - Math.min(...n)).toBeLessThan(0.2); // … at a nearly constant radius
    const step = run("unstable", "step", true).h;
    const a = step[step.length - 1], b = step[step.length - 2];
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeLessThan(1e-3);
  });
  it("Double integrator with a step: h₂ counts the steps and h₁ grows like k²/2", () => {
    const h = run("double-integrator", "step").h;
    for (const k of [10, 20, 40]) {
      expect(h[k][1]).toBeCloseTo(k, 4);
      expect(h[k][0] / (k * k / 2)).toBeGreaterThan(0.85);
      expect(h[k][0] / (k * k / 2)).toBeLessThan(1.01);
    }
  });
});

describe("BPTT guide", () => {
  const dh = (wr: number, wx: number) => {
    const rnn = new ScalarRnn(engine);
    try { return rnn.pass({ ...DEFAULT_NET, wr, wx, x: defaultInputs(50) }).dh.map(Math.abs); } finally { rnn.dispose(); }
  };
  it("T = 50, w_r = 0.5: |∂L/∂h[k]| falls by at least half per step back", () => {
    const g = dh(0.5, DEFAULT_NET.wx);
    for (let k = 0; k < 50; k++) expect(g[k]).toBeLessThanOrEqual(g[k + 1] * 0.5 + 1e-30);
  });
  it("w_r = 1.5, w_x = 0: the state stays at 0 and the gradient grows 1.5× per step back; w_x = 0.05 turns it into vanishing", () => {
    const g = dh(1.5, 0);
    for (let k = 0; k < 50; k++) expect(g[k] / g[k + 1]).toBeCloseTo(1.5, 4);
    const v = dh(1.5, 0.05);
    expect(v[0]).toBeLessThan(v[50] * 1e-2);
  });
});

describe("sequence-lab guide", () => {
  const health = (wh: number) => {
    const p = buildProblem((readSequence(D.sequence, D.length) as { values: number[] }).values, D.scaling);
    const s = { activation: "linear" as const, hiddenSize: 1, seed: 1 };
    const m = labModel(engine, s, p, { W_x: [[1]], W_h: [[wh]], b: [0], W_y: [[1]], b_y: [0] });
    try { return traceForward(m, p); } finally { m.dispose(); }
  };
  it("linear with W_hidden = 1.5: a change in h₁ grows by half at every step, and the lab calls it exploding", () => {
    const r = health(1.5);
    expect(r.health.perStep).toBeCloseTo(1.5, 4);
    expect(r.health.kind).toBe("exploding");
  });
  it("W_hidden = 0.1: a change in h₁ is forgotten within a few steps", () => {
    const r = health(0.1);
    expect(r.health.kind).toBe("vanishing");
    expect(r.health.perStep ** 3).toBeLessThan(1e-2); // under 1% left after three steps
  });
});
