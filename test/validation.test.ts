/** Bad input to every public entry: a ValidationError naming the field, and nothing broken afterwards. */
import { describe, expect, it } from "vitest";
import { createEngine } from "../bindings/engine.js";
import { parseCase } from "../bindings/conformance.js";
import { ValidationError } from "../bindings/validate.js";
import { EchoStateNetwork } from "../bindings/esn.js";
import { CorpusTrainer } from "../bindings/trainer.js";
import { randomCase } from "./helpers.js";

const engine = await createEngine("wasm");
const base = { inputSize: 4, hiddenSize: 5, outputSize: 4, maxSeqLen: 6 };

function rejects(fn: () => unknown, field: RegExp) {
  let err: unknown;
  try { fn(); } catch (e) { err = e; }
  expect(err, `expected a ValidationError matching ${field}`).toBeInstanceOf(ValidationError);
  expect((err as Error).message).toMatch(field);
}

describe("createModel", () => {
  it.each([
    [{ ...base, cell: "transformer" }, /cell must be one of "rnn", "lstm", "gru"/],
    [{ ...base, hiddenSize: 0 }, /hiddenSize must be an integer in \[1, 2048\], got 0/],
    [{ ...base, hiddenSize: 10_000 }, /hiddenSize .*got 10000/],
    [{ ...base, hiddenSize: 2.5 }, /hiddenSize/],
    [{ ...base, inputSize: undefined }, /inputSize/],
    [{ ...base, seed: -1 }, /seed must be an integer/],
    [{ ...base, seed: "abc" }, /seed .*"abc"/],
    [{ ...base, activation: "gelu" }, /activation must be one of/],
    [{ ...base, cell: "lstm", activation: "relu" }, /activation applies to rnn cells only/],
    [{ ...base, init: "he" }, /init must be one of/],
    [{ ...base, initScale: 0 }, /initScale/],
    [{ ...base, spectralRadius: NaN }, /spectralRadius/],
    [{ ...base, maxSeqLen: 0 }, /maxSeqLen/],
    [{ ...base, hiddensize: 4 }, /config.hiddensize is not a model setting/],
    [{ ...base, hiddenSize: 2048, inputSize: 65536, outputSize: 65536 }, /model is too large/],
  ])("%o", (cfg, msg) => rejects(() => engine.createModel(cfg as never), msg));
});

describe("model entry points", () => {
  const m = engine.createModel({ ...base, seed: 1 });
  const ok = { tokens: [1, 2], targets: [2, 3] };
  it.each([
    [() => m.trainChunk({ tokens: [1, 9], targets: [2, 3] }), /tokens\[1\] must be an integer in \[0, 3\], got 9/],
    [() => m.trainChunk({ tokens: [1, 2], targets: [2] }), /targets must be an array of 2 entries/],
    [() => m.trainChunk({ tokens: [], targets: [] }), /tokens must have between 1 and 6/],
    [() => m.trainChunk({ tokens: [1, 2, 3, 1, 2, 3, 1], targets: new Array(7).fill(0) }), /maxSeqLen/],
    [() => m.trainChunk({ tokens: [1], inputs: [[1, 2, 3, 4]], targets: [1] }), /exactly one of tokens or inputs/],
    [() => m.trainChunk({ inputs: [[1, NaN, 3, 4]], targets: [1] }), /inputs\[0\]\[1\] must be a finite number/],
    [() => m.trainChunk({ inputs: [[1, 2]], targets: [1] }), /inputs\[0\] must be an array of 4 numbers/],
    [() => m.trainChunk(ok, { optimizer: { kind: "rmsprop" as never } }), /optimizer.kind must be one of/],
    [() => m.trainChunk(ok, { optimizer: { lr: -1 } }), /optimizer.lr/],
    [() => m.trainChunk(ok, { clip: { mode: "norm", threshold: NaN } }), /clip.threshold/],
    [() => m.trainChunk(ok, { clip: { mode: "max" as never } }), /clip.mode/],
    [() => m.trainChunk(ok, { freeze: ["W_q" as never] }), /freeze\[\]/],
    [() => m.trainChunk(ok, { samplingProb: 2 }), /samplingProb/],
    [() => m.setParams({ W_x: [[1]] }), /params.W_x must be a 5 × 4 matrix/],
    [() => m.setState({ h: [1, 2] }), /h0 must be an array of 5 numbers/],
    [() => m.setState({ c: [1, 2, 3, 4, 5] }), /c0 is only for lstm/],
    [() => m.sample({ prime: [], length: 5 }), /prime must have at least one token/],
    [() => m.sample({ prime: [1], length: 5, temperature: -1 }), /temperature/],
    [() => m.sample({ prime: [7], length: 5 }), /prime\[0\]/],
    [() => m.step(42), /tokens\[0\]/],
    [() => m.backward(), /backward needs a forward first/],
    [() => m.importJSON({ format: "other" }), /format "rnn-explorer-model"/],
    [() => m.importJSON({ ...m.exportJSON(), config: { ...m.config, hiddenSize: 6 } }), /params.W_x must be a 6 × 4 matrix/],
    [() => m.importJSON({ ...m.exportJSON(), params: { ...m.getParams(), b: [1, 2, NaN, 4, 5] } }), /params.b\[2\] must be a finite number/],
    [() => engine.loadModel("not json"), /model file must be a JSON object/],
    [() => new CorpusTrainer(m, [1], { seqLen: 5 }), /at least 2 tokens/],
    [() => new EchoStateNetwork({ inputSize: 1, outputSize: 1, size: 0 }), /size must be an integer/],
    [() => new EchoStateNetwork({ inputSize: 1, outputSize: 1, leakRate: 0 }), /leakRate/],
  ])("%#: %s", (fn, msg) => rejects(fn, msg));

  it("a rejected call leaves the model working and unchanged", () => {
    const before = m.getFlatParams();
    rejects(() => m.setParams({ ...m.getParams(), W_y: [[1, 2, 3, 4, 5]] }), /W_y/);
    rejects(() => m.trainChunk({ tokens: [1, 2], targets: [2, 99] }), /targets\[1\]/);
    expect(m.getFlatParams()).toEqual(before);
    expect(Number.isFinite(m.trainChunk(ok).loss)).toBe(true);
  });
});

describe("conformance cases", () => {
  const good = randomCase({ cell: "lstm" });
  it.each([
    [{ ...good, cell: "elman" }, /cell must be one of/],
    [{ ...good, params: { ...(good.params as object), W_h: [[1, 2]] } }, /params.W_h must be a 16 × 4 matrix/],
    [{ ...good, tokens: [0, 1, 7, 0, 0] }, /tokens\[2\] must be an integer in \[0, 2\]/],
    [{ ...good, params: { ...(good.params as object), b_y: [0, NaN, 0] } }, /params.b_y\[1\]/],
    [{ ...good, targets: undefined }, /targets is missing/],
    [{ ...good, hiddenSize: undefined }, /hiddenSize is missing/],
    [{ ...good, loss: "hinge" }, /loss must be one of/],
    [{ ...good, c0: [1, 2] }, /c0 must be an array of 4 numbers/],
    [[1, 2], /case must be a JSON object/],
  ])("%#", (c, msg) => rejects(() => parseCase(c), msg));
});
