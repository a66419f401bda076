/**
 * Attribute validation for elements whose attributes come from page authors and
 * share links. A bad value never throws: it is replaced (by the default, or by the
 * last good value for a view that keeps its state in attributes) and described in a
 * message the element shows inline.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { emit, SETTINGS_CHANGE, type SettingsChangeDetail } from "./events.js";

export interface Rule<T> {
  /** Used when the attribute is absent or bad; undefined leaves the choice to the element that gets it. */
  readonly default: T;
  /** The parsed value, or a message saying what was expected. */
  parse(raw: string): { value: T } | { error: string };
}

export const int = (min: number, max: number, dflt: number): Rule<number> => ({
  default: dflt,
  parse(raw) {
    const v = Number(raw.trim());
    if (raw.trim() === "" || !Number.isInteger(v)) return { error: `must be a whole number from ${min} to ${max}` };
    if (v < min || v > max) return { error: `must be from ${min} to ${max}` };
    return { value: v };
  },
});

export const num = (min: number, max: number, dflt: number): Rule<number> => ({
  default: dflt,
  parse(raw) {
    const v = Number(raw.trim());
    if (raw.trim() === "" || !Number.isFinite(v)) return { error: `must be a number from ${min} to ${max}` };
    if (v < min || v > max) return { error: `must be from ${min} to ${max}` };
    return { value: v };
  },
});

export const oneOf = <T extends string>(values: readonly T[], dflt: T): Rule<T> => ({
  default: dflt,
  parse(raw) {
    const v = raw.trim() as T;
    return values.includes(v) ? { value: v } : { error: `must be one of ${values.join(", ")}` };
  },
});

/** A comma-separated list whose items each pass `item`. */
export const listOf = <T extends string>(values: readonly T[], dflt: readonly T[] = []): Rule<T[]> => ({
  default: [...dflt],
  parse(raw) {
    const items = raw.split(",").map((s) => s.trim()).filter(Boolean);
    const bad = items.filter((s) => !values.includes(s as T));
    return bad.length ? { error: `has unknown item${bad.length > 1 ? "s" : ""} ${bad.join(", ")} (known: ${values.join(", ")})` } : { value: items as T[] };
  },
});

/** A list of numbers parsed by `parse`, which throws a message for the reader (e.g. "entry 3 is not a number"). */
export const numberList = (parse: (text: string) => number[], dflt: readonly number[]): Rule<number[]> => ({
  default: [...dflt],
  parse(raw) {
    try { return { value: parse(raw) }; } catch (e) { return { error: (e as Error).message }; }
  },
});

/** Exactly `n` finite numbers, each within [min, max], comma or space separated. */
export const fixedNumbers = (n: number, min: number, max: number, dflt: readonly number[]): Rule<number[]> =>
  numberList((text) => {
    const parts = text.split(/[\s,]+/).filter(Boolean);
    if (parts.length !== n) throw new Error(`needs exactly ${n} numbers, got ${parts.length}`);
    return parts.map((p, i) => {
      const v = Number(p);
      if (!Number.isFinite(v)) throw new Error(`entry ${i + 1} "${p}" is not a number`);
      if (v < min || v > max) throw new Error(`entry ${i + 1} (${v}) is outside [${min}, ${max}]`);
      return v;
    });
  }, dflt);

/** A boolean attribute: present (or "true", "on", "1") is on; "false", "off", "0" are off. */
export const flag = (dflt = false): Rule<boolean> => ({
  default: dflt,
  parse(raw) {
    const v = raw.trim().toLowerCase();
    if (v === "" || v === "true" || v === "on" || v === "1") return { value: true };
    if (v === "false" || v === "off" || v === "0") return { value: false };
    return { error: "must be present (on) or \"false\" (off)" };
  },
});

/** Attribute names that must never be copied from a URL or forwarded: event handlers run code. */
export function isSafeAttributeName(name: string): boolean {
  return /^[a-z][a-z0-9-]*$/i.test(name) && !/^on/i.test(name) && !["style", "is", "slot", "id", "class", "part", "exportparts", "tabindex", "role", "hidden", "popover", "autofocus"].includes(name.toLowerCase());
}

export const text = (dflt = "", maxLength = 2000): Rule<string> => ({
  default: dflt,
  parse: (raw) => (raw.length <= maxLength ? { value: raw } : { error: `must be at most ${maxLength} characters` }),
});

export type Spec = Record<string, Rule<unknown>>;
export type Values<S extends Spec> = { [K in keyof S]: S[K]["default"] };

/** Attribute name of a spec key: hiddenSize → hidden-size. */
export const attrName = (key: string) => key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
/** Matches hidden-size, hiddensize and hiddenSize alike (HTML lowercases attribute names). */
export const looseName = (name: string) => name.toLowerCase().replace(/-/g, "");

export interface Reading<S extends Spec> {
  values: Values<S>;
  /** One sentence per bad attribute, naming it, the bad value and the fallback. */
  problems: string[];
  /** Keys whose attribute was present and valid. */
  given: Set<keyof S>;
}

/** The defaults of `spec`. */
export const defaults = <S extends Spec>(spec: S): Values<S> =>
  Object.fromEntries(Object.entries(spec).map(([k, r]) => [k, r.default])) as Values<S>;

/**
 * Reads `spec` from the element's attributes (kebab-case or all lowercase). An absent
 * attribute gives the default; a bad one gives the default too or, when `kept` is
 * given, the value kept there (the last good one).
 */
export function readAttributes<S extends Spec>(el: Element, spec: S, kept?: Values<S>): Reading<S> {
  const byLoose = new Map<string, Attr>();
  for (const a of Array.from(el.attributes)) byLoose.set(looseName(a.name), a);
  const values = {} as Record<string, unknown>, problems: string[] = [], given = new Set<keyof S>();
  for (const [key, rule] of Object.entries(spec)) {
    const a = byLoose.get(looseName(key));
    values[key] = rule.default;
    if (!a) continue;
    const r = rule.parse(a.value);
    if ("value" in r) { values[key] = r.value; given.add(key); }
    else if (kept) { values[key] = kept[key]; problems.push(`${attrName(key)}="${clip(a.value)}" ${r.error}; keeping ${show(kept[key])}.`); }
    else problems.push(`${attrName(key)}="${clip(a.value)}" ${r.error}; using ${show(rule.default)}.`);
  }
  return { values: values as Values<S>, problems, given };
}

/**
 * Keeps `values` and `problems` current as the host's attributes change. Render
 * `problems` with <rnn-message>; read settings from `values`.
 */
export class AttributeController<S extends Spec> implements ReactiveController {
  reading: Reading<S>;
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & Element, readonly spec: S) {
    host.addController(this);
    this.reading = readAttributes(host, spec);
  }
  get values() { return this.reading.values; }
  get problems() { return this.reading.problems; }

  hostConnected() {
    this.refresh();
    this.observer = new MutationObserver(() => { this.refresh(); this.host.requestUpdate(); });
    this.observer.observe(this.host, { attributes: true });
  }
  hostDisconnected() { this.observer?.disconnect(); }
  refresh() { this.reading = readAttributes(this.host, this.spec); }
}

/**
 * Settings of a lesson view, kept in its attributes so a link reproduces the state the
 * reader reached. Unlike AttributeController (which falls back to the default), a bad
 * value keeps the last good one, so a reader who mistypes loses nothing; `problems`
 * has a sentence for each (render them with <rnn-message>).
 */
export class KeptAttributes<S extends Spec> implements ReactiveController {
  values: Values<S>;
  problems: string[] = [];
  /**
   * Called when the values change (from the page, from `set`, or while disconnected),
   * with the keys that changed; the first reading counts every key as changed.
   */
  onChange?: (changed: Set<keyof S>) => void;
  private observer?: MutationObserver;
  private read = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, readonly spec: S, onChange?: (changed: Set<keyof S>) => void) {
    host.addController(this);
    this.values = defaults(spec);
    this.onChange = onChange;
  }

  hostConnected() {
    this.refresh();
    this.observer = new MutationObserver(() => { this.refresh(); this.host.requestUpdate(); });
    this.observer.observe(this.host, { attributes: true });
  }

  hostDisconnected() { this.observer?.disconnect(); }

  /** Re-reads every attribute: absent → the default, valid → its value, invalid → the value kept before. */
  refresh() {
    const before = this.values, reading = readAttributes(this.host, this.spec, before);
    this.values = reading.values;
    this.problems = reading.problems;
    const changed = new Set(Object.keys(this.spec).filter((k) => !this.read || !same(before[k], reading.values[k])) as (keyof S)[]);
    this.read = true;
    if (changed.size) this.onChange?.(changed);
  }

  /**
   * Writes settings as attributes (the reader's edits) and applies them at once, so the
   * next render sees them without waiting for the observer: null or false removes an
   * attribute, true sets it empty (present), undefined leaves it alone. Fires
   * rnn-settings-change when an attribute actually changed.
   */
  set(changes: Partial<Record<keyof S, string | number | boolean | null | undefined>>) {
    const names: string[] = [];
    for (const [key, v] of Object.entries(changes)) {
      if (v === undefined) continue;
      const name = attrName(key), before = this.host.getAttribute(name);
      if (v === null || v === false) this.host.removeAttribute(name);
      else this.host.setAttribute(name, v === true ? "" : String(v));
      if (this.host.getAttribute(name) !== before) names.push(name);
    }
    this.refresh();
    this.host.requestUpdate();
    if (names.length) emit<SettingsChangeDetail>(this.host, SETTINGS_CHANGE, { names });
  }
}

const clip = (s: string) => (s.length > 40 ? s.slice(0, 40) + "…" : s);
/** A value as a message names it. */
const show = (v: unknown): string =>
  v === undefined || v === null || v === "" ? "the default"
    : Array.isArray(v) ? (v.length ? v.join(",") : "all")
    : typeof v === "boolean" ? (v ? "on" : "off") : String(v);
const same = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? a.join() === b.join() : a === b);
