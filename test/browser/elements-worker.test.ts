/**
 * The per-element build (dist/elements) runs its tasks in a worker that imports the page's own
 * chunks by URL (scripts/split-worker.mjs) rather than a second, inlined copy of the engine:
 * loaded from the second origin, a lesson's first task must finish in that worker, not fall back.
 */
import { expect, test } from "vitest";
import { elementsSpeedEstimate, recordWorkers } from "./helpers.js";

test("a lesson from dist/elements trains in a worker built from its own chunks", async () => {
  const { made, restore } = recordWorkers();
  try {
    expect(await elementsSpeedEstimate()).toBe("done");
    expect(made.length).toBeGreaterThan(0);
    expect(made.flatMap((w) => w.errors)).toEqual([]);
    expect(made.some((w) => w.messages.includes("ready") && w.messages.includes("done"))).toBe(true);
  } finally {
    restore();
  }
});
