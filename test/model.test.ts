/** Behaviour a user of the Model API relies on, on both engines. */
import { describe, expect, it } from "vitest";
import { createEngine, type Engine, type WasmEngine } from "../bindings/engine.js";
import { CorpusTrainer, DivergenceError } from "../bindings/trainer.js";
import { Rng } from "../bindings/prng.js";
import { eigenvalues } from "../bindings/linalg.js";
import type { OptimizerKind } from "../bindings/types.js";

const engines: Record<string, Engine> = { wasm: await createEngine("wasm"), ts: await createEngine("ts") };
const charModel = { cell: "rnn" as const, inputSize: 8, hiddenSize: 16, outputSize: 8, maxSeqLen: 10 };
const stream = (n: number, seed = 1) => { const r = new Rng(seed); return Array.from({ length: n }, () => r.int(8)); };

describe.each(Object.keys(engines))("%s engine", (name) => {
  const engine = engines[name];

  it("a seed reproduces initialisation and a training run exactly", () => {
    const run = () => {
      const m = engine.createModel({ ...charModel, seed: 7, init: "orthogonal" });
      const tr = new CorpusTrainer(m, stream(500), { seqLen: 10, clip: { mode: "norm", threshold: 5 } });
      const losses = Array.from({ length: 40 }, () => tr.next().loss);
      const out = { params: m.getFlatParams(), losses, sample: m.sample({ prime: [1], length: 30, temperature: 1, seed: 3 }).tokens };
      m.dispose();
      return out;
    };
    const a = run(), b = run();
    expect(a.params).toEqual(b.params);
    expect(a.losses).toEqual(b.losses);
    expect(a.sample).toEqual(b.sample);
    const c = engine.createModel({ ...charModel, seed: 8, init: "orthogonal" });
    expect(c.getFlatParams()).not.toEqual(a.params);
  });

  it.each(["sgd", "momentum", "adagrad", "adam"] as OptimizerKind[])("%s converges to the known minimum of a quadratic", (kind) => {
    // Only b_y trains and W_y = 0, so y = b_y and the loss ½‖b_y − c‖² has its minimum at b_y = c.
    const m = engine.createModel({ cell: "rnn", loss: "mse", inputSize: 2, hiddenSize: 3, outputSize: 3, maxSeqLen: 1 });
    m.setGroup("W_y", new Array(9).fill(0));
    const c = [0.5, -1.25, 2];
    const lr = { sgd: 0.1, momentum: 0.05, adagrad: 0.5, adam: 0.05 }[kind];
    for (let s = 0; s < 1500; s++) m.trainChunk({ inputs: [[1, -1]], targets: [c] }, { optimizer: { kind, lr }, freeze: ["W_x", "W_h", "b", "W_y"] });
    const by = Array.from(m.getGroup("b_y"));
    by.forEach((v, k) => expect(v).toBeCloseTo(c[k], 3));
    expect(Array.from(m.getGroup("W_y"))).toEqual(new Array(9).fill(0));
  });

  it("Adam's first step moves every parameter by lr against the gradient's sign", () => {
    const m = engine.createModel({ ...charModel, seed: 2 });
    const before = m.getFlatParams();
    m.forward({ tokens: [1, 2, 3], targets: [2, 3, 4] });
    const g = m.backward();
    const flatG = [g.W_x.flat(), g.W_h.flat(), g.b, g.W_y.flat(), g.b_y].flat();
    m.trainChunk({ tokens: [1, 2, 3], targets: [2, 3, 4] }, { optimizer: { kind: "adam", lr: 0.001 } });
    const after = m.getFlatParams();
    flatG.forEach((gk, k) => { if (Math.abs(gk) > 1e-4) expect(before[k] - after[k]).toBeCloseTo(0.001 * Math.sign(gk), 5); });
  });

  it("freezing W_h trains a reservoir: W_h stays, W_x and W_y move", () => {
    const m = engine.createModel({ ...charModel, seed: 4 });
    const wh = m.getGroup("W_h"), wx = m.getGroup("W_x"), wy = m.getGroup("W_y");
    const tr = new CorpusTrainer(m, stream(300), { seqLen: 10, freeze: ["W_h"], optimizer: { lr: 0.1 } });
    tr.run(20);
    expect(m.getGroup("W_h")).toEqual(wh);
    expect(m.getGroup("W_x")).not.toEqual(wx);
    expect(m.getGroup("W_y")).not.toEqual(wy);
  });

  it("clipping: threshold 0 always fires, ∞ never; element-wise bounds every entry", () => {
    const m = engine.createModel({ ...charModel, seed: 5 });
    const seq = { tokens: [1, 2, 3, 4], targets: [2, 3, 4, 5] };
    expect(m.trainChunk(seq, { clip: { mode: "norm", threshold: 0 } }).clipped).toBe(true);
    expect(m.trainChunk(seq, { clip: { mode: "norm", threshold: Infinity } }).clipped).toBe(false);
    const p0 = m.getFlatParams();
    const r = m.trainChunk(seq, { clip: { mode: "value", threshold: 1e-3 }, optimizer: { lr: 1 } });
    expect(r.clipped).toBe(true);
    const p1 = m.getFlatParams();
    p0.forEach((v, k) => expect(Math.abs(p1[k] - v)).toBeLessThanOrEqual(1e-3 * (1 + 1e-5)));
  });

  it("reports the pre-clip gradient norm and the per-step ‖∂L/∂h_t‖", () => {
    const m = engine.createModel({ ...charModel, seed: 6 });
    const seq = { tokens: [1, 2, 3, 4, 5], targets: [2, 3, 4, 5, 6] };
    m.forward(seq);
    const g = m.backward();
    const norm = Math.hypot(...[g.W_x.flat(), g.W_h.flat(), g.b, g.W_y.flat(), g.b_y].flat());
    const r = m.trainChunk(seq, { clip: { mode: "norm", threshold: norm / 2 }, optimizer: { lr: 0 }, stepGradNorms: true });
    expect(r.gradNorm).toBeCloseTo(norm, 4);
    expect(r.clipped).toBe(true);
    const decay = m.stepGradNorms();
    expect(decay.length).toBe(5);
    decay.forEach((v) => expect(v).toBeGreaterThan(0));
  });

  it("a training step records ‖∂L/∂h_t‖ only when asked, and says so instead of returning stale numbers", () => {
    const m = engine.createModel({ ...charModel, seed: 6 });
    const seq = { tokens: [1, 2, 3, 4, 5], targets: [2, 3, 4, 5, 6] };
    m.trainChunk(seq, { optimizer: { lr: 0 } });
    expect(() => m.stepGradNorms()).toThrow(/stepGradNorms: true/);
    m.resetState();
    m.trainChunk(seq, { optimizer: { lr: 0 }, stepGradNorms: true });
    const asked = m.stepGradNorms();
    m.resetState();
    m.forward(seq);
    expect(() => m.stepGradNorms()).toThrow(/backward/);
    m.backward();
    expect(Array.from(m.stepGradNorms())).toEqual(Array.from(asked)); // lr 0: the same parameters, the same curve
    m.dispose();
  });

  it("mean loss scales the gradient by 1 / number of targets", () => {
    const m = engine.createModel({ ...charModel, seed: 6 });
    const seq = { tokens: [1, 2, 3, 4], targets: [2, null, 4, 5] };
    m.forward(seq); const sum = m.backward();
    m.forward(seq); const mean = m.backward({ meanLoss: true });
    expect(mean.W_y[0][0]).toBeCloseTo(sum.W_y[0][0] / 3, 6);
  });

  it("spectral radius init: W_h rescaled to ρ; orthogonal W_h has every |λ| = 1", () => {
    const m = engine.createModel({ ...charModel, hiddenSize: 32, init: "gaussian", initScale: 0.3, spectralRadius: 0.9 });
    expect(m.recurrentSpectralRadius()).toBeCloseTo(0.9, 4);
    const o = engine.createModel({ ...charModel, hiddenSize: 32, init: "orthogonal" });
    const ev = eigenvalues(o.getGroup("W_h"), 32);
    for (let k = 0; k < 32; k++) expect(Math.hypot(ev.re[k], ev.im[k])).toBeCloseTo(1, 4);
    const lstm = engine.createModel({ ...charModel, cell: "lstm", forgetBias: 1 });
    expect(lstm.getParams().b.slice(16, 32)).toEqual(new Array(16).fill(1));
  });

  it("sampling: greedy is deterministic, a seed repeats, priming changes the output", () => {
    const m = engine.createModel({ ...charModel, seed: 9 });
    new CorpusTrainer(m, stream(400, 2), { seqLen: 10 }).run(30);
    const g1 = m.sample({ prime: [1, 2], length: 20, temperature: 0 }), g2 = m.sample({ prime: [1, 2], length: 20, temperature: 0, seed: 99 });
    expect(g1.tokens).toEqual(g2.tokens);
    const s1 = m.sample({ prime: [3], length: 50, temperature: 1.5, seed: 1 }), s2 = m.sample({ prime: [3], length: 50, temperature: 1.5, seed: 2 });
    expect(s1.tokens).not.toEqual(s2.tokens);
    s1.probs.forEach((p) => { expect(p).toBeGreaterThan(0); expect(p).toBeLessThanOrEqual(1); });
    expect(m.sample({ prime: [3], length: 5, collectHidden: true }).hidden!.length).toBe(5);
  });

  it("export → import reproduces the model, and sampling from it", () => {
    const m = engine.createModel({ ...charModel, cell: "gru", seed: 10 });
    new CorpusTrainer(m, stream(400, 3), { seqLen: 10, optimizer: { kind: "adam", lr: 0.01 } }).run(20);
    const json = JSON.parse(JSON.stringify(m.exportJSON({ meta: { note: "x" } })));
    const m2 = engine.loadModel(json);
    expect(m2.getFlatParams()).toEqual(m.getFlatParams());
    expect(m2.sample({ prime: [0], length: 40, seed: 5 }).tokens).toEqual(m.sample({ prime: [0], length: 40, seed: 5 }).tokens);
    expect(json.params.W_x.length).toBe(3 * 16);
  });

  it("a diverging step changes nothing, and the trainer rolls back to finite parameters", () => {
    const m = engine.createModel({ ...charModel, activation: "relu", init: "gaussian", initScale: 3, seed: 1 });
    const tr = new CorpusTrainer(m, stream(2000, 4), { seqLen: 10, optimizer: { lr: 1e3 }, snapshotEvery: 1, maxRollbacks: Infinity });
    let diverged = 0;
    for (let s = 0; s < 60; s++) if (tr.next().diverged) diverged++;
    expect(diverged).toBeGreaterThan(0);
    expect(tr.divergences).toBe(diverged);
    m.getFlatParams().forEach((v) => expect(Number.isFinite(v)).toBe(true));
  });

  it("repeated divergence ends the run after a bounded number of rollbacks, at the last good parameters", () => {
    const m = engine.createModel({ ...charModel, activation: "relu", init: "gaussian", initScale: 3, seed: 1 });
    const tr = new CorpusTrainer(m, stream(2000, 4), { seqLen: 10, optimizer: { lr: 1e3 }, maxRollbacks: 3 });
    const start = m.getFlatParams();
    let error: unknown;
    try { for (let s = 0; s < 10_000; s++) tr.next(); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as Error).message).toMatch(/training diverged: 3 steps since step 0/);
    expect(tr.divergences).toBe(3);
    expect(Array.from(m.getFlatParams())).toEqual(Array.from(start)); // rolled back to the snapshot taken before step 1
  });

  it("a finite but absurd loss is flagged as unstable", () => {
    const m = engine.createModel({ ...charModel, seed: 2 });
    const tr = new CorpusTrainer(m, stream(2000, 4), { seqLen: 10, optimizer: { lr: 0.01 } });
    tr.next();
    expect(tr.unstable).toBeNull();
    // a bias of 2000 on token 0 gives every other target a loss near 2000 nats: finite, and absurd
    m.setGroup("b_y", new Float64Array(m.getGroup("b_y").length).map((_, k) => (k === 0 ? 2000 : 0)));
    for (let s = 0; s < 20 && tr.unstable === null; s++) tr.next();
    expect(tr.unstable).toMatch(/unstable: step \d+ had a loss of .* nats per target, more than 10× the/);
  });

  it("scheduled sampling with p = 1 feeds the model's own tokens", () => {
    const m = engine.createModel({ ...charModel, seed: 12 });
    const seq = { tokens: [0, 0, 0, 0, 0, 0, 0, 0], targets: [1, 1, 1, 1, 1, 1, 1, 1] };
    const a = m.trainChunk(seq, { samplingProb: 0, optimizer: { lr: 0 } });
    const b = m.trainChunk(seq, { samplingProb: 1, optimizer: { lr: 0 } });
    expect(b.loss).not.toBe(a.loss);
  });

  it("hidden-state statistics describe the last chunk", () => {
    const m = engine.createModel({ ...charModel, activation: "relu", seed: 3 });
    m.forward({ tokens: [1, 2, 3, 4], targets: [null, null, null, null] });
    const s = m.hiddenStats();
    expect(s.min).toBeGreaterThanOrEqual(0);
    expect(s.dead).toBeGreaterThan(0);
    expect(s.dead).toBeLessThan(1);
  });
});

describe("wasm memory", () => {
  it("1000 create/dispose cycles do not grow memory", async () => {
    const e = (await createEngine("wasm")) as WasmEngine;
    const keep = e.createModel({ ...charModel, hiddenSize: 64 });
    for (let k = 0; k < 10; k++) e.createModel({ ...charModel, hiddenSize: 64 + k }).dispose();
    const bytes = e.heap.memoryBytes, used = e.heap.used;
    for (let k = 0; k < 1000; k++) {
      const m = e.createModel({ ...charModel, cell: (["rnn", "lstm", "gru"] as const)[k % 3], hiddenSize: 32 + (k % 40) });
      m.trainChunk({ tokens: [1, 2], targets: [2, 3] });
      m.dispose();
    }
    expect(e.heap.memoryBytes).toBe(bytes);
    expect(e.heap.used).toBe(used);
    expect(keep.forward({ tokens: [1], targets: [2] }).loss).toBeGreaterThan(0);
  });

  it("views survive memory growth caused by another model", async () => {
    const e = await createEngine("wasm");
    const a = e.createModel({ ...charModel, seed: 1 });
    const before = a.getFlatParams();
    const big = e.createModel({ cell: "lstm", inputSize: 200, hiddenSize: 512, outputSize: 200, maxSeqLen: 100 });
    expect(a.getFlatParams()).toEqual(before);
    expect(a.forward({ tokens: [1, 2], targets: [2, 3] }).loss).toBeGreaterThan(0);
    big.dispose(); a.dispose();
    expect(() => a.getParams()).toThrow(/disposed/);
  });
});

describe("gate traces", () => {
  it("lstm gates reproduce c_t = f⊙c + i⊙g and h_t = o⊙tanh(c_t)", async () => {
    const m = engines.ts.createModel({ ...charModel, cell: "lstm", seed: 2 });
    const fwd = m.forward({ tokens: [1, 2, 3], targets: [null, null, null] });
    const g = m.gates();
    expect(g).toHaveLength(3);
    let c = new Array(16).fill(0);
    g.forEach((s, t) => {
      c = c.map((cp, k) => s.f[k] * cp + s.i[k] * s.g[k]);
      c.forEach((v, k) => expect(s.c[k]).toBeCloseTo(v, 5));
      fwd.hidden[t].forEach((h, k) => expect(h).toBeCloseTo(s.o[k] * Math.tanh(s.c[k]), 5));
    });
  });

  it("gru gates reproduce h_t = (1 − z)⊙h + z⊙g", () => {
    const m = engines.wasm.createModel({ ...charModel, cell: "gru", seed: 2 });
    const fwd = m.forward({ tokens: [4, 5], targets: [null, null] });
    const g = m.gates();
    let h = new Array(16).fill(0);
    g.forEach((s, t) => {
      h = h.map((hp, k) => (1 - s.z[k]) * hp + s.z[k] * s.g[k]);
      fwd.hidden[t].forEach((v, k) => expect(v).toBeCloseTo(h[k], 5));
    });
  });
});

describe("evaluate", () => {
  it("gives forward's loss, hidden states and step losses without copies", async () => {
    const m = engines.wasm.createModel({ ...charModel, seed: 3 });
    const seq = { tokens: [1, 2, 3, 4], targets: [2, 3, null, 5] };
    const f = m.forward(seq), e = m.evaluate(seq);
    expect(e.loss).toBe(f.loss);
    expect(e.count).toBe(3);
    expect(Array.from(e.hidden)).toEqual(f.hidden.flat());
    expect(Array.from(e.stepLoss)).toEqual(f.stepLoss);
  });
});
