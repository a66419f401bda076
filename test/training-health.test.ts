/**
 * A run that blew up must say so: the character lab's training task reports the trainer's
 * rollbacks and its "unstable" sentence, and the one message every training view shows is
 * written from them.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { createEngine, type Engine } from "../bindings/engine.js";
import { builtinCorpus } from "../bindings/data/corpora/index.js";
import { DEFAULT_SETTINGS } from "../lessons/char-lab-train.js";
import { trainingHealthMessage } from "../lessons/training-health.js";
import charTrain, { type CharTrainProgress } from "../tasks/char-train.js";
import type { TaskContext } from "../bindings/worker/types.js";

let engine: Engine;
beforeAll(async () => { engine = await createEngine("wasm"); });

describe("training health", () => {
  test("the message names what happened, and a healthy run says nothing", () => {
    expect(trainingHealthMessage({ divergences: 0 })).toBe("");
    expect(trainingHealthMessage({ divergences: 3, steps: 500, rolledBack: true })).toMatch(/^3 of 500 training steps diverged .* rolled back to its last good parameters .* smaller learning rate/);
    expect(trainingHealthMessage({ divergences: 1 })).toMatch(/^1 training step diverged .* changed nothing/);
    expect(trainingHealthMessage({ divergences: 0, unstable: "unstable: step 7 had a loss of 90 nats per target" })).toBe("Training was unstable: step 7 had a loss of 90 nats per target.");
  });

  test("char-train with a learning rate far too large reports it in its progress", async () => {
    let last: CharTrainProgress | undefined;
    const ctx: TaskContext = { progress: (p) => { if (!("info" in (p as object))) last = p as CharTrainProgress; }, checkpoint: async () => {}, engine: async () => engine, signal: new AbortController().signal };
    const settings = { ...DEFAULT_SETTINGS, cell: "rnn" as const, hiddenSize: 64, lr: 1, clipMode: "none" as const, meanLoss: false, seed: 1 };
    await charTrain({ text: builtinCorpus("shakespeare").text, settings, steps: 300, sampleEvery: 0, sampleLength: 20, temperature: 1 }, ctx).catch(() => {});
    expect(last).toBeDefined();
    const says = trainingHealthMessage({ divergences: last!.divergences, steps: last!.done, rolledBack: true, unstable: last!.unstable });
    expect(says, JSON.stringify({ divergences: last!.divergences, unstable: last!.unstable, loss: last!.loss })).not.toBe("");
  });
});
