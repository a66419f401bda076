import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createEngine, type Engine } from "../bindings/engine.js";
import { parseCase, runCase } from "../bindings/conformance.js";
import {
  agreement, checkCase, example, runOnEngine, traceExample, updateOnEngine, withParam, type ExampleName, type WorkedCase,
} from "../lessons/worked-example.js";
import {
  bpttStep, buildProblem, compareRuns, defaultParams, diagnose, evaluate, labModel, readSequence, toUnits, traceForward, trainBptt,
  type LabSettings, type Problem,
} from "../lessons/sequence-lab.js";
import { RandomSearch, searchRandom } from "../lessons/random-search.js";
import sequenceTrain from "../tasks/sequence-train.js";
import randomSearchTask from "../tasks/random-search.js";
import type { TaskContext } from "../bindings/worker/types.js";
import { Rng } from "../bindings/prng.js";
import { ACTIVATIONS } from "../bindings/types.js";
import { expectClose } from "./helpers.js";

const golden = (name: ExampleName) => JSON.parse(readFileSync(new URL(`./golden/worked-example-${name}.json`, import.meta.url), "utf8"));
const engines: Record<string, Promise<Engine>> = { wasm: createEngine("wasm"), ts: createEngine("ts") };
const wasm = () => engines.wasm;

describe("worked example", () => {
  describe.each(["h1", "h2"] as const)("golden case %s", (name) => {
    const g = golden(name), c = example(name);

    it("is the example the view starts from", () => {
      expect(c.params).toEqual(g.case.params);
      expect(c.tokens).toEqual(g.case.tokens);
      expect(c.targets).toEqual(g.case.targets);
      expect(checkCase(c)).toBeNull();
    });

    it("float64 trace reproduces every golden number", () => {
      const t = traceExample(c);
      expectClose(t.loss, g.expected.loss, "loss", 1e-12, 1e-14);
      expectClose(t.forward.map((s) => s.h), g.expected.hidden, "hidden", 1e-12, 1e-14);
      expectClose(t.forward.map((s) => s.y), g.expected.outputs, "outputs", 1e-12, 1e-14);
      for (const k of Object.keys(g.expected.grads)) expectClose((t.grads as unknown as Record<string, unknown>)[k], g.expected.grads[k], `grads.${k}`, 1e-12, 1e-14);
      // the per-step pieces add up to the totals
      expect(t.forward.reduce((s, f) => s + f.loss, 0)).toBeCloseTo(t.loss, 12);
      expectClose(t.backward[0].running, { W_x: t.grads.W_x, W_h: t.grads.W_h, b: t.grads.b, W_y: t.grads.W_y, b_y: t.grads.b_y }, "running sums", 1e-12, 1e-14);
      for (const f of t.forward) expect(f.p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    });

    it.each(["wasm", "ts"])("engine read-outs (%s) agree with golden and with runCase", async (kind) => {
      const e = await engines[kind];
      const r = runOnEngine(e, c), ref = runCase(e, parseCase(g.case));
      expectClose(r.loss, g.expected.loss, "loss");
      expectClose(r.hidden, g.expected.hidden, "hidden");
      expectClose(r.outputs, g.expected.outputs, "outputs");
      for (const k of Object.keys(g.expected.grads)) expectClose((r.grads as unknown as Record<string, unknown>)[k], g.expected.grads[k], `grads.${k}`);
      expect(r.loss).toBe(ref.loss);
      expect(r.grads).toEqual(ref.grads);
      expectClose(r.stepLoss, traceExample(c).forward.map((s) => s.loss), "stepLoss");
      expect(agreement(r, traceExample(c)).worst).toBeLessThanOrEqual(1);
    });

    it("one SGD step on the engine moves each weight by −η·gradient and lowers the loss", async () => {
      const e = await wasm(), lr = 0.1, t = traceExample(c);
      const u = updateOnEngine(e, c, lr);
      const want = {
        W_x: c.params.W_x.map((r, i) => r.map((w, j) => w - lr * t.grads.W_x[i][j])),
        W_h: c.params.W_h.map((r, i) => r.map((w, j) => w - lr * t.grads.W_h[i][j])),
        b: c.params.b.map((w, i) => w - lr * t.grads.b[i]),
        W_y: c.params.W_y.map((r, i) => r.map((w, j) => w - lr * t.grads.W_y[i][j])),
        b_y: c.params.b_y.map((w, i) => w - lr * t.grads.b_y[i]),
      };
      expectClose(u.params, want, "updated params");
      const after = traceExample({ ...c, params: u.params });
      expectClose(u.loss, after.loss, "new loss");
      expect(u.loss).toBeLessThan(t.loss);
    });
  });

  it.each(ACTIVATIONS)("trace matches the engine on random cases with %s", async (activation) => {
    const rng = new Rng(activation.length * 7 + 1), u = () => rng.next() * 2 - 1;
    for (const H of [1, 3]) {
      const c: WorkedCase = {
        activation,
        params: { W_x: mat(H, 4, u), W_h: mat(H, H, u), b: Array.from({ length: H }, u), W_y: mat(4, H, u), b_y: Array.from({ length: 4 }, u) },
        tokens: [2, 0, 3, 1, 1], targets: [0, 3, 1, 1, 2], h0: Array.from({ length: H }, u),
      };
      const a = agreement(runOnEngine(await engines.ts, c), traceExample(c));
      expect(a.worst, `${activation} H=${H}: ${a.field}`).toBeLessThanOrEqual(1);
    }
  });

  it("trace gradients match central finite differences", () => {
    const c = { ...example("h2"), activation: "sigmoid" as const, tokens: [0, 1, 2], targets: [1, 2, 3] };
    const t = traceExample(c), eps = 1e-6;
    for (const [group, r, col] of [["W_h", 0, 1], ["W_x", 1, 0], ["b", 1, 0], ["W_y", 2, 1]] as const) {
      const get = (x: WorkedCase) => (group === "b" ? x.params.b[r] : x.params[group][r][col]);
      const plus = traceExample(withParam(c, group, r, col, get(c) + eps)).loss, minus = traceExample(withParam(c, group, r, col, get(c) - eps)).loss;
      const fd = (plus - minus) / (2 * eps), an = group === "b" ? t.grads.b[r] : t.grads[group][r][col];
      expect(Math.abs(fd - an), `${group}[${r}][${col}]`).toBeLessThan(1e-7);
    }
  });

  it("withParam returns a new case and leaves the old one as it was", () => {
    const c = example("h2"), d = withParam(c, "W_h", 1, 0, 9);
    expect(d.params.W_h[1][0]).toBe(9);
    expect(c.params.W_h[1][0]).toBe(0.6);
  });

  it("checkCase names what is wrong", () => {
    const c = example("h2");
    expect(checkCase({ ...c, tokens: [] })).toMatch(/from 1 to/);
    expect(checkCase({ ...c, tokens: [0, 7] })).toMatch(/words must be/);
    expect(checkCase({ ...c, targets: [1] })).toMatch(/target/);
    expect(checkCase(withParam(c, "W_y", 0, 0, NaN))).toMatch(/finite/);
    expect(() => updateOnEngine(null as unknown as Engine, c, 0)).toThrow(/learning rate/);
  });
});

const mat = (r: number, c: number, u: () => number) => Array.from({ length: r }, () => Array.from({ length: c }, u));

describe("sequence lab: reading sequences", () => {
  const bad: Array<[string, string]> = [
    ["empty", ""], ["blank", "  , ,\n"], ["one number", "5"], ["two numbers", "1, 2"], ["text", "1, 2, three"], ["letters", "abc"],
    ["a million numbers", Array.from({ length: 1_000_000 }, (_, k) => k % 10).join(",")],
    ["Infinity", "1, 2, Infinity"], ["-Infinity", "-Infinity, 1, 2"], ["∞", "1 2 ∞"], ["NaN", "1, NaN, 3"],
    ["overflow", "1, 2, 1e400"], ["too large for the lab", "1, 2, 1e20"], ["hex", "0x10, 1, 2"],
  ];
  it.each(bad)("%s gives a message", (_name, text) => {
    const r = readSequence("custom", 0, text);
    expect("error" in r && r.error.length > 10, JSON.stringify(r).slice(0, 200)).toBe(true);
  });

  it("accepts commas, spaces and new lines", () => {
    expect(readSequence("custom", 0, "1, 2,3\n4  -5.5 6e1")).toEqual({ values: [1, 2, 3, 4, -5.5, 60] });
  });

  it("generates the named sequences and refuses lengths that overflow", () => {
    expect(readSequence("fibonacci", 7)).toEqual({ values: [1, 1, 2, 3, 5, 8, 13] });
    expect(readSequence("linear", 4)).toEqual({ values: [1, 2, 3, 4] });
    expect(readSequence("alternating", 4)).toEqual({ values: [0, 1, 0, 1] });
    expect(readSequence("exponential", 4)).toEqual({ values: [1, 2, 4, 8] });
    expect("error" in readSequence("exponential", 60)).toBe(true);
    expect("error" in readSequence("linear", 2)).toBe(true);
    expect("error" in readSequence("linear", 201)).toBe(true);
    expect("error" in readSequence("nope" as "linear", 10)).toBe(true);
  });

  it("builds next-value pairs, raw or mapped to [−1, 1], and maps predictions back", () => {
    const raw = buildProblem([1, 2, 4, 8], "raw");
    expect(raw.inputs).toEqual([[1], [2], [4]]);
    expect(raw.targets).toEqual([[2], [4], [8]]);
    const n = buildProblem([1, 2, 4, 8], "normalised");
    expect(Math.min(...n.scaled)).toBe(-1);
    expect(Math.max(...n.scaled)).toBe(1);
    for (let k = 0; k < 4; k++) expect(toUnits(n, n.scaled[k])).toBeCloseTo(n.values[k], 12);
  });
});

const settings: LabSettings = { activation: "tanh", hiddenSize: 1, seed: 1 };
const linear = (scaling: "raw" | "normalised" = "normalised") => buildProblem((readSequence("linear", 12) as { values: number[] }).values, scaling);

describe("sequence lab: forward trace and health", () => {
  it("writes out every step with the engine's h and y, and the deltas in the sequence's units", async () => {
    const e = await wasm(), p = linear();
    const m = labModel(e, settings, p, defaultParams(e, settings));
    const r = traceForward(m, p);
    m.dispose();
    expect(r.steps).toHaveLength(11);
    for (const s of r.steps) {
      expect(s.h[0]).toBeCloseTo(Math.tanh(s.a[0]), 5);
      expect(s.y).toBeCloseTo(s.h[0] * 1 + 0, 5);
      expect(s.expectedDelta).toBeCloseTo(1, 12);
      expect(s.actualDelta).toBeCloseTo(s.actual - s.xUnits, 12);
      expect(s.loss).toBeCloseTo(0.5 * (s.y - s.target) ** 2, 5);
    }
    expect(r.meanLoss).toBeCloseTo(r.steps.reduce((a, s) => a + s.loss, 0) / 11, 5);
  });

  it("flags explosion, vanishing and saturation from the run", async () => {
    const e = await wasm(), p = linear("raw");
    const run = (activation: LabSettings["activation"], W_h: number, W_x = 1) => {
      const s = { ...settings, activation };
      const m = labModel(e, s, p, { W_x: [[W_x]], W_h: [[W_h]], b: [0], W_y: [[1]], b_y: [0] });
      try { return traceForward(m, p).health; } finally { m.dispose(); }
    };
    const boom = run("linear", 2);
    expect(boom.kind).toBe("exploding");
    expect(boom.perStep).toBeCloseTo(2, 5);
    expect(boom.message).toMatch(/\|W_hidden\| = 2\b/);
    expect(run("linear", 1.5).kind).toBe("exploding");
    const fade = run("linear", 0.1);
    expect(fade.kind).toBe("vanishing");
    expect(fade.log10Reach).toBeCloseTo(-10, 5);
    expect(run("tanh", 0.5, 3).kind).toBe("saturated");
    expect(run("linear", 0.9).kind).toBe("stable");
    expect(run("relu", 0.5, -1).kind).toBe("dead");
  });

  it("uses the spectral radius for matrices", () => {
    const h = diagnose("linear", [[0, 2], [0.5, 0]], Array.from({ length: 5 }, () => ({ a: [0.1, 0.1], h: [0.1, 0.1] })));
    expect(h.rho).toBeCloseTo(1, 10);
  });
});

describe("sequence lab: training", () => {
  const bptt = { optimizer: "sgd" as const, lr: 0.1, clip: 5 };
  const budget = 500;

  it("BPTT lowers the loss on the linear sequence and beats random search with the same budget", async () => {
    const e = await wasm(), p = linear(), start = defaultParams(e, settings);
    const m1 = labModel(e, settings, p, start), m2 = labModel(e, settings, p, start);
    const b = await trainBptt(m1, p, bptt, budget);
    const r = await searchRandom(m2, p, { mode: "sample", scale: 2, seed: 1 }, budget);
    m1.dispose(); m2.dispose();
    expect(b.curve).toHaveLength(budget);
    expect(r.curve).toHaveLength(budget);
    expect(b.finalLoss).toBeLessThan(b.startLoss / 10);
    expect(b.finalLoss).toBeLessThan(r.finalLoss);
    const c = compareRuns(b, r);
    expect(c.winner).toBe("bptt");
    expect(c.bpttMatchedAt).toBeGreaterThan(0);
    expect(c.sentence).toMatch(/BPTT ended .*× lower/);
  });

  it("random search never gets worse, and is reproducible from its seed", async () => {
    const e = await wasm(), p = linear(), start = defaultParams(e, settings);
    const runs = await Promise.all([1, 1, 2].map(async (seed) => {
      const m = labModel(e, settings, p, start);
      try { return await searchRandom(m, p, { mode: "perturb", scale: 0.5, seed }, 200); } finally { m.dispose(); }
    }));
    for (let k = 1; k < 200; k++) expect(runs[0].curve[k]).toBeLessThanOrEqual(runs[0].curve[k - 1]);
    expect(runs[0].curve).toEqual(runs[1].curve);
    expect(runs[0].curve).not.toEqual(runs[2].curve);
    expect(runs[0].finalLoss).toBeCloseTo(runs[0].curve[199], 6);
    expect(() => new RandomSearch(labModel(e, settings, p, start), p, { mode: "sample", scale: 0, seed: 1 })).toThrow(/scale/);
  });

  it("clips each gradient entry to the bound before the update", async () => {
    const e = await wasm(), p = buildProblem((readSequence("exponential", 12) as { values: number[] }).values, "raw");
    const start = defaultParams(e, settings), m = labModel(e, settings, p, start);
    const before = m.getFlatParams();
    const r = bpttStep(m, p, { optimizer: "sgd", lr: 1, clip: 0.25 });
    const after = m.getFlatParams();
    m.dispose();
    expect(r.clipped).toBe(true);
    expect(r.gradNorm).toBeGreaterThan(1);
    for (let k = 0; k < before.length; k++) expect(Math.abs(after[k] - before[k])).toBeLessThanOrEqual(0.25 + 1e-6);
  });

  it("the worker tasks run the same loops (checked through a stand-in task context)", async () => {
    const e = await wasm(), p: Problem = linear(), start = defaultParams(e, settings);
    const progress: unknown[] = [];
    const ctx: TaskContext = { progress: (x) => progress.push(x), checkpoint: async () => {}, engine: async () => e, signal: new AbortController().signal };
    const viaTask = await sequenceTrain({ settings, params: start, problem: p, bptt, budget: 50 }, ctx);
    const m = labModel(e, settings, p, start);
    const direct = await trainBptt(m, p, bptt, 50);
    m.dispose();
    expect(viaTask.curve).toEqual(direct.curve);
    expect(viaTask.params).toEqual(direct.params);
    const rs = await randomSearchTask({ settings, params: start, problem: p, search: { mode: "sample", scale: 2, seed: 3 }, budget: 50 }, ctx);
    expect(rs.evaluations).toBe(50);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(evaluate(labModel(e, settings, p, rs.params), p)).toBeCloseTo(rs.finalLoss, 6);
    await expect(sequenceTrain({ settings, params: start, problem: p, bptt, budget: 0 }, ctx)).rejects.toThrow(/budget/);
  });
});
