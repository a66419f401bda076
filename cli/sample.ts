/** `rnn-explorer sample`: generates text from a saved character model. */
import { CharTokenizer } from "../bindings/data/index.js";
import { createEngine } from "../bindings/engine.js";
import { checkModelJSON, SAMPLE_LIMITS } from "../bindings/model.js";
import { fail } from "../bindings/validate.js";
import { choice, int, num, text } from "./args.js";
import { defineCommand } from "./command.js";
import { readJSON } from "./files.js";

export const sample = defineCommand({
  name: "sample",
  summary: "generate text from a model saved by train --save",
  usage: "rnn-explorer sample --model model.json [--len 200] [--temperature 0.8] [--prime text] [--seed 1] [--engine wasm|ts]",
  options: {
    model: text(), len: int(0, SAMPLE_LIMITS.length, 200), temperature: num(0, SAMPLE_LIMITS.temperature, 0.8),
    prime: text(), seed: int(0, 0xffffffff, 1), engine: choice(["wasm", "ts"] as const, "wasm"),
  },
  async run({ values: o }) {
    const file = o.model ?? fail("--model is required: a file written by `rnn-explorer train --save`");
    const json = await readJSON(file, "model file");
    // the whole file (sizes, shapes, every number) is checked before any memory is allocated
    const checked = checkModelJSON(json);
    const tokenizer = checked.meta?.tokenizer;
    if (!tokenizer) fail(`${file} has no tokenizer in meta; it was not saved by \`rnn-explorer train\``);
    const tok = CharTokenizer.fromJSON(tokenizer);
    if (tok.size !== checked.config.inputSize || tok.size !== checked.config.outputSize)
      fail(`${file}: its tokenizer has ${tok.size} characters but the model has inputSize ${checked.config.inputSize} and outputSize ${checked.config.outputSize}`);
    const primeText = o.prime ?? tok.chars[0];
    const prime = tok.encode(primeText);
    const model = (await createEngine(o.engine)).loadModel(checked);
    const r = model.sample({ prime, length: o.len, temperature: o.temperature, seed: o.seed });
    process.stdout.write(primeText + tok.decode(r.tokens) + "\n");
    model.dispose();
  },
});
