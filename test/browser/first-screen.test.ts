import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { page } from "vitest/browser";
import { loadBundle, mount, settle, type View } from "./helpers.js";

/**
 * Each lesson's first screen inside <rnn-explorer> (its top row and tabs count): the control the reader uses
 * (`data-primary="control"`) and the main visual (`data-primary="visual"`) both fully visible at 1280×800
 * without scrolling; and mounting a lesson never blocks the main thread for more than 100 ms.
 */
const LESSONS = ["shift-register", "feedback", "state-space", "bptt", "lstm", "gru", "gradient-flow", "esn",
  "sequence-lab", "worked-example", "char-lab"];

beforeAll(async () => { await loadBundle(); await page.viewport(1280, 800); });
afterEach(() => { document.body.replaceChildren(); history.replaceState(null, "", location.pathname + location.search); });
afterAll(async () => { await page.viewport(414, 896); });

const view = (ex: View, name: string) => ex.shadowRoot!.querySelector<HTMLElement>(`[slot="${name}"]`);
const marked = (ex: View, name: string, which: string) => view(ex, name)?.shadowRoot?.querySelector<HTMLElement>(`[data-primary="${which}"]`) ?? null;

async function open(name: string): Promise<View> {
  document.body.style.margin = "0";
  const ex = await mount(`<rnn-explorer tab="${name}"></rnn-explorer>`);
  for (let i = 0; i < 300 && !(marked(ex, name, "control") && marked(ex, name, "visual")); i++) await new Promise((r) => setTimeout(r, 50));
  await settle(ex.shadowRoot!);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return ex;
}

describe("first screen at 1280×800", () => {
  for (const name of LESSONS) test(`${name}: a control and the main visual without scrolling`, async () => {
    const ex = await open(name);
    scrollTo(0, 0);
    for (const which of ["control", "visual"]) {
      const el = marked(ex, name, which);
      expect(el, `${name} marks its ${which}`).not.toBeNull();
      const r = el!.getBoundingClientRect();
      expect(r.height, `${name} ${which} is rendered`).toBeGreaterThan(10);
      expect({ which, top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right) })
        .toEqual({ which, top: Math.max(0, Math.round(r.top)), bottom: Math.min(innerHeight, Math.round(r.bottom)),
          left: Math.max(0, Math.round(r.left)), right: Math.min(innerWidth, Math.round(r.right)) });
    }
  });
});

/** The longest main-thread task while a lesson mounts and starts (PerformanceObserver "longtask", ≥ 50 ms). */
async function longestMountTask(name: string): Promise<number> {
  const tasks: number[] = [];
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration); });
  obs.observe({ type: "longtask" });
  const ex = await open(name);
  await new Promise((r) => setTimeout(r, 300));
  obs.takeRecords().forEach((e) => tasks.push(e.duration));
  obs.disconnect();
  ex.remove();
  return Math.max(0, ...tasks);
}

describe("mounting a lesson", () => {
  test("the probe sees a task that blocks the main thread", async () => {
    const tasks: number[] = [];
    const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration); });
    obs.observe({ type: "longtask" });
    await new Promise<void>((r) => setTimeout(() => { const end = performance.now() + 150; while (performance.now() < end) { /* block */ } r(); }));
    await new Promise((r) => setTimeout(r, 100));
    obs.takeRecords().forEach((e) => tasks.push(e.duration));
    obs.disconnect();
    expect(Math.max(0, ...tasks)).toBeGreaterThanOrEqual(150);
  });

  for (const name of LESSONS) test(`${name}: no main-thread task over 100 ms`, async () => {
    // the machine is shared: a task stretched by another process once is not the view's; the better of two mounts is
    let longest = await longestMountTask(name);
    if (longest > 100) longest = Math.min(longest, await longestMountTask(name));
    expect(longest).toBeLessThanOrEqual(100);
  });
});
