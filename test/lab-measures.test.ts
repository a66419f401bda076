/**
 * The lab measures added from the seed's lab: category separation of word states, the
 * activation table's mean and range columns, the design grid's per-(H, activation) table
 * with its best row, and why a made-up word with letters the corpus lacks cannot be read.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "../bindings/engine.js";
import { labCorpus } from "../bindings/data/corpora/grammar-split.js";
import { CorpusTrainer } from "../bindings/trainer.js";
import { categorySeparation } from "../lab/metrics/separation.js";
import { checkSubstitution, nearestSpelling } from "../lab/metrics/similarity.js";
import { columnsFor } from "../lab/columns.js";
import { pairRows } from "../components/experiments/grid-table.js";
import type { RunSummary } from "../lab/types.js";

const engine = await createEngine("wasm");
const corpus = labCorpus({ sentences: 1500, seed: 42, valFraction: 0.1 });
const V = corpus.tokenizer.size;
const model = () => engine.createModel({ inputSize: V, outputSize: V, hiddenSize: 64, maxSeqLen: 50, init: "orthogonal", seed: 42 });

describe("category separation", () => {
  it("training pulls the grammar's word categories apart: the ratio rises and most words sit nearest their own category", () => {
    const before = model(), after = model();
    new CorpusTrainer(after, corpus.train, { seqLen: 25, optimizer: { kind: "sgd", lr: 0.01 }, clip: { mode: "norm", threshold: 5 } }).run(3000);
    const a = categorySeparation(before, corpus.text, corpus.tokenizer), b = categorySeparation(after, corpus.text, corpus.tokenizer);
    expect(a.categories).toBeGreaterThan(3);
    expect(b.words).toBeGreaterThan(20);
    expect(b.ratio).toBeGreaterThan(a.ratio);
    expect(b.nearest_share).toBeGreaterThan(2 / b.categories);
    before.dispose(); after.dispose();
  });

  it("is undefined (NaN) when the states carry nothing: every word has the same state", () => {
    const m = model();
    m.setGroup("W_x", new Float64Array(64 * V));
    const s = categorySeparation(m, corpus.text, corpus.tokenizer);
    expect(s.within).toBe(0);
    expect(s.ratio).toBeNaN();
    m.dispose();
  });
});

const summary = (label: string, value: unknown, final: number, metrics: Record<string, unknown> = {}): RunSummary => ({
  label, value: value as RunSummary["value"], final_loss: final, diverged: false, loss_curve: [[1, final]],
  config: { seeds: [1, 2] } as unknown as RunSummary["config"], metrics: { verdict: "stable", params: 100, ...metrics },
});

describe("tables", () => {
  it("the activation table shows the state's mean and range beside its sd", () => {
    const r = summary("tanh", "tanh", 1.2, { hidden_mean: 0.02, hidden_std: 0.6, hidden_min: -0.99, hidden_max: 0.98, hidden_saturated: 0.1, hidden_dead: 0 });
    const cols = columnsFor({ study: "activation", runs: [r] });
    const text = Object.fromEntries(cols.map((c) => [c.label, c.text(r)]));
    expect(text["state mean"]).toBe("0.02");
    expect(text["state range"]).toBe("[-0.99, 0.98]");
    expect(cols.map((c) => c.label).indexOf("state mean")).toBeLessThan(cols.map((c) => c.label).indexOf("state sd"));
  });

  it("the grid's pair table lists one row per chunk length and marks the lowest final loss", () => {
    const cell = (h: number, a: string, s: number, loss: number) => summary(`H=${h} ${a} seq=${s}`, { hiddenSize: h, activation: a, seqLen: s }, loss);
    const runs = [cell(64, "tanh", 5, 1.3), cell(64, "tanh", 25, 1.1), cell(64, "tanh", 50, 1.15), cell(64, "relu", 25, 0.9), cell(32, "tanh", 25, 1.0)];
    const { rows, best } = pairRows(runs, { hiddenSize: 64, activation: "tanh" }, [5, 25, 50]);
    expect(rows.map((r) => r.label)).toEqual(["H=64 tanh seq=5", "H=64 tanh seq=25", "H=64 tanh seq=50"]);
    expect(best?.label).toBe("H=64 tanh seq=25");
  });
});

describe("the seed's made-up word “zog”", () => {
  it("cannot be read, because the corpus has no z; the message says why and offers the nearest spelling it can read", () => {
    const letters = corpus.tokenizer.chars.filter((c) => /^[a-z]$/.test(c));
    expect(letters).not.toContain("z");
    const stand = nearestSpelling("zog", letters);
    expect(stand).toMatch(/^[a-y]og$/);
    expect(() => checkSubstitution("man", "zog", corpus.tokenizer)).toThrow(new RegExp(`"z" never occurs, so the model has no input for it.*try "${stand}"`));
    expect(() => checkSubstitution("man", stand, corpus.tokenizer)).not.toThrow();
  });
});
