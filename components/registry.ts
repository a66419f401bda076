/**
 * Lesson views register here; <rnn-explorer> shows a tab for each registered view
 * and nothing for views that are not in the bundle.
 */
import type { Spec } from "./attributes.js";

import { VIEW_NAMES } from "../lessons/views.js";

/** The stable view names (docs/design.md); pages link to them. Tabs follow this order. */
export { VIEW_NAMES };

export interface ViewEntry {
  /** The `view` attribute value, e.g. "bptt". */
  name: string;
  /** Tab label. */
  title: string;
  /** Custom element tag, e.g. "rnn-bptt". */
  tag: string;
  /** Loads the element's code (when it is split out) before the first use. */
  load?: () => Promise<unknown>;
  /** The view's own attributes; <rnn-explorer> validates them before forwarding. */
  attributes?: Spec;
  /** One sentence for the gallery. */
  description?: string;
}

const views = new Map<string, ViewEntry>();
/** Fires "change" when a view registers (elements re-render their tabs). */
export const registryEvents = new EventTarget();

const NAME = /^[a-z][a-z0-9-]*$/;

export function registerView(entry: ViewEntry): void {
  if (!entry || !NAME.test(entry.name) || !entry.tag?.includes("-") || !entry.title) {
    throw new TypeError(`registerView needs { name: kebab-case, title, tag: a custom element name }, got ${JSON.stringify(entry)}`);
  }
  views.set(entry.name, { ...entry });
  registryEvents.dispatchEvent(new Event("change"));
}

/** Removes a view (tests; hot reload). */
export function unregisterView(name: string): void {
  if (views.delete(name)) registryEvents.dispatchEvent(new Event("change"));
}

export function getView(name: string): ViewEntry | undefined { return views.get(name); }

/** Registered views, in docs/design.md order, then others in registration order. */
export function registeredViews(): ViewEntry[] {
  const rank = (n: string) => { const k = (VIEW_NAMES as readonly string[]).indexOf(n); return k < 0 ? VIEW_NAMES.length : k; };
  return [...views.values()].map((v, i) => ({ v, i })).sort((a, b) => rank(a.v.name) - rank(b.v.name) || a.i - b.i).map((x) => x.v);
}
