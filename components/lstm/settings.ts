/**
 * Settings of a lesson view, kept in its attributes so a link reproduces the state.
 * Unlike AttributeController (which falls back to the default), a bad value keeps the
 * last good one, and the problem is a sentence for an inline message: a reader who
 * mistypes loses nothing.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { attrName, looseName, type Spec, type Values } from "../attributes.js";

export class KeptSettings<S extends Spec> implements ReactiveController {
  values: Values<S>;
  problems: string[] = [];
  private observer?: MutationObserver;
  /** called after the values change (from the page or from `set`) */
  onChange?: (changed: Set<keyof S>) => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, readonly spec: S) {
    host.addController(this);
    this.values = Object.fromEntries(Object.entries(spec).map(([k, r]) => [k, r.default])) as Values<S>;
  }

  hostConnected() {
    this.refresh();
    this.observer = new MutationObserver(() => { this.refresh(); this.host.requestUpdate(); });
    this.observer.observe(this.host, { attributes: true });
  }

  hostDisconnected() { this.observer?.disconnect(); }

  /** Re-reads every attribute: absent → default, valid → its value, invalid → the previous value. */
  refresh() {
    const byLoose = new Map<string, Attr>();
    for (const a of Array.from(this.host.attributes)) byLoose.set(looseName(a.name), a);
    const values = { ...this.values } as Record<string, unknown>, problems: string[] = [], changed = new Set<keyof S>();
    for (const [key, rule] of Object.entries(this.spec)) {
      const a = byLoose.get(looseName(key));
      const before = values[key];
      if (!a) values[key] = rule.default;
      else {
        const r = rule.parse(a.value);
        if ("value" in r) values[key] = r.value;
        else problems.push(`${attrName(key)}="${a.value.length > 40 ? a.value.slice(0, 40) + "…" : a.value}" ${r.error}; keeping ${show(before)}.`);
      }
      if (!same(before, values[key])) changed.add(key);
    }
    this.values = values as Values<S>;
    this.problems = problems;
    if (changed.size) this.onChange?.(changed);
  }

  /** Writes settings as attributes (the reader's edits); null or false removes one. */
  set(changes: Partial<Record<keyof S, string | number | boolean | null>>) {
    for (const [key, v] of Object.entries(changes)) {
      const name = attrName(key);
      if (v === null || v === false) this.host.removeAttribute(name);
      else this.host.setAttribute(name, v === true ? "" : String(v));
    }
    this.refresh(); // at once, so the next render sees the edit without waiting for the observer
    this.host.requestUpdate();
  }
}

const same = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? a.join() === b.join() : a === b);
const show = (v: unknown) => (Array.isArray(v) ? v.join(", ") : typeof v === "boolean" ? (v ? "on" : "off") : String(v));
