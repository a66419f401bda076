import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { commands, page } from "vitest/browser";
import { loadBundle, mount, settle, sleep, until, type View } from "./helpers.js";

/**
 * Each lesson's first screen inside <rnn-explorer> (its top row and tabs count): the control the reader uses
 * (`data-primary="control"`) and the main visual (`data-primary="visual"`) both fully visible at 1280×800
 * without scrolling; and mounting a lesson never runs a main-thread task of more than 100 ms of CPU time.
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
  await until(`${name}'s control and visual`, () => marked(ex, name, "control") && marked(ex, name, "visual"));
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

/**
 * Thread CPU time of the longest main-thread task while a lesson mounts and does its first work (Chromium's
 * trace: what the thread itself ran, without the time it waited for a core, which on a loaded 2-core machine
 * stretches a 50 ms task past 150 ms of wall time). `firstWork` waits for the view's own first result.
 */
async function longestTaskCpuMs(work: () => Promise<unknown>): Promise<number> {
  await commands.startTaskTrace();
  const marker = `rnn-mount-${Math.random()}`;
  performance.mark(marker);
  try { await work(); } finally { performance.clearMarks(marker); }
  await sleep(300);
  const tasks = await commands.stopTaskTrace(marker);
  return Math.max(0, ...tasks.map((t) => t.cpuMs));
}

/** What each lesson computes on the page after it is drawn, before it sits idle. */
const FIRST_WORK: Partial<Record<string, (view: HTMLElement) => unknown>> = {
  lstm: (v) => v.shadowRoot!.querySelector("[data-testid=accuracy]"),
  gru: (v) => v.shadowRoot!.querySelector("[data-testid=accuracy]"),
  esn: (v) => (v as unknown as { probeTask: { status: string } }).probeTask.status === "done",
};

describe("mounting a lesson", () => {
  test("the probe sees a task that blocks the main thread", async () => {
    // a fixed amount of work, not a wall-clock spin: on a busy machine a spin gets a fraction of a core
    const cpu = await longestTaskCpuMs(() => new Promise<void>((r) => setTimeout(() => {
      let x = 0;
      for (let i = 0; i < 3e8; i++) x += Math.sqrt(i);
      (globalThis as { sink?: number }).sink = x; // keeps the loop from being optimised away
      r();
    })));
    expect(cpu).toBeGreaterThan(100);
  });

  for (const name of LESSONS) test(`${name}: no main-thread task over 100 ms of CPU`, async () => {
    const cpu = await longestTaskCpuMs(async () => {
      const ex = await open(name);
      const ready = FIRST_WORK[name];
      if (ready) await until(`${name}'s first result`, () => ready(view(ex, name)!));
    });
    expect(cpu).toBeLessThanOrEqual(100);
  });
});
