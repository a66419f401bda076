/** `rnn-explorer train`: trains a character model on a corpus, with a progress bar and a summary. */
import { writeFileSync } from "node:fs";
import { CharTokenizer, unigramEntropy } from "../bindings/data/index.js";
import { createEngine } from "../bindings/engine.js";
import { CorpusTrainer } from "../bindings/trainer.js";
import type { CellKind, ClipMode, OptimizerKind } from "../bindings/types.js";
import { Options } from "./args.js";
import type { Command } from "./command.js";
import { loadCorpus } from "./corpus.js";
import { ProgressBar, formatSeconds } from "./progress.js";

export const train: Command = {
  name: "train",
  summary: "train a character-level model on a corpus file or a built-in corpus",
  usage: "rnn-explorer train [--cell rnn|lstm|gru] [--hidden 64] [--seq 25] [--steps 30000] [--lr 0.01] [--optimizer sgd|momentum|adagrad|adam]\n" +
    "    [--clip 5] [--clip-mode norm|value|none] [--mean-loss] [--seed 42] [--activation tanh] [--init orthogonal|xavier|gaussian|uniform]\n" +
    "    [--corpus file | --data grammar|brackets|copy] [--engine wasm|ts] [--save model.json] [--sample-len 200] [--temperature 0.8]",
  flags: ["mean-loss"],
  async run(args) {
    const o = new Options(args, ["cell", "hidden", "seq", "steps", "lr", "optimizer", "clip", "clip-mode", "mean-loss", "seed", "activation",
      "init", "corpus", "data", "engine", "save", "sample-len", "temperature"]);
    const seed = o.num("seed", 42);
    const corpus = loadCorpus(o.str("corpus"), o.str("data"), seed);
    const tok = CharTokenizer.fromText(corpus.text);
    const tokens = tok.encode(corpus.text);
    const seqLen = o.num("seq", 25), steps = o.num("steps", 30000);
    const engine = await createEngine((o.str("engine", "wasm")) as "wasm" | "ts");
    const model = engine.createModel({
      cell: o.str("cell", "rnn") as CellKind, activation: o.str("activation", "tanh") as "tanh", hiddenSize: o.num("hidden", 64),
      inputSize: tok.size, outputSize: tok.size, maxSeqLen: seqLen, seed, init: (o.str("init", "orthogonal")) as "orthogonal",
    });
    const clip = o.num("clip", 5);
    const clipMode = (o.str("clip-mode", clip > 0 ? "norm" : "none")) as ClipMode;
    const trainer = new CorpusTrainer(model, tokens, {
      seqLen, optimizer: { kind: o.str("optimizer", "sgd") as OptimizerKind, lr: o.num("lr", 0.01) },
      clip: { mode: clipMode, threshold: clip }, meanLoss: o.flag("mean-loss"),
    });
    const uni = unigramEntropy(corpus.text);
    process.stderr.write(`corpus ${corpus.name}: ${tokens.length} chars, vocab ${tok.size}, unigram entropy ${uni.nats.toFixed(3)} nats/char\n` +
      `model ${model.config.cell} H=${model.config.hiddenSize} (${model.parameterCount} params) on ${engine.kind}, seq ${seqLen}, ${steps} steps\n`);
    const bar = new ProgressBar(steps, "train ");
    const t0 = performance.now();
    const last = trainer.run(steps, (p) => bar.update(p.step, `loss ${p.smoothLoss.toFixed(3)}`), Math.max(1, Math.floor(steps / 200)));
    const secs = (performance.now() - t0) / 1000;
    const prime = tok.encode(corpus.text[0]);
    const sample = model.sample({ prime, length: o.num("sample-len", 200), temperature: o.num("temperature", 0.8), seed });
    process.stdout.write(
      `loss ${last.smoothLoss.toFixed(4)} nats/char (${(last.smoothLoss / Math.LN2).toFixed(3)} bits/char; unigram ${uni.nats.toFixed(3)})\n` +
      `${trainer.step} steps in ${formatSeconds(secs)}: ${(trainer.step / secs).toFixed(0)} steps/s, ${((trainer.step * seqLen) / secs).toFixed(0)} chars/s` +
      `${trainer.divergences ? `; ${trainer.divergences} divergences rolled back` : ""}\n` +
      `sample:\n${tok.decode(prime)}${tok.decode(sample.tokens)}\n`);
    const save = o.str("save");
    if (save) {
      writeFileSync(save, JSON.stringify(model.exportJSON({ meta: { tokenizer: tok.toJSON(), steps: trainer.step, loss: last.smoothLoss, corpus: corpus.name } })));
      process.stderr.write(`saved ${save}\n`);
    }
  },
};
