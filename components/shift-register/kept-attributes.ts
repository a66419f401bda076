/**
 * Attribute settings for the lesson views, which are also where the views keep their
 * state (so a link reproduces it). Unlike AttributeController, a bad value keeps the
 * last good one instead of falling back to the default: a reader who mistypes loses
 * nothing. Problems are sentences for an inline message.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { attrName, looseName, type Spec, type Values } from "../attributes.js";

export class KeptAttributes<S extends Spec> implements ReactiveController {
  values: Values<S>;
  problems: string[] = [];
  private observer?: MutationObserver;

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

  /** Re-reads every attribute; absent → default, valid → its value, invalid → the previous value. */
  refresh() {
    const byLoose = new Map<string, Attr>();
    for (const a of Array.from(this.host.attributes)) byLoose.set(looseName(a.name), a);
    const values = { ...this.values } as Record<string, unknown>, problems: string[] = [];
    for (const [key, rule] of Object.entries(this.spec)) {
      const a = byLoose.get(looseName(key));
      if (!a) { values[key] = rule.default; continue; }
      const r = rule.parse(a.value);
      if ("value" in r) values[key] = r.value;
      else problems.push(`${attrName(key)}="${a.value.length > 40 ? a.value.slice(0, 40) + "…" : a.value}" ${r.error}; keeping ${show(values[key])}.`);
    }
    this.values = values as Values<S>;
    this.problems = problems;
  }

  /** Writes settings as attributes (the reader's edits); null or false removes one. */
  set(changes: Partial<Record<keyof S, string | number | boolean | null>>) {
    for (const [key, v] of Object.entries(changes)) {
      const name = attrName(key);
      if (v === null || v === false) this.host.removeAttribute(name);
      else this.host.setAttribute(name, v === true ? "" : String(v));
    }
    // apply at once so the next render sees the edit without waiting for the observer
    this.refresh();
    this.host.requestUpdate();
  }
}

function show(v: unknown): string {
  if (Array.isArray(v)) return v.join(",");
  return typeof v === "boolean" ? (v ? "on" : "off") : String(v);
}
