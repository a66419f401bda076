/** Shared setup: the built bundle from the second origin, test-only views, and DOM helpers. */
import { inject } from "vitest";
import { commands } from "vitest/browser";

export const origin = inject("bundleOrigin");
export const bundleURL = `${origin}/dist/rnn-explorer.js`;

type Lib = typeof import("../../components/index.js");
let lib: Promise<Lib> | undefined;

/** The bundle's exports; views registered here exist only in this test page. */
export function loadBundle(): Promise<Lib> {
  return (lib ??= (import(/* @vite-ignore */ bundleURL) as Promise<Lib>).then((m) => {
    for (const [name, title] of [["alpha", "Alpha"], ["beta", "Beta"], ["gamma", "Gamma"]]) {
      const tag = `rnn-test-${name}`;
      if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {
        connectedCallback() { this.textContent = `${title} view; hidden-size ${this.getAttribute("hidden-size") ?? "default"}, seed ${this.getAttribute("seed") ?? "default"}`; }
      });
      m.registerView({ name: `test-${name}`, title, tag });
    }
    return m;
  }));
}

/** A mounted Lit element. */
export type View = HTMLElement & { updateComplete: Promise<boolean> };

export async function mount(html: string): Promise<View> {
  const host = document.createElement("div");
  host.innerHTML = html;
  document.body.append(host);
  const el = host.firstElementChild as View;
  await el.updateComplete;
  return el;
}

/** Waits for every Lit element below `root` to finish rendering. */
export async function settle(root: Element | ShadowRoot): Promise<void> {
  for (let pass = 0; pass < 3; pass++) {
    const all: Element[] = [];
    const walk = (r: Element | ShadowRoot) => r.querySelectorAll("*").forEach((e) => { all.push(e); if (e.shadowRoot) walk(e.shadowRoot); });
    walk(root);
    await Promise.all(all.map((e) => (e as { updateComplete?: Promise<unknown> }).updateComplete));
  }
}

export const shadow = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;
/** The first match of `sel` below `root`, and all matches. */
export const $ = <T extends Element = HTMLElement>(root: Element | ShadowRoot, sel: string) => root.querySelector(sel) as T;
export const all = (root: Element | ShadowRoot, sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];

export function tabsOf(explorer: Element): HTMLButtonElement[] {
  const tabs = shadow(explorer, "rnn-tabs");
  return tabs ? [...tabs.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')] : [];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long `until` waits by default: below the 60 s test timeout, so its own message is the one a failure shows. */
export const UNTIL_MS = 50_000;

/**
 * Polls `probe` until it gives a truthy value (which it returns); a probe may be async. The deadline
 * is the one generous guard against a hang, not a speed claim: speed targets live in the bench, and a
 * loaded 2-core machine may take many times longer than an idle one. A test that waits longer than the
 * default passes its own `ms` and sets its own test timeout above it.
 */
export async function until<T>(what: string, probe: () => T | Promise<T>, ms = UNTIL_MS): Promise<NonNullable<T>> {
  const t0 = performance.now();
  for (;;) {
    const v = await probe();
    if (v) return v as NonNullable<T>;
    if (performance.now() - t0 > ms) throw new Error(`timed out after ${Math.round(ms / 1000)} s waiting for ${what}`);
    await sleep(25);
  }
}

/** Waits until the view has drawn `probe` in its shadow root, and every element below has rendered. */
export async function drawn(el: View, probe: string): Promise<ShadowRoot> {
  await until(`${el.localName} to draw ${probe}`, () => el.shadowRoot?.querySelector(probe));
  await settle(el.shadowRoot!);
  return el.shadowRoot!;
}

/**
 * Polls `body` (a function's source, called with `arg`) in the frame whose address contains `urlPart`
 * until it returns a truthy value. A frame that is still loading, or navigating its own address, is
 * retried rather than failed.
 */
export const inFrameUntil = <T>(urlPart: string, body: string, arg?: unknown) =>
  until(`in the frame ${urlPart}: ${body}`, () => commands.inFrame<T>(urlPart, body, arg).catch(() => undefined));

/** What each Worker the page creates reports: error events and the types of its messages. */
export interface WorkerLog { errors: string[]; messages: string[] }

/** Records every Worker created until the returned `restore` is called. */
export function recordWorkers(): { made: WorkerLog[]; restore: () => void } {
  const made: WorkerLog[] = [];
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, opts?: WorkerOptions) {
      super(url, opts);
      const log: WorkerLog = { errors: [], messages: [] };
      made.push(log);
      this.addEventListener("error", (e) => log.errors.push(e.message || "error"));
      this.addEventListener("message", (e: MessageEvent<{ type: string }>) => log.messages.push(e.data.type));
    }
  };
  return { made, restore: () => { window.Worker = Native; } };
}

/**
 * Loads the per-element build's gradient-flow lesson, mounts a small study and waits for its
 * speed estimate, a task the view runs in a worker on mount; returns the task's final status.
 */
export async function elementsSpeedEstimate(): Promise<string> {
  await import(/* @vite-ignore */ `${origin}/dist/elements/gradient-flow.js`);
  const el = await mount('<rnn-gradient-flow lengths="4, 8" steps="200" seeds="1" budget="900" vocab="4"></rnn-gradient-flow>');
  const view = el as unknown as { speed: { status: string } };
  await until("the speed estimate", () => view.speed.status === "done" || view.speed.status === "error");
  return view.speed.status;
}
