/** `rnn-explorer grad [--engine wasm|ts] [case.json]`: CONFORMANCE.md's one-sequence contract. */
import { readFileSync } from "node:fs";
import { parseCase, runCase } from "../bindings/conformance.js";
import { createEngine } from "../bindings/engine.js";
import { fail } from "../bindings/validate.js";
import { Options } from "./args.js";
import type { Command } from "./command.js";

export const grad: Command = {
  name: "grad",
  summary: "forward + full BPTT on one case (JSON file or stdin); prints { loss, hidden, outputs, grads }",
  usage: "rnn-explorer grad [--engine wasm|ts] [case.json]",
  async run(args) {
    const o = new Options(args, ["engine"]);
    const engineKind = o.str("engine", "wasm") as "wasm" | "ts";
    const file = o.positional[0];
    const text = file === undefined || file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
    let json: unknown;
    try { json = JSON.parse(text); } catch (e) { fail(`case is not valid JSON: ${(e as Error).message}`); }
    const result = runCase(await createEngine(engineKind), parseCase(json));
    process.stdout.write(JSON.stringify(result) + "\n");
  },
};
