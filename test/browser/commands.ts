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
