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
