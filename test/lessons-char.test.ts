import { beforeAll, describe, expect, test } from "vitest";
import { createEngine, type Engine } from "../bindings/engine.js";
import {
  builtinCorpus, checkUserFile, checkUserText, CharLabSession, copyFloor, corpusWords, DEFAULT_SETTINGS, generate,
  MAX_TEXT_CHARS, parseCharLabSave, probeUnits, RecallExperiment, RECALL_DEFAULTS, textFeatures, topK, vocabulary, wordStats,
  type CharModelSettings,
} from "../lessons/char-lab.js";
import charTrain, { type CharTrainProgress } from "../tasks/char-train.js";
import charSweep from "../tasks/char-sweep.js";
import recallTask from "../tasks/recall-task.js";
import type { TaskContext } from "../bindings/worker/types.js";
import { epochOf, heldOutReport, OVERFIT_MIN_RISE, OVERFIT_WINDOW } from "../lessons/char-lab-heldout.js";
import { recallObservations, type RecallOutcome } from "../lessons/char-lab-recall.js";
import { Rng } from "../bindings/prng.js";

let engine: Engine;
beforeAll(async () => { engine = await createEngine("wasm"); });

const small: CharModelSettings = { ...DEFAULT_SETTINGS, hiddenSize: 32, seed: 7 };

/** A task context that runs in-process and records every progress payload. */
function context(e: () => Engine) {
  const seen: unknown[] = [];
  const ctx: TaskContext = { progress: (p) => seen.push(p), checkpoint: async () => {}, engine: async () => e(), signal: new AbortController().signal };
  return { ctx, seen };
}

describe("corpora", () => {
  test("every built-in corpus is accepted text and the generated ones follow their seed", () => {
    for (const id of ["shakespeare", "grammar", "brackets", "copy"] as const) {
      const c = builtinCorpus(id);
      expect(checkUserText(c.text).ok, id).toBe(true);
      expect(c.text.length, id).toBeGreaterThan(20_000);
      expect(c.text.length, id).toBeLessThan(100_000);
    }
    expect(builtinCorpus("grammar", 2).text).not.toBe(builtinCorpus("grammar", 3).text);
    expect(builtinCorpus("grammar", 2).text).toBe(builtinCorpus("grammar", 2).text);
  });

  test("the copy corpus floor matches a count over the generated lines", () => {
    const f = copyFloor(1, 8);
    // the same rate from its definition: lines are independent, so bits per line / chars per line
    const lines = builtinCorpus("copy").text.split("\n").filter(Boolean);
    const meanLen = lines.reduce((s, l) => s + l.indexOf("|"), 0) / lines.length;
    const empirical = (Math.log(8) + meanLen * Math.log(26)) / (2 * meanLen + 2);
    expect(Math.abs(f.nats - empirical)).toBeLessThan(0.02);
    expect(f.bits).toBeCloseTo(f.nats / Math.LN2, 12);
  });
});

describe("text the reader brings", () => {
  test("a 10 MB paste is refused with a message naming the limit", () => {
    const r = checkUserText("a".repeat(10_000_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/10 MB.*at most 2\.0 MB/);
    expect(checkUserText("b".repeat(MAX_TEXT_CHARS + 1)).ok).toBe(false);
  });

  test("a binary file is refused: zero bytes, invalid UTF-8, control characters", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...new Array(200).fill(65)]);
    const r = checkUserFile(png, "image.png");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/image\.png is a binary file/);
    const latin1 = Uint8Array.from([...new TextEncoder().encode("x".repeat(150)), 0xe9, 0x20]);
    const r2 = checkUserFile(latin1, "old.txt");
    expect(!r2.ok && r2.error).toMatch(/not UTF-8/);
    const r3 = checkUserText("ok text ".repeat(20) + "\u0007");
    expect(!r3.ok && r3.error).toMatch(/U\+0007/);
    const big = checkUserFile(new Uint8Array(3 * 1024 * 1024).fill(65), "big.txt");
    expect(!big.ok && big.error).toMatch(/big\.txt is 3\.1 MB/);
  });

  test("good text passes with CRLF made LF; too short and too many characters are refused", () => {
    const r = checkUserFile(new TextEncoder().encode("\uFEFFline one\r\nline two\r\n".repeat(10)));
    expect(r.ok && r.text.startsWith("line one\nline two\n")).toBe(true);
    expect(checkUserText("short").ok).toBe(false);
    const many = Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join("");
    const r2 = checkUserText(many);
    expect(!r2.ok && r2.error).toMatch(/300 distinct characters/);
  });

  test("vocabulary counts characters and names whitespace", () => {
    const v = vocabulary("aab\n b");
    expect(v.map((e) => [e.label, e.count])).toEqual([["a", 2], ["b", 2], ["↵", 1], ["␣", 1]]);
  });

  test("word statistics count real corpus words of 3+ letters", () => {
    const words = corpusWords("The cat sat; the dog's bed.");
    const s = wordStats("the cot sat a dog's xyzzy the", words);
    expect(s).toEqual({ words: 6, real: 4, distinctReal: ["the", "sat", "dog's"] });
  });
});

describe("training a character model", () => {
  test("on the grammar corpus with a fixed seed the held-out loss falls below the unigram entropy within 800 steps", () => {
    const s = new CharLabSession(engine, builtinCorpus("grammar", 1).text, small);
    try {
      const before = s.validationLoss();
      for (let k = 0; k < 800; k++) s.trainer.next();
      const after = s.validationLoss();
      expect(before).toBeGreaterThan(s.unigram);
      expect(after).toBeLessThan(s.unigram);
      expect(after).toBeGreaterThan(builtinCorpus("grammar").floor!.nats);
    } finally { s.dispose(); }
  });

  test("temperature 0 is deterministic, whatever the seed, and equals Model.sample", () => {
    const s = new CharLabSession(engine, builtinCorpus("grammar", 1).text, small);
    try {
      for (let k = 0; k < 200; k++) s.trainer.next();
      const state = s.model.getState();
      const a = generate(s.model, s.tokenizer, { prime: "the ", length: 80, temperature: 0, seed: 1 });
      const b = generate(s.model, s.tokenizer, { prime: "the ", length: 80, temperature: 0, seed: 99 });
      expect(a.text).toBe(b.text);
      expect(s.model.getState()).toEqual(state); // training state untouched
      const ref = s.model.sample({ prime: s.tokenizer.encode("the "), length: 80, temperature: 0 });
      expect(a.text).toBe(s.tokenizer.decode(ref.tokens));
      const warm = generate(s.model, s.tokenizer, { prime: "the ", length: 80, temperature: 1, seed: 5 });
      const warmRef = s.model.sample({ prime: s.tokenizer.encode("the "), length: 80, temperature: 1, seed: 5 });
      expect(warm.text).toBe(s.tokenizer.decode(warmRef.tokens));
      expect(warm.chars.map((c) => c.p)).toEqual(warmRef.probs);
    } finally { s.dispose(); }
  });

  test("save → JSON → load → sample reproduces the same text, and training continues from the saved step", () => {
    const text = builtinCorpus("shakespeare").text;
    const s = new CharLabSession(engine, text, small);
    try {
      for (let k = 0; k < 50; k++) s.trainer.next();
      const file = JSON.parse(JSON.stringify(s.save()));
      const want = s.sample(120, 0.8, 3).text;
      const loaded = new CharLabSession(engine, text, small, parseCharLabSave(file));
      try {
        expect(loaded.sample(120, 0.8, 3).text).toBe(want);
        expect(loaded.trainer.step).toBe(50);
        expect(loaded.trainer.position).toBe(s.trainer.position);
        const a = s.trainer.next(), b = loaded.trainer.next();
        expect(b.count).toBe(a.count);
        expect(loaded.trainer.step).toBe(51);
      } finally { loaded.dispose(); }
    } finally { s.dispose(); }
  });

  test("continuing on a corpus with characters the model has never seen is refused with a message", () => {
    const s = new CharLabSession(engine, builtinCorpus("copy").text, small);
    const file = s.save();
    s.dispose();
    expect(() => new CharLabSession(engine, builtinCorpus("shakespeare").text, small, file)).toThrow(/characters the model has never seen \("/);
  });

  test("a file that is not a lab model is refused with a message", () => {
    expect(() => parseCharLabSave({ hello: 1 })).toThrow(/not a character-lab model/);
    const s = new CharLabSession(engine, builtinCorpus("grammar").text, small);
    const file = s.save();
    s.dispose();
    expect(() => parseCharLabSave({ ...file, tokenizer: { type: "char-tokenizer", version: 1, chars: ["a", "b"], withUnknown: false } }))
      .toThrow(/inputs but its vocabulary has 2/);
  });

  test("generation reports the probability, the top 5 and the hidden state of every character", () => {
    const s = new CharLabSession(engine, builtinCorpus("grammar").text, small);
    try {
      const g = generate(s.model, s.tokenizer, { prime: "a ", length: 30, temperature: 0.7, seed: 2 });
      expect(g.chars).toHaveLength(30);
      expect(g.hidden).toHaveLength(30);
      expect(g.hidden[0]).toHaveLength(32);
      for (const c of g.chars) {
        expect(c.top).toHaveLength(5);
        expect(c.top[0].p).toBeGreaterThanOrEqual(c.p);
        expect(c.top[0].p).toBeGreaterThanOrEqual(c.top[4].p);
      }
      expect(() => generate(s.model, s.tokenizer, { prime: "Ω", length: 3, temperature: 1, seed: 1 })).toThrow(/"Ω", which is not in this corpus/);
    } finally { s.dispose(); }
  });

  test("topK and the probes find a unit that copies a feature", () => {
    expect(topK([0.1, 0.5, 0.2, 0.2], ["a", "b", "c", "d"], 3)).toEqual([{ char: "b", p: 0.5 }, { char: "c", p: 0.2 }, { char: "d", p: 0.2 }]);
    const text = "ab(cd[e]f)g\nhi 'jk' l\n";
    const f = textFeatures(text);
    expect(f["bracket-depth"].slice(0, 10)).toEqual([0, 0, 1, 1, 1, 2, 2, 1, 1, 0]);
    expect(f["in-quotes"].slice(15, 20)).toEqual([1, 1, 1, 0, 0]);
    // unit 1 is the line position, unit 0 noise
    const hidden = f["line-position"].map((v, i) => [Math.sin(i * 7.1), v / 10]);
    const probe = probeUnits(hidden, text).find((p) => p.feature === "line-position")!;
    expect(probe.best[0].unit).toBe(1);
    expect(probe.best[0].r).toBeCloseTo(1, 10);
  });
});

describe("worker tasks, run in-process", () => {
  test("char-train reports info, merged curve tails, samples with word counts, and a resumable save", async () => {
    const { ctx, seen } = context(() => engine);
    const text = builtinCorpus("grammar").text;
    const r = await charTrain({ text, settings: small, steps: 120, sampleEvery: 60, sampleLength: 40, temperature: 0.5 }, ctx);
    expect((seen[0] as { info: { vocabSize: number } }).info.vocabSize).toBeGreaterThan(20);
    const last = seen[seen.length - 1] as CharTrainProgress;
    expect(last.done).toBe(120);
    expect(last.snapshot).toBeDefined();
    expect(r.curve.map((p) => p.step)).toEqual([20, 40, 60, 80, 100, 120]);
    expect(r.samples.map((s) => s.step)).toEqual([60, 120]);
    expect(r.samples[1].validation).toBeGreaterThan(0);
    expect(r.samples[1].words.words).toBeGreaterThanOrEqual(r.samples[1].words.real);
    // merging every tail reproduces the whole curve
    const merged: unknown[] = [];
    for (const p of seen.slice(1) as CharTrainProgress[]) p.curve.forEach((c, i) => { merged[p.curveFrom + i] = c; });
    expect(merged).toEqual(r.curve);
    const { ctx: ctx2 } = context(() => engine);
    const r2 = await charTrain({ text, settings: small, steps: 20, sampleEvery: 0, sampleLength: 10, temperature: 1, resume: r.save }, ctx2);
    expect(r2.save.step).toBe(140);
    expect(r2.curve[0].step).toBe(140);
  });

  test("char-train refuses a bad corpus with the reader-facing message", async () => {
    const { ctx } = context(() => engine);
    await expect(charTrain({ text: "tiny", settings: small, steps: 5, sampleEvery: 0, sampleLength: 1, temperature: 1 }, ctx)).rejects.toThrow(/at least 100/);
    await expect(charTrain({ text: builtinCorpus("grammar").text, settings: { ...small, hiddenSize: 4 }, steps: 5, sampleEvery: 0, sampleLength: 1, temperature: 1 }, ctx))
      .rejects.toThrow(/hiddenSize must be a whole number from 8 to 512/);
  });

  test("char-sweep: a larger hidden size reaches a lower loss on the same budget and costs more time per epoch", async () => {
    const text = builtinCorpus("grammar").text;
    const run = async (H: number) => charSweep({ text, settings: { ...small, hiddenSize: H }, steps: 400, sampleLength: 30, temperature: 0.5 }, context(() => engine).ctx);
    const [a, b] = [await run(8), await run(64)];
    expect(a.curve.length).toBeGreaterThan(50);
    expect(b.finalLoss).toBeLessThan(a.finalLoss);
    expect(b.parameters).toBeGreaterThan(a.parameters);
    expect(b.secondsPerEpoch).toBeGreaterThan(0);
    expect(b.sample).toHaveLength(30);
  });

  test("recall-task: every cell learns n = 5; the plain RNN's gradient at n = 100 vanishes with distance", async () => {
    for (const cell of ["rnn", "lstm", "gru"] as const) {
      const r = await recallTask({ settings: { ...RECALL_DEFAULTS, cell, n: 5, steps: 1500, lr: 0.01 } }, context(() => engine).ctx);
      expect(r.accuracy, cell).toBeGreaterThan(0.9);
    }
    const x = new RecallExperiment(engine, { ...RECALL_DEFAULTS, cell: "rnn", n: 100 });
    try {
      const g = x.gradientByDistance(5);
      expect(g).toHaveLength(100);
      expect(g[99] / g[0]).toBeLessThan(1e-4);
      expect(x.accuracy().accuracy).toBeLessThan(0.5);
    } finally { x.dispose(); }
  });
});

describe("held-out loss: best step, epochs, overfitting", () => {
  const curve = (pairs: [number, number][]) => pairs.map(([step, loss]) => ({ step, loss }));
  test("the best step is the lowest held-out loss; the flag needs a real rise of the smoothed curve while training loss falls", () => {
    const train = curve([[100, 2.0], [200, 1.8], [300, 1.6], [400, 1.4], [500, 1.2], [600, 1.0], [700, 0.8]]);
    const falling = [{ step: 100, validation: 2.1 }, { step: 200, validation: 1.9 }, { step: 300, validation: 1.85 }];
    expect(heldOutReport(falling, train)).toMatchObject({ best: { step: 300, loss: 1.85 }, latest: { step: 300 } });
    expect(heldOutReport(falling, train).overfitting).toBeUndefined();
    // smoothed over OVERFIT_WINDOW = 3 evaluations: lowest mean 1.85 (steps 200–400, first of a tie), then 1.9 and 1.95
    const rising = [...falling, { step: 400, validation: 1.8 }, { step: 500, validation: 1.9 }, { step: 600, validation: 2.0 }, { step: 700, validation: 1.95 }];
    expect(heldOutReport(rising, train).overfitting).toEqual({ fromStep: 400, toStep: 700, heldOutFrom: expect.closeTo(1.85, 9), heldOutTo: expect.closeTo(1.95, 9), trainFrom: expect.any(Number), trainTo: expect.any(Number) });
    const o = heldOutReport(rising, train).overfitting!;
    expect(o.trainTo).toBeLessThan(o.trainFrom);
    expect(heldOutReport(rising, train).best).toEqual({ step: 400, loss: 1.8 }); // the checkpoint is the lowest single evaluation
    // one evaluation after the smoothed low, or a rise within the noise, is not called overfitting
    expect(heldOutReport(rising.slice(0, 5), train).overfitting).toBeUndefined();
    const wobble = [...falling, { step: 400, validation: 1.8 }, { step: 500, validation: 1.85 + OVERFIT_MIN_RISE }, { step: 600, validation: 1.81 }, { step: 700, validation: 1.86 }];
    expect(heldOutReport(wobble, train).overfitting, "one low evaluation among ordinary ones is wobble, not a rise").toBeUndefined();
    // both losses rising is divergence, not overfitting
    expect(heldOutReport(rising, curve([[100, 1.0], [300, 1.1], [500, 1.5]])).overfitting).toBeUndefined();
    expect(heldOutReport([], train)).toEqual({});
    expect(epochOf(540, 54)).toBe(10);
  });

  test("char-train on a short random text overfits, flags it from its own numbers, and keepBest ends at the best checkpoint", async () => {
    const rng = new Rng(5), letters = "abcdefghij ";
    const text = Array.from({ length: 1500 }, () => letters[rng.int(letters.length)]).join("");
    const settings = { ...DEFAULT_SETTINGS, hiddenSize: 96, lr: 0.01, seed: 3 };
    const run = (keepBest: boolean) => charTrain({ text, settings, steps: 900, sampleEvery: 60, sampleLength: 10, temperature: 1, keepBest }, context(() => engine).ctx);
    const r = await run(true);
    const evals = r.samples.map((s) => s.validation!);
    const lowest = Math.min(...evals);
    expect(r.best!.validation).toBe(lowest);
    expect(r.best!.step).toBe(r.samples[evals.indexOf(lowest)].step);
    const report = heldOutReport(r.samples, r.curve);
    expect(report.overfitting, "random text cannot generalise: memorising it must raise held-out loss").toBeDefined();
    // the flag starts from the lowest mean of OVERFIT_WINDOW evaluations, which ends at or soon after the best one
    expect(report.overfitting!.fromStep - r.best!.step).toBeGreaterThanOrEqual(0);
    expect(report.overfitting!.fromStep - r.best!.step).toBeLessThanOrEqual((OVERFIT_WINDOW - 1) * 60);
    expect(r.restoredBest).toBe(true);
    expect(r.save.step).toBe(r.best!.step);
    const plain = await run(false);
    expect(plain.restoredBest).toBe(false);
    expect(plain.save.step).toBe(900);
    expect(plain.best!.step).toBe(r.best!.step); // same seed, same run
  }, 120_000);
});

describe("recall tab: the sentence it writes holds on seeds 1–3", () => {
  // the default task at n = 100 (6000 steps), vanilla RNN and GRU on three seeds: about 25 s on a loaded 2-core machine
  test("at n = 100 the GRU recalls on every seed, and the sentence compares it with the vanilla RNN as the seed ranges say", async () => {
    const outcomes: RecallOutcome[] = [];
    for (const seed of [1, 2, 3]) for (const cell of ["rnn", "gru"] as const) {
      const x = new RecallExperiment(engine, { ...RECALL_DEFAULTS, cell, n: 100, seed });
      try {
        for (let s = 0; s < RECALL_DEFAULTS.steps; s++) x.trainStep();
        const g = x.gradientByDistance(5);
        outcomes.push({ cell, n: 100, seed, accuracy: x.accuracy().accuracy, reach: g[99] / g[0] });
      } finally { x.dispose(); }
    }
    const rnn = outcomes.filter((o) => o.cell === "rnn").map((o) => o.accuracy), gru = outcomes.filter((o) => o.cell === "gru").map((o) => o.accuracy);
    // the gated cell carries the symbol 100 steps; whether a vanilla RNN seed also finds the way
    // is chaotic (a change in float rounding can flip it), so the sentence must follow the numbers
    expect(Math.min(...gru), "GRU accuracy on its worst seed").toBeGreaterThan(0.9);
    const [line, grad] = recallObservations(outcomes, RECALL_DEFAULTS.vocab, RECALL_DEFAULTS.steps);
    if (Math.min(...gru) > Math.max(...rnn)) expect(line).toMatch(/^At n = 100, the GRU recalls \d+% .*clearly above the vanilla RNN \(\d+% \(\d+%–\d+% over 3 seeds\)\)/);
    else expect(line).toMatch(/^At n = 100, no cell is clearly ahead: .*; the seed ranges overlap/);
    if (Math.max(...rnn) > 1 / RECALL_DEFAULTS.vocab + 0.1) expect(line).not.toMatch(/chance/); // the old restated claim; the run decides
    expect(grad).toMatch(/^After training at n = 100, the gradient that reaches the first step is/);
  }, 300_000);
});
