import type { Args } from "./args.js";

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** flags that never take a value */
  flags?: readonly string[];
  run(args: Args): Promise<void>;
}
