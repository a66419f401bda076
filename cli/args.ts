/** A small argument parser: `--key value`, `--key=value`, `--flag`, positionals. */
import { fail } from "../bindings/validate.js";

export interface Args { positional: string[]; options: Map<string, string | true> }

export function parseArgs(argv: string[], flags: readonly string[] = []): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (!a.startsWith("--")) { positional.push(a); continue; }
    const eq = a.indexOf("=");
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (eq > 0) options.set(key, a.slice(eq + 1));
    else if (flags.includes(key) || k + 1 >= argv.length || argv[k + 1].startsWith("--")) options.set(key, true);
    else options.set(key, argv[++k]);
  }
  return { positional, options };
}

/** Typed option readers; each fails with a message naming the option. */
export class Options {
  constructor(private readonly args: Args, private readonly known: readonly string[]) {
    for (const k of args.options.keys()) if (!known.includes(k)) fail(`unknown option --${k} (known: ${known.map((x) => "--" + x).join(" ")})`);
  }
  has(key: string) { return this.args.options.has(key); }
  str(key: string, dflt?: string): string | undefined {
    const v = this.args.options.get(key);
    if (v === true) fail(`--${key} needs a value`);
    return v ?? dflt;
  }
  num(key: string, dflt: number): number {
    const v = this.str(key);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (v.trim() === "" || !Number.isFinite(n)) fail(`--${key} must be a number, got "${v}"`);
    return n;
  }
  flag(key: string): boolean { return this.args.options.get(key) === true; }
  get positional() { return this.args.positional; }
}
