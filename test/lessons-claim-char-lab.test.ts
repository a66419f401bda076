/**
 * The character lab's claim, on its default run (Shakespeare, the default model, DEFAULT_RUN
 * steps, scored on held-out text every DEFAULT_RUN.sampleEvery steps) and seeds 1–3: the
 * network learns context that carries over to text it never saw. Training loss falls below
 * the unigram entropy within a few hundred steps, held-out loss ends far below it, samples
 * are made of the corpus's words, and the run ends before the model starts memorising (no
 * overfitting flag). The guide's "Try this" (a longer run) shows the turn: held-out loss rises
 * while training loss falls, and the page flags it.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { createEngine, type Engine } from "../bindings/engine.js";
import { builtinCorpus } from "../bindings/data/corpora/index.js";
import { DEFAULT_RUN, DEFAULT_SETTINGS, OVERFIT_RUN_STEPS } from "../lessons/char-lab-train.js";
import { heldOutReport, trainLossAt } from "../lessons/char-lab-heldout.js";
import { WORDS_MILESTONE } from "../lessons/char-lab-text.js";
import { CHAR_LAB_ATTRIBUTES } from "../components/char-lab/char-lab-attributes.js";
import charTrain from "../tasks/char-train.js";
import type { TaskContext } from "../bindings/worker/types.js";

let engine: Engine;
beforeAll(async () => { engine = await createEngine("wasm"); });

const ctx = (): TaskContext => ({ progress() {}, checkpoint: async () => {}, engine: async () => engine, signal: new AbortController().signal });
const text = builtinCorpus("shakespeare").text;
const A = CHAR_LAB_ATTRIBUTES;
const run = (seed: number, steps: number = A.steps.default) => charTrain({
  text, settings: { ...DEFAULT_SETTINGS, seed }, steps, sampleEvery: A.sampleEvery.default,
  sampleLength: A.sampleLength.default, temperature: A.temperature.default,
}, ctx());
/** unigram entropy of the training split (nats per character): what knowing only letter frequencies scores */
let unigram = NaN;
beforeAll(async () => {
  const { CharLabSession } = await import("../lessons/char-lab-train.js");
  const s = new CharLabSession(engine, text, DEFAULT_SETTINGS);
  unigram = s.unigram; s.dispose();
});

describe("character lab default: learns what generalises, and stops before memorising", () => {
  test("the view's defaults are the measured run", () => {
    expect(A.steps.default).toBe(DEFAULT_RUN.steps);
    expect(A.sampleEvery.default).toBe(DEFAULT_RUN.sampleEvery);
    expect(A.corpus.default).toBe("shakespeare");
  });

  test.each([1, 2, 3])("seed %i", async (seed) => {
    const r = await run(seed);
    expect(r.samples.length).toBe(DEFAULT_RUN.steps / DEFAULT_RUN.sampleEvery);
    // below the unigram line within a few hundred steps: context is being used
    expect(trainLossAt(r.curve, 500)).toBeLessThan(unigram);
    const report = heldOutReport(r.samples, r.curve);
    // held-out text, never trained on, ends at least 1.5 bits per character below the unigram entropy
    expect(report.latest!.loss).toBeLessThan(unigram - 1.5 * Math.LN2);
    expect(report.overfitting, "the default run must end before held-out loss turns up").toBeUndefined();
    const last = r.samples[r.samples.length - 1];
    expect(last.words.distinctReal.length).toBeGreaterThanOrEqual(WORDS_MILESTONE);
  }, 60_000);

  test("Try this: a longer run passes its held-out best, and the page flags overfitting (seed 1)", async () => {
    const r = await run(1, OVERFIT_RUN_STEPS);
    const o = heldOutReport(r.samples, r.curve).overfitting;
    expect(o).toBeDefined();
    expect(o!.heldOutTo).toBeGreaterThan(o!.heldOutFrom);
    expect(o!.trainTo).toBeLessThan(o!.trainFrom);
    expect(o!.fromStep).toBeGreaterThan(DEFAULT_RUN.steps); // the turn comes after the default run ends
  }, 90_000);
});
