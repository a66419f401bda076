/** `rnn-explorer sample`: generates text from a saved character model. */
import { readFileSync } from "node:fs";
import { CharTokenizer } from "../bindings/data/index.js";
import { createEngine } from "../bindings/engine.js";
import { fail } from "../bindings/validate.js";
import { Options } from "./args.js";
import type { Command } from "./command.js";

export const sample: Command = {
  name: "sample",
  summary: "generate text from a model saved by train --save",
  usage: "rnn-explorer sample --model model.json [--len 200] [--temperature 0.8] [--prime text] [--seed 1] [--engine wasm|ts]",
  async run(args) {
    const o = new Options(args, ["model", "len", "temperature", "prime", "seed", "engine"]);
    const file = o.str("model") ?? fail("--model is required: a file written by `rnn-explorer train --save`");
    let json: { meta?: { tokenizer?: unknown } };
    try { json = JSON.parse(readFileSync(file, "utf8")); } catch (e) { fail(`${file} is not a JSON model file: ${(e as Error).message}`); }
    if (!json.meta?.tokenizer) fail(`${file} has no tokenizer in meta; it was not saved by \`rnn-explorer train\``);
    const tok = CharTokenizer.fromJSON(json.meta.tokenizer);
    const model = (await createEngine(o.str("engine", "wasm") as "wasm" | "ts")).loadModel(json);
    const primeText = o.str("prime", tok.chars[0])!;
    const prime = tok.encode(primeText);
    if (prime.length === 0) fail("--prime must contain at least one character");
    const r = model.sample({ prime, length: o.num("len", 200), temperature: o.num("temperature", 0.8), seed: o.num("seed", 1) });
    process.stdout.write(primeText + tok.decode(r.tokens) + "\n");
  },
};
