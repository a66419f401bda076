/**
 * The per-element build (dist/elements) runs its tasks in a worker that imports the page's own
 * chunks by URL (scripts/split-worker.mjs) rather than a second, inlined copy of the engine:
 * loaded from the second origin, a lesson's first task must finish in that worker, not fall back.
 */
import { expect, test } from "vitest";
import { mount, origin, recordWorkers, until } from "./helpers.js";

test("a lesson from dist/elements trains in a worker built from its own chunks", async () => {
  const { made, restore } = recordWorkers();
  try {
    await import(/* @vite-ignore */ `${origin}/dist/elements/gradient-flow.js`);
    const el = await mount('<rnn-gradient-flow lengths="4, 8" steps="200" seeds="1" budget="900" vocab="4"></rnn-gradient-flow>');
    const view = el as unknown as { speed: { status: string } };
    // on mount the view times a few steps (task gradient-flow-speed) before offering Run
    await until("the speed estimate", () => view.speed.status === "done" || view.speed.status === "error");
    expect(view.speed.status).toBe("done");
    expect(made.length).toBeGreaterThan(0);
    expect(made.flatMap((w) => w.errors)).toEqual([]);
    expect(made.some((w) => w.messages.includes("ready") && w.messages.includes("done"))).toBe(true);
  } finally {
    restore();
  }
});
