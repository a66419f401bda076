/** The task runner's progress throttling never loses a model snapshot. */
import { expect, it, vi } from "vitest";
import { carrySnapshot, startRun } from "../bindings/worker/run.js";
import type { Task } from "../bindings/worker/types.js";

it("throttled progress still delivers every snapshot, or a newer one after it", async () => {
  const sent: number[] = [], received: Array<{ i: number; snapshot?: number }> = [];
  const task: Task = async (_p, ctx) => {
    for (let i = 0; i < 16; i++) {
      const snapshot = i % 4 === 1 ? i : undefined;
      if (snapshot !== undefined) sent.push(snapshot);
      ctx.progress({ i, snapshot });
    }
    return "done";
  };
  const run = startRun("t", {}, {
    onProgress: (p) => received.push(p as { i: number; snapshot?: number }),
    engine: () => Promise.reject(new Error("no engine needed")), loadTask: async () => task,
    sliceMs: 1000,
  });
  await run.done;
  const snaps = received.map((r) => r.snapshot).filter((s): s is number => s !== undefined);
  expect(received.at(-1)!.i).toBe(15); // the latest payload arrives
  expect(snaps.at(-1)).toBe(sent.at(-1)); // and so does the latest snapshot
  for (const s of sent) expect(snaps.some((r) => r >= s), `snapshot ${s} or a newer one`).toBe(true);
  expect(received.length).toBeLessThan(16); // it is still throttled
});

it("carrySnapshot keeps the newer payload's own snapshot", () => {
  expect(carrySnapshot({ snapshot: 1 }, { i: 2, snapshot: 2 })).toEqual({ i: 2, snapshot: 2 });
  expect(carrySnapshot({ snapshot: 1 }, { i: 2 })).toEqual({ i: 2, snapshot: 1 });
  expect(carrySnapshot(undefined, { i: 2 })).toEqual({ i: 2 });
});

it("a paused run holds at its next checkpoint after its last report, and step lets exactly one chunk through", async () => {
  const log: string[] = [];
  let run: ReturnType<typeof startRun> | undefined;
  const task: Task = async (_p, ctx) => {
    for (let i = 0; i < 6; i++) {
      ctx.progress(i);
      if (i === 1) run!.pause(); // the reader presses Pause during chunk 1
      await ctx.checkpoint();
    }
    return "done";
  };
  run = startRun("t", {}, {
    onProgress: (p) => log.push(`progress ${p}`),
    onHold: () => {
      log.push("held");
      // the first hold: step once; the second: resume
      if (log.filter((l) => l === "held").length === 1) run!.step(); else run!.resume();
    },
    engine: () => Promise.reject(new Error("no engine needed")), loadTask: async () => task,
    sliceMs: 1000,
  });
  await run.done;
  // throttling may drop reports before the hold, never the one the run holds at
  const from = log.indexOf("held");
  expect(log[from - 1]).toBe("progress 1");
  expect(log.slice(from)).toEqual(["held", "progress 2", "held", "progress 5"]);
});

it("reports at most 30 times a second of the run's own clock, and always the last payload", async () => {
  vi.useFakeTimers({ toFake: ["performance", "setTimeout", "clearTimeout"] });
  try {
    const received: number[] = [];
    const task: Task = async (_p, ctx) => {
      for (let i = 1; i <= 400; i++) { vi.advanceTimersByTime(5); ctx.progress(i); } // 400 steps of 5 ms: 2 s
      return "done";
    };
    const run = startRun("t", {}, {
      onProgress: (p) => received.push(p as number),
      engine: () => Promise.reject(new Error("no engine needed")), loadTask: async () => task, sliceMs: 1e9,
    });
    await run.done;
    expect(received.at(-1)).toBe(400);
    expect(received.length).toBeLessThanOrEqual(2 * 30 + 2);
    expect(received.length).toBeGreaterThanOrEqual(2 * 25);
    expect(received).toEqual([...received].sort((a, b) => a - b));
  } finally {
    vi.useRealTimers();
  }
});
