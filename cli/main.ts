/** The `rnn-explorer` command line. Each command lives in its own file and is listed here. */
import { DivergenceError } from "../bindings/trainer.js";
import { ValidationError } from "../bindings/validate.js";
import { parseCommandLine } from "./args.js";
import type { Command } from "./command.js";
import { bench } from "./bench.js";
import { grad } from "./grad.js";
import { lab } from "./lab.js";
import { pack } from "./pack.js";
import { sample } from "./sample.js";
import { train } from "./train.js";

const commands: Command[] = [grad, train, sample, bench, lab, pack];

function help(): string {
  return "usage: rnn-explorer <command> [options]\n\n" + commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}\n    ${c.usage}`).join("\n\n") + "\n";
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") { process.stdout.write(help()); return 0; }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) { process.stderr.write(`rnn-explorer: unknown command "${name}"\n${help()}`); return 2; }
  try {
    // every option is parsed and range-checked before the command does any work
    await cmd.run(parseCommandLine(rest, cmd.options, cmd.rules));
    return 0;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const expected = err instanceof ValidationError || err instanceof SyntaxError || err instanceof DivergenceError || (err as NodeJS.ErrnoException).code === "ENOENT";
    process.stderr.write(`rnn-explorer ${name}: ${err.message.split("\n")[0]}\n`);
    if (!expected && process.env.RNN_EXPLORER_DEBUG) process.stderr.write(String(err.stack) + "\n");
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
