/** `rnn-explorer grad [--engine wasm|ts] [case.json]`: the one-sequence contract of docs/conformance. */
import { parseCase, runCase } from "../bindings/conformance.js";
import { createEngine } from "../bindings/engine.js";
import { choice } from "./args.js";
import { defineCommand } from "./command.js";
import { readJSON } from "./files.js";

export const grad = defineCommand({
  name: "grad",
  summary: "forward + full BPTT on one case (JSON file or stdin); prints { loss, hidden, outputs, grads }",
  usage: "rnn-explorer grad [--engine wasm|ts] [case.json]",
  options: { engine: choice(["wasm", "ts"] as const, "wasm") },
  rules: { positionals: ["case.json"] },
  async run({ values, positionals }) {
    const k = parseCase(await readJSON(positionals[0], "case"));
    const result = runCase(await createEngine(values.engine), k);
    process.stdout.write(JSON.stringify(result) + "\n");
  },
});
