/** `rnn-explorer train`: trains a character model on a corpus, with a progress bar and a summary. */
import { writeFileSync } from "node:fs";
import { CharTokenizer, unigramEntropy } from "../bindings/data/index.js";
import { LIMITS } from "../bindings/config.js";
import { createEngine } from "../bindings/engine.js";
import { SAMPLE_LIMITS } from "../bindings/model.js";
import { CorpusTrainer, DivergenceError } from "../bindings/trainer.js";
import { ACTIVATIONS, CELLS, CLIP_MODES, INITS, OPTIMIZERS } from "../bindings/types.js";
import { FLOAT32_MAX } from "../bindings/validate.js";
import { choice, flag, int, num, text } from "./args.js";
import { defineCommand } from "./command.js";
import { BUILTIN_CORPORA, loadCorpus } from "./corpus.js";
import { checkWritableFile } from "./files.js";
import { ProgressBar, formatSeconds } from "./progress.js";
import { fmt } from "../bindings/format.js";

export const train = defineCommand({
  name: "train",
  summary: "train a character-level model on a corpus file or a built-in corpus",
  usage: "rnn-explorer train [--cell rnn|lstm|gru] [--hidden 64] [--seq 25] [--steps 30000] [--lr 0.01] [--optimizer sgd|momentum|adagrad|adam]\n" +
    "    [--clip 5] [--clip-mode norm|value|none] [--mean-loss] [--seed 42] [--activation tanh] [--init orthogonal|xavier|gaussian|uniform]\n" +
    "    [--corpus file | --data grammar|brackets|copy] [--engine wasm|ts] [--save model.json] [--sample-len 200] [--temperature 0.8]",
  options: {
    cell: choice(CELLS, "rnn"), hidden: int(1, LIMITS.hiddenSize, 64), seq: int(1, LIMITS.maxSeqLen, 25),
    steps: int(1, 100_000_000, 30000), lr: num(0, 1000, 0.01, { lo: true }), optimizer: choice(OPTIMIZERS, "sgd"),
    clip: num(0, FLOAT32_MAX, 5), "clip-mode": choice(CLIP_MODES), "mean-loss": flag(), seed: int(0, 0xffffffff, 42),
    activation: choice(ACTIVATIONS, "tanh"), init: choice(INITS, "orthogonal"), corpus: text(), data: choice(BUILTIN_CORPORA),
    engine: choice(["wasm", "ts"] as const, "wasm"), save: text(), "sample-len": int(0, SAMPLE_LIMITS.length, 200),
    temperature: num(0, SAMPLE_LIMITS.temperature, 0.8),
  },
  rules: { exclusive: [["corpus", "data"]] },
  async run({ values: o }) {
    // everything that could fail at the end is checked before the first step
    const save = o.save === undefined ? undefined : checkWritableFile("--save", o.save);
    const corpus = await loadCorpus(o.corpus, o.data, o.seed);
    const tok = CharTokenizer.fromText(corpus.text);
    const tokens = tok.encode(corpus.text);
    const engine = await createEngine(o.engine);
    const model = engine.createModel({
      cell: o.cell, activation: o.activation, hiddenSize: o.hidden,
      inputSize: tok.size, outputSize: tok.size, maxSeqLen: o.seq, seed: o.seed, init: o.init,
    });
    const clipMode = o["clip-mode"] ?? (o.clip > 0 ? "norm" : "none");
    const trainer = new CorpusTrainer(model, tokens, {
      seqLen: o.seq, optimizer: { kind: o.optimizer, lr: o.lr }, clip: { mode: clipMode, threshold: o.clip }, meanLoss: o["mean-loss"],
    });
    const firstChar = String.fromCodePoint(corpus.text.codePointAt(0)!); // a whole code point, not half an emoji
    const prime = tok.encode(firstChar);
    const uni = unigramEntropy(corpus.text);
    process.stderr.write(`corpus ${corpus.name}: ${tokens.length} chars, vocab ${tok.size}, unigram entropy ${fmt(uni.nats, { decimals: 3 })} nats/char\n` +
      `model ${model.config.cell} H=${model.config.hiddenSize} (${model.parameterCount} params) on ${engine.kind}, seq ${o.seq}, ${o.steps} steps\n`);
    const bar = new ProgressBar(o.steps, "train ");
    const t0 = performance.now();
    const saveModel = (loss: number) => {
      if (!save) return;
      writeFileSync(save, JSON.stringify(model.exportJSON({ meta: { tokenizer: tok.toJSON(), steps: trainer.step, loss, corpus: corpus.name } })));
      process.stderr.write(`saved ${save}\n`);
    };
    let last;
    try {
      last = trainer.run(o.steps, (p) => bar.update(p.step, `loss ${fmt(p.smoothLoss, { decimals: 3 })}`), Math.max(1, Math.floor(o.steps / 200)));
    } catch (e) {
      // the trainer left the model at its last good snapshot: keep that work
      if (e instanceof DivergenceError) saveModel(trainer.smoothLoss);
      throw e;
    }
    const secs = (performance.now() - t0) / 1000;
    saveModel(last.smoothLoss);
    if (trainer.unstable) process.stderr.write(`warning: ${trainer.unstable}\n`);
    const sample = model.sample({ prime, length: o["sample-len"], temperature: o.temperature, seed: o.seed });
    process.stdout.write(
      `loss ${fmt(last.smoothLoss, { decimals: 4 })} nats/char (${fmt(last.smoothLoss / Math.LN2, { decimals: 3 })} bits/char; unigram ${fmt(uni.nats, { decimals: 3 })})\n` +
      `${trainer.step} steps in ${formatSeconds(secs)}: ${fmt(trainer.step / secs, { decimals: 0 })} steps/s, ${fmt((trainer.step * o.seq) / secs, { decimals: 0 })} chars/s` +
      `${trainer.divergences ? `; ${trainer.divergences} divergences rolled back` : ""}\n` +
      `sample:\n${tok.decode(prime)}${tok.decode(sample.tokens)}\n`);
    model.dispose();
  },
});
