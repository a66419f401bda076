/**
 * Settings that live in attributes (so a link reproduces them). A bad value keeps the
 * last good one instead of resetting, and becomes a sentence for an inline message.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { attrName, looseName, type Spec, type Values } from "../attributes.js";

export class KeptSettings<S extends Spec> implements ReactiveController {
  values: Values<S>;
  problems: string[] = [];
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, readonly spec: S, private readonly changed?: () => void) {
    host.addController(this);
    this.values = Object.fromEntries(Object.entries(spec).map(([k, r]) => [k, r.default])) as Values<S>;
  }

  hostConnected() {
    this.read();
    this.observer = new MutationObserver(() => { this.read(); this.changed?.(); this.host.requestUpdate(); });
    this.observer.observe(this.host, { attributes: true });
  }

  hostDisconnected() { this.observer?.disconnect(); }

  private read() {
    const byName = new Map(Array.from(this.host.attributes, (a) => [looseName(a.name), a] as const));
    const values = { ...this.values } as Record<string, unknown>, problems: string[] = [];
    for (const [key, rule] of Object.entries(this.spec)) {
      const a = byName.get(looseName(key));
      if (!a) { values[key] = rule.default; continue; }
      const r = rule.parse(a.value);
      if ("value" in r) values[key] = r.value;
      else problems.push(`${attrName(key)}="${a.value.slice(0, 40)}" ${r.error}; keeping ${String(values[key]) || "the default"}.`);
    }
    this.values = values as Values<S>;
    this.problems = problems;
  }

  /** Writes the reader's edits as attributes (removing those given as undefined). */
  set(changes: Partial<Record<keyof S, string | number | undefined>>) {
    for (const [key, v] of Object.entries(changes)) {
      if (v === undefined) this.host.removeAttribute(attrName(key)); else this.host.setAttribute(attrName(key), String(v));
    }
  }
}
