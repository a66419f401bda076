/**
 * Command-line options: node:util.parseArgs splits the words, and each command declares
 * every option with its type and allowed range, so all of them are checked before any
 * work starts. A bad option fails with one line naming it and what it accepts.
 */
import { parseArgs } from "node:util";
import { fail, FLOAT32_MAX, intInRange, numInRange, oneOf } from "../bindings/validate.js";

/** One option: how parseArgs reads it, and how its text becomes a checked value. */
export interface Opt<T> {
  readonly type: "string" | "boolean";
  /** a string option that may also stand alone (`--native` or `--native file`) */
  readonly optionalValue?: boolean;
  /** a string option that may be given more than once (`--view a --view b`); read gets every value */
  readonly repeatable?: boolean;
  /** raw is undefined when the option was not given */
  read(raw: string | boolean | string[] | undefined, flag: string): T;
}

export type OptionSpec = Record<string, Opt<unknown>>;
export type Values<S extends OptionSpec> = { [K in keyof S]: S[K] extends Opt<infer T> ? T : never };

export interface ParsedArgs<S extends OptionSpec> {
  values: Values<S>;
  positionals: string[];
  /** options given on the command line (defaults are not) */
  given: ReadonlySet<string>;
}

export interface ParseRules {
  /** positional arguments: their names for messages; more than this many is an error */
  positionals?: readonly string[];
  /** the last positional may repeat (e.g. a list of directories) */
  morePositionals?: boolean;
  /** groups of options of which at most one may be given */
  exclusive?: ReadonlyArray<readonly string[]>;
}

// decimal only: "0x10", "1e", "Infinity", "" and " 5" are not numbers on this command line
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function toNumber(raw: string | boolean | string[]): unknown {
  return typeof raw === "string" && DECIMAL.test(raw) ? Number(raw) : raw;
}

export function int(min: number, max: number): Opt<number | undefined>;
export function int(min: number, max: number, dflt: number): Opt<number>;
export function int(min: number, max: number, dflt?: number): Opt<number | undefined> {
  return { type: "string", read: (raw, flag) => (raw === undefined ? dflt : intInRange(flag, toNumber(raw), min, max)) };
}

/** A real number in [min, max] (open ends optional); ranges never leave float32. */
export function num(min: number, max: number, dflt?: number, open: { lo?: boolean; hi?: boolean } = {}): Opt<number> {
  const lo = Math.max(min, -FLOAT32_MAX), hi = Math.min(max, FLOAT32_MAX);
  return { type: "string", read: (raw, flag) => (raw === undefined ? dflt! : numInRange(flag, toNumber(raw), lo, hi, open)) };
}

export function choice<T extends string>(values: readonly T[]): Opt<T | undefined>;
export function choice<T extends string>(values: readonly T[], dflt: T): Opt<T>;
export function choice<T extends string>(values: readonly T[], dflt?: T): Opt<T | undefined> {
  return { type: "string", read: (raw, flag) => (raw === undefined ? dflt : oneOf(flag, raw, values)) };
}

export function text(): Opt<string | undefined>;
export function text(dflt: string): Opt<string>;
export function text(dflt?: string): Opt<string | undefined> {
  return { type: "string", read: (raw, flag) => {
    if (raw === undefined) return dflt;
    if (typeof raw !== "string" || raw === "") fail(`${flag} needs a non-empty value`);
    return raw;
  } };
}

/** Every value of a repeatable option, each also split at commas (`--view a,b --view c`); [] when absent. */
export function list(): Opt<string[]> {
  return { type: "string", repeatable: true, read: (raw, flag) => {
    const words = (Array.isArray(raw) ? raw : []).flatMap((w) => w.split(",")).map((w) => w.trim());
    if (words.some((w) => w === "")) fail(`${flag} needs a non-empty value (a name, or names separated by commas)`);
    return words;
  } };
}

export function flag(): Opt<boolean> {
  return { type: "boolean", read: (raw) => raw === true };
}

/** `--name` alone gives true, `--name value` gives the value, absent gives undefined. */
export function optionalText(): Opt<string | true | undefined> {
  return { type: "string", optionalValue: true, read: (raw) => (raw === "" ? true : (raw as string | undefined)) };
}

/**
 * Parses argv against a spec. Everything is checked here: unknown, repeated or
 * valueless options, stray positionals, exclusive pairs, and every value's range.
 */
export function parseCommandLine<S extends OptionSpec>(argv: readonly string[], spec: S, rules: ParseRules = {}): ParsedArgs<S> {
  const known = Object.keys(spec);
  const list = () => known.map((k) => "--" + k).join(" ") || "none";
  // an optional-value option standing alone gets an explicit empty value
  const words = argv.map((w, k) => {
    const name = w.startsWith("--") ? w.slice(2) : "";
    const next = argv[k + 1];
    return spec[name]?.optionalValue && (next === undefined || next.startsWith("-")) ? `--${name}=` : w;
  });
  const options = Object.fromEntries(known.map((k) => [k, { type: spec[k].type }]));
  // strict: false so this file, not parseArgs, words each error (and "-1" can be a value)
  const { tokens } = parseArgs({ args: words, options, strict: false, allowPositionals: true, tokens: true });
  const raw = new Map<string, string | boolean | string[]>();
  const positionals: string[] = [];
  let previous: { name: string; boolean: boolean } | undefined;
  for (const t of tokens) {
    if (t.kind === "option-terminator") { previous = undefined; continue; }
    if (t.kind === "positional") {
      const max = rules.positionals?.length ?? 0;
      if (positionals.length >= max && !rules.morePositionals) {
        const hint = previous?.boolean ? ` (--${previous.name} takes no value)` : "";
        fail(max === 0 ? `unexpected argument ${JSON.stringify(t.value)}${hint}: this command takes options only`
          : `unexpected argument ${JSON.stringify(t.value)}${hint}: expected at most ${rules.positionals!.join(", ")}`);
      }
      positionals.push(t.value);
      previous = undefined;
      continue;
    }
    const o = spec[t.name];
    if (!o || !known.includes(t.name)) fail(`unknown option ${t.rawName} (known: ${list()})`);
    if (raw.has(t.name) && !o.repeatable) fail(`${t.rawName} is given more than once`);
    if (o.type === "boolean") {
      if (t.value !== undefined) fail(`${t.rawName} takes no value, got ${JSON.stringify(t.value)}`);
      raw.set(t.name, true);
    } else {
      // a following option name is a missing value, not the value
      if (t.value === undefined || (!t.inlineValue && t.value.startsWith("--"))) fail(`${t.rawName} needs a value`);
      raw.set(t.name, o.repeatable ? [...((raw.get(t.name) as string[] | undefined) ?? []), t.value] : t.value);
    }
    previous = { name: t.name, boolean: o.type === "boolean" };
  }
  for (const group of rules.exclusive ?? []) {
    const both = group.filter((k) => raw.has(k));
    if (both.length > 1) fail(`${both.map((k) => "--" + k).join(" and ")} cannot be used together: give one of ${group.map((k) => "--" + k).join(", ")}`);
  }
  const values = {} as Record<string, unknown>;
  for (const k of known) values[k] = spec[k].read(raw.get(k), "--" + k);
  return { values: values as Values<S>, positionals, given: new Set(raw.keys()) };
}
