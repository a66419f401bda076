import type { OptionSpec, ParseRules, ParsedArgs } from "./args.js";

export interface Command<S extends OptionSpec = OptionSpec> {
  name: string;
  summary: string;
  usage: string;
  /** every option the command accepts, with its type and range (checked before run) */
  options: S;
  rules?: ParseRules;
  run(args: ParsedArgs<S>): Promise<void>;
}

/** Keeps each command's option types while listing commands side by side. */
export function defineCommand<S extends OptionSpec>(c: Command<S>): Command {
  return c as unknown as Command;
}
