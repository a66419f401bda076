/**
 * Live URL state: an explorer with a `url-state` attribute reads its settings from the page's query
 * string when it connects and writes them back (history.replaceState) whenever the reader changes a
 * setting or a tab, so a copied address reopens the same state. The value is a prefix that keeps
 * several explorers on one page apart (`url-state="bptt"` owns `bptt.steps=…`); an empty value owns
 * the plain keys, as in embed.html. The hash is left alone (it names the lesson).
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { isSafeAttributeName } from "../attributes.js";
import { SETTINGS_CHANGE } from "../events.js";

/** Whether query key `key` belongs to the explorer with prefix `prefix`, and its attribute name. */
function ownName(key: string, prefix: string): string | undefined {
  if (!prefix) return key.includes(".") ? undefined : key;
  return key.startsWith(prefix + ".") ? key.slice(prefix.length + 1) : undefined;
}

/** The attributes query `search` gives the explorer with `prefix`; names that could run code are left out. */
export function readUrlState(search: string, prefix: string): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of new URLSearchParams(search)) {
    const name = ownName(k, prefix);
    if (name !== undefined && isSafeAttributeName(name)) out.push([name.toLowerCase(), v.slice(0, 2000)]);
  }
  return out;
}

/** `search` with this explorer's keys replaced by `state`; other explorers' keys and foreign keys stay. */
export function writeUrlState(search: string, prefix: string, state: Record<string, string>): string {
  const q = new URLSearchParams(search);
  for (const k of [...q.keys()]) if (ownName(k, prefix) !== undefined) q.delete(k);
  for (const [k, v] of Object.entries(state)) q.set(prefix ? `${prefix}.${k}` : k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** What the controller needs of the explorer. */
export interface UrlStateHost extends ReactiveControllerHost, HTMLElement {
  shareState(): Record<string, string>;
}

/** Wait after the last change before writing, so dragging a slider is one history entry update, not hundreds. */
const WRITE_DELAY_MS = 150;

export class UrlStateController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private readonly onChange = () => this.schedule();
  private readonly onHide = () => this.flush();

  constructor(private readonly host: UrlStateHost) {
    host.addController(this);
  }

  private get prefix(): string | undefined {
    const p = this.host.getAttribute("url-state");
    return p === null ? undefined : p.trim();
  }

  hostConnected() {
    const prefix = this.prefix;
    if (prefix === undefined || typeof location === "undefined") return;
    // the address wins over the page's markup: it is where the reader left off
    for (const [name, value] of readUrlState(location.search, prefix)) this.host.setAttribute(name, value);
    for (const type of [SETTINGS_CHANGE, "rnn-view-change"]) this.host.addEventListener(type, this.onChange);
    addEventListener("pagehide", this.onHide);
  }

  hostDisconnected() {
    for (const type of [SETTINGS_CHANGE, "rnn-view-change"]) this.host.removeEventListener(type, this.onChange);
    removeEventListener("pagehide", this.onHide);
    this.flush();
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.host.updateComplete.then(() => this.write()), WRITE_DELAY_MS);
  }

  private flush() {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.write();
  }

  private write() {
    this.timer = undefined;
    const prefix = this.prefix;
    if (prefix === undefined) return;
    const search = writeUrlState(location.search, prefix, this.host.shareState());
    if (search === location.search) return;
    try { history.replaceState(history.state, "", location.pathname + search + location.hash); } catch { /* sandboxed or opaque origin: the Share link still works */ }
  }
}
