// Browser commands run in Node with the Playwright page: they see every console message
// and request of the page, its iframes and workers, which in-page code cannot.
import type { BrowserCommand } from "vitest/node";

interface Captured { console: { type: string; text: string }[]; requests: string[] }
const captured = new WeakMap<object, Captured>();

type Ctx = Parameters<BrowserCommand<[]>>[0] & { page: import("playwright").Page };

export const startCapture: BrowserCommand<[]> = async (context) => {
  const { page } = context as Ctx;
  const c: Captured = { console: [], requests: [] };
  captured.set(page, c);
  page.on("console", (m) => c.console.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => c.console.push({ type: "pageerror", text: String(e) }));
  page.on("request", (r) => c.requests.push(r.url()));
  page.on("worker", (w) => w.on("console", (m) => c.console.push({ type: m.type(), text: m.text() })));
};

export const readCapture: BrowserCommand<[]> = async (context) => {
  const { page } = context as Ctx;
  return captured.get(page) ?? { console: [], requests: [] };
};

declare module "vitest/browser" {
  interface BrowserCommands {
    startCapture: () => Promise<void>;
    readCapture: () => Promise<Captured>;
  }
}

/**
 * Runs `body` (a function's source, called with `arg`) inside the frame whose address contains
 * `urlPart`: cross-origin frames (embed.html from the bundle's origin) are out of the test page's reach.
 */
export const inFrame: BrowserCommand<[urlPart: string, body: string, arg?: unknown]> = async (context, urlPart, body, arg) => {
  const { page } = context as Ctx;
  // the newest live frame: a frame removed by the previous test can linger in the list for a moment
  const frame = page.frames().filter((f) => !f.isDetached() && f.url().includes(urlPart)).pop();
  if (!frame) throw new Error(`no frame at an address containing ${urlPart} (frames: ${page.frames().map((f) => f.url()).join(", ")})`);
  return frame.evaluate(`(${body})(${JSON.stringify(arg ?? null)})`);
};

declare module "vitest/browser" {
  interface BrowserCommands {
    inFrame: <T = unknown>(urlPart: string, body: string, arg?: unknown) => Promise<T>;
  }
}

/** One top-level task of the page's main thread: wall time, and the CPU time that thread spent in it. */
export interface TracedTask { wallMs: number; cpuMs: number }

export const startTaskTrace: BrowserCommand<[]> = async (context) => {
  const { page } = context as Ctx;
  await page.context().browser()!.startTracing(undefined, { categories: ["toplevel", "blink.user_timing", "__metadata"] });
};

/**
 * Stops the trace and returns every top-level task that ran on the thread which called
 * `performance.mark(marker)`, from the mark on. The CPU time (`tdur`) is what the thread itself
 * did: time the thread waited for a core on a loaded machine is not in it.
 */
export const stopTaskTrace: BrowserCommand<[marker: string]> = async (context, marker) => {
  const { page } = context as Ctx;
  const raw = await page.context().browser()!.stopTracing();
  type Ev = { name: string; cat: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number };
  const events = (JSON.parse(raw.toString("utf8")) as { traceEvents: Ev[] }).traceEvents;
  const mark = events.find((e) => e.name === marker && e.cat.includes("blink.user_timing"));
  if (!mark) throw new Error(`the trace has no mark named ${marker}`);
  return events.filter((e) => e.ph === "X" && e.pid === mark.pid && e.tid === mark.tid && e.cat === "toplevel" && e.ts + (e.dur ?? 0) >= mark.ts)
    .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? NaN) / 1000, name: e.name }));
};

declare module "vitest/browser" {
  interface BrowserCommands {
    startTaskTrace: () => Promise<void>;
    stopTaskTrace: (marker: string) => Promise<TracedTask[]>;
  }
}
